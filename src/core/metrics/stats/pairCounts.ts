// The contingency table of two label lists over a category list: the common ground of Cohen's kappa (two raters)
// and classification metrics (truth vs prediction).
import { indexCategories, type Label, type MaybeLabel } from './categories';

export interface PairCounts {
  readonly categories: readonly Label[];
  /** k × k counts, row-major: row = the first list's label, column = the second list's label. */
  readonly counts: Float64Array;
  /** Pairs that were counted. */
  readonly pairs: number;
  /**
   * Pairs left out because a label was missing or not in the category list. sklearn's confusion_matrix(labels=...)
   * drops the latter the same way; the count is kept so that nothing disappears unseen.
   */
  readonly excluded: number;
}

/** The agreeing cells (the diagonal) of the k × k table that starts at `offset` of `s`. */
export function trace(s: ArrayLike<number>, k: number, offset = 0): number {
  let total = 0;
  for (let i = 0; i < k; i++) total += s[offset + i * k + i]!;
  return total;
}

/** The sum of `length` entries of `s` from `offset` (all of `s` by default). */
export function sumRange(s: ArrayLike<number>, offset = 0, length = s.length - offset): number {
  let total = 0;
  for (let i = offset; i < offset + length; i++) total += s[i]!;
  return total;
}

export function checkSameLength(first: readonly unknown[], second: readonly unknown[]): void {
  if (first.length !== second.length) {
    throw new RangeError(`the two label lists differ in length (${first.length} vs ${second.length})`);
  }
}

export function countPairs(
  first: readonly MaybeLabel[],
  second: readonly MaybeLabel[],
  categories: readonly Label[],
): PairCounts {
  checkSameLength(first, second);
  const index = indexCategories(categories);
  const k = categories.length;
  const counts = new Float64Array(k * k);
  let pairs = 0;
  for (let i = 0; i < first.length; i++) {
    const a = first[i];
    const b = second[i];
    const row = a === null || a === undefined ? undefined : index.get(a);
    const col = b === null || b === undefined ? undefined : index.get(b);
    if (row === undefined || col === undefined) continue;
    counts[row * k + col]! += 1;
    pairs += 1;
  }
  return { categories, counts, pairs, excluded: first.length - pairs };
}
