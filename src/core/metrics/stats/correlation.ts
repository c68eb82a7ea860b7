// Correlation of two paired samples (a judge's scores and the humans' mean scores of the same responses):
// Pearson's r, Spearman's rho (Pearson's r of average ranks) and Kendall's tau-b and tau-c, defined as
// scipy.stats.pearsonr, spearmanr and kendalltau(variant='b' | 'c') define them. NaN when undefined (fewer than two
// pairs, or a sample that does not vary).
import { averageRanks } from './ranks';

function checkPaired(x: readonly number[], y: readonly number[]): void {
  if (x.length !== y.length) throw new RangeError(`paired samples differ in length: ${x.length} and ${y.length}`);
}

export function pearson(x: readonly number[], y: readonly number[]): number {
  checkPaired(x, y);
  const n = x.length;
  if (n < 2) return NaN;
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += x[i]!;
    meanY += y[i]!;
  }
  meanX /= n;
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - meanX;
    const dy = y[i]! - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  // Clipped like scipy: rounding can put |r| a hair above 1 for perfectly linear data.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

export function spearman(x: readonly number[], y: readonly number[]): number {
  checkPaired(x, y);
  return pearson([...averageRanks(x)], [...averageRanks(y)]);
}

export interface KendallTau {
  /** tau-b: (concordant - discordant) / sqrt((pairs - ties in x)(pairs - ties in y)). */
  readonly b: number;
  /** tau-c (Stuart): 2 (concordant - discordant) / (n^2 (m - 1) / m), m = the fewer distinct values of x and y. */
  readonly c: number;
}

/**
 * Both taus in O(n log n) (Knight 1966, as scipy computes them): sort by x then y; ties follow from runs of equal
 * values, and the discordant pairs are the inversions of y in that order, counted by a merge sort. A bootstrap
 * recomputes tau on every resample, so the quadratic pair loop would cost minutes on a few thousand responses.
 */
export function kendallTau(x: readonly number[], y: readonly number[]): KendallTau {
  checkPaired(x, y);
  const n = x.length;
  if (n < 2) return { b: NaN, c: NaN };
  const order = x.map((_, i) => i).sort((a, b) => x[a]! - x[b]! || y[a]! - y[b]!);
  const tiedX = tiedPairs(order, (i, j) => x[i] === x[j]);
  const tiedBoth = tiedPairs(order, (i, j) => x[i] === x[j] && y[i] === y[j]);
  const ys = Float64Array.from(order, (i) => y[i]!);
  const discordant = sortCountingInversions(ys);
  const tiedY = tiedPairs([...ys.keys()], (i, j) => ys[i] === ys[j]);
  const pairs = (n * (n - 1)) / 2;
  const balance = pairs - tiedX - tiedY + tiedBoth - 2 * discordant; // concordant minus discordant
  const denominator = Math.sqrt((pairs - tiedX) * (pairs - tiedY));
  const classes = Math.min(new Set(x).size, new Set(y).size);
  return {
    b: denominator === 0 ? NaN : Math.max(-1, Math.min(1, balance / denominator)),
    c: classes < 2 ? NaN : Math.max(-1, Math.min(1, (2 * balance) / ((n * n * (classes - 1)) / classes))),
  };
}

/** Pairs within runs of equal neighbours (in `order`): sum of t (t - 1) / 2 over the runs. */
function tiedPairs(order: readonly number[], same: (i: number, j: number) => boolean): number {
  let total = 0;
  let run = 1;
  for (let k = 1; k <= order.length; k++) {
    if (k < order.length && same(order[k - 1]!, order[k]!)) {
      run++;
      continue;
    }
    total += (run * (run - 1)) / 2;
    run = 1;
  }
  return total;
}

/** Sorts `values` ascending in place and returns how many pairs i < j had values[i] > values[j]. */
function sortCountingInversions(values: Float64Array): number {
  const n = values.length;
  let from: Float64Array = values;
  let to: Float64Array = new Float64Array(n);
  let inversions = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let left = 0; left < n; left += 2 * width) {
      const mid = Math.min(left + width, n);
      const right = Math.min(left + 2 * width, n);
      let i = left;
      let j = mid;
      let k = left;
      while (i < mid && j < right) {
        if (from[j]! < from[i]!) {
          inversions += mid - i;
          to[k++] = from[j++]!;
        } else to[k++] = from[i++]!;
      }
      while (i < mid) to[k++] = from[i++]!;
      while (j < right) to[k++] = from[j++]!;
    }
    [from, to] = [to, from];
  }
  if (from !== values) values.set(from);
  return inversions;
}
