// Bradley–Terry ratings of systems from pairwise outcomes, on the Elo scale Chatbot Arena reports
// (compute_mle_elo): P(i beats j) = 1 / (1 + 10^((R_j - R_i) / 400)), a tie counting as half a win for each side,
// ratings centred on a mean of 1000. The maximum-likelihood fit by Newton's method on the log-strengths.
// The MLE exists only when the win graph is strongly connected (every system won and lost against the others,
// through some chain, Ford 1957); otherwise the ratings are NaN rather than an arbitrary large number.
// (A tie is an edge both ways.)
import { solveLinearInPlace } from './linearSolve';

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
  const fit = new BradleyTerryFitter(systems).fit(wins, start);
  return { ratings: fit.ratings.slice(), converged: fit.converged, logStrengths: fit.logStrengths.slice() };
}

/**
 * bradleyTerry for many matrices of one size (a bootstrap fits thousands): the same arithmetic, operation for
 * operation, in buffers allocated once. A fit's arrays are the fitter's own, valid until its next fit.
 */
export class BradleyTerryFitter {
  private readonly theta: Float64Array;
  private readonly ratings: Float64Array;
  private readonly gradient: Float64Array;
  /** The Hessian, row-major (s − 1) × (s − 1), overwritten by each solve. */
  private readonly hessian: Float64Array;
  private readonly step: Float64Array;
  private readonly seen: Uint8Array;
  private readonly stack: Uint32Array;

  constructor(private readonly systems: number) {
    const free = Math.max(0, systems - 1);
    this.theta = new Float64Array(systems);
    this.ratings = new Float64Array(systems);
    this.gradient = new Float64Array(free);
    this.hessian = new Float64Array(free * free);
    this.step = new Float64Array(free);
    this.seen = new Uint8Array(systems);
    this.stack = new Uint32Array(systems);
  }

  fit(wins: ArrayLike<number>, start?: Float64Array): BradleyTerryFit {
    if (this.systems >= 2 && this.reachesAll(wins, true) && this.reachesAll(wins, false)) {
      if (start) {
        this.theta.set(start);
        if (this.newtonFit(wins)) return this.converged();
      }
      this.theta.fill(0);
      if (this.newtonFit(wins)) return this.converged();
    }
    this.ratings.fill(NaN);
    this.theta.fill(NaN);
    return { ratings: this.ratings, converged: false, logStrengths: this.theta };
  }

  private converged(): BradleyTerryFit {
    const { theta, ratings } = this;
    let total = 0;
    for (let i = 0; i < theta.length; i++) total += theta[i]!;
    const mean = total / theta.length;
    for (let i = 0; i < theta.length; i++) ratings[i] = ELO_CENTRE + (ELO_SCALE / Math.LN10) * (theta[i]! - mean);
    return { ratings, converged: true, logStrengths: theta };
  }

  /** Newton's method on the log-strengths from this.theta (the last held at 0); false if it fails. */
  private newtonFit(wins: ArrayLike<number>): boolean {
    const { systems: s, theta, gradient, hessian, step } = this;
    const free = s - 1;
    for (let iteration = 0; iteration < 200; iteration++) {
      gradient.fill(0);
      hessian.fill(0);
      for (let i = 0; i < s; i++) {
        for (let j = i + 1; j < s; j++) {
          const games = wins[i * s + j]! + wins[j * s + i]!;
          if (games === 0) continue;
          const p = 1 / (1 + Math.exp(theta[j]! - theta[i]!));
          const residual = wins[i * s + j]! - games * p;
          const information = games * p * (1 - p);
          if (i < free) {
            gradient[i]! += residual;
            hessian[i * free + i]! += information;
          }
          if (j < free) {
            gradient[j]! -= residual;
            hessian[j * free + j]! += information;
          }
          if (i < free && j < free) {
            hessian[i * free + j]! -= information;
            hessian[j * free + i]! -= information;
          }
        }
      }
      if (!solveLinearInPlace(hessian, gradient, step, free)) return false;
      let largest = 0;
      for (let i = 0; i < free; i++) {
        theta[i]! += step[i]!;
        largest = Math.max(largest, Math.abs(step[i]!));
      }
      if (!Number.isFinite(largest)) return false;
      if (largest < 1e-13) return true;
    }
    return false;
  }

  /** Every system reached from system 0 along "beat" edges (forward), or along them reversed. */
  private reachesAll(wins: ArrayLike<number>, forward: boolean): boolean {
    const { systems: s, seen, stack } = this;
    seen.fill(0);
    seen[0] = 1;
    stack[0] = 0;
    let depth = 1;
    let reached = 1;
    while (depth > 0) {
      const i = stack[--depth]!;
      for (let j = 0; j < s; j++) {
        const edge = forward ? wins[i * s + j]! : wins[j * s + i]!;
        if (edge > 0 && !seen[j]) {
          seen[j] = 1;
          stack[depth++] = j;
          reached++;
        }
      }
    }
    return reached === s;
  }
}
