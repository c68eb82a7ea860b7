// Bradley–Terry ratings of systems from pairwise outcomes, on the Elo scale Chatbot Arena reports
// (compute_mle_elo): P(i beats j) = 1 / (1 + 10^((R_j - R_i) / 400)), a tie counting as half a win for each side,
// ratings centred on a mean of 1000. The maximum-likelihood fit by Newton's method on the log-strengths.
// The MLE exists only when the win graph is strongly connected (every system won and lost against the others,
// through some chain, Ford 1957); otherwise the ratings are NaN rather than an arbitrary large number.
import { solveLinear } from './linearSolve';

export const ELO_SCALE = 400;
export const ELO_CENTRE = 1000;

export interface BradleyTerryFit {
  /** One rating per system, in the order of the wins matrix; all NaN when the MLE does not exist. */
  readonly ratings: Float64Array;
  readonly converged: boolean;
  /** The fitted natural-log strengths, the last held at 0: a start for the fit of a similar matrix. */
  readonly logStrengths: Float64Array;
}

/**
 * wins[i * s + j]: how often i beat j (ties already added as 0.5 to both directions). Newton's method starts at
 * equal strengths, or at `start` (log-strengths of a fit of a similar matrix, such as a bootstrap resample's full
 * sample), which reaches the same maximum in fewer steps; a start it diverges from is retried from equal strengths.
 */
export function bradleyTerry(wins: ArrayLike<number>, systems: number, start?: Float64Array): BradleyTerryFit {
  const s = systems;
  const failed: BradleyTerryFit = {
    ratings: new Float64Array(s).fill(NaN),
    converged: false,
    logStrengths: new Float64Array(s).fill(NaN),
  };
  if (s < 2 || !stronglyConnected(wins, s)) return failed;
  if (start) {
    const warm = newtonFit(wins, s, Float64Array.from(start));
    if (warm) return warm;
  }
  return newtonFit(wins, s, new Float64Array(s)) ?? failed;
}

/** Newton's method on the log-strengths from `theta` (changed in place; the last held at 0); undefined if it fails. */
function newtonFit(wins: ArrayLike<number>, s: number, theta: Float64Array): BradleyTerryFit | undefined {
  // Reused from one Newton step to the next: a bootstrap fits this thousands of times.
  const gradient = new Float64Array(s - 1);
  const hessian = Array.from({ length: s - 1 }, () => new Float64Array(s - 1));
  for (let iteration = 0; iteration < 200; iteration++) {
    gradient.fill(0);
    for (const row of hessian) row.fill(0);
    for (let i = 0; i < s; i++) {
      for (let j = i + 1; j < s; j++) {
        const games = wins[i * s + j]! + wins[j * s + i]!;
        if (games === 0) continue;
        const p = 1 / (1 + Math.exp(theta[j]! - theta[i]!));
        const residual = wins[i * s + j]! - games * p;
        const information = games * p * (1 - p);
        if (i < s - 1) {
          gradient[i]! += residual;
          hessian[i]![i]! += information;
        }
        if (j < s - 1) {
          gradient[j]! -= residual;
          hessian[j]![j]! += information;
        }
        if (i < s - 1 && j < s - 1) {
          hessian[i]![j]! -= information;
          hessian[j]![i]! -= information;
        }
      }
    }
    const step = solveLinear(hessian, gradient);
    if (!step) return undefined;
    let largest = 0;
    for (let i = 0; i < s - 1; i++) {
      theta[i]! += step[i]!;
      largest = Math.max(largest, Math.abs(step[i]!));
    }
    if (!Number.isFinite(largest)) return undefined;
    if (largest < 1e-13) return { ratings: toElo(theta), converged: true, logStrengths: theta };
  }
  return undefined;
}

function toElo(theta: Float64Array): Float64Array {
  const mean = theta.reduce((a, b) => a + b, 0) / theta.length;
  return theta.map((t) => ELO_CENTRE + (ELO_SCALE / Math.LN10) * (t - mean));
}

/** Every system reaches every other along "beat" edges (a tie is an edge both ways). */
function stronglyConnected(wins: ArrayLike<number>, s: number): boolean {
  const reaches = (forward: boolean) => {
    const seen = new Uint8Array(s);
    const stack = [0];
    seen[0] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      for (let j = 0; j < s; j++) {
        const edge = forward ? wins[i * s + j]! : wins[j * s + i]!;
        if (edge > 0 && !seen[j]) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    return seen.every((v) => v === 1);
  };
  return reaches(true) && reaches(false);
}
