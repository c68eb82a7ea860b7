// Fleiss' kappa (Fleiss 1971) for a fixed number of raters per item, who need not be the same raters on every item
// (protocols.md §3). Same definition as statsmodels.stats.inter_rater.fleiss_kappa(method='fleiss'):
//   P_i  = (sum_j n_ij^2 - n) / (n (n - 1))   agreement among the n ratings of item i
//   p_j  = sum_i n_ij / (N n)                  share of all ratings in category j
//   kappa = (mean P_i - sum_j p_j^2) / (1 - sum_j p_j^2)
// It is computed from integer totals (sum of squares, category totals) so that sums over prompt groups, as the
// bootstrap's fast path makes them, give bit-for-bit the same value as the direct computation.
import { indexCategories, inferCategories, type Label, type MaybeLabel } from './categories';

export interface FleissKappaResult {
  /** Kappa, or NaN when undefined (see `undefinedReason`). */
  readonly value: number;
  readonly items: number;
  /** Ratings per item (the same for every item). */
  readonly raters: number;
  /** Mean agreement over items, P̄. */
  readonly observedAgreement: number;
  /** Agreement expected by chance from the pooled category shares, P̄e. */
  readonly expectedAgreement: number;
  readonly undefinedReason?: string;
}

/** The sufficient statistics of Fleiss' kappa; all integers, so sums of them are exact. */
export interface FleissTotals {
  readonly items: number;
  readonly raters: number;
  /** sum over items and categories of n_ij^2. */
  readonly sumOfSquares: number;
  /** sum over items of n_ij, per category. */
  readonly categoryTotals: ArrayLike<number>;
}

export function fleissKappaFromTotals(totals: FleissTotals): FleissKappaResult {
  const { items, raters, sumOfSquares, categoryTotals } = totals;
  const ratings = items * raters;
  const observedAgreement = (sumOfSquares - ratings) / (ratings * (raters - 1));
  let expectedAgreement = 0;
  for (let j = 0; j < categoryTotals.length; j++) {
    const p = categoryTotals[j]! / ratings;
    expectedAgreement += p * p;
  }
  const base = { items, raters, observedAgreement, expectedAgreement };
  if (items === 0) return { ...base, value: NaN, undefinedReason: 'no items' };
  if (expectedAgreement === 1) {
    // Every rating is in one category: P̄ = P̄e = 1 and kappa is 0/0 (statsmodels returns nan too).
    return { ...base, value: NaN, undefinedReason: 'every rating is in the same category, so chance agreement is 1' };
  }
  return { ...base, value: (observedAgreement - expectedAgreement) / (1 - expectedAgreement) };
}

/** Totals of an items × categories count matrix; every row must sum to the same number of raters, at least 2. */
export function fleissTotals(counts: readonly (readonly number[])[]): FleissTotals {
  const categories = counts[0]?.length ?? 0;
  const categoryTotals = new Float64Array(categories);
  let raters = -1;
  let sumOfSquares = 0;
  counts.forEach((row, i) => {
    if (row.length !== categories)
      throw new RangeError(`row ${i} has ${row.length} categories, row 0 has ${categories}`);
    let rowTotal = 0;
    row.forEach((c, j) => {
      if (!Number.isInteger(c) || c < 0)
        throw new RangeError(`count [${i}][${j}] must be a non-negative integer, got ${c}`);
      rowTotal += c;
      sumOfSquares += c * c;
      categoryTotals[j]! += c;
    });
    if (raters === -1) raters = rowTotal;
    else if (rowTotal !== raters) {
      throw new RangeError(
        `Fleiss' kappa needs the same number of ratings per item: row ${i} has ${rowTotal}, not ${raters}`,
      );
    }
  });
  if (counts.length > 0 && raters < 2)
    throw new RangeError(`Fleiss' kappa needs at least 2 ratings per item, got ${raters}`);
  return { items: counts.length, raters: Math.max(raters, 0), sumOfSquares, categoryTotals };
}

/** Fleiss' kappa of an items × categories matrix: counts[i][j] = how many raters put item i in category j. */
export function fleissKappa(counts: readonly (readonly number[])[]): FleissKappaResult {
  return fleissKappaFromTotals(fleissTotals(counts));
}

export interface CategoryCounts {
  readonly categories: readonly Label[];
  /** items × categories. */
  readonly counts: number[][];
}

/**
 * The count matrix from each item's list of labels (one label per rater), like statsmodels' aggregate_raters.
 * Categories default to the labels seen, sorted; a label outside an explicit list is an error, since dropping it
 * would change the number of raters on that item. Missing labels (null) are refused for the same reason: Fleiss'
 * kappa needs complete data (use Krippendorff's alpha when labels are missing).
 */
export function countLabelsPerItem(
  itemLabels: readonly (readonly MaybeLabel[])[],
  categories?: readonly Label[],
): CategoryCounts {
  const cats = categories ?? inferCategories(...itemLabels);
  const index = indexCategories(cats);
  const counts = itemLabels.map((labels, i) => {
    const row = new Array<number>(cats.length).fill(0);
    for (const label of labels) {
      if (label === null || label === undefined) throw new RangeError(`item ${i} has a missing label`);
      const j = index.get(label);
      if (j === undefined)
        throw new RangeError(`item ${i} has label ${JSON.stringify(label)}, which is not a category`);
      row[j]! += 1;
    }
    return row;
  });
  return { categories: cats, counts };
}

/** Fleiss' kappa from each item's labels (one per rater; every item must have the same number of labels). */
export function fleissKappaFromLabels(
  itemLabels: readonly (readonly MaybeLabel[])[],
  categories?: readonly Label[],
): FleissKappaResult {
  return fleissKappa(countLabelsPerItem(itemLabels, categories).counts);
}
