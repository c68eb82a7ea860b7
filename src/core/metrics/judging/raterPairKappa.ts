// Cohen's kappa between every two raters on a numeric scale (issue 10 §5): annotators with each other, judges with
// each other, and a judge with an annotator when their scales have the same range. Unweighted, linear and quadratic
// (sklearn's weights over the scale's whole points), over the responses both rated, per group, with n and a
// bootstrap interval over prompt groups.
import { estimatesFromClusterSums, type Estimate, type IntervalSettings } from '../estimate';
import { itemCluster } from '../clusterTally';
import { groupBy, type GroupField, type GroupValues } from '../grouping';
import { kappaFromCounts, sumRange, trace, type KappaWeighting } from '../stats';
import { categoriesOf, type ScoreLabel, type ScoreUnitSet } from './scoreUnits';

export interface PairKappaRow {
  readonly group: GroupValues;
  readonly range: string;
  readonly raterA: string;
  readonly raterB: string;
  readonly kind: 'human–human' | 'judge–human' | 'judge–judge';
  readonly agreement: Estimate;
  readonly kappa: Estimate;
  readonly linear: Estimate;
  readonly quadratic: Estimate;
}

export interface PairKappaTable {
  readonly rows: readonly PairKappaRow[];
  /** Rater pairs sharing fewer than minItems responses: not shown. */
  readonly skippedPairs: number;
  /** Ratings between the scale's whole points: in no pair's table. */
  readonly offCategory: number;
}

const WEIGHTS: readonly KappaWeighting[] = ['none', 'linear', 'quadratic'];

function raterName(l: ScoreLabel): string {
  return l.human ? l.rater : `judge:${l.rater}`;
}

function kindOf(a: ScoreLabel, b: ScoreLabel): PairKappaRow['kind'] {
  return a.human && b.human ? 'human–human' : a.human || b.human ? 'judge–human' : 'judge–judge';
}

export function raterPairKappa(
  sets: readonly ScoreUnitSet[],
  options: { by: readonly GroupField[]; minItems: number; intervals?: IntervalSettings },
): PairKappaTable {
  const rows: PairKappaRow[] = [];
  let skippedPairs = 0;
  let offCategory = 0;
  for (const set of sets) {
    const categories = categoriesOf(set.range);
    const k = categories.length;
    for (const group of groupBy(set.units, (u) => u.values, options.by)) {
      const pairs = new Map<string, { a: ScoreLabel; b: ScoreLabel; clusters: Map<string, Float64Array> }>();
      for (const unit of group.items) {
        const labels = unit.labels
          .filter((l) => {
            const on = categories.includes(l.value);
            if (!on) offCategory++;
            return on;
          })
          .sort((x, y) => raterName(x).localeCompare(raterName(y)));
        for (let i = 0; i < labels.length; i++) {
          for (let j = i + 1; j < labels.length; j++) {
            const a = labels[i]!;
            const b = labels[j]!;
            const key = `${raterName(a)}\u0000${raterName(b)}`;
            const pair = pairs.get(key) ?? pairs.set(key, { a, b, clusters: new Map() }).get(key)!;
            const cluster = itemCluster(unit);
            const table =
              pair.clusters.get(cluster) ?? pair.clusters.set(cluster, new Float64Array(k * k)).get(cluster)!;
            table[categories.indexOf(a.value) * k + categories.indexOf(b.value)]! += 1;
          }
        }
      }
      for (const [, pair] of [...pairs].sort(([x], [y]) => x.localeCompare(y))) {
        const tables = [...pair.clusters.values()];
        const n = tables.reduce((s, t) => s + sumRange(t), 0);
        if (n < options.minItems) {
          skippedPairs++;
          continue;
        }
        const count = (s: Float64Array) => sumRange(s);
        const [agreement, kappa, linear, quadratic] = estimatesFromClusterSums(
          tables,
          [
            { finish: (s) => trace(s, k) / sumRange(s), count },
            ...WEIGHTS.map((w) => ({ finish: (s: Float64Array) => kappaFromCounts(s, k, w).value, count })),
          ],
          options.intervals,
        );
        rows.push({
          group: group.values,
          range: set.range.id,
          raterA: raterName(pair.a),
          raterB: raterName(pair.b),
          kind: kindOf(pair.a, pair.b),
          agreement: agreement!,
          kappa: kappa!,
          linear: linear!,
          quadratic: quadratic!,
        });
      }
    }
  }
  return { rows, skippedPairs, offCategory };
}
