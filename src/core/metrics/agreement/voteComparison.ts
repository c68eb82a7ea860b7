// How two raters' verdicts on the same item compare (protocols.md §3).
import type { PairVerdict } from '../../model/records';
import { ratio } from '../estimate';

/**
 * [SH]/LIMA score: 1 when both name the same response or both say tie, 0.5 when exactly one says tie,
 * 0 when they name different responses.
 */
export function limaScore(x: PairVerdict, y: PairVerdict): number {
  // An unparsable verdict kept as a label (--invalid-as wrong) is an error: it earns nothing, even against a tie.
  if (x === 'invalid' || y === 'invalid') return 0;
  if (x === y) return 1;
  if (x === 'tie' || y === 'tie') return 0.5;
  return 0;
}

/** [MT] "without tie" counts only pairs where neither rater said tie. */
export function countsWithoutTie(x: PairVerdict, y: PairVerdict): boolean {
  return x !== 'tie' && y !== 'tie';
}

/**
 * The per-comparison vector the agreement statistics sum: [agree, 1, agree without tie, counted without tie, LIMA].
 * Sums of these over vote pairs give every figure of the agreement table.
 */
export const COMPARISON_DIMENSION = 5;

export function addComparison(sums: Float64Array, x: PairVerdict, y: PairVerdict): void {
  const agree = x === y ? 1 : 0;
  sums[0]! += agree;
  sums[1]! += 1;
  if (countsWithoutTie(x, y)) {
    sums[2]! += agree;
    sums[3]! += 1;
  }
  sums[4]! += limaScore(x, y);
}

export const AGREEMENT_STATISTICS = { withTie: ratio(0, 1), withoutTie: ratio(2, 3), lima: ratio(4, 1) };
