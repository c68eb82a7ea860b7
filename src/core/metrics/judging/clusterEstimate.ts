// An Estimate of a statistic that is not a function of summed vectors (a correlation of ranks, a fitted model):
// the cluster bootstrap recomputes it on each resample of prompt groups. Statistics of one row share a seed, so they
// are computed on the same resampled groups.
import { itemCluster } from '../clusterTally';
import type { Estimate, IntervalSettings } from '../estimate';
import { clusterBootstrap, clusterBootstrapOfWeights } from '../stats';

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

/**
 * clusterEstimate of a statistic that refits on cluster weights: `refits(clusterOf)` is given each item's cluster
 * (numbered by first appearance, as clusterBootstrap numbers them) and returns the statistic of a resample's
 * weights per cluster. `value` is the statistic of the items as given.
 */
export function clusterEstimateOfWeights<T extends { readonly run: string; readonly group: string }>(
  items: readonly T[],
  value: number,
  refits: (clusterOf: Uint32Array) => (weights: Uint32Array) => number,
  n: number,
  intervals: IntervalSettings | undefined,
): Estimate {
  if (!intervals || !Number.isFinite(value)) return { value, n };
  const numbers = new Map<string, number>();
  const clusterOf = new Uint32Array(items.length);
  items.forEach((item, i) => {
    const id = itemCluster(item);
    let number = numbers.get(id);
    if (number === undefined) numbers.set(id, (number = numbers.size));
    clusterOf[i] = number;
  });
  if (numbers.size < 2) return { value, n };
  const result = clusterBootstrapOfWeights(numbers.size, value, refits(clusterOf), intervals, items.length);
  return { value, n, lower: result.lower, upper: result.upper };
}
