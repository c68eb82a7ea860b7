// Per-cluster sums as the bootstrap reads them, B times over: sparse, in typed arrays. A prompt group touches a few
// of a table's counters (one cell of a confusion table, one rater pair's), so only its non-zero sums are kept;
// skipping a zero changes no sum, since x + 0 is x.
import type { ClusterDraws } from './bootstrapDraws';

// Values that are multiples of 2^-10 (counts, halves, Likert points) add up exactly in any order, as long as no
// sum can outgrow the 53 bits of a double: then a resample can be summed from its cluster weights (each distinct
// cluster once, times how often it was drawn) with exactly the result of adding the clusters one by one.
const EXACT_STEP = 1024;
const EXACT_LIMIT = 2 ** 53;

export interface ClusterMatrix {
  readonly clusters: number;
  readonly dimension: number;
  /** Cluster c's non-zero sums are at [offset[c], offset[c + 1]): sum value[e] at position index[e]. */
  readonly offset: Uint32Array;
  readonly index: Uint32Array;
  readonly value: Float64Array;
  /** Whether every resampled sum is exact whatever the order of addition (see EXACT_STEP). */
  readonly exact: boolean;
}

export function sparseClusters(clusterSums: readonly ArrayLike<number>[]): ClusterMatrix {
  const clusters = clusterSums.length;
  const dimension = clusterSums[0]?.length ?? 0;
  let nonZero = 0;
  clusterSums.forEach((v, c) => {
    if (v.length !== dimension) throw new RangeError(`cluster ${c} has ${v.length} sums, cluster 0 has ${dimension}`);
    for (let d = 0; d < dimension; d++) if (v[d] !== 0) nonZero++;
  });
  const offset = new Uint32Array(clusters + 1);
  const index = new Uint32Array(nonZero);
  const value = new Float64Array(nonZero);
  let largest = 0;
  let onSteps = true;
  let e = 0;
  for (let c = 0; c < clusters; c++) {
    const v = clusterSums[c]!;
    for (let d = 0; d < dimension; d++) {
      const x = v[d]!;
      if (x === 0) continue;
      index[e] = d;
      value[e++] = x;
      largest = Math.max(largest, Math.abs(x));
      if (onSteps && !Number.isInteger(x * EXACT_STEP)) onSteps = false;
    }
    offset[c + 1] = e;
  }
  const exact = onSteps && largest * clusters * EXACT_STEP < EXACT_LIMIT;
  return { clusters, dimension, offset, index, value, exact };
}

/** Resample b's summed vector into `sums`: bit for bit the sum of its drawn clusters added in the order drawn. */
export function resampledSums(matrix: ClusterMatrix, draws: ClusterDraws, b: number, sums: Float64Array): void {
  if (!matrix.exact) {
    pickedSums(matrix, draws.picked, b * draws.clusters, (b + 1) * draws.clusters, sums);
    return;
  }
  sums.fill(0);
  const { offset, index, value } = matrix;
  const { distinct, weight } = draws;
  for (let k = draws.start[b]!, end = draws.start[b + 1]!; k < end; k++) {
    const c = distinct[k]!;
    const w = weight[k]!;
    for (let e = offset[c]!, last = offset[c + 1]!; e < last; e++) sums[index[e]!]! += w * value[e]!;
  }
}

/** The sum of the clusters picked[from, to), added in that order, into `sums`. */
export function pickedSums(
  matrix: ClusterMatrix,
  picked: Uint32Array,
  from: number,
  to: number,
  sums: Float64Array,
): void {
  sums.fill(0);
  const { offset, index, value } = matrix;
  for (let j = from; j < to; j++) {
    const c = picked[j]!;
    for (let e = offset[c]!, last = offset[c + 1]!; e < last; e++) sums[index[e]!]! += value[e]!;
  }
}

/**
 * The clusters of an exact matrix grouped by their sums: prompt groups of a table mostly hold one or two items of
 * a few kinds, so a few hundred clusters have a few dozen distinct vectors. A resample's sum is then each distinct
 * vector times how often its clusters were drawn, exactly the sum added cluster by cluster (the matrix is exact).
 */
export interface ClusterClasses {
  readonly dimension: number;
  /** The class of each cluster. */
  readonly classOf: Uint32Array;
  readonly classes: number;
  /** Class k's non-zero sums are at [offset[k], offset[k + 1]): sum value[e] at position index[e]. */
  readonly offset: Uint32Array;
  readonly index: Uint32Array;
  readonly value: Float64Array;
}

export function clusterClasses(matrix: ClusterMatrix): ClusterClasses {
  if (!matrix.exact) throw new RangeError('clusters are grouped by their sums only when every sum is exact');
  const { clusters, offset, index, value } = matrix;
  const classOf = new Uint32Array(clusters);
  const byKey = new Map<string, number>();
  const first: number[] = [];
  for (let c = 0; c < clusters; c++) {
    let key = '';
    for (let e = offset[c]!, last = offset[c + 1]!; e < last; e++) key += `${index[e]}:${value[e]} `;
    let k = byKey.get(key);
    if (k === undefined) {
      byKey.set(key, (k = first.length));
      first.push(c);
    }
    classOf[c] = k;
  }
  const classOffset = new Uint32Array(first.length + 1);
  first.forEach((c, k) => (classOffset[k + 1] = classOffset[k]! + offset[c + 1]! - offset[c]!));
  const classIndex = new Uint32Array(classOffset[first.length]!);
  const classValue = new Float64Array(classIndex.length);
  first.forEach((c, k) => {
    classIndex.set(index.subarray(offset[c]!, offset[c + 1]!), classOffset[k]!);
    classValue.set(value.subarray(offset[c]!, offset[c + 1]!), classOffset[k]!);
  });
  return {
    dimension: matrix.dimension,
    classOf,
    classes: first.length,
    offset: classOffset,
    index: classIndex,
    value: classValue,
  };
}

/** The sum of each class's vector times tally[class], into `sums`. */
export function classSums(classes: ClusterClasses, tally: Uint32Array, sums: Float64Array): void {
  sums.fill(0);
  const { offset, index, value } = classes;
  for (let k = 0; k < classes.classes; k++) {
    const w = tally[k]!;
    if (w === 0) continue;
    for (let e = offset[k]!, last = offset[k + 1]!; e < last; e++) sums[index[e]!]! += w * value[e]!;
  }
}
