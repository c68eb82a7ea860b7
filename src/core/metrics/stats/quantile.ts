// Sample quantiles for percentile confidence intervals.

/**
 * The p-quantile of values already sorted ascending, by linear interpolation between order statistics (Hyndman &
 * Fan type 7, numpy.percentile's default), so intervals match what a researcher gets from numpy or R's quantile().
 * NaN for an empty list.
 */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile level must be in [0, 1], got ${p}`);
  const count = sorted.length;
  if (count === 0) return NaN;
  const position = (count - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, count - 1);
  const fraction = position - below;
  const low = sorted[below]!;
  const high = sorted[above]!;
  return fraction === 0 ? low : low + fraction * (high - low);
}
