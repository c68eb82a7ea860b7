// Pairwise judges as judge benchmarks report them (issue 10 §6): against a reference verdict per item (a gold
// annotator's, or the strict majority of the human votes), the accuracy of each presentation order on its own, their
// mean, the share of pairs right in both orders, the accuracy of the combined verdict (protocols.md §1), and the
// positional agreement (both orders give the same verdict), side by side, per language.
//
// The two orders are named from the reference's side: "original" is the order the reference rater saw (the gold
// annotator's, else the first human vote with a known order, else the store's A-first order), "swapped" the other.
// Unparsable answers follow the chosen mode, which every table names: exclude (left out, counted), tie (read as a
// tie), wrong (counted as an error: never right, never consistent), the convention of judge benchmarks.
import type { HumanPairwiseRow } from '../../store/store';
import type { PairVerdict, PresentationOrder } from '../../model/records';
import type { InvalidMode } from '../../model/verdicts';
import { ratio, type Estimate, type Figure, type IntervalSettings } from '../estimate';
import { judgedInBothOrders, type JudgedPair } from '../scores/judgedPairs';
import { collect, compareSlices, keyOf, sliceOf, type Slice } from '../scores/slices';
import { ClusterTally } from '../clusterTally';
import { strictMajority } from '../stats';

export type { InvalidMode };

export interface PerOrderRow {
  readonly slice: Slice;
  readonly judge: string;
  readonly original: Estimate;
  readonly swapped: Estimate;
  /** (original + swapped) / 2; n = verdicts in both. */
  readonly mean: Estimate;
  /** Of pairs judged in both orders (n): right in both. */
  readonly bothRight: Estimate;
  /** Of the same pairs: the combined verdict (A only if both say A, ...) is right. */
  readonly combined: Estimate;
  /** Of the same pairs: both orders gave the same verdict. */
  readonly positional: Estimate;
  /** Unparsable orders (left out under exclude; ties or errors otherwise, and counted in n). */
  readonly invalidOrders: number;
  /** Pairs whose item has no reference: no gold label, or no strict human majority. */
  readonly noReference: number;
  /** Pairs that came with an already combined verdict, no order: in no figure. */
  readonly combinedOnly: number;
}

export interface PerOrderOptions {
  readonly invalidAs: InvalidMode;
  /** The gold annotator; absent: the strict majority of all human votes on the item. */
  readonly gold?: string;
  readonly intervals?: IntervalSettings;
}

interface Reference {
  readonly verdict: Exclude<PairVerdict, 'invalid'>;
  /** The order the reference rater saw: the "original" one. */
  readonly order: 'AB' | 'BA';
}

function itemKey(p: {
  run: string;
  group: string;
  lang: string;
  turn: number;
  systemA: string;
  systemB: string;
}): string {
  return [p.run, p.group, p.lang, p.turn, p.systemA, p.systemB].join('\u0000');
}

function references(humans: readonly HumanPairwiseRow[], gold: string | undefined): Map<string, Reference> {
  const votes = new Map<string, HumanPairwiseRow[]>();
  for (const h of humans) if (gold === undefined || h.annotator === gold) collect(votes, itemKey(h), () => []).push(h);
  const out = new Map<string, Reference>();
  for (const [key, rows] of votes) {
    const verdict = strictMajority(rows.map((r) => r.verdict));
    if (verdict === undefined) continue;
    const seen = rows.find((r) => r.order === 'AB' || r.order === 'BA')?.order;
    out.set(key, { verdict, order: seen === 'BA' ? 'BA' : 'AB' });
  }
  return out;
}

// Per-group sums.
const ORIGINAL = 0;
const ORIGINAL_RIGHT = 1;
const SWAPPED = 2;
const SWAPPED_RIGHT = 3;
const PAIRS = 4;
const BOTH_RIGHT = 5;
const COMBINED_RIGHT = 6;
const CONSISTENT = 7;
const DIMENSION = 8;

const MEAN: Figure = {
  finish: (s) =>
    s[ORIGINAL] === 0 || s[SWAPPED] === 0
      ? NaN
      : (s[ORIGINAL_RIGHT]! / s[ORIGINAL]! + s[SWAPPED_RIGHT]! / s[SWAPPED]!) / 2,
  count: (s) => s[ORIGINAL]! + s[SWAPPED]!,
};
const FIGURES = [
  ratio(ORIGINAL_RIGHT, ORIGINAL),
  ratio(SWAPPED_RIGHT, SWAPPED),
  MEAN,
  ratio(BOTH_RIGHT, PAIRS),
  ratio(COMBINED_RIGHT, PAIRS),
  ratio(CONSISTENT, PAIRS),
];

/** An order's verdict under the mode; 'error' is an unparsable answer counted as wrong, undefined one left out. */
function counted(verdict: PairVerdict | undefined, mode: InvalidMode): PairVerdict | 'error' | undefined {
  if (verdict !== 'invalid') return verdict;
  return mode === 'tie' ? 'tie' : mode === 'wrong' ? 'error' : undefined;
}

export function perOrderAccuracy(
  pairs: readonly JudgedPair[],
  humans: readonly HumanPairwiseRow[],
  options: PerOrderOptions,
): PerOrderRow[] {
  const refs = references(humans, options.gold);
  interface Cell {
    slice: Slice;
    judge: string;
    tally: ClusterTally;
    invalidOrders: number;
    noReference: number;
    combinedOnly: number;
  }
  const cells = new Map<string, Cell>();
  for (const pair of pairs) {
    const slice = sliceOf(pair);
    const cell = collect(cells, keyOf(slice, pair.judge), () => ({
      slice,
      judge: pair.judge,
      tally: new ClusterTally(DIMENSION),
      invalidOrders: 0,
      noReference: 0,
      combinedOnly: 0,
    }));
    const ref = refs.get(itemKey(pair));
    if (!ref) {
      cell.noReference++;
      continue;
    }
    const verdictIn = (order: PresentationOrder) => pair.orders.find((o) => o.order === order)?.verdict;
    if (verdictIn('AB') === undefined && verdictIn('BA') === undefined) {
      cell.combinedOnly++;
      continue;
    }
    const swappedOrder = ref.order === 'AB' ? 'BA' : 'AB';
    const raw = [verdictIn(ref.order), verdictIn(swappedOrder)];
    cell.invalidOrders += raw.filter((v) => v === 'invalid').length;
    const [original, swapped] = raw.map((v) => counted(v, options.invalidAs));
    const sums = cell.tally.of(pair);
    const right = (v: PairVerdict | 'error' | undefined) => v === ref.verdict;
    if (original !== undefined) {
      sums[ORIGINAL]! += 1;
      if (right(original)) sums[ORIGINAL_RIGHT]! += 1;
    }
    if (swapped !== undefined) {
      sums[SWAPPED]! += 1;
      if (right(swapped)) sums[SWAPPED_RIGHT]! += 1;
    }
    if (!judgedInBothOrders(pair) || original === undefined || swapped === undefined) continue;
    sums[PAIRS]! += 1;
    if (right(original) && right(swapped)) sums[BOTH_RIGHT]! += 1;
    const consistent = original === swapped && original !== 'error';
    if (consistent) sums[CONSISTENT]! += 1;
    // Combined verdict: A only if both say A, B only if both say B, otherwise a tie; an error combines to an error.
    const combined = original === 'error' || swapped === 'error' ? 'error' : consistent ? original : 'tie';
    if (right(combined)) sums[COMBINED_RIGHT]! += 1;
  }
  return [...cells.values()]
    .map((cell) => {
      const [original, swapped, mean, bothRight, combined, positional] = cell.tally.estimates(
        FIGURES,
        options.intervals,
      );
      return {
        slice: cell.slice,
        judge: cell.judge,
        original: original!,
        swapped: swapped!,
        mean: mean!,
        bothRight: bothRight!,
        combined: combined!,
        positional: positional!,
        invalidOrders: cell.invalidOrders,
        noReference: cell.noReference,
        combinedOnly: cell.combinedOnly,
      };
    })
    .sort((a, b) => compareSlices(a.slice, b.slice) || a.judge.localeCompare(b.judge));
}
