// The one place the judging statistics read human ratings as numbers (judge–human correlation, ICC, AC1/AC2,
// Cohen's kappa per pair). Today the store holds excellent / pass / fail ratings, read here as the ordinal values
// 3 / 2 / 1 of the built-in scale lima-3; when numeric ratings with a declared scale exist, this loader is what
// reads them, and every table above follows.
import { RATINGS } from '../../model/records';
import type { ResponseFilter, ResponseKeyRow } from '../../store/languageQueries';
import { humanRatings } from '../../store/scoreQueries';
import type { Store } from '../../store/store';
import { namePattern } from '../../util/pattern';

/** A numeric scale: its name and its ends. Values are compared on it; kappa and AC use its whole points. */
export interface NumericScale {
  readonly id: string;
  readonly min: number;
  readonly max: number;
}

/** One annotator's current rating of one response (run, prompt group, language, turn, system, seed). */
export interface HumanScore extends ResponseKeyRow {
  readonly annotator: string;
  readonly value: number;
  readonly scale: NumericScale;
}

export interface HumanScores {
  readonly scores: readonly HumanScore[];
  /** Stored ratings that could not be read as a number on a scale: left out, counted in every table's notes. */
  readonly leftOut: number;
}

export const LIMA_3: NumericScale = { id: 'lima-3', min: 1, max: 3 };

/** fail = 1, pass = 2, excellent = 3: RATINGS lists them worst first. */
function limaValue(rating: string): number | undefined {
  const position = (RATINGS as readonly string[]).indexOf(rating);
  return position < 0 ? undefined : position + 1;
}

export async function loadHumanScores(store: Store, filter: ResponseFilter & { readonly annotators?: string } = {}): Promise<HumanScores> {
  const { annotators, ...responses } = filter;
  const matches = annotators ? namePattern(annotators) : () => true;
  const scores: HumanScore[] = [];
  let leftOut = 0;
  for (const row of await humanRatings(store, responses)) {
    if (!matches(row.annotator)) continue;
    const value = limaValue(row.rating);
    if (value === undefined) {
      leftOut++;
      continue;
    }
    const { run, group, lang, turn, system, seed, annotator } = row;
    scores.push({ run, group, lang, turn, system, seed, annotator, value, scale: LIMA_3 });
  }
  return { scores, leftOut };
}
