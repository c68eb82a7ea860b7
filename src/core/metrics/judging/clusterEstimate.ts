// An Estimate of a statistic that is not a function of summed vectors (a correlation of ranks, a fitted model):
// the cluster bootstrap recomputes it on each resample of prompt groups. Statistics of one row share a seed, so they
// are computed on the same resampled groups.
import { itemCluster } from '../clusterTally';
import type { Estimate, IntervalSettings } from '../estimate';
import { clusterBootstrap } from '../stats';

export function clusterEstimate<T extends { readonly run: string; readonly group: string }>(
  items: readonly T[],
  statistic: (items: readonly T[]) => number,
  n: number,
  intervals: IntervalSettings | undefined,
): Estimate {
  const value = items.length ? statistic(items) : NaN;
  if (!intervals || !Number.isFinite(value) || new Set(items.map(itemCluster)).size < 2) return { value, n };
  const result = clusterBootstrap(items, itemCluster, statistic, intervals);
  return { value, n, lower: result.lower, upper: result.upper };
}
