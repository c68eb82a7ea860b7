// How far a pairwise judge's verdict depends on the order it saw the two responses in (protocols.md §1), per judge
// and language. Over pairs judged in both orders: the share whose verdict changes when the order is swapped (flip),
// split as in [MT] Table 2 into "biased toward first" (the first-shown response wins both times), "biased toward
// second", and other changes (a win in one order, a tie in the other). Over single-order verdicts: the share won
// by the first-shown response (position bias; 50% of the decided ones for a judge without it).
import type { PairVerdict, PresentationOrder } from '../../model/records';
import { ratio, type Estimate, type IntervalSettings } from '../estimate';
import { mapInvalid, type InvalidPolicy, type JudgedPair } from './judgedPairs';
import { collect, compareSlices, keyOf, sliceOf, type Slice } from './slices';
import { ClusterTally } from '../clusterTally';

export interface ConsistencyRow {
  readonly slice: Slice;
  readonly judge: string;
  /** Of pairs judged in both orders with two valid verdicts (n): the verdict changed. */
  readonly flip: Estimate;
  readonly biasedFirst: Estimate;
  readonly biasedSecond: Estimate;
  /** Changed between a win and a tie. */
  readonly otherFlip: Estimate;
  /** Of single-order valid verdicts (n): the first-shown response won / the second won / tie. */
  readonly firstWins: Estimate;
  readonly secondWins: Estimate;
  readonly orderTies: Estimate;
  /** Orders whose answer was unparsable: left out (0 when mapped to ties). */
  readonly invalidOrders: number;
  /** Pairs judged in one order only: in the position figures, not in the flip figures. */
  readonly singleOrder: number;
  /** Pairs that came with an already combined verdict (no order information): in neither. */
  readonly combinedOnly: number;
}

// Per-group sums.
const PAIRS = 0;
const FLIPS = 1;
const BIASED_FIRST = 2;
const BIASED_SECOND = 3;
const OTHER_FLIPS = 4;
const ORDERS = 5;
const FIRST_WINS = 6;
const SECOND_WINS = 7;
const ORDER_TIES = 8;
const DIMENSION = 9;

const FIGURES = [
  ratio(FLIPS, PAIRS),
  ratio(BIASED_FIRST, PAIRS),
  ratio(BIASED_SECOND, PAIRS),
  ratio(OTHER_FLIPS, PAIRS),
  ratio(FIRST_WINS, ORDERS),
  ratio(SECOND_WINS, ORDERS),
  ratio(ORDER_TIES, ORDERS),
];

interface Cell {
  readonly slice: Slice;
  readonly judge: string;
  readonly tally: ClusterTally;
  invalidOrders: number;
  singleOrder: number;
  combinedOnly: number;
}

export function judgeConsistency(
  pairs: readonly JudgedPair[],
  options: { invalidAs: InvalidPolicy; intervals?: IntervalSettings },
): ConsistencyRow[] {
  const cells = new Map<string, Cell>();
  for (const pair of pairs) {
    const slice = sliceOf(pair);
    const cell = collect(cells, keyOf(slice, pair.judge), () => ({
      slice,
      judge: pair.judge,
      tally: new ClusterTally(DIMENSION),
      invalidOrders: 0,
      singleOrder: 0,
      combinedOnly: 0,
    }));
    addPair(cell, pair, options.invalidAs);
  }
  return [...cells.values()]
    .map((cell) => finishCell(cell, options.intervals))
    .sort((a, b) => compareSlices(a.slice, b.slice) || a.judge.localeCompare(b.judge));
}

/** Who won, by screen position, in one order's verdict (verdicts are relative to systemA / systemB). */
function positionOf(order: Exclude<PresentationOrder, 'combined'>, verdict: PairVerdict): 'first' | 'second' | 'tie' {
  if (verdict === 'tie') return 'tie';
  const firstIsA = order === 'AB';
  return (verdict === 'A') === firstIsA ? 'first' : 'second';
}

function addPair(cell: Cell, pair: JudgedPair, invalidAs: InvalidPolicy): void {
  const verdictIn = (order: PresentationOrder) => {
    const found = pair.orders.find((o) => o.order === order);
    return found && mapInvalid(found.verdict, invalidAs);
  };
  const ab = verdictIn('AB');
  const ba = verdictIn('BA');
  if (ab === undefined && ba === undefined) {
    cell.combinedOnly++;
    return;
  }
  if (ab === undefined || ba === undefined) cell.singleOrder++;
  const sums = cell.tally.of(pair);
  for (const [order, verdict] of [
    ['AB', ab],
    ['BA', ba],
  ] as const) {
    if (verdict === undefined) continue;
    if (verdict === 'invalid') {
      cell.invalidOrders++;
      continue;
    }
    const position = positionOf(order, verdict);
    sums[ORDERS]! += 1;
    sums[position === 'first' ? FIRST_WINS : position === 'second' ? SECOND_WINS : ORDER_TIES]! += 1;
  }
  if (ab === undefined || ba === undefined || ab === 'invalid' || ba === 'invalid') return;
  sums[PAIRS]! += 1;
  if (ab === ba) return;
  sums[FLIPS]! += 1;
  const first = positionOf('AB', ab);
  const second = positionOf('BA', ba);
  if (first === 'first' && second === 'first') sums[BIASED_FIRST]! += 1;
  else if (first === 'second' && second === 'second') sums[BIASED_SECOND]! += 1;
  else sums[OTHER_FLIPS]! += 1;
}

function finishCell(cell: Cell, intervals: IntervalSettings | undefined): ConsistencyRow {
  const [flip, biasedFirst, biasedSecond, otherFlip, firstWins, secondWins, orderTies] = cell.tally.estimates(
    FIGURES,
    intervals,
  );
  return {
    slice: cell.slice,
    judge: cell.judge,
    flip: flip!,
    biasedFirst: biasedFirst!,
    biasedSecond: biasedSecond!,
    otherFlip: otherFlip!,
    firstWins: firstWins!,
    secondWins: secondWins!,
    orderTies: orderTies!,
    invalidOrders: cell.invalidOrders,
    singleOrder: cell.singleOrder,
    combinedOnly: cell.combinedOnly,
  };
}
