// Inspect AI eval logs (UKGovernmentBEIS/inspect_ai), the .json form or the zipped .eval (read as the same object):
// {"version", "status", "eval": {"task", "model", ...}, "results", "samples": [{"id", "epoch", "input", "target",
// "messages", "output": {"completion" | "choices": [{"message": {"content"}}]}, "scores": {<scorer>: {"value",
// "answer", "explanation"}}}]}. One row is the whole log.
import type { CanonicalRecord, ScoreScale, SourceRef } from '../../model/records';
import { FieldError } from '../errors';
import * as f from '../fields';
import type { Row } from '../fields';
import { defaultLanguage, type FormatContext, type ImportFormat } from './format';
import { msg } from '../../util/message';

/** Inspect's value_to_float: C correct 1, P partial 0.5, I incorrect and N no answer 0; booleans 1 / 0. */
export const INSPECT_SCALE: ScoreScale = { name: 'correct-01', min: 0, max: 1 };
const LETTERS: Readonly<Record<string, number>> = { C: 1, P: 0.5, I: 0, N: 0 };

/** A message's text: a string, or the text parts of a list of content parts. */
function contentText(content: unknown, field: string): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .filter((p) => (p as { type?: unknown })?.type === 'text')
      .map((p) => String((p as { text?: unknown }).text ?? ''))
      .join('\n');
  }
  throw new FieldError(field, msg('expected text or a list of content parts'));
}

/** What the model was asked: every message before its answer (system and user turns), else the sample's input. */
function promptText(sample: Row, at: string): string {
  const messages = Array.isArray(sample.messages) ? (sample.messages as Row[]) : undefined;
  const lastAnswer = messages ? messages.map((m) => m?.role).lastIndexOf('assistant') : -1;
  const asked =
    messages && lastAnswer > 0 ? messages.slice(0, lastAnswer).filter((m) => m.role !== 'assistant') : undefined;
  if (asked?.length) return asked.map((m, i) => contentText(m.content, `${at}.messages[${i}].content`)).join('\n\n');
  const input = sample.input;
  if (typeof input === 'string') return input;
  if (Array.isArray(input))
    return (input as Row[]).map((m, i) => contentText(m?.content, `${at}.input[${i}].content`)).join('\n\n');
  throw new FieldError(`${at}.input`, msg('expected text or a list of messages'));
}

function completion(sample: Row, at: string): string {
  const output = sample.output as Row | undefined;
  if (!output || typeof output !== 'object') throw new FieldError(`${at}.output`, msg('is missing'));
  if (typeof output.completion === 'string' && output.completion !== '') return output.completion;
  const choices = output.choices;
  if (Array.isArray(choices) && choices.length > 0)
    return contentText(
      (choices[0] as Row)?.message && ((choices[0] as Row).message as Row).content,
      `${at}.output.choices[0].message.content`,
    );
  if (typeof output.completion === 'string') return output.completion;
  throw new FieldError(`${at}.output`, msg('holds no completion and no choices'));
}

function scoreValue(value: unknown, field: string): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value in LETTERS) return LETTERS[value]!;
  if (typeof value === 'number' && value >= 0 && value <= 1) return value;
  throw new FieldError(
    field,
    msg(
      '{0} is not C, I, P, N, true/false or a number from 0 to 1 (the only scores with a known scale)',
      f.describe(value),
    ),
  );
}

function convertLog(log: Row, context: FormatContext, source: SourceRef): CanonicalRecord[] {
  const evalSpec = log.eval as Row;
  const run = context.options.run ?? f.text(evalSpec, 'task');
  const system = context.options.system ?? f.text(evalSpec, 'model');
  const samples = log.samples;
  if (!Array.isArray(samples) || samples.length === 0) {
    throw new FieldError('samples', msg('the log holds no samples (was it written without them, --no-log-samples?)'));
  }
  const lang = defaultLanguage(context);
  return samples.flatMap((value, i): CanonicalRecord[] => {
    const at = `samples[${i}]`;
    if (typeof value !== 'object' || value === null) throw new FieldError(at, msg('expected a sample object'));
    const sample = value as Row;
    if (!f.has(sample, 'id')) throw new FieldError(`${at}.id`, msg('is missing'));
    const key = { run, group: String(sample.id), lang, turn: 1 };
    const seed = f.optionalInteger(sample, 'epoch', 1) - 1;
    const records: CanonicalRecord[] = [
      { kind: 'prompt', ...key, text: promptText(sample, at), source },
      { kind: 'response', ...key, system, seed, text: completion(sample, at), source },
    ];
    const target = Array.isArray(sample.target) ? sample.target.join('\n') : sample.target;
    if (typeof target === 'string' && target.trim() !== '')
      records.push({ kind: 'reference', ...key, author: 'target', text: target, source });
    const scores = (sample.scores ?? {}) as Record<string, Row>;
    for (const [scorer, score] of Object.entries(scores)) {
      const field = `${at}.scores.${scorer}.value`;
      records.push({
        kind: 'pointwise-judgment',
        ...key,
        system,
        seed,
        judge: scorer,
        scale: INSPECT_SCALE,
        score: scoreValue(score?.value, field),
        raw: String(score?.value),
        ...(typeof score?.explanation === 'string' && score.explanation !== '' ? { reasoning: score.explanation } : {}),
        source,
      });
    }
    return records;
  });
}

export const inspectFormat: ImportFormat = {
  name: 'inspect-log',
  description: "Inspect AI eval log (.json or the zipped .eval): each sample's input, output and scores",
  syntaxes: ['json', 'inspect-eval'],
  matches: (_name, first) =>
    typeof first.eval === 'object' && first.eval !== null && 'version' in first && 'status' in first,
  open: (context) => ({ convert: (row, source) => convertLog(row, context, source) }),
};
