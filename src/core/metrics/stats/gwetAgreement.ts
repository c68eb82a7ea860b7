// Gwet's AC1 (unweighted) and AC2 (weighted) agreement coefficients for any number of raters with missing ratings
// (Gwet 2008; Handbook of Inter-Rater Reliability, 4th ed., 2014), as irrCAC's gwet.ac1.raw computes them. Unlike
// kappa, the chance agreement is not inflated by a skewed prevalence (most responses "pass"), which is why
// annotation guides ask for it next to kappa.
//   pa = mean over units with >= 2 ratings of sum_k r_ik (r*_ik - 1) / (r_i (r_i - 1)),  r*_ik = sum_l w_kl r_il
//   pe = sum(w) / (q (q - 1)) * sum_k pi_k (1 - pi_k),  pi_k = mean over units with >= 1 rating of r_ik / r_i
//   AC = (pa - pe) / (1 - pe)
// q is the number of categories of the scale (all declared levels, used or not), as with irrCAC's categ.labels.
// Every term is a sum over units, so the coefficient is a function of additive per-unit sums (see gwetSums), which
// is what lets the bootstrap resample prompt groups by adding vectors.

export type GwetWeighting = 'identity' | 'linear' | 'quadratic';

/** irrCAC's weights between category values: 1 on the diagonal, falling with the distance relative to the range. */
export function gwetWeights(values: readonly number[], weighting: GwetWeighting): Float64Array {
  const q = values.length;
  const w = new Float64Array(q * q);
  const range = Math.max(...values) - Math.min(...values);
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) {
      const d = Math.abs(values[k]! - values[l]!);
      w[k * q + l] =
        weighting === 'identity' || range === 0
          ? k === l
            ? 1
            : 0
          : weighting === 'linear'
            ? 1 - d / range
            : 1 - (d * d) / (range * range);
    }
  }
  return w;
}

/** Length of the sums vector: [units with >= 2 ratings, sum of their pa terms, units with >= 1 rating, pi sums (q)]. */
export function gwetDimension(q: number): number {
  return 3 + q;
}

/**
 * Adds one unit, given as how many raters chose each category (`counts`, length q), into `sums` at `offset`.
 * A unit without ratings adds nothing.
 */
export function addGwetUnit(counts: ArrayLike<number>, weights: Float64Array, sums: Float64Array, offset = 0): void {
  const q = counts.length;
  let raters = 0;
  for (let k = 0; k < q; k++) raters += counts[k]!;
  if (raters === 0) return;
  sums[offset + 2]! += 1;
  for (let k = 0; k < q; k++) sums[offset + 3 + k]! += counts[k]! / raters;
  if (raters < 2) return;
  let agreement = 0;
  for (let k = 0; k < q; k++) {
    let weighted = 0;
    for (let l = 0; l < q; l++) weighted += weights[k * q + l]! * counts[l]!;
    agreement += counts[k]! * (weighted - 1);
  }
  sums[offset]! += 1;
  sums[offset + 1]! += agreement / (raters * (raters - 1));
}

export interface GwetResult {
  readonly value: number;
  /** Observed (weighted) agreement. */
  readonly pa: number;
  /** Chance agreement. */
  readonly pe: number;
  /** Units with two or more ratings: the n of pa. */
  readonly units: number;
}

export function gwetFromSums(sums: ArrayLike<number>, weights: Float64Array, q: number, offset = 0): GwetResult {
  const units = sums[offset]!;
  const rated = sums[offset + 2]!;
  if (units === 0 || q < 2) return { value: NaN, pa: NaN, pe: NaN, units };
  const pa = sums[offset + 1]! / units;
  let spread = 0;
  for (let k = 0; k < q; k++) {
    const pi = sums[offset + 3 + k]! / rated;
    spread += pi * (1 - pi);
  }
  let totalWeight = 0;
  for (let i = 0; i < weights.length; i++) totalWeight += weights[i]!;
  const pe = (totalWeight * spread) / (q * (q - 1));
  return { value: pe === 1 ? NaN : (pa - pe) / (1 - pe), pa, pe, units };
}

/** AC1 / AC2 of units given as per-category rater counts (one row of length q per unit). */
export function gwetAgreement(
  units: readonly ArrayLike<number>[],
  values: readonly number[],
  weighting: GwetWeighting,
): GwetResult {
  const weights = gwetWeights(values, weighting);
  const sums = new Float64Array(gwetDimension(values.length));
  for (const unit of units) {
    if (unit.length !== values.length)
      throw new RangeError(`a unit has ${unit.length} category counts, the scale ${values.length}`);
    addGwetUnit(unit, weights, sums);
  }
  return gwetFromSums(sums, weights, values.length);
}
