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

const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-13;
/** Beyond this a coefficient is running off to infinity: the labels are (quasi-)separable and no MLE exists. */
const DIVERGED = 40;

export function logisticRegression(features: readonly ArrayLike<number>[], targets: readonly number[]): LogisticFit {
  const p = features[0]?.length ?? 0;
  const beta = new Float64Array(p);
  const failed = (iterations: number): LogisticFit => ({
    coefficients: new Float64Array(p).fill(NaN),
    converged: false,
    iterations,
  });
  if (features.length === 0 || p === 0) return failed(0);
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    const gradient = new Float64Array(p);
    const hessian = Array.from({ length: p }, () => new Float64Array(p));
    features.forEach((x, i) => {
      let z = 0;
      for (let j = 0; j < p; j++) z += x[j]! * beta[j]!;
      const prob = sigmoid(z);
      const residual = targets[i]! - prob;
      const weight = prob * (1 - prob);
      for (let j = 0; j < p; j++) {
        gradient[j]! += residual * x[j]!;
        for (let l = 0; l < p; l++) hessian[j]![l]! += weight * x[j]! * x[l]!;
      }
    });
    const step = solveLinear(hessian, gradient);
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
