// alpaca_eval's length-controlled win rate (Dubois et al. 2024), in its "length_controlled_minimal" form: a logistic
// GLM of the preference for the system over the baseline (1 win, 0.5 tie, 0 loss) on an intercept and
// tanh(delta / sd(delta)), delta = baseline length - system length, sd with n - 1 as pandas computes it; the
// length-controlled win rate is the GLM's prediction at zero length difference, sigmoid(intercept). alpaca_eval
// fits it with L1 cross-validation; here the unpenalised maximum-likelihood fit (the limit of weak penalty), and
// without its instruction-difficulty term, which needs their precomputed per-instruction difficulties.
import { eachResampleTally } from './keptDrawCounts';
import { DIVERGED, MAX_ITERATIONS, TOLERANCE, logisticRegressionOfRows, sigmoid } from './logisticRegression';

export interface PreferenceWithLengths {
  /** 1: the system wins, 0.5: tie, 0: the baseline wins. */
  readonly preference: number;
  readonly systemLength: number;
  readonly baselineLength: number;
}

export interface LengthControlledResult {
  /** Mean preference (the plain win rate, ties half), 0..1. */
  readonly winRate: number;
  /** The GLM's win rate at zero length difference, 0..1; NaN when the fit does not exist. */
  readonly lengthControlled: number;
  /** The coefficient of tanh(standardised delta): how much the preference follows length. */
  readonly lengthCoefficient: number;
  readonly n: number;
}

/** The sample standard deviation (n - 1), summed in order as pandas' two-pass formula. */
function sampleSd(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  const mean = sum / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i]! - mean) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/** A row's items column by column: each item's preference and its two responses' lengths. */
export interface PreferenceColumns {
  readonly preferences: Float64Array;
  readonly systemLengths: Float64Array;
  readonly baselineLengths: Float64Array;
}

function columnsOf(items: readonly PreferenceWithLengths[]): PreferenceColumns {
  return {
    preferences: Float64Array.from(items, (item) => item.preference),
    systemLengths: Float64Array.from(items, (item) => item.systemLength),
    baselineLengths: Float64Array.from(items, (item) => item.baselineLength),
  };
}

/** The plain win rate: the mean preference (ties half); NaN with no items. */
export function meanPreference(preferences: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < preferences.length; i++) sum += preferences[i]!;
  return preferences.length === 0 ? NaN : sum / preferences.length;
}

export function lengthControlledWinRate(items: readonly PreferenceWithLengths[]): LengthControlledResult {
  return lengthControlledOfColumns(columnsOf(items), new Uint32Array(items.length)).result;
}

/**
 * What refitting a row's LC win rate on resamples needs, in typed arrays (so that a worker thread can take it):
 * per item its length difference (baseline - system), its preference and its cluster (numbered 0..clusters - 1),
 * and the full sample's coefficients to start Newton's method from.
 */
export interface LengthControlledData {
  readonly deltas: Float64Array;
  readonly preferences: Float64Array;
  readonly clusterOf: Uint32Array;
  /** [intercept, length coefficient] of the full sample's fit; [0, 0] when it has none. */
  readonly start: Float64Array;
}

export function lengthControlledData(
  items: readonly PreferenceWithLengths[],
  clusterOf: Uint32Array,
): LengthControlledData {
  return lengthControlledOfColumns(columnsOf(items), clusterOf).data;
}

/** A row's LC win rate on its items, and what refitting it on resamples needs: one fit for both. */
export function lengthControlledOfColumns(
  columns: PreferenceColumns,
  clusterOf: Uint32Array,
): { result: LengthControlledResult; data: LengthControlledData } {
  const { preferences, systemLengths, baselineLengths } = columns;
  const n = preferences.length;
  const winRate = meanPreference(preferences);
  const deltas = new Float64Array(n);
  for (let i = 0; i < n; i++) deltas[i] = baselineLengths[i]! - systemLengths[i]!;
  const { intercept, lengthCoefficient } = lengthFit(deltas, preferences);
  const fitted = Number.isFinite(intercept);
  return {
    result: { winRate, lengthControlled: sigmoid(intercept), lengthCoefficient, n },
    data: {
      deltas,
      preferences,
      clusterOf,
      start: Float64Array.from(fitted ? [intercept, lengthCoefficient] : [0, 0]),
    },
  };
}

/** The GLM's coefficients; NaN when the fit does not exist. */
function lengthFit(deltas: Float64Array, preferences: Float64Array): { intercept: number; lengthCoefficient: number } {
  const n = deltas.length;
  const sd = n > 1 ? sampleSd(deltas) : NaN;
  if (!(sd > 0)) return { intercept: NaN, lengthCoefficient: NaN };
  // Features [1, tanh(delta / sd)] per row, flat.
  const features = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    features[2 * i] = 1;
    features[2 * i + 1] = Math.tanh(deltas[i]! / sd);
  }
  const fit = logisticRegressionOfRows(features, 2, preferences);
  return { intercept: fit.coefficients[0]!, lengthCoefficient: fit.coefficients[1]! };
}

/**
 * The items of a row grouped by their (length difference, preference): the GLM's sums depend on an item only
 * through these two numbers, so a resample's fit is the fit of these classes, each weighted by the resample's count
 * of its items. classOf[i] is item i's class (numbered in order of first appearance).
 */
interface ItemClasses {
  readonly classOf: Uint32Array;
  readonly deltas: Float64Array;
  readonly preferences: Float64Array;
}

function itemClasses(deltas: Float64Array, preferences: Float64Array): ItemClasses {
  const numbered = new Map<number, Map<number, number>>();
  const classOf = new Uint32Array(deltas.length);
  const classDeltas: number[] = [];
  const classPreferences: number[] = [];
  for (let i = 0; i < deltas.length; i++) {
    const delta = deltas[i]!;
    const preference = preferences[i]!;
    let byPreference = numbered.get(delta);
    if (!byPreference) numbered.set(delta, (byPreference = new Map()));
    let k = byPreference.get(preference);
    if (k === undefined) {
      byPreference.set(preference, (k = classDeltas.length));
      classDeltas.push(delta);
      classPreferences.push(preference);
    }
    classOf[i] = k;
  }
  return { classOf, deltas: Float64Array.from(classDeltas), preferences: Float64Array.from(classPreferences) };
}

/**
 * The LC win rate refitted on a resample given as weights of the item classes (itemClasses): the fit of the items
 * each taken as many times as the resample holds it. The same model and tolerance as the fit of the expanded list,
 * Newton's method started at the full sample's coefficients (a resample's fit lies close to them: about four steps
 * instead of six to eight from zero), with sums over the distinct (length difference, preference) pairs a resample
 * holds instead of over every copy of every item.
 */
function classRefit(classes: ItemClasses, start: Float64Array): (classWeights: Uint32Array) => number {
  const { deltas, preferences } = classes;
  const size = deltas.length;
  // Reused per resample: the classes a resample holds, their weights and features.
  const active = new Uint32Array(size);
  const weightOf = new Float64Array(size);
  const feature = new Float64Array(size);
  return (classWeights) => {
    let count = 0;
    let total = 0;
    let sum = 0;
    for (let i = 0; i < size; i++) {
      const w = classWeights[i]!;
      if (w === 0) continue;
      active[count] = i;
      weightOf[count++] = w;
      total += w;
      sum += w * deltas[i]!;
    }
    if (total < 2) return NaN;
    const mean = sum / total;
    let squares = 0;
    for (let k = 0; k < count; k++) squares += weightOf[k]! * (deltas[active[k]!]! - mean) ** 2;
    const sd = Math.sqrt(squares / (total - 1));
    if (!(sd > 0)) return NaN;
    for (let k = 0; k < count; k++) feature[k] = Math.tanh(deltas[active[k]!]! / sd);
    const fit = (b0: number, b1: number) =>
      weightedLogisticIntercept(count, active, weightOf, feature, preferences, b0, b1);
    // Newton's method is not globally convergent: from a start far from a small resample's fit it can overshoot
    // and diverge where the start at zero converges, so a failure is retried from zero, the expanded fit's start.
    let intercept = fit(start[0]!, start[1]!);
    if (Number.isNaN(intercept)) intercept = fit(0, 0);
    return sigmoid(intercept);
  };
}

/**
 * The LC win rate of lengthControlledWinRate refitted on resamples given as cluster weights: `refit(weights)` fits
 * the items each taken `weights[clusterOf[i]]` times, the multiset a resample of clusters holds, as a weighted fit
 * of the item classes (classRefit). The result equals the expanded list's fit up to the rounding of sums taken in
 * another order.
 */
export function lengthControlledRefit(data: LengthControlledData): (weights: Uint32Array) => number {
  const classes = itemClasses(data.deltas, data.preferences);
  const refit = classRefit(classes, data.start);
  const { clusterOf } = data;
  const classWeights = new Uint32Array(classes.deltas.length);
  return (weights) => {
    classWeights.fill(0);
    for (let i = 0; i < clusterOf.length; i++) classWeights[classes.classOf[i]!]! += weights[clusterOf[i]!]!;
    return refit(classWeights);
  };
}

/**
 * The refitted LC win rate of each of B resamples of `clusters` clusters drawn from `seed` (the draws of every
 * cluster bootstrap, as weights) into `values` (B long): what one thread computes for a row; and, when `winRates`
 * is given, each resample's plain win rate (its mean preference) into it. When each cluster holds one item (a
 * prompt group of one prompt, as usual), the draws are tallied straight into the items' classes. The tallies are
 * counted from the kept draw counts of as many clusters (a table's rows share them) where kept.
 *
 * The plain win rates are those the cluster bootstrap of the per-cluster sums [preferences, items] gives on the
 * same draws (estimatesOfRows), to the last bit when the preferences are halves (winRatesAreExact): every sum is
 * then exact, in whatever order it is added. `refits` false (a row whose GLM has no fit): the win rates alone, the
 * values NaN.
 */
export function lengthControlledResamples(
  data: LengthControlledData,
  clusters: number,
  resamples: number,
  seed: number | bigint,
  values: Float64Array,
  winRates?: Float64Array,
  refits = true,
): void {
  const classes = itemClasses(data.deltas, data.preferences);
  const classOfCluster = new Uint32Array(clusters);
  const items = new Uint32Array(clusters);
  data.clusterOf.forEach((c, i) => {
    items[c]!++;
    classOfCluster[c] = classes.classOf[i]!;
  });
  if (items.every((count) => count === 1)) {
    const refit = refits ? classRefit(classes, data.start) : () => NaN;
    const ones = new Uint32Array(classes.preferences.length).fill(1);
    eachResampleTally(clusters, resamples, seed, classOfCluster, classes.deltas.length, (tally, b) => {
      values[b] = refit(tally);
      if (winRates) winRates[b] = weightedMean(tally, classes.preferences, ones);
    });
    return;
  }
  const refit = refits ? lengthControlledRefit(data) : () => NaN;
  const preferenceSums = new Float64Array(clusters);
  data.clusterOf.forEach((c, i) => (preferenceSums[c]! += data.preferences[i]!));
  const identity = Uint32Array.from({ length: clusters }, (_, c) => c);
  eachResampleTally(clusters, resamples, seed, identity, clusters, (weights, b) => {
    values[b] = refit(weights);
    if (winRates) winRates[b] = weightedMean(weights, preferenceSums, items);
  });
}

/** Σ w·sum / Σ w·count: a resample's mean preference from its weights of classes or clusters. */
function weightedMean(weights: Uint32Array, sums: Float64Array, counts: Uint32Array): number {
  let preferences = 0;
  let count = 0;
  for (let k = 0; k < weights.length; k++) {
    const w = weights[k]!;
    if (w === 0) continue;
    preferences += w * sums[k]!;
    count += w * counts[k]!;
  }
  return count === 0 ? NaN : preferences / count;
}

/** Whether every preference is 0, ½ or 1 (as a verdict gives): the plain win rate's sums are then exact. */
export function winRatesAreExact(preferences: Float64Array): boolean {
  return preferences.every((p) => p === 0 || p === 0.5 || p === 1);
}

/**
 * The intercept of the weighted two-coefficient logistic fit (intercept, slope of `feature`) by Newton's method from
 * (b0, b1), with logisticRegressionOfRows's tolerance, divergence bound and iteration cap; NaN where that fit fails.
 */
function weightedLogisticIntercept(
  count: number,
  active: Uint32Array,
  weightOf: Float64Array,
  feature: Float64Array,
  targets: Float64Array,
  b0: number,
  b1: number,
): number {
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    let g0 = 0;
    let g1 = 0;
    let h00 = 0;
    let h01 = 0;
    let h11 = 0;
    for (let k = 0; k < count; k++) {
      const u = feature[k]!;
      const w = weightOf[k]!;
      const z = b0 + b1 * u;
      // sigmoid(z), written out: this loop runs a billion times at scale, and a call across modules is a property
      // read through the bundler's export getter.
      const prob = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      const residual = w * (targets[active[k]!]! - prob);
      const curvature = w * prob * (1 - prob);
      g0 += residual;
      g1 += residual * u;
      h00 += curvature;
      h01 += curvature * u;
      h11 += curvature * u * u;
    }
    const step = solveTwoByTwo(h00, h01, h11, g0, g1);
    if (!step) return NaN;
    b0 += step[0];
    b1 += step[1];
    if (Math.abs(b0) > DIVERGED || Math.abs(b1) > DIVERGED) return NaN;
    if (Math.max(Math.abs(step[0]), Math.abs(step[1])) < TOLERANCE) return b0;
  }
  return NaN;
}

/** [[a, b], [b, d]] x = [e, f] by elimination with partial pivoting, as solveLinear; undefined when singular. */
function solveTwoByTwo(a: number, b: number, d: number, e: number, f: number): [number, number] | undefined {
  if (Math.abs(b) > Math.abs(a)) {
    // Rows swapped: [[b, d], [a, b]] x = [f, e].
    if (Math.abs(b) < 1e-300) return undefined;
    const factor = a / b;
    const pivot = b - factor * d;
    if (Math.abs(pivot) < 1e-300) return undefined;
    const x1 = (e - factor * f) / pivot;
    return [(f - d * x1) / b, x1];
  }
  if (Math.abs(a) < 1e-300) return undefined;
  const factor = b / a;
  const pivot = d - factor * b;
  if (Math.abs(pivot) < 1e-300) return undefined;
  const x1 = (f - factor * e) / pivot;
  return [(e - b * x1) / a, x1];
}
