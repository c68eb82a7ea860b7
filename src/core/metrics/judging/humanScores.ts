// The one place the judging statistics read human ratings as numbers (judge–human correlation, ICC, AC1/AC2,
// Cohen's kappa per pair): loadHumanRatings's typed ratings, each on its scale as a number range (a numeric
// scale's bounds; an ordinal scale's ranks 1…N, so excellent / pass / fail is lima-3 read as 3 / 2 / 1).
import type { LabelScale } from '../../model/records';
import type { ResponseFilter, ResponseKeyRow } from '../../store/languageQueries';
import type { LabelsAsOf, Store } from '../../store/store';
import { loadHumanRatings } from '../ratings/humanRatings';

/** A numeric scale: its name and its ends. Values are compared on it; kappa and AC use its whole points. */
export interface NumericScale {
  readonly id: string;
  readonly min: number;
  readonly max: number;
}

/** One annotator's current rating of one response (run, prompt group, language, turn, system, seed) on a criterion. */
export interface HumanScore extends ResponseKeyRow {
  readonly annotator: string;
  /** '' when the rating has no criterion. */
  readonly criterion: string;
  readonly value: number;
  readonly scale: NumericScale;
}

export interface HumanScores {
  readonly scores: readonly HumanScore[];
  /** Stored ratings that could not be read as a number on a scale: left out, counted in every table's notes. */
  readonly leftOut: number;
}

export const LIMA_3: NumericScale = { id: 'lima-3', min: 1, max: 3 };

/** A label scale as a number range: an ordinal scale's levels are its ranks from 1 (worst). */
export function numericScaleOf(scale: LabelScale): NumericScale {
  return scale.kind === 'numeric'
    ? { id: scale.name, min: scale.min, max: scale.max }
    : { id: scale.name, min: 1, max: scale.levels.length };
}

export async function loadHumanScores(
  store: Store,
  filter: ResponseFilter & LabelsAsOf & { readonly annotators?: string } = {},
): Promise<HumanScores> {
  const { ratings, offScale } = await loadHumanRatings(store, filter);
  const scores = ratings.map(({ run, group, lang, turn, system, seed, annotator, criterion, value, scale }) => ({
    run,
    group,
    lang,
    turn,
    system,
    seed,
    annotator,
    criterion,
    value,
    scale: numericScaleOf(scale),
  }));
  return { scores, leftOut: offScale.length };
}
