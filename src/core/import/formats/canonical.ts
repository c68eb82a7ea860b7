// LangLens's own layout (docs/formats.md): one record per line or row, its "kind" saying what it is.
import {
  ANNOTATOR_ROLES,
  RATINGS,
  RECORD_KINDS,
  type CanonicalRecord,
  type LabelScale,
  type PromptKey,
  type RatingLabelRecord,
  type ScoreScale,
  type SourceRef,
} from '../../model/records';
import { scalesByName } from '../../model/scales';
import { parseSchema } from '../schema';
import { FieldError } from '../errors';
import * as f from '../fields';
import type { Row } from '../fields';
import type { FormatContext, ImportFormat, RowConverter } from './format';
import { msg } from '../../util/message';

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
  matches: (_name, first) =>
    typeof first.kind === 'string' &&
    ((RECORD_KINDS as readonly string[]).includes(first.kind) || ('group' in first && 'lang' in first)),
  open: (context) => new CanonicalConverter(context),
};

class CanonicalConverter implements RowConverter {
  /** Declared and built-in scales, and those a schema record earlier in this file declares. */
  private readonly scales: Map<string, LabelScale>;

  constructor(private readonly context: FormatContext) {
    this.scales = scalesByName(context.schema);
  }

  convert(row: Row, source: SourceRef): CanonicalRecord[] {
    const kind = f.oneOf(row, 'kind', RECORD_KINDS);
    if (kind === 'schema') {
      const schema = parseSchema(row);
      for (const scale of schema.scales) this.scales.set(scale.name, scale);
      return [{ kind, ...schema, source }];
    }
    const key: PromptKey = {
      run: this.context.options.run ?? f.optionalId(row, 'run') ?? 'default',
      group: f.id(row, 'group'),
      lang: f.language(row, 'lang'),
      turn: f.optionalInteger(row, 'turn', 1),
    };
    if (key.turn < 1) throw new FieldError('turn', msg('turns are numbered from 1'));
    switch (kind) {
      case 'prompt':
        return [{ kind, ...key, text: f.text(row, 'text'), source }];
      case 'response':
        return [
          { kind, ...key, system: f.id(row, 'system'), seed: seedOf(row), text: f.textAllowEmpty(row, 'text'), source },
        ];
      case 'pairwise-judgment':
        return [
          {
            kind,
            ...key,
            judge: f.id(row, 'judge'),
            ...criterionOf(row),
            systemA: f.id(row, 'system_a'),
            systemB: distinct(row),
            order: f.has(row, 'order') ? f.oneOf(row, 'order', ['AB', 'BA', 'combined'] as const) : 'AB',
            verdict: f.oneOf(row, 'verdict', ['A', 'B', 'tie', 'invalid'] as const),
            ...judgmentTexts(row),
            ...(f.has(row, 'preference') ? { preference: preferenceOf(row) } : {}),
            source,
          },
        ];
      case 'pointwise-judgment': {
        const scale = scaleOf(row);
        // A score outside its scale is refused for every layout by checkScale (import/scales.ts).
        const score = f.has(row, 'score') ? f.number(row, 'score') : null;
        return [
          {
            kind,
            ...key,
            system: f.id(row, 'system'),
            seed: seedOf(row),
            judge: f.id(row, 'judge'),
            ...criterionOf(row),
            scale,
            score,
            ...judgmentTexts(row),
            source,
          },
        ];
      }
      case 'reference':
        return [{ kind, ...key, author: f.text(row, 'author'), text: f.text(row, 'text'), source }];
      case 'pairwise-label':
        return [
          {
            kind,
            ...key,
            ...labelBase(row),
            ...criterionOf(row),
            systemA: f.id(row, 'system_a'),
            systemB: distinct(row),
            verdict: cleared(row, 'verdict') ? null : f.oneOf(row, 'verdict', ['A', 'B', 'tie'] as const),
            ...(f.has(row, 'order') ? { order: f.oneOf(row, 'order', ['AB', 'BA'] as const) } : {}),
            source,
          },
        ];
      case 'rating-label':
        return [
          {
            kind,
            ...key,
            ...labelBase(row),
            ...criterionOf(row),
            system: f.id(row, 'system'),
            seed: seedOf(row),
            ...this.ratingOf(row),
            source,
          },
        ];
      case 'language-flag':
        return [
          {
            kind,
            ...key,
            ...labelBase(row),
            system: f.id(row, 'system'),
            seed: seedOf(row),
            flagged: f.flag(row, 'flagged'),
            source,
          },
        ];
      case 'language-label':
        return [
          {
            kind,
            ...key,
            ...labelBase(row),
            system: f.id(row, 'system'),
            seed: seedOf(row),
            language: f.language(row, 'language'),
            source,
          },
        ];
    }
  }

  /** A rating on lima-3 (no scale given), on a declared or built-in scale, or on a numeric scale with its bounds. */
  private ratingOf(row: Row): Pick<RatingLabelRecord, 'rating' | 'scale'> {
    const isCleared = cleared(row, 'rating');
    if (!f.has(row, 'scale') || f.text(row, 'scale') === 'lima-3') {
      if (f.has(row, 'scale_min') || f.has(row, 'scale_max'))
        throw new FieldError('scale', msg('a numeric rating names its scale'));
      return { rating: isCleared ? null : f.oneOf(row, 'rating', RATINGS) };
    }
    const name = f.text(row, 'scale');
    const declared = this.scales.get(name);
    let scale: LabelScale;
    if (f.has(row, 'scale_min') || f.has(row, 'scale_max')) {
      const bounds = scaleOf(row);
      if (declared && (declared.kind !== 'numeric' || declared.min !== bounds.min || declared.max !== bounds.max)) {
        throw new FieldError(
          'scale_max',
          msg(
            'the scale {0} is declared as {1}, not {2} to {3}',
            name,
            describeDeclared(declared),
            bounds.min,
            bounds.max,
          ),
        );
      }
      scale = { name, kind: 'numeric', min: bounds.min, max: bounds.max };
    } else if (declared) {
      scale = declared;
    } else {
      throw new FieldError(
        'scale',
        msg(
          '"{0}" is not a declared scale (declare it in langlens.schema.json, or give scale_min and scale_max)',
          name,
        ),
      );
    }
    const reference = scale.kind === 'numeric' ? { name, min: scale.min, max: scale.max } : { name };
    if (isCleared) return { rating: null, scale: reference };
    if (scale.kind === 'ordinal') return { rating: f.oneOf(row, 'rating', scale.levels), scale: reference };
    const value = f.number(row, 'rating');
    if (value < scale.min || value > scale.max)
      throw new FieldError(
        'rating',
        msg('{0} is outside the scale {1} ({2} to {3})', value, name, scale.min, scale.max),
      );
    return { rating: value, scale: reference };
  }
}

function describeDeclared(scale: LabelScale): string {
  return scale.kind === 'ordinal' ? `ordinal (${scale.levels.join(', ')})` : `${scale.min} to ${scale.max}`;
}

/** The criterion of a rating or verdict; absent or empty: none. */
function criterionOf(row: Row): { criterion?: string } {
  const criterion = f.optionalText(row, 'criterion');
  return criterion === undefined ? {} : { criterion: criterion.trim() };
}

function preferenceOf(row: Row): number {
  const p = f.number(row, 'preference');
  if (p < 0 || p > 1) throw new FieldError('preference', msg('{0} is outside 0 (system_a) to 1 (system_b)', p));
  return p;
}

function seedOf(row: Row): number {
  return f.optionalInteger(row, 'seed', 0);
}

/** A label that takes an earlier one back: `"cleared": true` with the value absent. */
function cleared(row: Row, valueField: string): boolean {
  if (!f.has(row, 'cleared') || !f.flag(row, 'cleared')) return false;
  if (f.has(row, valueField)) throw new FieldError(valueField, msg('a cleared label has no value'));
  return true;
}

function labelBase(row: Row) {
  return {
    annotator: f.id(row, 'annotator'),
    ...(f.has(row, 'label_id') ? { labelId: f.text(row, 'label_id') } : {}),
    ...(f.has(row, 'labelled_at') ? { labelledAt: f.timestamp(row, 'labelled_at') } : {}),
    ...(f.has(row, 'comment') ? { comment: f.text(row, 'comment') } : {}),
    ...(f.has(row, 'round') ? { round: round(row) } : {}),
    ...(f.has(row, 'annotator_role') ? { annotatorRole: f.oneOf(row, 'annotator_role', ANNOTATOR_ROLES) } : {}),
    ...(f.has(row, 'time_on_item_ms') ? { timeOnItemMs: timeOnItem(row) } : {}),
  };
}

function timeOnItem(row: Row): number {
  const ms = f.integer(row, 'time_on_item_ms');
  if (ms < 0) throw new FieldError('time_on_item_ms', msg('a time on item is a number of milliseconds, 0 or more'));
  return ms;
}

function round(row: Row): number {
  const n = f.integer(row, 'round');
  if (n < 1) throw new FieldError('round', msg('rounds are numbered from 1'));
  return n;
}

function distinct(row: Row): string {
  const b = f.id(row, 'system_b');
  if (b === f.text(row, 'system_a')) throw new FieldError('system_b', msg('is the same system as system_a ("{0}")', b));
  return b;
}

function scaleOf(row: Row): ScoreScale {
  const name = f.text(row, 'scale');
  if (f.has(row, 'scale_min') || f.has(row, 'scale_max')) {
    const min = f.number(row, 'scale_min');
    const max = f.number(row, 'scale_max');
    if (!(min < max)) throw new FieldError('scale_max', msg('must be greater than scale_min ({0})', min));
    return { name, min, max };
  }
  const known = KNOWN_SCALES[name];
  if (!known) {
    throw new FieldError(
      'scale',
      msg('"{0}" is not a known scale ({1}); give scale_min and scale_max', name, Object.keys(KNOWN_SCALES).join(', ')),
    );
  }
  return known;
}

/** A verdict's or score's optional texts: those the row has. */
function judgmentTexts(row: Row): { raw?: string; reasoning?: string; judgeHash?: string; promptVariant?: string } {
  const out: { raw?: string; reasoning?: string; judgeHash?: string; promptVariant?: string } = {};
  const raw = f.optionalText(row, 'raw');
  if (raw !== undefined) out.raw = raw;
  const reasoning = f.optionalText(row, 'reasoning');
  if (reasoning !== undefined) out.reasoning = reasoning;
  const judgeHash = f.optionalText(row, 'judge_hash');
  if (judgeHash !== undefined) out.judgeHash = judgeHash;
  const promptVariant = f.optionalText(row, 'prompt_variant');
  if (promptVariant !== undefined) out.promptVariant = promptVariant;
  return out;
}
