// alpaca_eval's length-controlled win rate (Dubois et al. 2024), in its "length_controlled_minimal" form: a logistic
// GLM of the preference for the system over the baseline (1 win, 0.5 tie, 0 loss) on an intercept and
// tanh(delta / sd(delta)), delta = baseline length - system length, sd with n - 1 as pandas computes it; the
// length-controlled win rate is the GLM's prediction at zero length difference, sigmoid(intercept). alpaca_eval
// fits it with L1 cross-validation; here the unpenalised maximum-likelihood fit (the limit of weak penalty), and
// without its instruction-difficulty term, which needs their precomputed per-instruction difficulties.
import { logisticRegression, sigmoid } from './logisticRegression';

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

function sampleSd(values: readonly number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
}

export function lengthControlledWinRate(items: readonly PreferenceWithLengths[]): LengthControlledResult {
  const n = items.length;
  const winRate = n === 0 ? NaN : items.reduce((s, i) => s + i.preference, 0) / n;
  const deltas = items.map((i) => i.baselineLength - i.systemLength);
  const sd = n > 1 ? sampleSd(deltas) : NaN;
  if (!(sd > 0)) return { winRate, lengthControlled: NaN, lengthCoefficient: NaN, n };
  const fit = logisticRegression(
    deltas.map((d) => [1, Math.tanh(d / sd)]),
    items.map((i) => i.preference),
  );
  return { winRate, lengthControlled: sigmoid(fit.coefficients[0]!), lengthCoefficient: fit.coefficients[1]!, n };
}
