// Cohen's kappa for two raters (protocols.md §3), unweighted for nominal labels (A/B/tie) and weighted (Cohen 1968)
// for ordered ones (excellent/pass/fail, Likert). Follows sklearn.metrics.cohen_kappa_score exactly:
//   kappa = 1 - sum(w * observed) / sum(w * expected),  expected = outer(row totals, column totals) / n,
// with w = 0 on the diagonal and 1 elsewhere (unweighted), |i - j| (linear) or (i - j)^2 (quadratic), i and j being
// positions in the ordered category list.
import { allNumeric, inferCategories, type Label, type MaybeLabel } from './categories';
import { countPairs } from './pairCounts';

export type KappaWeighting = 'none' | 'linear' | 'quadratic';

export interface CohenKappaOptions {
  /** Default 'none'. Linear and quadratic weights need an order: see `categories`. */
  readonly weights?: KappaWeighting;
  /**
   * The categories, in order. Default: the labels seen, sorted (numbers ascending, strings by code unit) as sklearn
   * does. Weighted kappa over string labels requires this list, because alphabetical order ('excellent' < 'fail' <
   * 'pass') is almost never the scale's order and would silently give a wrong number.
   */
  readonly categories?: readonly Label[];
}

export interface KappaResult {
  /** Kappa, or NaN when it is undefined (see `undefinedReason`). */
  readonly value: number;
  /** Pairs used: both raters labelled the item with a label in the category list. */
  readonly n: number;
  /** Pairs left out (a missing label, or a label outside an explicit category list, as sklearn drops them). */
  readonly excluded: number;
  /** Mean weight of the observed pairs (1 - p_o for unweighted kappa). */
  readonly observedDisagreement: number;
  /** Mean weight expected by chance from the two raters' marginals (1 - p_e for unweighted kappa). */
  readonly expectedDisagreement: number;
  readonly undefinedReason?: string;
}

/** Weight of disagreeing between category positions i and j. */
export function kappaWeight(weights: KappaWeighting, i: number, j: number): number {
  if (weights === 'none') return i === j ? 0 : 1;
  const d = Math.abs(i - j);
  return weights === 'linear' ? d : d * d;
}

/**
 * Kappa from a k × k table of counts (row-major, rows = rater 1). The bootstrap's fast path sums such tables over
 * prompt groups and calls this, so it must be the only place where the formula lives.
 *
 * Degenerate cases, matching sklearn (which divides 0 by 0 and returns nan):
 * - no pairs: NaN;
 * - zero expected disagreement, which happens only when both raters used one and the same category for every
 *   item: p_e = 1, kappa = 0/0 = NaN. (Perfect agreement over two or more categories is kappa = 1, not NaN.)
 */
export function kappaFromCounts(counts: ArrayLike<number>, k: number, weights: KappaWeighting = 'none'): KappaResult {
  if (counts.length !== k * k)
    throw new RangeError(`expected ${k * k} counts for ${k} categories, got ${counts.length}`);
  const rowTotals = new Float64Array(k);
  const colTotals = new Float64Array(k);
  let n = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const c = counts[i * k + j]!;
      rowTotals[i]! += c;
      colTotals[j]! += c;
      n += c;
    }
  }
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = kappaWeight(weights, i, j);
      if (w === 0) continue;
      observed += w * counts[i * k + j]!;
      expected += (w * rowTotals[i]! * colTotals[j]!) / n;
    }
  }
  const base = { n, excluded: 0, observedDisagreement: observed / n, expectedDisagreement: expected / n };
  if (n === 0) return { ...base, value: NaN, undefinedReason: 'no item was labelled by both raters' };
  if (expected === 0) {
    return {
      ...base,
      value: NaN,
      undefinedReason: 'both raters used the same single category for every item, so chance agreement is 1',
    };
  }
  return { ...base, value: 1 - observed / expected };
}

/** Resolves the ordered category list, refusing weighted kappa over strings without an explicit order. */
export function kappaCategories(
  first: readonly MaybeLabel[],
  second: readonly MaybeLabel[],
  options: CohenKappaOptions,
): readonly Label[] {
  if (options.categories) return options.categories;
  const inferred = inferCategories(first, second);
  if ((options.weights ?? 'none') !== 'none' && !allNumeric(inferred)) {
    throw new TypeError('weighted kappa over string labels needs options.categories in scale order');
  }
  return inferred;
}

/**
 * Cohen's kappa of two raters' labels for the same items (position i of both lists is item i). Items where either
 * label is null/undefined are skipped and counted in `excluded`.
 */
export function cohenKappa(
  rater1: readonly MaybeLabel[],
  rater2: readonly MaybeLabel[],
  options: CohenKappaOptions = {},
): KappaResult {
  const categories = kappaCategories(rater1, rater2, options);
  const table = countPairs(rater1, rater2, categories);
  const result = kappaFromCounts(table.counts, categories.length, options.weights ?? 'none');
  return { ...result, excluded: table.excluded };
}
