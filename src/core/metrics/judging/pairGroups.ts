// The breakdown of the pairwise judging tables (judge-accuracy, length-bias, lc-winrate, bradley-terry): a pair's
// run, language, turn and criterion as grouping values, so that a table follows the user's --by (language, and
// run, turn and criterion wherever the data has several, by default) and never pools criteria unless asked.
import { groupBy, type GroupField, type GroupValues } from '../grouping';
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
  const kinds = new PairKinds();
  for (const list of lists) for (const pair of list) kinds.of(pair.run, pair.lang, pair.turn, pair.criterion);
  return kinds.all.map((kind) => kind.values);
}

/** distinctPairGroupValues of pairs held as columns. */
export function distinctPairColumnGroupValues(pairs: JudgedPairColumns): GroupValues[] {
  const kinds = new PairKinds();
  for (let p = 0; p < pairs.count; p++) {
    const { run, lang, turn } = pairs.prompts.get(pairs.prompt[p]!)!;
    kinds.of(run, lang, turn, pairs.criterion[p] ?? undefined);
  }
  return kinds.all.map((kind) => kind.values);
}

/** The pairs of one run, language, turn and criterion: one object for them all, their grouping values. */
export interface PairKind {
  readonly values: GroupValues;
}

/**
 * Each distinct run, language, turn and criterion as one PairKind, in order of first appearance: a table groups its
 * kinds (a few dozen) by --by instead of its pairs (hundreds of thousands, each a new object of grouping values).
 */
export class PairKinds {
  readonly all: PairKind[] = [];
  private readonly seen = new Map<string, Map<string, Map<number, Map<string, PairKind>>>>();

  of(run: string, lang: string, turn: number, criterion = ''): PairKind {
    const byLang = collect(this.seen, run, () => new Map());
    const byTurn = collect(byLang, lang, () => new Map());
    const byCriterion = collect(byTurn, turn, () => new Map());
    let kind = byCriterion.get(criterion);
    if (!kind) {
      byCriterion.set(criterion, (kind = { values: pairGroupValues({ run, lang, turn, criterion }) }));
      this.all.push(kind);
    }
    return kind;
  }
}

/**
 * Items grouped by --by through their kinds: the groups in groupBy's order, each group's items in their order, as
 * groupBy of the items by their grouping values gives them.
 */
export function groupByKind<T>(
  items: readonly T[],
  kindOf: (item: T) => PairKind,
  kinds: readonly PairKind[],
  by: readonly GroupField[],
): { values: GroupValues; items: T[] }[] {
  const groups = groupBy(kinds, (kind) => kind.values, by);
  const groupOf = new Map<PairKind, number>();
  groups.forEach((group, g) => group.items.forEach((kind) => groupOf.set(kind, g)));
  const out = groups.map((group) => ({ values: group.values, items: [] as T[] }));
  for (const item of items) out[groupOf.get(kindOf(item))!]!.items.push(item);
  return out;
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
