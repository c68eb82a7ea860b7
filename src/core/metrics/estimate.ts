// A figure as a paper reports it: the value, what it rests on, and its confidence interval.
import {
  bootstrapClusterSumsMany,
  DEFAULT_LEVEL,
  DEFAULT_RESAMPLES,
  DEFAULT_SEED,
  type BootstrapOptions,
} from './stats';

export interface Estimate {
  readonly value: number;
  /** How many comparisons (vote pairs, items, responses) the value rests on. */
  readonly n: number;
  /** Percentile bootstrap interval over prompt groups; absent when intervals were not asked for. */
  readonly lower?: number;
  readonly upper?: number;
}

/** What the intervals of one table were computed with, so that a reader can reproduce them. */
export interface IntervalSettings {
  readonly resamples: number;
  readonly seed: number;
  readonly level: number;
}

export const DEFAULT_INTERVALS: IntervalSettings = {
  resamples: DEFAULT_RESAMPLES,
  seed: DEFAULT_SEED,
  level: DEFAULT_LEVEL,
};

/** A figure computed from summed per-cluster vectors. */
export interface Figure {
  /** The value from summed vectors; NaN when undefined (e.g. nothing to average). */
  readonly finish: (sums: Float64Array) => number;
  /** The n the value rests on, from the same sums. */
  readonly count: (sums: Float64Array) => number;
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

/**
 * Estimates from per-cluster sums: `finish` turns a summed vector into a value and `count` into its n.
 * All estimates of one call share the same resampled clusters (same seed), so they are consistent; the clusters are
 * drawn and summed once for all of them.
 */
export function estimatesFromClusterSums(
  clusterSums: readonly Float64Array[],
  statistics: readonly Figure[],
  intervals: IntervalSettings | undefined,
): Estimate[] {
  const dimension = clusterSums[0]?.length ?? 0;
  const total = new Float64Array(dimension);
  for (const sums of clusterSums) for (let d = 0; d < dimension; d++) total[d]! += sums[d]!;
  // With no cluster there is no vector to read: nothing to count (n 0), nothing to estimate.
  const points: Estimate[] = statistics.map(({ finish, count }) =>
    clusterSums.length ? { value: finish(total), n: count(total) } : { value: NaN, n: 0 },
  );
  const defined = statistics.filter((_, i) => Number.isFinite(points[i]!.value));
  if (!intervals || clusterSums.length < 2 || defined.length === 0) return points;
  const options: BootstrapOptions = { resamples: intervals.resamples, seed: intervals.seed, level: intervals.level };
  const results = bootstrapClusterSumsMany(
    clusterSums,
    defined.map((s) => s.finish),
    options,
  );
  let next = 0;
  return points.map((p) =>
    Number.isFinite(p.value) ? { ...p, lower: results[next]!.lower, upper: results[next++]!.upper } : p,
  );
}
