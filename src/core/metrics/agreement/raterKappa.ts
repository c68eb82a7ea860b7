// Cohen's kappa between every two raters (annotators and judges) over the items both labelled, per group:
// how PandaLM reports annotator agreement (0.85 / 0.88 / 0.86).
import type { PairVerdict } from '../../model/records';
import { estimatesFromClusterSums, type Estimate, type IntervalSettings } from '../estimate';
import { groupBy, type GroupField, type GroupValues } from '../grouping';
import { kappaFromCounts } from '../stats';
import { inReferenceOrder, itemCluster, itemGroupValues, type PairwiseItem } from './pairwiseItems';

export const PAIRWISE_CATEGORIES: readonly PairVerdict[] = ['A', 'B', 'tie'];

export interface RaterKappaOptions {
  readonly by: readonly GroupField[];
  readonly invalidAs: 'exclude' | 'tie';
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
function labelsOf(item: PairwiseItem, invalidAs: 'exclude' | 'tie'): Map<string, PairVerdict> {
  const labels = new Map<string, PairVerdict>();
  for (const h of item.humans) labels.set(h.annotator, inReferenceOrder(item, h.verdict));
  for (const [judge, verdict] of item.judges) {
    if (verdict === 'invalid' && invalidAs === 'exclude') continue;
    labels.set(`judge:${judge}`, verdict === 'invalid' ? 'tie' : inReferenceOrder(item, verdict));
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
          counts[index.get(labels[i]![1])! * k + index.get(labels[j]![1])!] += 1;
        }
      }
    }
    for (const [pair, clusters] of [...tables].sort(([a], [b]) => a.localeCompare(b))) {
      const sums = [...clusters.values()];
      const total = sums.reduce((n, s) => n + s.reduce((a, b) => a + b, 0), 0);
      if (total < options.minItems) {
        skippedPairs++;
        continue;
      }
      const count = (s: Float64Array) => s.reduce((a, b) => a + b, 0);
      const [kappa, agreement] = estimatesFromClusterSums(sums, [
        { finish: (s) => kappaFromCounts(s, k).value, count },
        { finish: (s) => diagonalSum(s, k) / count(s), count },
      ], options.intervals);
      const [raterA, raterB] = pair.split('\u0000') as [string, string];
      rows.push({ group: group.values, raterA, raterB, kappa: kappa!, agreement: agreement! });
    }
  }
  return { rows, skippedPairs };
}

/** The agreeing cells of a k × k table. */
export function diagonalSum(counts: Float64Array, k: number): number {
  let sum = 0;
  for (let i = 0; i < k; i++) sum += counts[i * k + i]!;
  return sum;
}
