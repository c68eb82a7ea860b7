// LangLens's own layout (docs/formats.md): one record per line or row, its "kind" saying what it is.
import { RATINGS, RECORD_KINDS, type CanonicalRecord, type PromptKey, type ScoreScale, type SourceRef } from '../../model/records';
import { FieldError } from '../errors';
import * as f from '../fields';
import type { Row } from '../fields';
import type { FormatContext, ImportFormat, RowConverter } from './format';

/** Scales known by name, so that a file can say "likert-6" instead of giving the bounds. */
export const KNOWN_SCALES: Readonly<Record<string, ScoreScale>> = {
  'likert-6': { name: 'likert-6', min: 1, max: 6 },
  'rating-3': { name: 'rating-3', min: 1, max: 3 },
  'mt-bench-10': { name: 'mt-bench-10', min: 1, max: 10 },
};

export const canonicalFormat: ImportFormat = {
  name: 'langlens',
  description: 'LangLens canonical records (docs/formats.md)',
  syntaxes: ['jsonl', 'json', 'csv'],
  // A record with a kind, a group and a language is meant to be canonical even when its kind is misspelt: it is
  // refused with the kind named rather than skipped as some other file.
  matches: (_name, first) => typeof first.kind === 'string' &&
    ((RECORD_KINDS as readonly string[]).includes(first.kind) || ('group' in first && 'lang' in first)),
  open: (context) => new CanonicalConverter(context),
};

class CanonicalConverter implements RowConverter {
  constructor(private readonly context: FormatContext) {}

  convert(row: Row, source: SourceRef): CanonicalRecord[] {
    const kind = f.oneOf(row, 'kind', RECORD_KINDS);
    const key: PromptKey = {
      run: this.context.options.run ?? f.optionalId(row, 'run') ?? 'default',
      group: f.id(row, 'group'),
      lang: f.language(row, 'lang'),
      turn: f.optionalInteger(row, 'turn', 1),
    };
    if (key.turn < 1) throw new FieldError('turn', 'turns are numbered from 1');
    switch (kind) {
      case 'prompt':
        return [{ kind, ...key, text: f.text(row, 'text'), source }];
      case 'response':
        return [{ kind, ...key, system: f.id(row, 'system'), seed: seedOf(row), text: f.textAllowEmpty(row, 'text'), source }];
      case 'pairwise-judgment':
        return [{
          kind, ...key, judge: f.id(row, 'judge'), systemA: f.id(row, 'system_a'), systemB: distinct(row),
          order: f.has(row, 'order') ? f.oneOf(row, 'order', ['AB', 'BA', 'combined'] as const) : 'AB',
          verdict: f.oneOf(row, 'verdict', ['A', 'B', 'tie', 'invalid'] as const),
          ...optionalTexts(row, { raw: 'raw', reasoning: 'reasoning', judgeHash: 'judge_hash', promptVariant: 'prompt_variant' }),
          ...(f.has(row, 'preference') ? { preference: preferenceOf(row) } : {}), source,
        }];
      case 'pointwise-judgment': {
        const scale = scaleOf(row);
        const score = f.has(row, 'score') ? f.number(row, 'score') : null;
        if (score !== null && (score < scale.min || score > scale.max)) {
          throw new FieldError('score', `${score} is outside the scale ${scale.name} (${scale.min} to ${scale.max})`);
        }
        return [{
          kind, ...key, system: f.id(row, 'system'), seed: seedOf(row), judge: f.id(row, 'judge'), scale, score,
          ...optionalTexts(row, { raw: 'raw', reasoning: 'reasoning', judgeHash: 'judge_hash', promptVariant: 'prompt_variant' }), source,
        }];
      }
      case 'reference':
        return [{ kind, ...key, author: f.text(row, 'author'), text: f.text(row, 'text'), source }];
      case 'pairwise-label':
        return [{
          kind, ...key, ...labelBase(row), systemA: f.id(row, 'system_a'), systemB: distinct(row),
          verdict: cleared(row, 'verdict') ? null : f.oneOf(row, 'verdict', ['A', 'B', 'tie'] as const),
          ...(f.has(row, 'order') ? { order: f.oneOf(row, 'order', ['AB', 'BA'] as const) } : {}), source,
        }];
      case 'rating-label':
        return [{
          kind, ...key, ...labelBase(row), system: f.id(row, 'system'), seed: seedOf(row),
          rating: cleared(row, 'rating') ? null : f.oneOf(row, 'rating', RATINGS), source,
        }];
      case 'language-flag':
        return [{ kind, ...key, ...labelBase(row), system: f.id(row, 'system'), seed: seedOf(row), flagged: f.flag(row, 'flagged'), source }];
      case 'language-label':
        return [{ kind, ...key, ...labelBase(row), system: f.id(row, 'system'), seed: seedOf(row), language: f.language(row, 'language'), source }];
    }
  }
}

function preferenceOf(row: Row): number {
  const p = f.number(row, 'preference');
  if (p < 0 || p > 1) throw new FieldError('preference', `${p} is outside 0 (system_a) to 1 (system_b)`);
  return p;
}

function seedOf(row: Row): number {
  return f.optionalInteger(row, 'seed', 0);
}

/** A label that takes an earlier one back: `"cleared": true` with the value absent. */
function cleared(row: Row, valueField: string): boolean {
  if (!f.has(row, 'cleared') || !f.flag(row, 'cleared')) return false;
  if (f.has(row, valueField)) throw new FieldError(valueField, 'a cleared label has no value');
  return true;
}

function labelBase(row: Row) {
  return {
    annotator: f.id(row, 'annotator'),
    ...(f.has(row, 'label_id') ? { labelId: f.text(row, 'label_id') } : {}),
    ...(f.has(row, 'labelled_at') ? { labelledAt: f.timestamp(row, 'labelled_at') } : {}),
    ...(f.has(row, 'comment') ? { comment: f.text(row, 'comment') } : {}),
  };
}

function distinct(row: Row): string {
  const b = f.id(row, 'system_b');
  if (b === f.text(row, 'system_a')) throw new FieldError('system_b', `is the same system as system_a ("${b}")`);
  return b;
}

function scaleOf(row: Row): ScoreScale {
  const name = f.text(row, 'scale');
  if (f.has(row, 'scale_min') || f.has(row, 'scale_max')) {
    const min = f.number(row, 'scale_min');
    const max = f.number(row, 'scale_max');
    if (!(min < max)) throw new FieldError('scale_max', `must be greater than scale_min (${min})`);
    return { name, min, max };
  }
  const known = KNOWN_SCALES[name];
  if (!known) {
    throw new FieldError('scale', `"${name}" is not a known scale (${Object.keys(KNOWN_SCALES).join(', ')}); give scale_min and scale_max`);
  }
  return known;
}

function optionalTexts<K extends string>(row: Row, fields: Record<K, string>): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [key, field] of Object.entries(fields) as [K, string][]) {
    const v = f.optionalText(row, field);
    if (v !== undefined) out[key] = v;
  }
  return out;
}
