// Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability") for any number of raters
// with missing labels (protocols.md §3): nominal for A/B/tie, ordinal for excellent/pass/fail and Likert scales,
// interval and ratio for numeric scores.
//
//   alpha = 1 - D_o / D_e = 1 - (n - 1) * sum_ck o_ck delta_ck / sum_ck n_c n_k delta_ck
//
// o is the coincidence matrix: each unit with m_u >= 2 values adds, for every ordered pair of its values taken from
// different raters, 1 / (m_u - 1) to o[c][k]. n_c are its marginals and n = sum n_c the number of pairable values.
// Units with fewer than two values cannot be paired and are left out (counted in `unpairableUnits`).
// delta_ck is the squared difference function of the level of measurement:
//   nominal  [c != k]
//   ordinal  (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2   ranks weighted by how often each value occurs
//   interval (c - k)^2
//   ratio    ((c - k) / (c + k))^2
import { allNumeric, indexCategories, inferCategories, type Label, type MaybeLabel } from './categories';

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export interface KrippendorffAlphaOptions {
  /** Default 'nominal'. */
  readonly level?: AlphaLevel;
  /**
   * The possible values. Ordinal data over strings needs this list in scale order (e.g. ['fail', 'pass',
   * 'excellent']); otherwise the default is the values seen, sorted. Interval and ratio data must be numbers.
   * A value outside an explicit list is an error rather than silently dropped.
   */
  readonly categories?: readonly Label[];
}

export interface AlphaResult {
  /** Alpha, or NaN when it is undefined (see `undefinedReason`). */
  readonly value: number;
  readonly level: AlphaLevel;
  /** n: the values in units with at least two values. */
  readonly pairableValues: number;
  /** Units with at least two values. */
  readonly pairableUnits: number;
  /** Units with exactly one value (units with none are not counted anywhere). */
  readonly unpairableUnits: number;
  readonly observedDisagreement: number;
  readonly expectedDisagreement: number;
  readonly undefinedReason?: string;
}

/** The resolved categories: labels in order, and for interval/ratio their numeric values. */
export interface AlphaScale {
  readonly level: AlphaLevel;
  readonly categories: readonly Label[];
}

export function alphaScale(
  level: AlphaLevel,
  categories: readonly Label[] | undefined,
  seen: () => Label[],
): AlphaScale {
  const cats = categories ?? seen();
  if (level === 'nominal') return { level, categories: cats };
  if (!allNumeric(cats)) {
    if (level !== 'ordinal') throw new TypeError(`${level} alpha needs numeric values`);
    if (!categories) throw new TypeError('ordinal alpha over string labels needs options.categories in scale order');
  }
  if (level === 'ratio' && (cats as number[]).some((v) => v < 0)) throw new RangeError('ratio alpha needs values >= 0');
  return { level, categories: cats };
}

/** Squared difference between categories c and k (positions), given the coincidence marginals for ordinal data. */
function differenceFunction(scale: AlphaScale, marginals: Float64Array): (c: number, k: number) => number {
  const values = scale.categories;
  switch (scale.level) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'ordinal': {
      // cumulative[i] = n_0 + ... + n_{i-1}, so sum_{g=c..k} n_g = cumulative[k + 1] - cumulative[c] for c <= k.
      const cumulative = new Float64Array(marginals.length + 1);
      for (let i = 0; i < marginals.length; i++) cumulative[i + 1] = cumulative[i]! + marginals[i]!;
      return (c, k) => {
        if (c === k) return 0;
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        const d = cumulative[hi + 1]! - cumulative[lo]! - (marginals[lo]! + marginals[hi]!) / 2;
        return d * d;
      };
    }
    case 'interval':
      return (c, k) => {
        const d = (values[c] as number) - (values[k] as number);
        return d * d;
      };
    case 'ratio':
      return (c, k) => {
        if (c === k) return 0;
        const a = values[c] as number;
        const b = values[k] as number;
        const d = (a - b) / (a + b);
        return d * d;
      };
  }
}

/**
 * Adds one unit's values (as category positions, missing ones already removed) to a k × k coincidence matrix.
 * Returns false, adding nothing, when the unit has fewer than two values.
 */
export function addUnitCoincidences(positions: readonly number[], k: number, into: Float64Array): boolean {
  const m = positions.length;
  if (m < 2) return false;
  const weight = 1 / (m - 1);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      if (a !== b) into[positions[a]! * k + positions[b]!]! += weight;
    }
  }
  return true;
}

/**
 * Alpha from a coincidence matrix. The bootstrap's fast path sums coincidence matrices over prompt groups; the
 * matrix does not tell how many units it came from, so the caller passes those counts when it knows them.
 */
export function alphaFromCoincidences(
  coincidences: ArrayLike<number>,
  scale: AlphaScale,
  units: { readonly pairableUnits: number; readonly unpairableUnits: number } = {
    pairableUnits: 0,
    unpairableUnits: 0,
  },
): AlphaResult {
  const k = scale.categories.length;
  if (coincidences.length !== k * k) throw new RangeError(`expected ${k * k} coincidences for ${k} categories`);
  const marginals = new Float64Array(k);
  let n = 0;
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < k; j++) marginals[c]! += coincidences[c * k + j]!;
    n += marginals[c]!;
  }
  const delta = differenceFunction(scale, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < k; j++) {
      const d = delta(c, j);
      if (d === 0) continue;
      observed += coincidences[c * k + j]! * d;
      expected += marginals[c]! * marginals[j]! * d;
    }
  }
  // n counts coincidences; rounding can leave it a hair off an integer, so round it (it is a count of values).
  const pairableValues = Math.round(n);
  const base = {
    level: scale.level,
    pairableValues,
    ...units,
    observedDisagreement: observed / n,
    expectedDisagreement: expected / (n * (n - 1)),
  };
  if (pairableValues === 0) return { ...base, value: NaN, undefinedReason: 'no unit has two or more values' };
  if (expected === 0) {
    // Krippendorff: without variation in the data, reliability cannot be assessed. (nltk returns 1 here.)
    return { ...base, value: NaN, undefinedReason: 'all pairable values are equal, so expected disagreement is 0' };
  }
  return { ...base, value: 1 - ((n - 1) * observed) / expected };
}

/** Category positions of one unit's present values; refuses values outside the scale. */
export function unitPositions(values: readonly MaybeLabel[], index: ReadonlyMap<Label, number>): number[] {
  const positions: number[] = [];
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const p = index.get(v);
    if (p === undefined) throw new RangeError(`value ${JSON.stringify(v)} is not among the categories`);
    positions.push(p);
  }
  return positions;
}

/** Alpha from each unit's values (raters' identities do not enter alpha); null/undefined are missing values. */
export function krippendorffAlphaFromUnits(
  units: readonly (readonly MaybeLabel[])[],
  options: KrippendorffAlphaOptions = {},
): AlphaResult {
  const scale = alphaScale(options.level ?? 'nominal', options.categories, () => inferCategories(...units));
  const index = indexCategories(scale.categories);
  const k = scale.categories.length;
  const coincidences = new Float64Array(k * k);
  let pairableUnits = 0;
  let unpairableUnits = 0;
  for (const unit of units) {
    const positions = unitPositions(unit, index);
    if (addUnitCoincidences(positions, k, coincidences)) pairableUnits += 1;
    else if (positions.length === 1) unpairableUnits += 1;
  }
  return alphaFromCoincidences(coincidences, scale, { pairableUnits, unpairableUnits });
}

/**
 * Alpha from reliability data in Krippendorff's canonical form: one row per rater, one column per unit, null or
 * undefined where a rater did not label a unit. Rows may be shorter than the longest (the rest is missing).
 */
export function krippendorffAlpha(
  raterByUnit: readonly (readonly MaybeLabel[])[],
  options: KrippendorffAlphaOptions = {},
): AlphaResult {
  const unitCount = Math.max(0, ...raterByUnit.map((row) => row.length));
  const units: MaybeLabel[][] = Array.from({ length: unitCount }, () => []);
  for (const row of raterByUnit) row.forEach((v, u) => units[u]!.push(v));
  return krippendorffAlphaFromUnits(units, options);
}

export interface Rating {
  readonly unit: string | number;
  readonly rater: string | number;
  readonly value: MaybeLabel;
}

/**
 * Alpha from a list of (unit, rater, value) ratings. A rater may rate a unit at most once: a second rating of the
 * same unit is an error, because counting it would let one rater agree with themself.
 */
export function krippendorffAlphaFromRatings(
  ratings: readonly Rating[],
  options: KrippendorffAlphaOptions = {},
): AlphaResult {
  const units = new Map<string | number, Map<string | number, MaybeLabel>>();
  for (const { unit, rater, value } of ratings) {
    let byRater = units.get(unit);
    if (!byRater) units.set(unit, (byRater = new Map()));
    if (byRater.has(rater))
      throw new RangeError(`rater ${JSON.stringify(rater)} rated unit ${JSON.stringify(unit)} twice`);
    byRater.set(rater, value);
  }
  return krippendorffAlphaFromUnits(
    [...units.values()].map((byRater) => [...byRater.values()]),
    options,
  );
}
