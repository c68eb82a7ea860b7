// Unpenalised logistic regression with soft labels (a target y in [0, 1] per row, e.g. 0.5 for a tie), fitted by
// Newton's method: the maximum-likelihood fit of sum_i y_i log p_i + (1 - y_i) log(1 - p_i), p_i = sigmoid(x_i . b).
// That is what alpaca_eval's GLM fits by duplicating each row with labels 1 and 0 weighted y and 1 - y.
import { solveLinear } from './linearSolve';

export interface LogisticFit {
  /** Coefficients, one per feature; NaN when the fit does not exist (separable data) or did not converge. */
  readonly coefficients: Float64Array;
  readonly converged: boolean;
  readonly iterations: number;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export const MAX_ITERATIONS = 100;
export const TOLERANCE = 1e-13;
/** Beyond this a coefficient is running off to infinity: the labels are (quasi-)separable and no MLE exists. */
export const DIVERGED = 40;

export function logisticRegression(features: readonly ArrayLike<number>[], targets: readonly number[]): LogisticFit {
  const p = features[0]?.length ?? 0;
  // Rows flat in one typed array: a bootstrap refits this thousands of times.
  const x = new Float64Array(features.length * p);
  features.forEach((row, i) => {
    for (let j = 0; j < p; j++) x[i * p + j] = row[j]!;
  });
  return logisticRegressionOfRows(x, p, targets);
}

/**
 * logisticRegression of rows given flat (row i's features at x[i × p .. i × p + p)), the sums in reused arrays; the
 * arithmetic in the same order as written out per row, so the fit is the same to the last bit.
 */
export function logisticRegressionOfRows(x: Float64Array, p: number, targets: ArrayLike<number>): LogisticFit {
  const n = targets.length;
  const beta = new Float64Array(p);
  const failed = (iterations: number): LogisticFit => ({
    coefficients: new Float64Array(p).fill(NaN),
    converged: false,
    iterations,
  });
  if (n === 0 || p === 0) return failed(0);
  const gradient = new Float64Array(p);
  const hessian = new Float64Array(p * p);
  const hessianRows = Array.from({ length: p }, (_, j) => hessian.subarray(j * p, (j + 1) * p));
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    gradient.fill(0);
    hessian.fill(0);
    for (let i = 0, at = 0; i < n; i++, at += p) {
      let z = 0;
      for (let j = 0; j < p; j++) z += x[at + j]! * beta[j]!;
      const prob = sigmoid(z);
      const residual = targets[i]! - prob;
      const weight = prob * (1 - prob);
      for (let j = 0; j < p; j++) {
        const xj = x[at + j]!;
        gradient[j]! += residual * xj;
        for (let l = 0; l < p; l++) hessian[j * p + l]! += weight * xj * x[at + l]!;
      }
    }
    const step = solveLinear(hessianRows, gradient);
    if (!step) return failed(iteration);
    let largest = 0;
    for (let j = 0; j < p; j++) {
      beta[j]! += step[j]!;
      largest = Math.max(largest, Math.abs(step[j]!));
    }
    if (beta.some((b) => Math.abs(b) > DIVERGED)) return failed(iteration);
    if (largest < TOLERANCE) return { coefficients: beta, converged: true, iterations: iteration };
  }
  return failed(MAX_ITERATIONS);
}
