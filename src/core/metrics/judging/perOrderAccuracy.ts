// Pairwise judges as judge benchmarks report them (issue 10 §6): against a reference verdict per item (a gold
// annotator's, or the strict majority of the human votes), the accuracy of each presentation order on its own, their
// mean, the share of pairs right in both orders, the accuracy of the combined verdict (protocols.md §1), and the
// positional agreement (both orders give the same verdict), side by side, per language and criterion (or --by). A
// reference is per item and criterion: votes on one criterion are never the reference of a verdict on another.
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
import { collect } from '../scores/slices';
import { ClusterTally } from '../clusterTally';
import { groupBy, type GroupField, type GroupValues } from '../grouping';
import { strictMajority } from '../stats';
import { addTo } from './addTo';
import { byRater, pairGroupValues } from './pairGroups';

export type { InvalidMode };

export interface PerOrderRow {
  readonly group: GroupValues;
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
  readonly by: readonly GroupField[];
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
  criterion?: string;
}): string {
  return [p.run, p.group, p.lang, p.turn, p.systemA, p.systemB, p.criterion ?? ''].join('\u0000');
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
  return groupBy(pairs, pairGroupValues, options.by).flatMap((group) =>
    byRater(group.items, (p) => p.judge).map(([judge, judged]) =>
      perOrderRow(group.values, judge, judged, refs, options),
    ),
  );
}

function perOrderRow(
  group: GroupValues,
  judge: string,
  pairs: readonly JudgedPair[],
  refs: ReadonlyMap<string, Reference>,
  options: PerOrderOptions,
): PerOrderRow {
  const tally = new ClusterTally(DIMENSION);
  let invalidOrders = 0;
  let noReference = 0;
  let combinedOnly = 0;
  for (const pair of pairs) {
    const ref = refs.get(itemKey(pair));
    if (!ref) {
      noReference++;
      continue;
    }
    const verdictIn = (order: PresentationOrder) => pair.orders.find((o) => o.order === order)?.verdict;
    if (verdictIn('AB') === undefined && verdictIn('BA') === undefined) {
      combinedOnly++;
      continue;
    }
    const swappedOrder = ref.order === 'AB' ? 'BA' : 'AB';
    const raw = [verdictIn(ref.order), verdictIn(swappedOrder)];
    invalidOrders += raw.filter((v) => v === 'invalid').length;
    const [original, swapped] = raw.map((v) => counted(v, options.invalidAs));
    const sums = tally.of(pair);
    const right = (v: PairVerdict | 'error' | undefined) => v === ref.verdict;
    if (original !== undefined) {
      addTo(sums, ORIGINAL);
      if (right(original)) addTo(sums, ORIGINAL_RIGHT);
    }
    if (swapped !== undefined) {
      addTo(sums, SWAPPED);
      if (right(swapped)) addTo(sums, SWAPPED_RIGHT);
    }
    if (!judgedInBothOrders(pair) || original === undefined || swapped === undefined) continue;
    addTo(sums, PAIRS);
    if (right(original) && right(swapped)) addTo(sums, BOTH_RIGHT);
    const consistent = original === swapped && original !== 'error';
    if (consistent) addTo(sums, CONSISTENT);
    // Combined verdict: A only if both say A, B only if both say B, otherwise a tie; an error combines to an error.
    const combined = original === 'error' || swapped === 'error' ? 'error' : consistent ? original : 'tie';
    if (right(combined)) addTo(sums, COMBINED_RIGHT);
  }
  const [original, swapped, mean, bothRight, combined, positional] = tally.estimates(FIGURES, options.intervals);
  return {
    group,
    judge,
    original: original!,
    swapped: swapped!,
    mean: mean!,
    bothRight: bothRight!,
    combined: combined!,
    positional: positional!,
    invalidOrders,
    noReference,
    combinedOnly,
  };
}
