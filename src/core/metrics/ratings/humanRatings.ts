// Human ratings as typed numbers: each annotator's current rating of a response on a criterion, with its scale
// resolved (lima-3, a built-in or declared scale, or a numeric scale with the bounds the rating gave) and its value
// as a number (a numeric scale's value, an ordinal level's rank from 1). Every table of human ratings, and every
// statistic that needs them as numbers (correlation with judges, ICC), reads them through loadHumanRatings.
import { LIMA_SCALE, type LabelScale } from '../../model/records';
import { ratingValue, scalesByName } from '../../model/scales';
import type { ResponseFilter, ResponseKeyRow } from '../../store/languageQueries';
import { declaredSchema } from '../../store/schemaEntries';
import { humanRatings, type HumanRatingRow } from '../../store/scoreQueries';
import type { LabelsAsOf, Store } from '../../store/store';
import { namePattern } from '../../util/pattern';

export interface HumanRating extends ResponseKeyRow {
  readonly annotator: string;
  /** '' when the rating has no criterion. */
  readonly criterion: string;
  readonly scale: LabelScale;
  /** The rating as given: a level name, or a number's text. */
  readonly label: string;
  /** A numeric scale's value, or an ordinal level's rank from 1 (worst). */
  readonly value: number;
}

/** Why a stored rating is off its scale: its scale is not declared, or its value is not on it. */
export type OffScaleCause =
  | { readonly kind: 'undeclared'; readonly scale: string }
  | { readonly kind: 'off-scale'; readonly rating: string; readonly scale: string };

/** A stored rating that is on no known scale, or not on its scale: left out of every figure, and counted. */
export interface OffScaleRating {
  readonly row: HumanRatingRow;
  readonly reason: string;
  /** The reason's parts, for the tables' words (src/core/report/words.ts). */
  readonly cause: OffScaleCause;
}

export interface HumanRatingSet {
  readonly ratings: readonly HumanRating[];
  readonly offScale: readonly OffScaleRating[];
}

export interface HumanRatingSelection extends ResponseFilter, LabelsAsOf {
  /** Annotators by pattern ("expert_*", "!author_*"); all when absent. */
  readonly annotators?: string;
  /** Only ratings on this scale (by name); all when absent. */
  readonly scale?: string;
}

/** The current human ratings of a slice of the database, typed, with the scales the database declares. */
export async function loadHumanRatings(store: Store, selection: HumanRatingSelection = {}): Promise<HumanRatingSet> {
  const { annotators, scale, ...filter } = selection;
  const matches = annotators ? namePattern(annotators) : () => true;
  const rows = (await humanRatings(store, filter)).filter((r) => matches(r.annotator));
  const set = resolveRatings(rows, scalesByName(await declaredSchema(store)));
  if (scale === undefined) return set;
  return {
    ratings: set.ratings.filter((r) => r.scale.name === scale),
    offScale: set.offScale.filter((o) => (o.row.scale ?? LIMA_SCALE.name) === scale),
  };
}

/** Resolves each row's scale and value; rows that cannot be placed on their scale are returned apart. */
export function resolveRatings(
  rows: readonly HumanRatingRow[],
  scales: ReadonlyMap<string, LabelScale>,
): HumanRatingSet {
  const ratings: HumanRating[] = [];
  const offScale: OffScaleRating[] = [];
  for (const row of rows) {
    const scale = scaleOfRow(row, scales);
    if (!scale) {
      offScale.push({
        row,
        reason: `the scale "${row.scale}" is not declared`,
        cause: { kind: 'undeclared', scale: String(row.scale) },
      });
      continue;
    }
    const value = ratingValue(scale, row.rating);
    if (value === undefined) {
      offScale.push({
        row,
        reason: `"${row.rating}" is not on the scale ${scale.name}`,
        cause: { kind: 'off-scale', rating: row.rating, scale: scale.name },
      });
      continue;
    }
    const { run, group, lang, turn, system, seed, annotator, criterion, rating } = row;
    ratings.push({ run, group, lang, turn, system, seed, annotator, criterion, scale, label: rating, value });
  }
  return { ratings, offScale };
}

function scaleOfRow(row: HumanRatingRow, scales: ReadonlyMap<string, LabelScale>): LabelScale | undefined {
  if (row.scale === null) return LIMA_SCALE;
  if (row.scaleMin !== null && row.scaleMax !== null)
    return { name: row.scale, kind: 'numeric', min: row.scaleMin, max: row.scaleMax };
  return scales.get(row.scale);
}

/** A judge's pointwise score is on a numeric scale of its name and bounds (chance-ratings joins it to the humans'). */
export function judgeScaleOf(row: {
  readonly scale: string;
  readonly scaleMin: number;
  readonly scaleMax: number;
}): LabelScale {
  return { name: row.scale, kind: 'numeric', min: row.scaleMin, max: row.scaleMax };
}

/** Scales are the same when their names and definitions are (a judge's 1–5 and a human's 1–5 of one name). */
export function scaleKey(scale: LabelScale): string {
  return scale.kind === 'ordinal'
    ? `${scale.name}\u0000${scale.levels.join('\u0001')}`
    : `${scale.name}\u0000${scale.min}\u0000${scale.max}`;
}
