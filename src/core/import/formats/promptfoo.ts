// promptfoo's output JSON (promptfoo eval -o results.json): {"results": {"version", "results": [{"provider": {"id",
// "label"}, "prompt": {"raw", "display"}, "vars", "response": {"output"}, "success", "score", "gradingResult":
// {"pass", "score", "reason"}, "error"}], "stats", "table"}, "config"}; and the manual gradings of
// promptfoo-nextjs-viewer (*.scored.json: {"data": [{"text", "prompt", "provider", "manualGrading": {"user", "pass"}}]}).
// A prompt is the rendered prompt text (one template with one test's vars), so the same prompt sent to several
// providers is one prompt group and the providers are the systems.
import { createHash } from 'node:crypto';
import type { CanonicalRecord, ScoreScale, SourceRef } from '../../model/records';
import { FieldError } from '../errors';
import * as f from '../fields';
import type { Row } from '../fields';
import { defaultLanguage, type FormatContext, type ImportFormat } from './format';
import { msg } from '../../util/message';

export const PROMPTFOO_JUDGE = 'promptfoo-assertions';
export const PROMPTFOO_SCALE: ScoreScale = { name: 'assert-01', min: 0, max: 1 };

export function promptGroup(renderedPrompt: string): string {
  return `pf-${createHash('sha1').update(renderedPrompt).digest('hex').slice(0, 12)}`;
}

const keyOf = (context: FormatContext, prompt: string) => ({
  run: context.options.run ?? 'promptfoo',
  group: promptGroup(prompt),
  lang: defaultLanguage(context),
  turn: 1,
});

function providerOf(result: Row, at: string): string {
  const provider = result.provider;
  if (typeof provider === 'string' && provider !== '') return provider;
  const p = provider as Row | undefined;
  const name = (typeof p?.label === 'string' && p.label) || (typeof p?.id === 'string' && p.id);
  if (!name) throw new FieldError(`${at}.provider`, msg('names no provider (id or label)'));
  return name;
}

function outputText(result: Row): string {
  const output = (result.response as Row | undefined)?.output;
  if (output === undefined || output === null) return '';
  return typeof output === 'string' ? output : JSON.stringify(output);
}

function convertResult(value: unknown, i: number, context: FormatContext, source: SourceRef): CanonicalRecord[] {
  const at = `results.results[${i}]`;
  if (typeof value !== 'object' || value === null) throw new FieldError(at, msg('expected a result object'));
  const result = value as Row;
  const raw = (result.prompt as Row | undefined)?.raw;
  if (typeof raw !== 'string') throw new FieldError(`${at}.prompt.raw`, msg('is missing'));
  const key = keyOf(context, raw);
  const system = providerOf(result, at);
  const grading = result.gradingResult as Row | null | undefined;
  // promptfoo puts a failed assertion's reason in "error" too; without a grading it is a failed call.
  const error = !grading && typeof result.error === 'string' && result.error !== '' ? result.error : undefined;
  const score =
    grading && typeof grading.score === 'number'
      ? grading.score
      : typeof result.score === 'number' && !error
        ? result.score
        : null;
  if (score !== null && (score < 0 || score > 1))
    throw new FieldError(`${at}.gradingResult.score`, msg('{0} is outside 0 to 1', score));
  const pass = grading?.pass ?? result.success;
  const reason = typeof grading?.reason === 'string' && grading.reason !== '' ? grading.reason : error;
  return [
    { kind: 'prompt', ...key, text: raw, source },
    { kind: 'response', ...key, system, seed: 0, text: outputText(result), source },
    // A result that failed with an error has no score: it counts as unparsable, with the error as its text.
    {
      kind: 'pointwise-judgment',
      ...key,
      system,
      seed: 0,
      judge: PROMPTFOO_JUDGE,
      scale: PROMPTFOO_SCALE,
      score,
      raw: error ? `error: ${error}` : pass === true ? 'pass' : 'fail',
      ...(reason ? { reasoning: reason } : {}),
      source,
    },
  ];
}

export const promptfooFormat: ImportFormat = {
  name: 'promptfoo',
  description: 'promptfoo output JSON (results.results[]: provider, rendered prompt, response, grading)',
  syntaxes: ['json'],
  matches: (_name, first) =>
    typeof first.results === 'object' && first.results !== null && Array.isArray((first.results as Row).results),
  open: (context) => ({
    convert(row, source) {
      const results = (row.results as Row).results as unknown[];
      if (results.length === 0) throw new FieldError('results.results', msg('holds no results'));
      return results.flatMap((r, i) => convertResult(r, i, context, source));
    },
  }),
};

export const promptfooGradingFormat: ImportFormat = {
  name: 'promptfoo-manual-grading',
  description:
    'manual pass / fail gradings of promptfoo results (promptfoo-nextjs-viewer *.scored.json: data[].manualGrading)',
  syntaxes: ['json'],
  matches: (_name, first) => Array.isArray(first.data) && typeof (first.data as Row[])[0]?.manualGrading === 'object',
  open: (context) => ({
    convert(row, source): CanonicalRecord[] {
      return (row.data as unknown[]).map((value, i) => {
        const at = `data[${i}]`;
        const item = value as Row;
        const grading = item?.manualGrading as Row | undefined;
        if (!grading || typeof grading.pass !== 'boolean')
          throw new FieldError(`${at}.manualGrading.pass`, msg('expected true or false'));
        const prompt = item.prompt;
        if (typeof prompt !== 'string') throw new FieldError(`${at}.prompt`, msg('is missing'));
        const comment = typeof grading.reason === 'string' && grading.reason !== '' ? grading.reason : undefined;
        return {
          kind: 'rating-label',
          ...keyOf(context, prompt),
          annotator: f.text(grading, 'user'),
          system: providerOf(item, at),
          seed: 0,
          rating: grading.pass ? 'pass' : 'fail',
          ...(comment ? { comment } : {}),
          source,
        };
      });
    },
  }),
};
