// Rules that turn per-order verdicts into one verdict per item (protocols.md §1).
import type { PairVerdict, PresentationOrder } from './records';

/** Swaps the roles of the two systems: A becomes B. */
export function flipVerdict(v: PairVerdict): PairVerdict {
  return v === 'A' ? 'B' : v === 'B' ? 'A' : v;
}

/**
 * The verdict of a pair judged in both orders: A only if both orders pick A, B only if both pick B,
 * otherwise a tie ([MT]'s "tie (inconsistent)"). An invalid answer in either order makes the pair invalid:
 * it is counted and shown, never silently turned into a verdict.
 */
export function combineOrders(first: PairVerdict, second: PairVerdict): PairVerdict {
  if (first === 'invalid' || second === 'invalid') return 'invalid';
  if (first === second) return first;
  return 'tie';
}

export interface OrderedVerdict {
  readonly order: PresentationOrder;
  readonly verdict: PairVerdict;
}

/**
 * One verdict per item from whatever orders a judge produced: an already-combined verdict as it is,
 * both orders combined, or a single order on its own.
 */
export function itemVerdict(verdicts: readonly OrderedVerdict[]): PairVerdict | undefined {
  const combined = verdicts.find((v) => v.order === 'combined');
  if (combined) return combined.verdict;
  const ab = verdicts.find((v) => v.order === 'AB');
  const ba = verdicts.find((v) => v.order === 'BA');
  if (ab && ba) return combineOrders(ab.verdict, ba.verdict);
  return (ab ?? ba)?.verdict;
}

/** What to do with a judge's unparsable answer: leave the item out (and count it), or count it as a tie. */
export type InvalidPolicy = 'exclude' | 'tie';

/** Where a verdict is compared with a reference (a human's, a gold label) an unparsable one may also count as wrong. */
export type InvalidMode = InvalidPolicy | 'wrong';

/** The verdict a figure counts under the policy; undefined when the item is left out. */
export function countedVerdict(
  verdict: PairVerdict,
  policy: InvalidPolicy,
): Exclude<PairVerdict, 'invalid'> | undefined {
  if (verdict !== 'invalid') return verdict;
  return policy === 'tie' ? 'tie' : undefined;
}
