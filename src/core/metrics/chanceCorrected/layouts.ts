// The per-prompt-group sums each row of the chance-corrected table adds its units into, and the figures computed
// from them. Every figure is a function of these sums, so the bootstrap resamples prompt groups by summing vectors.
// - a multi-rater row (all humans, all judges): label-pair counts, the two-rater table for Cohen's kappa, Fleiss'
//   totals over units with exactly m labels, and the coincidence matrix for Krippendorff's alpha;
// - a pair row (a judge against every human vote, a rater against the others' majority): only the k × k table of
//   (rater, other) labels, from which agreement, Cohen's kappa, Fleiss' kappa (Scott's pi for two labels) and
//   the coincidences (table + its transpose) all follow: 9 sums instead of 25 for three categories.
import type { AlphaLevel, KappaWeighting } from '../stats';
import { alphaFromCoincidences, alphaScale, fleissKappaFromTotals, kappaFromCounts, sumRange, trace } from '../stats';
import { addUnitCoincidences } from '../stats/krippendorffAlpha';
import type { Figure } from '../estimate';
import type { AgreementScale } from './units';

export function alphaLevels(scale: AgreementScale): AlphaLevel[] {
  return scale.ordered ? ['nominal', 'ordinal', 'interval'] : ['nominal'];
}

/** One unit's labels in a row: their positions, and the two raters' positions when Cohen's kappa applies. */
export interface Contribution {
  readonly positions: readonly number[];
  readonly cohen?: readonly [number, number];
}

export interface RowLayout {
  readonly dimension: number;
  add(sums: Float64Array, offset: number, contribution: Contribution): void;
  /** Agreement, Cohen's kappa, Fleiss' kappa, then alpha at each level of the scale, reading sums at `offset`. */
  figures(offset: number): Figure[];
}

const weightsOf = (scale: AgreementScale): KappaWeighting => (scale.ordered ? 'quadratic' : 'none');

function alphaFigures(scale: AgreementScale, coincidences: (s: Float64Array) => Float64Array): Figure[] {
  const k = scale.values.length;
  return alphaLevels(scale).map((level): Figure => {
    const alphaOn = alphaScale(level, scale.values, () => [...scale.values]);
    return {
      finish: (s) => alphaFromCoincidences(coincidences(s), alphaOn).value,
      count: (s) => Math.round(sumRange(coincidences(s), 0, k * k)),
    };
  });
}

/** All raters of one kind on each unit. Offsets: [agreeing pairs, pairs, Cohen k², Fleiss 2 + k, coincidences k²]. */
export function multiRaterLayout(scale: AgreementScale, fleissRaters: number): RowLayout {
  const k = scale.values.length;
  const cohen = 2;
  const fleiss = cohen + k * k;
  const coincidences = fleiss + 2 + k;
  return {
    dimension: coincidences + k * k,
    add(sums, offset, { positions, cohen: pair }) {
      for (let i = 0; i < positions.length; i++) {
        for (let j = i + 1; j < positions.length; j++) {
          sums[offset + 1]! += 1;
          if (positions[i] === positions[j]) sums[offset]! += 1;
        }
      }
      if (pair) sums[offset + cohen + pair[0] * k + pair[1]]! += 1;
      if (positions.length === fleissRaters) {
        sums[offset + fleiss]! += 1;
        for (let c = 0; c < k; c++) {
          const n = positions.filter((p) => p === c).length;
          sums[offset + fleiss + 1]! += n * n;
          sums[offset + fleiss + 2 + c]! += n;
        }
      }
      addUnitCoincidences(positions, k, sums.subarray(offset + coincidences, offset + coincidences + k * k));
    },
    figures(offset) {
      const at = (from: number) => offset + from;
      return [
        { finish: (s) => (s[at(1)] === 0 ? NaN : s[at(0)]! / s[at(1)]!), count: (s) => s[at(1)]! },
        {
          finish: (s) => kappaFromCounts(s.subarray(at(cohen), at(cohen) + k * k), k, weightsOf(scale)).value,
          count: (s) => sumRange(s, at(cohen), k * k),
        },
        {
          finish: (s) =>
            fleissKappaFromTotals({
              items: s[at(fleiss)]!,
              raters: fleissRaters,
              sumOfSquares: s[at(fleiss) + 1]!,
              categoryTotals: s.subarray(at(fleiss) + 2, at(fleiss) + 2 + k),
            }).value,
          count: (s) => s[at(fleiss)]!,
        },
        ...alphaFigures(scale, (s) => s.subarray(at(coincidences), at(coincidences) + k * k)),
      ];
    },
  };
}

/** Two labels per unit, (rater, other): the k × k table alone. */
export function pairLayout(scale: AgreementScale): RowLayout {
  const k = scale.values.length;
  const categoryTotals = new Float64Array(k);
  const coincidences = new Float64Array(k * k);
  return {
    dimension: k * k,
    add(sums, offset, { positions }) {
      sums[offset + positions[0]! * k + positions[1]!]! += 1;
    },
    figures(offset) {
      const units = (s: Float64Array) => sumRange(s, offset, k * k);
      // Each two-label unit adds 1 to o[x][y] and to o[y][x]: the coincidences are the table plus its transpose.
      const coincidencesOf = (s: Float64Array) => {
        for (let i = 0; i < k; i++)
          for (let j = 0; j < k; j++) coincidences[i * k + j] = s[offset + i * k + j]! + s[offset + j * k + i]!;
        return coincidences;
      };
      return [
        { finish: (s) => (units(s) === 0 ? NaN : trace(s, k, offset) / units(s)), count: units },
        { finish: (s) => kappaFromCounts(s.subarray(offset, offset + k * k), k, weightsOf(scale)).value, count: units },
        {
          // A unit whose two labels agree adds 2² to the sum of squares, one whose labels differ 1² + 1².
          finish: (s) => {
            for (let c = 0; c < k; c++) categoryTotals[c] = sumRange(s, offset + c * k, k) + column(s, offset, k, c);
            const agreeing = trace(s, k, offset);
            return fleissKappaFromTotals({
              items: units(s),
              raters: 2,
              sumOfSquares: 4 * agreeing + 2 * (units(s) - agreeing),
              categoryTotals,
            }).value;
          },
          count: units,
        },
        ...alphaFigures(scale, coincidencesOf),
      ];
    },
  };
}

function column(s: Float64Array, offset: number, k: number, c: number): number {
  let total = 0;
  for (let i = 0; i < k; i++) total += s[offset + i * k + c]!;
  return total;
}
