// Intraclass correlation of numeric ratings (Shrout & Fleiss 1979; McGraw & Wong 1996) from the two-way ANOVA of a
// complete targets × raters table (every rater rated every target):
//   ICC(2,1) = (MSR - MSE) / (MSR + (k-1) MSE + k (MSC - MSE) / n)   two-way random, absolute agreement, one rater
//   ICC(3,1) = (MSR - MSE) / (MSR + (k-1) MSE)                         two-way mixed, consistency, one rater
//   ICC(2,k) = (MSR - MSE) / (MSR + (MSC - MSE) / n)                   ... the mean of the k raters
//   ICC(3,k) = (MSR - MSE) / MSR
// The mean squares follow from additive sums (per rater column totals, the sum of squared target totals, the sum of
// squares, the number of targets), so the bootstrap resamples prompt groups by adding vectors (iccSums).

export interface IccResult {
  readonly icc21: number;
  readonly icc31: number;
  readonly icc2k: number;
  readonly icc3k: number;
  /** Targets (rows) and raters (columns). */
  readonly targets: number;
  readonly raters: number;
}

/** [targets, sum of squared row totals, sum of squared values, grand total, column totals (k)]. */
export function iccDimension(raters: number): number {
  return 4 + raters;
}

/** Adds one target's ratings, one per rater in a fixed rater order, into `sums`. */
export function addIccTarget(ratings: ArrayLike<number>, sums: Float64Array): void {
  let row = 0;
  for (let j = 0; j < ratings.length; j++) {
    const x = ratings[j]!;
    row += x;
    sums[2]! += x * x;
    sums[4 + j]! += x;
  }
  sums[0]! += 1;
  sums[1]! += row * row;
  sums[3]! += row;
}

export function iccFromSums(sums: ArrayLike<number>, raters: number): IccResult {
  const n = sums[0]!;
  const k = raters;
  const undefinedResult = { icc21: NaN, icc31: NaN, icc2k: NaN, icc3k: NaN, targets: n, raters: k };
  if (n < 2 || k < 2) return undefinedResult;
  const correction = (sums[3]! * sums[3]!) / (n * k);
  let columns = 0;
  for (let j = 0; j < k; j++) columns += sums[4 + j]! * sums[4 + j]!;
  const ssRows = sums[1]! / k - correction;
  const ssColumns = columns / n - correction;
  const ssError = sums[2]! - correction - ssRows - ssColumns;
  const msr = ssRows / (n - 1);
  const msc = ssColumns / (k - 1);
  const mse = ssError / ((n - 1) * (k - 1));
  const ratio = (num: number, den: number) => (den === 0 ? NaN : num / den);
  return {
    icc21: ratio(msr - mse, msr + (k - 1) * mse + (k * (msc - mse)) / n),
    icc31: ratio(msr - mse, msr + (k - 1) * mse),
    icc2k: ratio(msr - mse, msr + (msc - mse) / n),
    icc3k: ratio(msr - mse, msr),
    targets: n,
    raters: k,
  };
}

/** ICCs of a complete table, one row per target and one column per rater. */
export function intraclassCorrelation(table: readonly (readonly number[])[]): IccResult {
  const k = table[0]?.length ?? 0;
  const sums = new Float64Array(iccDimension(k));
  for (const row of table) {
    if (row.length !== k)
      throw new RangeError(`ICC needs a complete table: a target has ${row.length} ratings, the first ${k}`);
    addIccTarget(row, sums);
  }
  return iccFromSums(sums, k);
}
