// Agreement measures for numeric ratings users ask for next to kappa and alpha (issue 10 §5), for the annotators
// together and for the judges together, per group and scale range:
// - Gwet's AC1 and AC2 (linear and quadratic weights) over every response with two or more ratings, missing ratings
//   allowed: chance agreement that a skewed prevalence does not inflate;
// - ICC(2,1), ICC(3,1), ICC(2,k), ICC(3,k) over the responses every rater of the group rated (the two-way ANOVA
//   needs a complete table): k = the raters of that kind in the group.
// All are functions of summed per-prompt-group vectors, so one bootstrap resamples prompt groups for all of them.
import type { Estimate, Figure, IntervalSettings } from '../estimate';
import { groupBy, type GroupField, type GroupValues } from '../grouping';
import { ClusterTally } from '../clusterTally';
import {
  addGwetUnit,
  addIccTarget,
  gwetDimension,
  gwetFromSums,
  gwetWeights,
  iccDimension,
  iccFromSums,
  type GwetWeighting,
} from '../stats';
import { categoriesOf, type ScoreUnit, type ScoreUnitSet } from './scoreUnits';

export interface ReliabilityRow {
  readonly group: GroupValues;
  readonly range: string;
  readonly scales: readonly string[];
  readonly kind: 'humans' | 'judges';
  readonly raters: readonly string[];
  readonly ac1: Estimate;
  readonly ac2Linear: Estimate;
  readonly ac2Quadratic: Estimate;
  readonly icc21: Estimate;
  readonly icc31: Estimate;
  readonly icc2k: Estimate;
  readonly icc3k: Estimate;
  /** Responses with at least one rating of this kind but not one by every rater: not in the ICCs. */
  readonly incomplete: number;
  /** Ratings between the scale's whole points: in the ICCs, not in AC1/AC2. */
  readonly offCategory: number;
}

const WEIGHTINGS: readonly GwetWeighting[] = ['identity', 'linear', 'quadratic'];

export function reliability(
  sets: readonly ScoreUnitSet[],
  options: { by: readonly GroupField[]; intervals?: IntervalSettings },
): ReliabilityRow[] {
  const rows: ReliabilityRow[] = [];
  for (const set of sets) {
    for (const group of groupBy(set.units, (u) => u.values, options.by)) {
      for (const kind of ['humans', 'judges'] as const) {
        const row = reliabilityRow(set, group.values, group.items, kind, options.intervals);
        if (row) rows.push(row);
      }
    }
  }
  return rows;
}

function reliabilityRow(
  set: ScoreUnitSet,
  group: GroupValues,
  units: readonly ScoreUnit[],
  kind: 'humans' | 'judges',
  intervals: IntervalSettings | undefined,
): ReliabilityRow | undefined {
  const human = kind === 'humans';
  const raters = [
    ...new Set(units.flatMap((u) => u.labels.filter((l) => l.human === human).map((l) => l.rater))),
  ].sort();
  if (raters.length < 2) return undefined;
  const categories = categoriesOf(set.range);
  const q = categories.length;
  const weights = WEIGHTINGS.map((w) => gwetWeights(categories, w));
  const acWidth = gwetDimension(q);
  const iccOffset = WEIGHTINGS.length * acWidth;
  const tally = new ClusterTally(iccOffset + iccDimension(raters.length));
  let incomplete = 0;
  let offCategory = 0;
  const counts = new Float64Array(q);
  for (const unit of units) {
    const labels = unit.labels.filter((l) => l.human === human);
    if (labels.length === 0) continue;
    const sums = tally.of(unit);
    counts.fill(0);
    for (const l of labels) {
      const c = categories.indexOf(l.value);
      if (c < 0) offCategory++;
      else counts[c]! += 1;
    }
    weights.forEach((w, i) => addGwetUnit(counts, w, sums, i * acWidth));
    if (labels.length < raters.length) {
      incomplete++;
      continue;
    }
    const byRater = new Map(labels.map((l) => [l.rater, l.value]));
    addIccTarget(
      raters.map((r) => byRater.get(r)!),
      sums.subarray(iccOffset),
    );
  }
  const acFigure = (i: number): Figure => ({
    finish: (s) => gwetFromSums(s, weights[i]!, q, i * acWidth).value,
    count: (s) => s[i * acWidth]!,
  });
  const iccFigure = (pick: (r: ReturnType<typeof iccFromSums>) => number): Figure => ({
    finish: (s) => pick(iccFromSums(s.subarray(iccOffset), raters.length)),
    count: (s) => s[iccOffset]!,
  });
  const [ac1, ac2Linear, ac2Quadratic, icc21, icc31, icc2k, icc3k] = tally.estimates(
    [
      acFigure(0),
      acFigure(1),
      acFigure(2),
      iccFigure((r) => r.icc21),
      iccFigure((r) => r.icc31),
      iccFigure((r) => r.icc2k),
      iccFigure((r) => r.icc3k),
    ],
    intervals,
  );
  return {
    group,
    range: set.range.id,
    scales: set.scales,
    kind,
    raters,
    ac1: ac1!,
    ac2Linear: ac2Linear!,
    ac2Quadratic: ac2Quadratic!,
    icc21: icc21!,
    icc31: icc31!,
    icc2k: icc2k!,
    icc3k: icc3k!,
    incomplete,
    offCategory,
  };
}
