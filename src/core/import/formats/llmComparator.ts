// PAIR-code/llm-comparator's input JSON: {"metadata": {...}, "models": [{"name"}, {"name"}], "examples": [{"input_text",
// "tags", "output_text_a", "output_text_b", "score", "individual_rater_scores": [{"score", "rating_label",
// "is_flipped", "rationale"}], "custom_fields"}]}. "score" is the autorater's mean, from -1.5 (B much better)
// to 1.5 (A much better). One row is the whole file.
import type { CanonicalRecord, PairVerdict, SourceRef } from '../../model/records';
import { FieldError } from '../errors';
import * as f from '../fields';
import type { Row } from '../fields';
import { defaultLanguage, type FormatContext, type ImportFormat } from './format';
import { msg } from '../../util/message';

export const LLM_COMPARATOR_JUDGE = 'llm-comparator-autorater';
const MAX_SCORE = 1.5;

function modelNames(file: Row): [string, string] {
  const models = file.models;
  if (!Array.isArray(models) || models.length !== 2)
    throw new FieldError('models', msg('expected the two models compared'));
  const names = models.map((m, i) => f.text(m as Row, 'name') || String(i)) as [string, string];
  if (names[0] === names[1])
    throw new FieldError('models[1].name', msg('is the same model as models[0] ("{0}")', names[0]));
  return names;
}

/** The raters' rationales, each with its label and whether the pair was shown flipped (B first). */
function rationales(example: Row): string | undefined {
  const raters = Array.isArray(example.individual_rater_scores) ? (example.individual_rater_scores as Row[]) : [];
  const lines = raters.map(
    (r) =>
      `[${String(r?.rating_label ?? r?.score)}${r?.is_flipped === true ? ', shown flipped' : ''}] ${String(r?.rationale ?? '')}`,
  );
  return lines.length ? lines.join('\n') : undefined;
}

function convertFile(file: Row, context: FormatContext, source: SourceRef): CanonicalRecord[] {
  const [systemA, systemB] = modelNames(file);
  const examples = file.examples;
  if (!Array.isArray(examples) || examples.length === 0) throw new FieldError('examples', msg('holds no examples'));
  return examples.flatMap((value, i): CanonicalRecord[] => {
    const at = `examples[${i}]`;
    if (typeof value !== 'object' || value === null) throw new FieldError(at, msg('expected an example object'));
    const example = value as Row;
    const key = {
      run: context.options.run ?? 'llm-comparator',
      group: String(i + 1),
      lang: defaultLanguage(context),
      turn: 1,
    };
    const scored = f.has(example, 'score');
    const score = scored ? f.number(example, 'score') : NaN;
    if (scored && Math.abs(score) > MAX_SCORE)
      throw new FieldError(`${at}.score`, msg('{0} is outside -1.5 (B much better) to 1.5 (A much better)', score));
    const verdict: PairVerdict = !scored ? 'invalid' : score > 0 ? 'A' : score < 0 ? 'B' : 'tie';
    const reasoning = rationales(example);
    return [
      { kind: 'prompt', ...key, text: textOf(example, 'input_text', at), source },
      { kind: 'response', ...key, system: systemA, seed: 0, text: textOf(example, 'output_text_a', at), source },
      { kind: 'response', ...key, system: systemB, seed: 0, text: textOf(example, 'output_text_b', at), source },
      {
        kind: 'pairwise-judgment',
        ...key,
        judge: LLM_COMPARATOR_JUDGE,
        systemA,
        systemB,
        order: 'combined',
        verdict,
        raw: scored ? String(score) : 'null',
        ...(scored ? { preference: (MAX_SCORE - score) / (2 * MAX_SCORE) } : {}),
        ...(reasoning ? { reasoning } : {}),
        source,
      },
    ];
  });
}

function textOf(example: Row, field: string, at: string): string {
  const v = example[field];
  if (typeof v === 'string') return v;
  throw new FieldError(`${at}.${field}`, v === undefined || v === null ? msg('is missing') : msg('expected text'));
}

export const llmComparatorFormat: ImportFormat = {
  name: 'llm-comparator',
  description:
    "LLM Comparator input JSON (metadata, models, examples with output_text_a / _b and the autorater's score)",
  syntaxes: ['json'],
  matches: (_name, first) => Array.isArray(first.models) && Array.isArray(first.examples),
  open: (context) => ({ convert: (row, source) => convertFile(row, context, source) }),
};
