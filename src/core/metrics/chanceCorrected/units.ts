// Units of chance-corrected agreement: one thing several raters labelled (a pair of responses, a response), with
// each rater's label as a position on the scale. Built from pairwise items (A / B / tie), human excellent / pass /
// fail ratings, or pointwise judge scores (Likert 1–6, 1–3).
import { countedVerdict } from '../../model/verdicts';
import { RATINGS } from '../../model/records';
import type { ResponseKeyRow } from '../../store/languageQueries';
import type { HumanRatingRow, PointwiseScoreRow } from '../../store/scoreQueries';
import { inReferenceOrder, type PairwiseItem } from '../agreement/pairwiseItems';
import { judgeLabels } from '../judgeLabels';
import type { GroupValues } from '../grouping';
import type { InvalidPolicy } from '../scores/judgedPairs';
import { collect } from '../scores/slices';

/** A scale of labels. Positions 0..k-1 index `values`, which interval alpha reads as numbers. */
export interface AgreementScale {
  readonly id: string;
  readonly title: string;
  readonly names: readonly string[];
  readonly values: readonly number[];
  /** Ordered scales get ordinal and interval alpha and quadratic-weighted kappa; unordered ones nominal only. */
  readonly ordered: boolean;
}

export const PAIRWISE_SCALE: AgreementScale = {
  id: 'pairwise', title: 'pairwise verdicts (A / B / tie)', names: ['A', 'B', 'tie'], values: [0, 1, 2], ordered: false,
};

export const RATING_SCALE: AgreementScale = {
  id: 'ratings', title: 'excellent / pass / fail ratings', names: [...RATINGS], values: [0, 1, 2], ordered: true,
};

/** An integer scale min..max of pointwise judge scores, e.g. likert-6 (1–6) or rating-3 (1–3). */
export function integerScale(id: string, min: number, max: number): AgreementScale {
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return { id, title: `${id} scores (${min}–${max})`, names: values.map(String), values, ordered: true };
}

export interface RaterLabel {
  readonly rater: string;
  readonly human: boolean;
  /** Position on the scale. */
  readonly position: number;
}

export interface RatedUnit {
  readonly run: string;
  readonly group: string;
  readonly values: GroupValues;
  readonly labels: readonly RaterLabel[];
}

export interface UnitSet {
  readonly scale: AgreementScale;
  readonly units: readonly RatedUnit[];
  /** Labels left out before any figure: unparsable judge answers, values off the scale. */
  readonly leftOut: number;
  readonly leftOutReason: string;
}

/** Pairwise items as units: human votes and each judge's combined verdict, in the item's first-shown order. */
export function pairwiseUnits(items: readonly PairwiseItem[], invalidAs: InvalidPolicy): UnitSet {
  let invalid = 0;
  const position = (v: 'A' | 'B' | 'tie') => PAIRWISE_SCALE.names.indexOf(v);
  const units = items.map((item) => {
    const labels: RaterLabel[] = item.humans.map((h) => ({ rater: h.annotator, human: true, position: position(inReferenceOrder(item, h.verdict)) }));
    for (const [judge, verdict] of item.judges) {
      const counted = countedVerdict(verdict, invalidAs);
      if (counted === undefined) {
        invalid++;
        continue;
      }
      const mapped = inReferenceOrder(item, counted);
      labels.push({ rater: judge, human: false, position: position(mapped) });
    }
    return { run: item.run, group: item.group, values: { run: item.run, lang: item.lang, turn: item.turn }, labels };
  });
  return { scale: PAIRWISE_SCALE, units, leftOut: invalid, leftOutReason: 'unparsable judge verdicts' };
}

/** Groups per-response labels into units, one per response. */
function responseUnits<R extends ResponseKeyRow>(rows: readonly R[], labelOf: (row: R) => RaterLabel | undefined): { units: RatedUnit[]; skipped: number } {
  const units = new Map<string, { run: string; group: string; values: GroupValues; labels: RaterLabel[] }>();
  let skipped = 0;
  for (const row of rows) {
    const label = labelOf(row);
    if (!label) {
      skipped++;
      continue;
    }
    const key = [row.run, row.group, row.lang, row.turn, row.system, row.seed].join('\u0000');
    collect(units, key, () => ({
      run: row.run, group: row.group, values: { run: row.run, lang: row.lang, turn: row.turn, system: row.system }, labels: [],
    })).labels.push(label);
  }
  return { units: [...units.values()], skipped };
}

/** Annotators' excellent / pass / fail ratings as units, one per response. */
export function ratingUnits(rows: readonly HumanRatingRow[]): UnitSet {
  const { units, skipped } = responseUnits(rows, (row) => {
    const position = RATING_SCALE.names.indexOf(row.rating);
    return position < 0 ? undefined : { rater: row.annotator, human: true, position };
  });
  return { scale: RATING_SCALE, units, leftOut: skipped, leftOutReason: 'stored ratings that are not excellent, pass or fail' };
}

/**
 * Judges' scores on one integer scale as units, one per response. The scores are the judges' own, before any
 * language gate: agreement is about the judging.
 */
export function scoreUnits(rows: readonly PointwiseScoreRow[], scale: AgreementScale): UnitSet {
  const label = judgeLabels(rows);
  const { units, skipped } = responseUnits(rows, (row) => {
    const position = row.score === null ? -1 : scale.values.indexOf(row.score);
    return position < 0 ? undefined : { rater: label(row), human: false, position };
  });
  return { scale, units, leftOut: skipped, leftOutReason: 'unparsable or off-scale judge scores' };
}
