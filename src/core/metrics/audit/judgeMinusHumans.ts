// "Is the judge worse than the humans here?" answered with the difference itself: judge–human agreement minus
// human–human agreement in one group, with its own percentile interval from the same bootstrap draws (both figures
// recomputed on each resample of prompt groups). Two intervals that merely overlap, or that do not, say less than
// this: the difference's interval is what the verdict reads. With few prompt groups the percentile bootstrap is not
// to be trusted, so the verdict is then "too few items to say" whatever the interval.
import type { InvalidMode } from '../../model/verdicts';
import { ClusterTally } from '../clusterTally';
import type { Estimate, Figure as EstimateFigure, IntervalSettings } from '../estimate';
import { judgeVotePairs, humanVotePairs } from '../agreement/raterAgreement';
import type { PairwiseItem } from '../agreement/pairwiseItems';
import { addComparison, AGREEMENT_STATISTICS, COMPARISON_DIMENSION } from '../agreement/voteComparison';

export const DIFFERENCE_FIGURES = ['withTie', 'withoutTie', 'lima'] as const;
export type DifferenceFigure = (typeof DIFFERENCE_FIGURES)[number];

/** Fewer prompt groups carrying both figures than this: "too few items to say". */
export const MIN_DIFFERENCE_GROUPS = 10;

/**
 * below: the difference's whole interval is under 0 (the judge agrees with the humans less than they agree with each
 * other); above: wholly over 0; no-difference-shown: the interval holds 0 (not "the judge is fine": the data cannot
 * tell); too-few: fewer than MIN_DIFFERENCE_GROUPS prompt groups, or no interval (a figure undefined on every draw).
 */
export type DifferenceVerdict = 'below' | 'above' | 'no-difference-shown' | 'too-few';

export interface JudgeMinusHumans {
  /** value: judge − humans (shares, −1..1); n: the prompt groups with both a judge–human and a human–human pair. */
  readonly difference: Estimate;
  readonly verdict: DifferenceVerdict;
}

// Per prompt group: the judge's comparison sums, then the humans', then 1 when the group has both.
const HUMANS = COMPARISON_DIMENSION;
const BOTH = 2 * COMPARISON_DIMENSION;

function shifted(figure: EstimateFigure, offset: number): (sums: Float64Array) => number {
  const view = (s: Float64Array) => s.subarray(offset, offset + COMPARISON_DIMENSION);
  return (s) => figure.finish(view(s));
}

const DIFFERENCES: readonly EstimateFigure[] = DIFFERENCE_FIGURES.map((f) => {
  const judge = shifted(AGREEMENT_STATISTICS[f], 0);
  const humans = shifted(AGREEMENT_STATISTICS[f], HUMANS);
  return { finish: (s: Float64Array) => judge(s) - humans(s), count: (s: Float64Array) => s[BOTH]! };
});

/** Judge minus humans on each figure, over the items of one group (a language), on the same resampled groups. */
export function judgeMinusHumans(
  items: readonly PairwiseItem[],
  judge: string,
  invalidAs: InvalidMode,
  intervals: IntervalSettings,
): Record<DifferenceFigure, JudgeMinusHumans> {
  const tally = new ClusterTally(BOTH + 1);
  const judged = new Set<Float64Array>();
  const rated = new Set<Float64Array>();
  for (const item of items) {
    const judgePairs = judgeVotePairs(item, judge, invalidAs).pairs;
    const humanPairs = humanVotePairs(item);
    if (judgePairs.length === 0 && humanPairs.length === 0) continue;
    const sums = tally.of(item);
    for (const [x, y] of judgePairs) addComparison(sums, x, y);
    for (const [x, y] of humanPairs) addComparison(sums.subarray(HUMANS, BOTH), x, y);
    if (judgePairs.length) judged.add(sums);
    if (humanPairs.length) rated.add(sums);
  }
  for (const sums of judged) if (rated.has(sums)) sums[BOTH] = 1;
  const estimates = tally.estimates(DIFFERENCES, intervals);
  return Object.fromEntries(
    DIFFERENCE_FIGURES.map((f, i) => {
      const difference = estimates[i]!;
      return [f, { difference, verdict: differenceVerdict(difference) }];
    }),
  ) as Record<DifferenceFigure, JudgeMinusHumans>;
}

export function differenceVerdict(difference: Estimate): DifferenceVerdict {
  const { n, lower, upper } = difference;
  if (n < MIN_DIFFERENCE_GROUPS || lower === undefined || upper === undefined) return 'too-few';
  if (!Number.isFinite(lower) || !Number.isFinite(upper)) return 'too-few';
  if (upper < 0) return 'below';
  if (lower > 0) return 'above';
  return 'no-difference-shown';
}
