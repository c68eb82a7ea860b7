// Category lists shared by the agreement and classification statistics. Labels are strings (A/B/tie,
// excellent/pass/fail) or numbers (Likert scores); 1 and '1' are different labels, as they are to sklearn.

export type Label = string | number;

/** A missing label: the rater did not label this item. */
export type MaybeLabel = Label | null | undefined;

/** The label given strictly more often than any other; undefined when the top is shared (or there is none). */
export function strictMajority<T>(labels: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[0]![1] === ranked[1]![1])) return undefined;
  return ranked[0]![0];
}

function checkLabel(label: Label): void {
  if (typeof label === 'number' && !Number.isFinite(label)) {
    throw new TypeError(`a label must be a string or a finite number, got ${label}`);
  }
}

/**
 * The distinct labels of some label lists, sorted as numpy's unique() sorts them (numbers ascending, strings by
 * code unit), which is the order sklearn uses when it is given no label list. Missing labels are skipped.
 * Mixing numbers and strings is refused: there is no natural order between them and sklearn refuses it too.
 */
export function inferCategories(...lists: readonly (readonly MaybeLabel[])[]): Label[] {
  const seen = new Set<Label>();
  for (const list of lists) {
    for (const label of list) {
      if (label === null || label === undefined) continue;
      checkLabel(label);
      seen.add(label);
    }
  }
  const all = [...seen];
  const numbers = all.filter((l): l is number => typeof l === 'number');
  if (numbers.length > 0 && numbers.length < all.length) {
    throw new TypeError('labels mix numbers and strings; pass an explicit category list');
  }
  return numbers.length > 0
    ? numbers.sort((a, b) => a - b)
    : (all as string[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Position of each category in the list; refuses duplicates because they would make counts ambiguous. */
export function indexCategories(categories: readonly Label[]): Map<Label, number> {
  const index = new Map<Label, number>();
  categories.forEach((label, i) => {
    checkLabel(label);
    if (index.has(label)) throw new RangeError(`category ${JSON.stringify(label)} is listed twice`);
    index.set(label, i);
  });
  return index;
}

/** True when no category is a string, i.e. their natural order is the numeric one. */
export function allNumeric(labels: readonly Label[]): labels is readonly number[] {
  return labels.every((l) => typeof l === 'number');
}
