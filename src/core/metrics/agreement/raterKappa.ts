// Cohen's kappa between every two raters (annotators and judges) over the items both labelled, per group:
// how PandaLM reports annotator agreement (0.85 / 0.88 / 0.86).
import { countedVerdict, type InvalidPolicy } from '../../model/verdicts';
import type { PairVerdict } from '../../model/records';
import { itemCluster } from '../clusterTally';
import { estimatesFromClusterSums, type Estimate, type IntervalSettings } from '../estimate';
import { groupBy, type GroupField, type GroupValues } from '../grouping';
import { kappaFromCounts, sumRange, trace } from '../stats';
import { inReferenceOrder, itemGroupValues, type PairwiseItem } from './pairwiseItems';

export const PAIRWISE_CATEGORIES: readonly PairVerdict[] = ['A', 'B', 'tie'];

export interface RaterKappaOptions {
  readonly by: readonly GroupField[];
  readonly invalidAs: InvalidPolicy;
  /** Rater pairs sharing fewer items are left out (and counted): kappa on a handful of items says little. */
  readonly minItems: number;
  readonly intervals?: IntervalSettings;
}

export interface RaterKappaRow {
  readonly group: GroupValues;
  readonly raterA: string;
  readonly raterB: string;
  readonly kappa: Estimate;
  /** Observed agreement on the same items. */
  readonly agreement: Estimate;
}

export interface RaterKappaTable {
  readonly rows: readonly RaterKappaRow[];
  /** Rater pairs that shared at least one item but fewer than minItems. */
  readonly skippedPairs: number;
}

/** Every rater's label on an item: annotators by name, judges prefixed so that names never collide. */
function labelsOf(item: PairwiseItem, invalidAs: InvalidPolicy): Map<string, PairVerdict> {
  const labels = new Map<string, PairVerdict>();
  for (const h of item.humans) labels.set(h.annotator, inReferenceOrder(item, h.verdict));
  for (const [judge, verdict] of item.judges) {
    const counted = countedVerdict(verdict, invalidAs);
    if (counted !== undefined) labels.set(`judge:${judge}`, inReferenceOrder(item, counted));
  }
  return labels;
}

export function raterKappa(items: readonly PairwiseItem[], options: RaterKappaOptions): RaterKappaTable {
  const k = PAIRWISE_CATEGORIES.length;
  const index = new Map(PAIRWISE_CATEGORIES.map((c, i) => [c, i]));
  const rows: RaterKappaRow[] = [];
  let skippedPairs = 0;
  for (const group of groupBy(items, itemGroupValues, options.by)) {
    // For each rater pair: the k × k table of their labels, per prompt group (for the bootstrap).
    const tables = new Map<string, Map<string, Float64Array>>();
    for (const item of group.items) {
      const labels = [...labelsOf(item, options.invalidAs)].sort(([a], [b]) => a.localeCompare(b));
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          const pair = `${labels[i]![0]}\u0000${labels[j]![0]}`;
          const clusters = tables.get(pair) ?? tables.set(pair, new Map()).get(pair)!;
          const cluster = itemCluster(item);
          const counts = clusters.get(cluster) ?? clusters.set(cluster, new Float64Array(k * k)).get(cluster)!;
          counts[index.get(labels[i]![1])! * k + index.get(labels[j]![1])!]! += 1;
        }
      }
    }
    const shown = [...tables]
      .sort(([a], [b]) => a.localeCompare(b))
      .filter(([, clusters]) => {
        const enough = [...clusters.values()].reduce((n, table) => n + sumRange(table), 0) >= options.minItems;
        if (!enough) skippedPairs++;
        return enough;
      });
    rows.push(...pairRows(group.values, shown, k, options.intervals));
  }
  return { rows, skippedPairs };
}

/**
 * Every shown pair of one group from one bootstrap: each prompt group's vector holds all pairs' k × k tables side
 * by side, so a resample draws the language's prompt groups once for every pair (a pair absent from a drawn group
 * adds nothing), which is both consistent across rows and one pass instead of one per pair.
 */
function pairRows(
  group: GroupValues,
  pairs: readonly [string, Map<string, Float64Array>][],
  k: number,
  intervals: IntervalSettings | undefined,
): RaterKappaRow[] {
  const width = k * k;
  const clusterIds = [...new Set(pairs.flatMap(([, clusters]) => [...clusters.keys()]))];
  const sums = clusterIds.map((cluster) => {
    const vector = new Float64Array(pairs.length * width);
    pairs.forEach(([, clusters], p) => {
      const table = clusters.get(cluster);
      if (table) vector.set(table, p * width);
    });
    return vector;
  });
  const statistics = pairs.flatMap((_, p) => {
    const count = (s: Float64Array) => sumRange(s, p * width, width);
    return [
      { finish: (s: Float64Array) => kappaFromCounts(s.subarray(p * width, (p + 1) * width), k).value, count },
      { finish: (s: Float64Array) => trace(s, k, p * width) / count(s), count },
    ];
  });
  const estimates = estimatesFromClusterSums(sums, statistics, intervals);
  return pairs.map(([pair], p) => {
    const [raterA, raterB] = pair.split('\u0000') as [string, string];
    return { group, raterA, raterB, kappa: estimates[2 * p]!, agreement: estimates[2 * p + 1]! };
  });
}
