// A row's resampled sums read off kept draw counts one dimension at a time, for rows whose clusters are nearly all
// different: a Bradley–Terry cell, where each prompt group holds its own mix of a dozen pairs' verdicts, has as
// many classes as clusters, and summing each class's vector times its count is then the whole bootstrap. At one
// dimension, though, the clusters hold only a few values (0, ½, 1): the dimension's sum over a resample is each
// value times how often clusters holding it were drawn, which the draw kernel tallies reading only the clusters off
// the dimension's most common value (countedTallies). The matrix is exact, so these sums equal the classes' sums
// bit for bit, and so do the intervals.
import type { ClusterClasses, ClusterMatrix } from './clusterMatrix';
import { countedTallies, type DrawCounts } from './keptDrawCounts';

/** At most this many bytes of resampled sums (B × dimension doubles) are read ahead for one row. */
const SUMS_BYTES = 32 * 2 ** 20;

/**
 * Summing a class's entry in JavaScript, per resample, against tallying one count in the kernel: measured on the
 * Bradley–Terry cells at 4x Shaham et al.'s size.
 */
const CLASS_ENTRY_COST = 2;
/** Below one class per this many clusters, the classes' way is taken without weighing the other. */
const FEW_CLASSES_SHARE = 4;
/** The share of classes of one cluster a resample draws at least once (1 − 1/e). */
const DRAWN_SHARE = 0.63;

/** One dimension's values over the clusters: value k of `values` for the clusters c with classOf[c] = k. */
interface Column {
  readonly dimension: number;
  readonly values: Float64Array;
  readonly classOf: Uint32Array;
}

/**
 * Whether reading a row's resampled sums a dimension at a time costs less than summing its classes: the kernel
 * reads, per dimension, the clusters off its most common value; the classes' way tallies the clusters off the most
 * common class, then adds every drawn class's entries.
 */
export function sumsByDimensionPay(matrix: ClusterMatrix, classes: ClusterClasses, resamples: number): boolean {
  // With a few clusters a class (most tables: a prompt group holds one or two items of a few kinds) the classes'
  // entries are few, and weighing the dimensions would cost more than it could save.
  if (classes.classes * FEW_CLASSES_SHARE < matrix.clusters) return false;
  if (resamples * matrix.dimension * 8 > SUMS_BYTES) return false;
  const sizes = new Uint32Array(classes.classes);
  let largest = 0;
  for (const k of classes.classOf) largest = Math.max(largest, ++sizes[k]!);
  const classWork = matrix.clusters - largest + CLASS_ENTRY_COST * DRAWN_SHARE * classes.index.length;
  return dimensionWork(matrix) < classWork;
}

/** Σ over dimensions of the clusters not holding that dimension's most common value. */
function dimensionWork(matrix: ClusterMatrix): number {
  const counts = Array.from({ length: matrix.dimension }, () => new Map<number, number>());
  for (let e = 0; e < matrix.index.length; e++) {
    const column = counts[matrix.index[e]!]!;
    column.set(matrix.value[e]!, (column.get(matrix.value[e]!) ?? 0) + 1);
  }
  let work = 0;
  for (const column of counts) {
    if (column.size === 0) continue;
    let held = 0;
    let largest = 0;
    for (const n of column.values()) {
      held += n;
      largest = Math.max(largest, n);
    }
    work += matrix.clusters - Math.max(largest, matrix.clusters - held);
  }
  return work;
}

/** The dimensions some cluster holds a value at, each with its values (0 first) and every cluster's value. */
function columnsOf(matrix: ClusterMatrix): Column[] {
  const { clusters, offset, index, value } = matrix;
  const columns = new Map<number, { values: number[]; classOf: Uint32Array; byValue: Map<number, number> }>();
  for (let c = 0; c < clusters; c++) {
    for (let e = offset[c]!, last = offset[c + 1]!; e < last; e++) {
      const d = index[e]!;
      let column = columns.get(d);
      if (!column) columns.set(d, (column = { values: [0], classOf: new Uint32Array(clusters), byValue: new Map() }));
      let k = column.byValue.get(value[e]!);
      if (k === undefined) {
        column.byValue.set(value[e]!, (k = column.values.length));
        column.values.push(value[e]!);
      }
      column.classOf[c] = k;
    }
  }
  return [...columns].map(([dimension, { values, classOf }]) => ({
    dimension,
    values: Float64Array.from(values),
    classOf,
  }));
}

/** Every resample's summed vector, resample b's at [b × dimension, (b + 1) × dimension). */
export function countedSums(draws: DrawCounts, matrix: ClusterMatrix): Float64Array {
  const { resamples } = draws;
  const width = matrix.dimension;
  const sums = new Float64Array(resamples * width);
  for (const { dimension, values, classOf } of columnsOf(matrix)) {
    const tallies = countedTallies(draws, classOf, values.length);
    for (let b = 0; b < resamples; b++) {
      let sum = 0;
      for (let k = 1, at = b * values.length + 1; k < values.length; k++, at++) sum += values[k]! * tallies[at]!;
      sums[b * width + dimension] = sum;
    }
  }
  return sums;
}
