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

/** Both taus from one pass over the n(n-1)/2 pairs. */
export function kendallTau(x: readonly number[], y: readonly number[]): KendallTau {
  checkPaired(x, y);
  const n = x.length;
  if (n < 2) return { b: NaN, c: NaN };
  let balance = 0; // concordant minus discordant
  let tiedX = 0;
  let tiedY = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = Math.sign(x[i]! - x[j]!);
      const dy = Math.sign(y[i]! - y[j]!);
      if (dx === 0) tiedX++;
      if (dy === 0) tiedY++;
      balance += dx * dy;
    }
  }
  const pairs = (n * (n - 1)) / 2;
  const denominator = Math.sqrt((pairs - tiedX) * (pairs - tiedY));
  const classes = Math.min(new Set(x).size, new Set(y).size);
  return {
    b: denominator === 0 ? NaN : Math.max(-1, Math.min(1, balance / denominator)),
    c: classes < 2 ? NaN : Math.max(-1, Math.min(1, (2 * balance) / ((n * n * (classes - 1)) / classes))),
  };
}
