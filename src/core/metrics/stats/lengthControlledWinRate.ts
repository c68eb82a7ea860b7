// alpaca_eval's length-controlled win rate (Dubois et al. 2024), in its "length_controlled_minimal" form: a logistic
// GLM of the preference for the system over the baseline (1 win, 0.5 tie, 0 loss) on an intercept and
// tanh(delta / sd(delta)), delta = baseline length - system length, sd with n - 1 as pandas computes it; the
// length-controlled win rate is the GLM's prediction at zero length difference, sigmoid(intercept). alpaca_eval
// fits it with L1 cross-validation; here the unpenalised maximum-likelihood fit (the limit of weak penalty), and
// without its instruction-difficulty term, which needs their precomputed per-instruction difficulties.
import { logisticRegressionOfRows, sigmoid } from './logisticRegression';

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

/** The plain win rate: the mean preference (ties half); NaN with no items. */
function meanPreference(items: readonly PreferenceWithLengths[]): number {
  return items.length === 0 ? NaN : items.reduce((s, i) => s + i.preference, 0) / items.length;
}

export function lengthControlledWinRate(items: readonly PreferenceWithLengths[]): LengthControlledResult {
  const n = items.length;
  const winRate = meanPreference(items);
  const deltas = new Float64Array(n);
  items.forEach((item, i) => (deltas[i] = item.baselineLength - item.systemLength));
  const sd = n > 1 ? sampleSd(deltas) : NaN;
  if (!(sd > 0)) return { winRate, lengthControlled: NaN, lengthCoefficient: NaN, n };
  // Features [1, tanh(delta / sd)] per row, flat.
  const features = new Float64Array(2 * n);
  const preferences = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    features[2 * i] = 1;
    features[2 * i + 1] = Math.tanh(deltas[i]! / sd);
    preferences[i] = items[i]!.preference;
  }
  const fit = logisticRegressionOfRows(features, 2, preferences);
  return { winRate, lengthControlled: sigmoid(fit.coefficients[0]!), lengthCoefficient: fit.coefficients[1]!, n };
}
