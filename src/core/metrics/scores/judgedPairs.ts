// A judge's verdicts on one pair of responses, gathered per presentation order, and the one verdict they make
// (protocols.md §1): A only if both orders pick A, B only if both pick B, otherwise a tie; an unparsable answer is
// invalid, and stays invalid unless the user maps it to a tie.
import type { PairVerdict } from '../../model/records';
import { itemVerdict, type InvalidPolicy, type OrderedVerdict } from '../../model/verdicts';
import {
  ORDERS,
  pairwiseVerdicts,
  VERDICTS,
  type PairwiseVerdicts,
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
  const keyOf = pairKeys(verdicts.rows);
  const pairs = new Map<number | string, OrderedVerdict[]>();
  const out: JudgedPair[] = [];
  for (const r of verdicts.rows) {
    const key = keyOf(r);
    let orders = pairs.get(key);
    if (!orders) {
      pairs.set(key, (orders = []));
      const { run, group, lang, turn } = verdicts.prompts.get(r.p)!;
      const systemA = verdicts.systems.get(r.a)!;
      const systemB = verdicts.systems.get(r.b)!;
      const judge = judgeName(r.j);
      out.push({ run, group, lang, turn, systemA, systemB, judge, ...(r.c ? { criterion: r.c } : {}), orders });
    }
    orders.push({ order: ORDERS[r.o]!, verdict: VERDICTS[r.v]! });
  }
  return out;
}

/**
 * A key per pair (prompt, judge, systems, criterion): one number made of the ids when they fit in a double's 53 bits
 * (a map of numbers is several times cheaper than one of strings at 700,000 verdicts), else a string.
 */
function pairKeys(rows: PairwiseVerdicts['rows']): (row: PairwiseVerdicts['rows'][number]) => number | string {
  const criteria = new Map<string, number>([['', 0]]);
  let prompts = 1;
  let judges = 1;
  let systems = 1;
  for (const r of rows) {
    prompts = Math.max(prompts, r.p + 1);
    judges = Math.max(judges, r.j + 1);
    systems = Math.max(systems, r.a + 1, r.b + 1);
    if (r.c && !criteria.has(r.c)) criteria.set(r.c, criteria.size);
  }
  const c = criteria.size;
  if (prompts * judges * systems * systems * c < Number.MAX_SAFE_INTEGER)
    return (r) => (((r.p * judges + r.j) * systems + r.a) * systems + r.b) * c + criteria.get(r.c ?? '')!;
  // Ids and then the criterion, which alone may hold a separator: no two pairs share a key.
  return (r) => `${r.p}:${r.j}:${r.a}:${r.b}:${r.c ?? ''}`;
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
