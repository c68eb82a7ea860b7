// A judge's verdicts on one pair of responses, gathered per presentation order, and the one verdict they make
// (protocols.md §1): A only if both orders pick A, B only if both pick B, otherwise a tie; an unparsable answer is
// invalid, and stays invalid unless the user maps it to a tie.
import type { PairVerdict } from '../../model/records';
import { combineOrders, itemVerdict, type InvalidPolicy, type OrderedVerdict } from '../../model/verdicts';
import {
  ORDERS,
  pairwiseVerdicts,
  VERDICTS,
  type PairwiseVerdicts,
  type VerdictColumns,
  type VerdictFilter,
} from '../../store/pairwiseVerdicts';
import type { JudgeVerdictRow, Store } from '../../store/store';
import { judgeLabels, judgeNamesOf } from '../judgeLabels';
import { collect, keyOf } from './slices';

export type { InvalidPolicy };

/**
 * One pair of responses as one judge judged it. systemA / systemB are the store's canonical order and verdicts are
 * relative to it (A = systemA is better); `judge` is "name@hash" when one name has results from several definitions.
 */
export interface JudgedPair extends Pick<
  JudgeVerdictRow,
  'run' | 'group' | 'lang' | 'turn' | 'systemA' | 'systemB' | 'judge' | 'criterion'
> {
  readonly orders: readonly OrderedVerdict[];
}

export function judgedPairs(rows: readonly JudgeVerdictRow[]): JudgedPair[] {
  const label = judgeLabels(rows);
  const pairs = new Map<string, { pair: JudgedPair; orders: OrderedVerdict[] }>();
  for (const row of rows) {
    const judge = label(row);
    const entry = collect(pairs, keyOf(row, row.group, row.systemA, row.systemB, judge), () => {
      const orders: OrderedVerdict[] = [];
      const { run, group, lang, turn, systemA, systemB } = row;
      const criterion = row.criterion ? { criterion: row.criterion } : {};
      return { pair: { run, group, lang, turn, systemA, systemB, judge, ...criterion, orders }, orders };
    });
    entry.orders.push({ order: row.order, verdict: row.verdict });
  }
  return [...pairs.values()].map((e) => e.pair);
}

/**
 * The judged pairs of a selection from the store's lean load (no raw answers or reasoning, which no score reads):
 * the same pairs, in the same order, as judgedPairs of every verdict row, in a third of the time and memory at 4×
 * Shaham et al.'s run.
 */
export async function loadJudgedPairs(store: Store, filter: VerdictFilter): Promise<JudgedPair[]> {
  return judgedPairsOf(await pairwiseVerdicts(store, filter));
}

export function judgedPairsOf(verdicts: PairwiseVerdicts): JudgedPair[] {
  const judgeName = judgeNamesOf(verdicts);
  const { columns } = verdicts;
  const keyOf = pairKeys(columns);
  const pairs = new Map<number | string, OrderedVerdict[]>();
  const out: JudgedPair[] = [];
  for (let i = 0; i < columns.count; i++) {
    const key = keyOf(i);
    let orders = pairs.get(key);
    if (!orders) {
      pairs.set(key, (orders = []));
      const { run, group, lang, turn } = verdicts.prompts.get(columns.prompt[i]!)!;
      const systemA = verdicts.systems.get(columns.systemA[i]!)!;
      const systemB = verdicts.systems.get(columns.systemB[i]!)!;
      const judge = judgeName(columns.judge[i]!);
      const criterion = columns.criterion[i];
      out.push({ run, group, lang, turn, systemA, systemB, judge, ...(criterion ? { criterion } : {}), orders });
    }
    orders.push(ORDERED_VERDICTS[columns.order[i]! * VERDICTS.length + columns.verdict[i]!]!);
  }
  return out;
}

/** An order in which a pair of JudgedPairColumns was not judged. */
export const NO_VERDICT = 255;

/**
 * Judged pairs as columns, pair p at index p of each, in judgedPairsOf's order: its prompt and systems by id, its
 * judge (judgedPairsOf's label), its criterion, and its first verdict in each order of ORDERS (an index of VERDICTS,
 * or NO_VERDICT). For a table that reads every pair once and keeps none (lc-winrate): no object per pair.
 */
export interface JudgedPairColumns {
  readonly count: number;
  readonly prompt: Float64Array;
  readonly systemA: Float64Array;
  readonly systemB: Float64Array;
  readonly judge: readonly string[];
  readonly criterion: readonly (string | null)[];
  /** Per order of ORDERS (AB, BA, combined): the pairs' verdicts in it. */
  readonly orders: readonly Uint8Array[];
  readonly prompts: PairwiseVerdicts['prompts'];
  readonly systems: PairwiseVerdicts['systems'];
}

export function judgedPairColumnsOf(verdicts: PairwiseVerdicts): JudgedPairColumns {
  const judgeName = judgeNamesOf(verdicts);
  const { columns } = verdicts;
  const keyOf = pairKeys(columns);
  const pairOfKey = new Map<number | string, number>();
  const size = columns.count;
  const prompt = new Float64Array(size);
  const systemA = new Float64Array(size);
  const systemB = new Float64Array(size);
  const orders = ORDERS.map(() => new Uint8Array(size).fill(NO_VERDICT));
  const judge: string[] = [];
  const criterion: (string | null)[] = [];
  for (let i = 0; i < size; i++) {
    const key = keyOf(i);
    let pair = pairOfKey.get(key);
    if (pair === undefined) {
      pairOfKey.set(key, (pair = judge.length));
      prompt[pair] = columns.prompt[i]!;
      systemA[pair] = columns.systemA[i]!;
      systemB[pair] = columns.systemB[i]!;
      judge.push(judgeName(columns.judge[i]!));
      criterion.push(columns.criterion[i] || null);
    }
    const inOrder = orders[columns.order[i]!]!;
    if (inOrder[pair] === NO_VERDICT) inOrder[pair] = columns.verdict[i]!;
  }
  const count = judge.length;
  return {
    count,
    prompt: prompt.subarray(0, count),
    systemA: systemA.subarray(0, count),
    systemB: systemB.subarray(0, count),
    judge,
    criterion,
    orders: orders.map((o) => o.subarray(0, count)),
    prompts: verdicts.prompts,
    systems: verdicts.systems,
  };
}

/** Pair p's one verdict, as pairVerdict gives it for the same pair's orders. */
export function pairVerdictAt(pairs: JudgedPairColumns, p: number, invalidAs: InvalidPolicy): PairVerdict | undefined {
  const ab = pairs.orders[0]![p]!;
  const ba = pairs.orders[1]![p]!;
  const combined = pairs.orders[2]![p]!;
  if (combined !== NO_VERDICT) return verdictOfCode(combined, invalidAs);
  if (ab !== NO_VERDICT && ba !== NO_VERDICT)
    return combineOrders(verdictOfCode(ab, invalidAs), verdictOfCode(ba, invalidAs));
  if (ab !== NO_VERDICT) return verdictOfCode(ab, invalidAs);
  return ba !== NO_VERDICT ? verdictOfCode(ba, invalidAs) : undefined;
}

function verdictOfCode(code: number, invalidAs: InvalidPolicy): PairVerdict {
  return mapInvalid(VERDICTS[code]!, invalidAs);
}

/** Every order's every verdict, once: the pairs of a run share them (read only), not an object per verdict each. */
const ORDERED_VERDICTS: readonly OrderedVerdict[] = ORDERS.flatMap((order) =>
  VERDICTS.map((verdict) => Object.freeze({ order, verdict })),
);

/**
 * A key per pair (prompt, judge, systems, criterion) of verdict i: one number made of the ids when they fit in a
 * double's 53 bits (a map of numbers is several times cheaper than one of strings at 700,000 verdicts), else a string.
 */
function pairKeys(columns: VerdictColumns): (i: number) => number | string {
  const criteria = new Map<string, number>([['', 0]]);
  let prompts = 1;
  let judges = 1;
  let systems = 1;
  for (let i = 0; i < columns.count; i++) {
    prompts = Math.max(prompts, columns.prompt[i]! + 1);
    judges = Math.max(judges, columns.judge[i]! + 1);
    systems = Math.max(systems, columns.systemA[i]! + 1, columns.systemB[i]! + 1);
    const criterion = columns.criterion[i];
    if (criterion && !criteria.has(criterion)) criteria.set(criterion, criteria.size);
  }
  const c = criteria.size;
  const { prompt, judge, systemA, systemB, criterion } = columns;
  if (prompts * judges * systems * systems * c < Number.MAX_SAFE_INTEGER)
    return (i) =>
      (((prompt[i]! * judges + judge[i]!) * systems + systemA[i]!) * systems + systemB[i]!) * c +
      criteria.get(criterion[i] ?? '')!;
  // Ids and then the criterion, which alone may hold a separator: no two pairs share a key.
  return (i) => `${prompt[i]}:${judge[i]}:${systemA[i]}:${systemB[i]}:${criterion[i] ?? ''}`;
}

/** An order's verdict after the user's choice for unparsable answers. */
export function mapInvalid(verdict: PairVerdict, invalidAs: InvalidPolicy): PairVerdict {
  return verdict === 'invalid' && invalidAs === 'tie' ? 'tie' : verdict;
}

/** The pair's one verdict: both orders combined, or the only order judged; undefined when nothing was judged. */
export function pairVerdict(pair: JudgedPair, invalidAs: InvalidPolicy): PairVerdict | undefined {
  if (invalidAs !== 'tie') return itemVerdict(pair.orders); // nothing to map: no copy per pair
  return itemVerdict(pair.orders.map((o) => ({ order: o.order, verdict: mapInvalid(o.verdict, invalidAs) })));
}

/** True when the pair was judged in both orders (or the source already combined them). */
export function judgedInBothOrders(pair: JudgedPair): boolean {
  let ab = false;
  let ba = false;
  for (const { order } of pair.orders) {
    if (order === 'combined') return true;
    if (order === 'AB') ab = true;
    else ba = true;
  }
  return ab && ba;
}

/** The discounted-tie score of `system` in a valid verdict: 1 it wins, 0.5 tie, 0 it loses. */
export function scoreFor(system: string, pair: JudgedPair, verdict: Exclude<PairVerdict, 'invalid'>): number {
  if (verdict === 'tie') return 0.5;
  const winner = verdict === 'A' ? pair.systemA : pair.systemB;
  return winner === system ? 1 : 0;
}
