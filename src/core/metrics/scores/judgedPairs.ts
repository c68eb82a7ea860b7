// A judge's verdicts on one pair of responses, gathered per presentation order, and the one verdict they make
// (protocols.md §1): A only if both orders pick A, B only if both pick B, otherwise a tie; an unparsable answer is
// invalid, and stays invalid unless the user maps it to a tie.
import type { PairVerdict } from '../../model/records';
import { itemVerdict, type InvalidPolicy, type OrderedVerdict } from '../../model/verdicts';
import type { JudgeVerdictRow } from '../../store/store';
import { judgeLabels } from '../judgeLabels';
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

/** An order's verdict after the user's choice for unparsable answers. */
export function mapInvalid(verdict: PairVerdict, invalidAs: InvalidPolicy): PairVerdict {
  return verdict === 'invalid' && invalidAs === 'tie' ? 'tie' : verdict;
}

/** The pair's one verdict: both orders combined, or the only order judged; undefined when nothing was judged. */
export function pairVerdict(pair: JudgedPair, invalidAs: InvalidPolicy): PairVerdict | undefined {
  return itemVerdict(pair.orders.map((o) => ({ order: o.order, verdict: mapInvalid(o.verdict, invalidAs) })));
}

/** True when the pair was judged in both orders (or the source already combined them). */
export function judgedInBothOrders(pair: JudgedPair): boolean {
  const orders = new Set(pair.orders.map((o) => o.order));
  return orders.has('combined') || (orders.has('AB') && orders.has('BA'));
}

/** The discounted-tie score of `system` in a valid verdict: 1 it wins, 0.5 tie, 0 it loses. */
export function scoreFor(system: string, pair: JudgedPair, verdict: Exclude<PairVerdict, 'invalid'>): number {
  if (verdict === 'tie') return 0.5;
  const winner = verdict === 'A' ? pair.systemA : pair.systemB;
  return winner === system ? 1 : 0;
}
