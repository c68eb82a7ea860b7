// Pairwise items: one prompt (in one language and turn) and an unordered pair of systems, with every judge's
// verdict and every annotator's current vote on it. The store keeps pairs in one canonical order, so the same
// pair from different files (model_a/model_b swapped) is the same item.
import type { PairKey, PairVerdict, PresentationOrder } from '../../model/records';
import { flipVerdict, itemVerdict } from '../../model/verdicts';
import type { HumanPairwiseRow, JudgeVerdictRow } from '../../store/store';
import type { GroupValues } from '../grouping';
import { judgeLabels } from '../judgeLabels';

export type HumanVerdict = Exclude<PairVerdict, 'invalid'>;

export interface PairwiseItem extends PairKey {
  /** The criterion the verdicts and votes are about ('' or absent: none); another criterion is another item. */
  readonly criterion?: string;
  /** Each judge's one verdict on the item: both orders combined, or the single order it has. */
  readonly judges: ReadonlyMap<string, PairVerdict>;
  readonly humans: readonly { readonly annotator: string; readonly verdict: HumanVerdict }[];
  /**
   * Which system the item's first rater with a known order saw first: "A" and "B" of per-class figures and of
   * kappa mean "the response shown first / second" (PandaLM's response1 / response2), as in the source.
   */
  readonly reference: 'AB' | 'BA';
}

/** A verdict expressed relative to the item's reference order (first-shown system = A). */
export function inReferenceOrder<V extends PairVerdict>(item: PairwiseItem, verdict: V): V {
  return (item.reference === 'BA' ? flipVerdict(verdict) : verdict) as V;
}

export function itemGroupValues(item: PairwiseItem): GroupValues {
  return { run: item.run, lang: item.lang, turn: item.turn, criterion: item.criterion ?? '' };
}

/** An item's identity: prompt (run, group, language, turn), the system pair and the criterion. */
export function pairItemKey(row: PairKey & { criterion?: string }): string {
  // A template, not an array joined: it is built for every verdict of a run.
  return `${row.run}\u0000${row.group}\u0000${row.lang}\u0000${row.turn}\u0000${row.systemA}\u0000${row.systemB}\u0000${row.criterion ?? ''}`;
}

/** judgeLabel names the judges; by default from the rows' own judges (a loader of part of the rows passes all's). */
export function buildPairwiseItems(
  judgeVerdicts: Iterable<JudgeVerdictRow>,
  humanRows: readonly HumanPairwiseRow[],
  naming?: (row: JudgeVerdictRow) => string,
): PairwiseItem[] {
  // Given the judges' names, the verdicts are read once as they come (a generator holds none of them at once).
  const judgeRows = naming ? judgeVerdicts : [...judgeVerdicts];
  const judgeLabel = naming ?? judgeLabels(judgeRows as JudgeVerdictRow[]);
  interface Draft {
    base: Omit<PairwiseItem, 'judges' | 'humans' | 'reference'>;
    orders: Map<string, { order: PresentationOrder; verdict: PairVerdict }[]>;
    humans: { annotator: string; verdict: HumanVerdict }[];
    reference?: 'AB' | 'BA';
  }
  const drafts = new Map<string, Draft>();
  const draftOf = (row: JudgeVerdictRow | HumanPairwiseRow): Draft => {
    const key = pairItemKey(row);
    let draft = drafts.get(key);
    if (!draft) {
      const { run, group, lang, turn, systemA, systemB } = row;
      const criterion = row.criterion ? { criterion: row.criterion } : {};
      drafts.set(
        key,
        (draft = { base: { run, group, lang, turn, systemA, systemB, ...criterion }, orders: new Map(), humans: [] }),
      );
    }
    return draft;
  };
  // Human labels first: their order is what a person saw, so it defines the item's reference order.
  for (const row of humanRows) {
    const draft = draftOf(row);
    draft.humans.push({ annotator: row.annotator, verdict: row.verdict });
    if (!draft.reference && (row.order === 'AB' || row.order === 'BA')) draft.reference = row.order;
  }
  for (const row of judgeRows) {
    const draft = draftOf(row);
    if (!draft.reference && (row.order === 'AB' || row.order === 'BA')) draft.reference = row.order;
    const orders = draft.orders;
    const label = judgeLabel(row);
    (orders.get(label) ?? orders.set(label, []).get(label)!).push({ order: row.order, verdict: row.verdict });
  }

  return [...drafts.values()].map(({ base, orders, humans, reference }) => {
    const judges = new Map<string, PairVerdict>();
    for (const [judge, verdicts] of orders) {
      const verdict = itemVerdict(verdicts);
      if (verdict !== undefined) judges.set(judge, verdict);
    }
    return { ...base, judges, humans, reference: reference ?? 'AB' };
  });
}
