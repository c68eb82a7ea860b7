// Means and rates with cluster-bootstrap intervals, e.g. "mean Likert score per system with a 95% CI over prompts
// and seeds" (protocols.md §4) or the rate of responses in the prompt's language (§6). Seeds and languages of one
// prompt are resampled together, which a plain t-interval over all scores would wrongly treat as independent.
import { meanStatistic, ratioOfMeansStatistic } from './additiveStatistics';
import { clusterBootstrapAdditive, type BootstrapOptions, type BootstrapResult, type ClusterId } from './bootstrap';

/** Mean of valueOf over all items, with a percentile interval from resampling clusters (prompt groups). */
export function bootstrapMean<T>(
  items: readonly T[],
  clusterOf: (item: T) => ClusterId,
  valueOf: (item: T) => number,
  options: BootstrapOptions = {},
): BootstrapResult {
  return clusterBootstrapAdditive(items, clusterOf, meanStatistic(valueOf), options);
}

/**
 * sum(numerator) / sum(denominator) over all items (the ratio of the two means), with a percentile interval from
 * resampling clusters. Resamples whose denominator sums to 0 are undefined and counted as such.
 */
export function bootstrapRatioOfMeans<T>(
  items: readonly T[],
  clusterOf: (item: T) => ClusterId,
  numerator: (item: T) => number,
  denominator: (item: T) => number,
  options: BootstrapOptions = {},
): BootstrapResult {
  return clusterBootstrapAdditive(items, clusterOf, ratioOfMeansStatistic(numerator, denominator), options);
}
