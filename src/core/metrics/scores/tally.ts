// Per-prompt-group sums behind every score: each figure is a function of a few sums, and summing them per prompt
// group first is what lets the bootstrap resample whole groups (all languages, seeds and pairs of a prompt move
// together) in O(groups) per resample.
import { itemCluster } from '../agreement/pairwiseItems';
import { estimatesFromClusterSums, type Estimate, type IntervalSettings } from '../estimate';

export interface Figure {
  /** The value from summed vectors; NaN when undefined (e.g. nothing to average). */
  readonly finish: (sums: Float64Array) => number;
  /** The n the value rests on, from the same sums. */
  readonly count: (sums: Float64Array) => number;
}

export class ClusterTally {
  private readonly clusters = new Map<string, Float64Array>();

  constructor(private readonly dimension: number) {}

  /** The vector of the prompt group `item` belongs to, to add into. */
  of(item: { readonly run: string; readonly group: string }): Float64Array {
    const cluster = itemCluster(item);
    let sums = this.clusters.get(cluster);
    if (!sums) this.clusters.set(cluster, (sums = new Float64Array(this.dimension)));
    return sums;
  }

  /** Estimates of all figures, sharing the same resampled groups (one seed), so that they are consistent. */
  estimates(figures: readonly Figure[], intervals: IntervalSettings | undefined): Estimate[] {
    return estimatesFromClusterSums([...this.clusters.values()], figures, intervals);
  }
}

/** sums[numerator] / sums[denominator], resting on sums[denominator] items. */
export function ratio(numerator: number, denominator: number): Figure {
  return {
    finish: (s) => (s[denominator] === 0 ? NaN : s[numerator]! / s[denominator]!),
    count: (s) => s[denominator]!,
  };
}

/** sums[index] itself (a total over the test set), resting on sums[countIndex] items. */
export function total(index: number, countIndex: number): Figure {
  return { finish: (s) => (s[countIndex] === 0 ? NaN : s[index]!), count: (s) => s[countIndex]! };
}

/** Adds 1 to a counter of a record, creating it at 0. */
export function increment<K extends string>(counts: Partial<Record<K, number>>, key: K): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
