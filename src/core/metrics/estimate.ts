// A figure as a paper reports it: the value, what it rests on, and its confidence interval.
import {
  bootstrapClusterSumsTable,
  DEFAULT_LEVEL,
  DEFAULT_RESAMPLES,
  DEFAULT_SEED,
  type BootstrapOptions,
  type ClusterSumsJob,
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

/** One row of a table: its per-cluster sums and the figures wanted of them. */
export interface FigureRow {
  readonly clusterSums: readonly Float64Array[];
  readonly figures: readonly Figure[];
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
  return estimatesOfRows([{ clusterSums, figures: statistics }], intervals)[0]!;
}

/**
 * estimatesFromClusterSums of every row of a table, with identical results, the rows with as many clusters
 * sharing one draw of them (bootstrapClusterSumsTable) instead of each drawing its own.
 */
export function estimatesOfRows(rows: readonly FigureRow[], intervals: IntervalSettings | undefined): Estimate[][] {
  const points = rows.map(pointEstimates);
  if (!intervals) return points;
  const bootstrapped: { row: number; defined: number[] }[] = [];
  const jobs: ClusterSumsJob[] = [];
  rows.forEach(({ clusterSums, figures }, row) => {
    const defined = figures.flatMap((_, f) => (Number.isFinite(points[row]![f]!.value) ? [f] : []));
    if (clusterSums.length < 2 || defined.length === 0) return;
    bootstrapped.push({ row, defined });
    jobs.push({ clusterSums, finishes: defined.map((f) => figures[f]!.finish) });
  });
  const options: BootstrapOptions = { resamples: intervals.resamples, seed: intervals.seed, level: intervals.level };
  bootstrapClusterSumsTable(jobs, options).forEach((results, j) => {
    const { row, defined } = bootstrapped[j]!;
    const estimates = points[row]!;
    defined.forEach((f, r) => {
      estimates[f] = { ...estimates[f]!, lower: results[r]!.lower, upper: results[r]!.upper };
    });
  });
  return points;
}

/** The figures on the summed vector; with no cluster there is no vector to read: nothing to count (n 0). */
function pointEstimates({ clusterSums, figures }: FigureRow): Estimate[] {
  const dimension = clusterSums[0]?.length ?? 0;
  const total = new Float64Array(dimension);
  for (const sums of clusterSums) for (let d = 0; d < dimension; d++) total[d]! += sums[d]!;
  return figures.map(({ finish, count }) =>
    clusterSums.length ? { value: finish(total), n: count(total) } : { value: NaN, n: 0 },
  );
}
