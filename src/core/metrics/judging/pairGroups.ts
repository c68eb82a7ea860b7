// The breakdown of the pairwise judging tables (judge-accuracy, length-bias, lc-winrate, bradley-terry): a pair's
// run, language, turn and criterion as grouping values, so that a table follows the user's --by (language, and
// run, turn and criterion wherever the data has several, by default) and never pools criteria unless asked.
import type { GroupValues } from '../grouping';
import type { JudgedPairColumns } from '../scores/judgedPairs';
import { collect } from '../scores/slices';

export function pairGroupValues(pair: {
  readonly run: string;
  readonly lang: string;
  readonly turn: number;
  readonly criterion?: string;
}): GroupValues {
  return { run: pair.run, lang: pair.lang, turn: pair.turn, criterion: pair.criterion ?? '' };
}

/**
 * The grouping values of the pairs of several lists, each distinct combination once (in order of first appearance):
 * what choosing a table's grouping needs, without an object per pair (700,000 pairs at 4× Shaham et al.'s run).
 */
export function distinctPairGroupValues(
  lists: readonly (readonly Parameters<typeof pairGroupValues>[0][])[],
): GroupValues[] {
  const distinct = new DistinctPairGroups();
  for (const list of lists) for (const pair of list) distinct.add(pair.run, pair.lang, pair.turn, pair.criterion);
  return distinct.values;
}

/** distinctPairGroupValues of pairs held as columns. */
export function distinctPairColumnGroupValues(pairs: JudgedPairColumns): GroupValues[] {
  const distinct = new DistinctPairGroups();
  for (let p = 0; p < pairs.count; p++) {
    const { run, lang, turn } = pairs.prompts.get(pairs.prompt[p]!)!;
    distinct.add(run, lang, turn, pairs.criterion[p] ?? undefined);
  }
  return distinct.values;
}

/** Each distinct run, language, turn and criterion once, in order of first appearance. */
class DistinctPairGroups {
  readonly values: GroupValues[] = [];
  private readonly seen = new Map<string, Map<string, Map<number, Set<string>>>>();

  add(run: string, lang: string, turn: number, criterion = ''): void {
    const byLang = collect(this.seen, run, () => new Map());
    const byTurn = collect(byLang, lang, () => new Map());
    const criteria = collect(byTurn, turn, () => new Set<string>());
    if (criteria.has(criterion)) return;
    criteria.add(criterion);
    this.values.push(pairGroupValues({ run, lang, turn, criterion }));
  }
}

/** Items by rater name, "humans" first, then judges by name. */
export function byRater<T>(items: readonly T[], raterOf: (item: T) => string): [string, T[]][] {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const rater = raterOf(item);
    let list = out.get(rater);
    if (!list) out.set(rater, (list = []));
    list.push(item);
  }
  return [...out].sort(([a], [b]) => (a === 'humans' ? -1 : b === 'humans' ? 1 : a.localeCompare(b)));
}
