// Cluster (prompt-group) bootstrap confidence intervals (protocols.md §3: "Every figure carries n and a 95% bootstrap
// confidence interval (resample prompt groups, fixed seed, reproducible)").
//
// Items of one prompt group (its languages, seeds, annotators) are not independent, so whole groups are resampled
// with replacement: each resample draws as many groups as there are, and the statistic is recomputed on the union
// of their items. The interval is the percentile interval of the resampled statistics.
//
// Two paths, drawing identical group indices from the same seed:
// - clusterBootstrap: any statistic over a list of items. Each resample costs O(items).
// - clusterBootstrapAdditive: a statistic that is a function of a sum of per-item vectors (counts, sums,
//   coincidences). Each group's vector sum is precomputed once, so a resample costs O(groups × dimension): 1,000
//   resamples over 10,000 labels take milliseconds. When the vectors hold integers (counts) the sums are exact and
//   both paths return bit-identical intervals; with fractional values they agree up to rounding. The sums are kept
//   sparse in typed arrays (clusterMatrix.ts); the exact rows with as many groups, of this table or an earlier
//   one, count their resamples from one kept draw of them (keptDrawCounts.ts), and the other rows of a table with
//   as many groups share one draw (bootstrapClusterSumsTable, bootstrapDraws.ts).
import { quantileOfSorted } from './quantile';
import { DrawBuffers, drawClusters, drawnTally, streamDraws, streamTallies, type ClusterDraws } from './bootstrapDraws';
import { countedTallies, keptDrawCounts } from './keptDrawCounts';
import { countedSums, sumsByDimensionPay } from './countedSums';
import {
  classSums,
  clusterClasses,
  pickedSums,
  resampledSums,
  sparseClusters,
  type ClusterClasses,
  type ClusterMatrix,
} from './clusterMatrix';
import { countDrawsAhead, tallyAhead } from './bootstrapPool';

export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_SEED = 20240101;
export const DEFAULT_LEVEL = 0.95;

export interface BootstrapOptions {
  /** Number of resamples B; default 1000. */
  readonly resamples?: number;
  /** Seed of the generator; default DEFAULT_SEED, so an interval is reproducible unless asked otherwise. */
  readonly seed?: number | bigint;
  /** Coverage of the interval; default 0.95. */
  readonly level?: number;
}

export type ClusterId = string | number;

export interface BootstrapResult {
  /** The statistic on the data as given. */
  readonly estimate: number;
  /** Percentile interval bounds; NaN when no resample gave a defined value. */
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  /** B, the resamples drawn, including undefined ones. */
  readonly resamples: number;
  /**
   * Resamples where the statistic was not a finite number (e.g. kappa 0/0 when a resample holds only one
   * category): they are excluded from the interval and counted here, so a reader can tell when the interval rests
   * on fewer than B values.
   */
  readonly undefinedResamples: number;
  readonly clusters: number;
  readonly items: number;
  readonly seed: number | bigint;
}

/** A statistic expressed through additive sufficient statistics. */
export interface AdditiveStatistic<T> {
  /** Length of the vector each item contributes to. */
  readonly dimension: number;
  /** Adds one item's contribution into `sums` (which has `dimension` entries). */
  accumulate(item: T, sums: Float64Array): void;
  /** The statistic from the summed vector; NaN when undefined. Must not keep or modify `sums`. */
  finish(sums: Float64Array): number;
}

interface ResolvedOptions {
  readonly resamples: number;
  readonly seed: number | bigint;
  readonly level: number;
}

function resolveOptions(options: BootstrapOptions): ResolvedOptions {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const level = options.level ?? DEFAULT_LEVEL;
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  return { resamples, level, seed: options.seed ?? DEFAULT_SEED };
}

/** Items grouped by cluster, groups in order of first appearance (so the result does not depend on id sorting). */
export function groupByCluster<T>(items: readonly T[], clusterOf: (item: T) => ClusterId): T[][] {
  const groups = new Map<ClusterId, T[]>();
  for (const item of items) {
    const id = clusterOf(item);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = []));
    group.push(item);
  }
  return [...groups.values()];
}

/**
 * Runs B resamples: each takes C cluster indices drawn uniformly with replacement, in a fixed order, then
 * evaluates. Every path goes through the same draws (bootstrapDraws), which is what makes them give identical
 * resamples for a seed.
 */
function resample(
  clusterCount: number,
  options: ResolvedOptions,
  evaluate: (picked: Uint32Array) => number,
): Float64Array {
  if (clusterCount === 0) throw new RangeError('cannot bootstrap an empty sample');
  const values = new Float64Array(options.resamples);
  streamDraws(clusterCount, options.resamples, options.seed, (picked, b) => (values[b] = evaluate(picked)));
  return values;
}

function summarize(
  estimate: number,
  values: Float64Array,
  options: ResolvedOptions,
  clusters: number,
  items: number,
): BootstrapResult {
  const defined = values.filter((v) => Number.isFinite(v)).sort();
  const tail = (1 - options.level) / 2;
  return {
    estimate,
    lower: quantileOfSorted(defined, tail),
    upper: quantileOfSorted(defined, 1 - tail),
    level: options.level,
    resamples: options.resamples,
    undefinedResamples: values.length - defined.length,
    clusters,
    items,
    seed: options.seed,
  };
}

/**
 * Cluster bootstrap of any statistic over a list of items. The statistic receives a reused array that is only valid
 * during the call; it must not keep it.
 */
export function clusterBootstrap<T>(
  items: readonly T[],
  clusterOf: (item: T) => ClusterId,
  statistic: (items: readonly T[]) => number,
  options: BootstrapOptions = {},
): BootstrapResult {
  const resolved = resolveOptions(options);
  const groups = groupByCluster(items, clusterOf);
  const buffer: T[] = [];
  const values = resample(groups.length, resolved, (picked) => {
    buffer.length = 0;
    for (const g of picked) for (const item of groups[g]!) buffer.push(item);
    return statistic(buffer);
  });
  return summarize(statistic(items), values, resolved, groups.length, items.length);
}

/**
 * The interval of B resampled values of a statistic computed elsewhere (refitted on worker threads), summarised as
 * every path here summarises its own: the values not finite counted and left out, the percentile interval.
 */
export function summarizeResamples(
  estimate: number,
  values: Float64Array,
  options: BootstrapOptions,
  clusters: number,
  items: number,
): BootstrapResult {
  const resolved = resolveOptions(options);
  if (values.length !== resolved.resamples)
    throw new RangeError(`${values.length} resampled values for ${resolved.resamples} resamples`);
  return summarize(estimate, values, resolved, clusters, items);
}

/**
 * Cluster bootstrap from per-cluster sums given directly: `clusterSums[c]` is cluster c's vector (all of the same
 * length). For callers that already aggregate per prompt group.
 */
export function bootstrapClusterSums(
  clusterSums: readonly ArrayLike<number>[],
  finish: (sums: Float64Array) => number,
  options: BootstrapOptions = {},
  items = clusterSums.length,
): BootstrapResult {
  return bootstrapClusterSumsMany(clusterSums, [finish], options, items)[0]!;
}

/**
 * Several statistics of the same per-cluster sums on the same resamples: the groups are drawn and summed once per
 * resample, and every statistic is evaluated on that sum. Each result is exactly what bootstrapClusterSums gives
 * for that statistic alone with the same options (same seed, same drawn groups).
 */
export function bootstrapClusterSumsMany(
  clusterSums: readonly ArrayLike<number>[],
  finishes: readonly ((sums: Float64Array) => number)[],
  options: BootstrapOptions = {},
  items = clusterSums.length,
): BootstrapResult[] {
  return bootstrapClusterSumsTable([{ clusterSums, finishes, items }], options)[0]!;
}

/** One row of a table to bootstrap: its per-cluster sums and the statistics of them. */
export interface ClusterSumsJob {
  readonly clusterSums: readonly ArrayLike<number>[];
  readonly finishes: readonly ((sums: Float64Array) => number)[];
  /** Reported as `items`; default the number of clusters. */
  readonly items?: number;
}

/**
 * bootstrapClusterSumsMany of every row of a table, with identical results, drawing once for all rows with as
 * many clusters: the draws depend only on the seed, B and the number of clusters, so rows with C clusters share
 * them, drawn and turned into cluster weights once, then dropped when the table is done.
 */
export function bootstrapClusterSumsTable(
  jobs: readonly ClusterSumsJob[],
  options: BootstrapOptions = {},
): BootstrapResult[][] {
  const resolved = resolveOptions(options);
  const results: BootstrapResult[][] = new Array(jobs.length);
  const byClusters = new Map<number, number[]>();
  jobs.forEach((job, i) => {
    const count = job.clusterSums.length;
    if (count === 0) throw new RangeError('cannot bootstrap an empty sample');
    (byClusters.get(count) ?? byClusters.set(count, []).get(count)!).push(i);
  });
  const buffers = new DrawBuffers();
  const drawingAlone: { index: number; prepared: PreparedJob }[] = [];
  const preparedRows = [...byClusters].map(
    ([clusters, rows]) => [clusters, rows.map((i) => ({ index: i, prepared: prepareJob(jobs[i]!) }))] as const,
  );
  // The kept draw counts the rows of exact sums will read, counted ahead on every core.
  countDrawsAhead(
    preparedRows.flatMap(([clusters, rows]) => (rows.some((row) => row.prepared.classes) ? [clusters] : [])),
    resolved.resamples,
    resolved.seed,
  );
  for (const [clusters, prepared] of preparedRows) {
    // Rows of exact sums count their classes from the kept draw counts of C clusters (this table's or an earlier
    // one's): no row draws again. The others, and all beyond the counts' budget, draw.
    const counts = prepared.some((row) => row.prepared.classes)
      ? keptDrawCounts(clusters, resolved.resamples, resolved.seed)
      : undefined;
    const drawing = prepared.filter(({ index, prepared: { matrix, classes } }) => {
      if (!counts || !classes) return true;
      const source: ResampleSource = sumsByDimensionPay(matrix, classes, resolved.resamples)
        ? { resampled: countedSums(counts, matrix) }
        : { tallies: countedTallies(counts, classes.classOf, classes.classes) };
      results[index] = bootstrapJob(jobs[index]!, { matrix, classes }, resolved, source);
      return false;
    });
    if (drawing.length < SHARED_DRAWS_FROM) {
      drawingAlone.push(...drawing);
      continue;
    }
    const draws = drawClusters(clusters, resolved.resamples, resolved.seed, buffers);
    for (const { index, prepared: row } of drawing)
      results[index] = bootstrapJob(jobs[index]!, row, resolved, { draws });
  }
  // The exact rows that draw alone have their class counts tallied ahead on every core, a batch at a time.
  const tallied = drawingAlone.filter((j) => j.prepared.classes);
  for (const batch of talliesBatches(tallied, resolved.resamples)) {
    const ahead = tallyAhead(
      batch.map(({ prepared }) => ({
        clusters: prepared.matrix.clusters,
        classOf: prepared.classes!.classOf,
        classes: prepared.classes!.classes,
      })),
      resolved.resamples,
      resolved.seed,
    );
    batch.forEach(({ index, prepared }, k) => {
      results[index] = bootstrapJob(jobs[index]!, prepared, resolved, ahead ? { tallies: ahead[k]! } : {});
    });
  }
  for (const { index, prepared } of drawingAlone)
    if (!prepared.classes) results[index] = bootstrapJob(jobs[index]!, prepared, resolved, {});
  return results;
}

/**
 * Rows with as many clusters from which one kept draw beats drawing on the fly per row: keeping them costs about
 * three passes over B × C numbers (drawn, counted, listed), reading them back about half a pass per row, and
 * drawing them again (tallied as drawn) about one; measured on 2,468 clusters, 1,000 resamples. Either way the
 * numbers, and so the intervals, are the same.
 */
const SHARED_DRAWS_FROM = 8;

/** Class counts tallied ahead at most this many bytes at a time (a wide table's rows have hundreds of classes). */
const TALLIES_BATCH_BYTES = 64 * 2 ** 20;

function talliesBatches<T extends { prepared: PreparedJob }>(rows: readonly T[], resamples: number): T[][] {
  const batches: T[][] = [];
  let bytes = Infinity;
  for (const row of rows) {
    const size = resamples * row.prepared.classes!.classes * 4;
    if (bytes + size > TALLIES_BATCH_BYTES) {
      batches.push([]);
      bytes = 0;
    }
    batches.at(-1)!.push(row);
    bytes += size;
  }
  return batches;
}

/** A row's sums as the bootstrap reads them: sparse, and for exact sums grouped into classes of equal vectors. */
interface PreparedJob {
  readonly matrix: ClusterMatrix;
  readonly classes?: ClusterClasses;
}

function prepareJob(job: ClusterSumsJob): PreparedJob {
  const matrix = sparseClusters(job.clusterSums);
  // Clusters with equal sums drawn as one class (the sums are exact, so any order of addition gives the same).
  return matrix.exact ? { matrix, classes: clusterClasses(matrix) } : { matrix };
}

/** How a row's resamples are had: kept draws shared with other rows, counts tallied ahead, or drawn as it goes. */
interface ResampleSource {
  readonly draws?: ClusterDraws;
  /** Resample b's class counts at [b × classes, (b + 1) × classes). */
  readonly tallies?: Uint32Array;
  /** Resample b's summed vector at [b × dimension, (b + 1) × dimension) (countedSums.ts). */
  readonly resampled?: Float64Array;
}

function bootstrapJob(
  job: ClusterSumsJob,
  { matrix, classes }: PreparedJob,
  resolved: ResolvedOptions,
  { draws, tallies, resampled }: ResampleSource,
): BootstrapResult[] {
  const { clusterSums, finishes } = job;
  const clusters = clusterSums.length;
  const total = new Float64Array(matrix.dimension);
  for (const v of clusterSums) for (let d = 0; d < matrix.dimension; d++) total[d]! += v[d]!;
  const sums = new Float64Array(matrix.dimension);
  const values = finishes.map(() => new Float64Array(resolved.resamples));
  const evaluate = (b: number, summed: Float64Array = sums) => {
    for (let f = 0; f < finishes.length; f++) values[f]![b] = finishes[f]!(summed);
  };
  const width = matrix.dimension;
  if (resampled)
    for (let b = 0; b < resolved.resamples; b++) evaluate(b, resampled.subarray(b * width, (b + 1) * width));
  else if (classes) {
    const visit = (tally: Uint32Array, b: number) => {
      classSums(classes, tally, sums);
      evaluate(b);
    };
    const classCount = classes.classes;
    if (tallies)
      for (let b = 0; b < resolved.resamples; b++) visit(tallies.subarray(b * classCount, (b + 1) * classCount), b);
    else if (draws) {
      const tally = new Uint32Array(classCount);
      for (let b = 0; b < resolved.resamples; b++) {
        drawnTally(draws, b, classes.classOf, tally);
        visit(tally, b);
      }
    } else streamTallies(clusters, resolved.resamples, resolved.seed, classes.classOf, classCount, visit);
  } else if (draws) {
    for (let b = 0; b < resolved.resamples; b++) {
      resampledSums(matrix, draws, b, sums);
      evaluate(b);
    }
  } else
    streamDraws(clusters, resolved.resamples, resolved.seed, (picked, b) => {
      pickedSums(matrix, picked, 0, clusters, sums);
      evaluate(b);
    });
  const items = job.items ?? clusters;
  return finishes.map((finish, f) => summarize(finish(total), values[f]!, resolved, clusters, items));
}

/** The per-cluster sums of an additive statistic, clusters in order of first appearance. */
export function clusterSumsOf<T>(
  items: readonly T[],
  clusterOf: (item: T) => ClusterId,
  statistic: AdditiveStatistic<T>,
): Float64Array[] {
  return groupByCluster(items, clusterOf).map((group) => {
    const sums = new Float64Array(statistic.dimension);
    for (const item of group) statistic.accumulate(item, sums);
    return sums;
  });
}

/** Cluster bootstrap of an additive statistic: the fast path (see the file comment). */
export function clusterBootstrapAdditive<T>(
  items: readonly T[],
  clusterOf: (item: T) => ClusterId,
  statistic: AdditiveStatistic<T>,
  options: BootstrapOptions = {},
): BootstrapResult {
  return bootstrapClusterSums(
    clusterSumsOf(items, clusterOf, statistic),
    (s) => statistic.finish(s),
    options,
    items.length,
  );
}

/** An additive statistic evaluated directly on a list of items (for point estimates and the slow path). */
export function evaluateAdditive<T>(statistic: AdditiveStatistic<T>, items: readonly T[]): number {
  const sums = new Float64Array(statistic.dimension);
  for (const item of items) statistic.accumulate(item, sums);
  return statistic.finish(sums);
}
