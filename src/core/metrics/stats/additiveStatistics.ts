// The product's statistics written as sums of per-item vectors, for the bootstrap's fast path
// (clusterBootstrapAdditive). Each reuses the formula function of the direct computation, so the two cannot drift.
import type { AdditiveStatistic } from './bootstrap';
import { indexCategories, type Label, type MaybeLabel } from './categories';
import { kappaFromCounts, type KappaWeighting } from './cohenKappa';
import { fleissKappaFromTotals } from './fleissKappa';
import {
  addUnitCoincidences,
  alphaFromCoincidences,
  alphaScale,
  unitPositions,
  type AlphaLevel,
} from './krippendorffAlpha';

/** Mean of a value over items: sums [value, 1]. NaN for no items or a non-finite value (never silently dropped). */
export function meanStatistic<T>(valueOf: (item: T) => number): AdditiveStatistic<T> {
  return ratioOfMeansStatistic(valueOf, () => 1);
}

/**
 * Ratio of means sum(numerator) / sum(denominator), e.g. a rate over items that may weigh differently. NaN when
 * the denominator sums to 0.
 */
export function ratioOfMeansStatistic<T>(
  numerator: (item: T) => number,
  denominator: (item: T) => number,
): AdditiveStatistic<T> {
  return {
    dimension: 2,
    accumulate(item, sums) {
      sums[0]! += numerator(item);
      sums[1]! += denominator(item);
    },
    finish: (sums) => (sums[1] === 0 ? NaN : sums[0]! / sums[1]!),
  };
}

/**
 * Cohen's kappa over items that each carry two raters' labels: sums the k × k table. Items with a missing label or
 * one outside `categories` add nothing, as in cohenKappa().
 */
export function cohenKappaStatistic<T>(
  categories: readonly Label[],
  first: (item: T) => MaybeLabel,
  second: (item: T) => MaybeLabel,
  weights: KappaWeighting = 'none',
): AdditiveStatistic<T> {
  const index = indexCategories(categories);
  const k = categories.length;
  const position = (label: MaybeLabel): number | undefined =>
    label === null || label === undefined ? undefined : index.get(label);
  return {
    dimension: k * k,
    accumulate(item, sums) {
      const row = position(first(item));
      const col = position(second(item));
      if (row !== undefined && col !== undefined) sums[row * k + col]! += 1;
    },
    finish: (sums) => kappaFromCounts(sums, k, weights).value,
  };
}

/** Fleiss' kappa over items that each carry exactly `raters` labels: sums [items, sum of squares, category totals]. */
export function fleissKappaStatistic<T>(
  categories: readonly Label[],
  raters: number,
  labelsOf: (item: T) => readonly MaybeLabel[],
): AdditiveStatistic<T> {
  const index = indexCategories(categories);
  const k = categories.length;
  const row = new Float64Array(k);
  return {
    dimension: 2 + k,
    accumulate(item, sums) {
      const labels = labelsOf(item);
      if (labels.length !== raters) throw new RangeError(`an item has ${labels.length} labels, expected ${raters}`);
      row.fill(0);
      for (const label of labels) {
        const j = label === null || label === undefined ? undefined : index.get(label);
        if (j === undefined) throw new RangeError(`label ${JSON.stringify(label)} is missing or not a category`);
        row[j]! += 1;
      }
      sums[0]! += 1;
      for (let j = 0; j < k; j++) {
        sums[1]! += row[j]! * row[j]!;
        sums[2 + j]! += row[j]!;
      }
    },
    finish: (sums) =>
      fleissKappaFromTotals({ items: sums[0]!, raters, sumOfSquares: sums[1]!, categoryTotals: sums.subarray(2) })
        .value,
  };
}

/**
 * Krippendorff's alpha over units (each item is one unit's values, null for missing): sums the coincidence matrix.
 * `categories` is required here because every resample must share one scale.
 */
export function krippendorffAlphaStatistic<T>(
  categories: readonly Label[],
  level: AlphaLevel,
  valuesOf: (item: T) => readonly MaybeLabel[],
): AdditiveStatistic<T> {
  const scale = alphaScale(level, categories, () => [...categories]);
  const index = indexCategories(categories);
  const k = categories.length;
  return {
    dimension: k * k,
    accumulate(item, sums) {
      addUnitCoincidences(unitPositions(valuesOf(item), index), k, sums);
    },
    finish: (sums) => alphaFromCoincidences(sums, scale).value,
  };
}
