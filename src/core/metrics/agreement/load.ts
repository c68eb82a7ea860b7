import { ORDERS, pairwiseVerdicts, VERDICTS, type PairwiseVerdicts } from '../../store/pairwiseVerdicts';
import type { DataFilter, HumanPairwiseRow, JudgeVerdictRow, LabelsAsOf, Store } from '../../store/store';
import { namePattern } from '../../util/pattern';
import { loadedJudgeLabels } from '../judgeLabels';
import { buildPairwiseItems, type PairwiseItem } from './pairwiseItems';

export interface PairwiseSelection extends DataFilter, LabelsAsOf {
  /** Judges by name; all when absent. */
  readonly judges?: readonly string[];
  /** Annotators by pattern ("expert_*", "!author_*"); all when absent. */
  readonly annotatorPattern?: string;
}

export interface LoadScope {
  /**
   * 'humans': only the items with a human vote (of the chosen annotators), all that the tables of judges against
   * humans and of humans among themselves use. 'two-raters': only the items with two raters or more (humans or
   * judges), all that kappa between raters uses. Either way the same items, in the same order, as the whole load
   * so filtered.
   */
  readonly only?: 'humans' | 'two-raters';
  /** The selection's human votes when already loaded (humanVotes): the loads of both scopes share one read. */
  readonly humanVotes?: Promise<readonly HumanPairwiseRow[]>;
}

/** Every current human pairwise vote of the selection, of any annotator (loadPairwiseItems applies the pattern). */
export function humanVotes(store: Store, selection: PairwiseSelection): Promise<readonly HumanPairwiseRow[]> {
  const { annotatorPattern: _pattern, judges: _judges, ...filter } = selection;
  return store.humanPairwiseLabels(filter);
}

/** The pairwise items of a slice of the database, with the chosen judges' verdicts and annotators' votes. */
export async function loadPairwiseItems(
  store: Store,
  selection: PairwiseSelection,
  scope: LoadScope = {},
): Promise<PairwiseItem[]> {
  const items = await builtItems(store, selection, scope.only, scope.humanVotes);
  if (scope.only === 'humans') return items.filter(withHumans);
  if (scope.only === 'two-raters') return items.filter(withTwoRaters);
  return items;
}

/**
 * Both scopes' items from one read, for a call whose tables need both (`langlens agreement`): the verdicts on
 * items with two raters or more include every verdict on an item with a human vote, so the items with human votes
 * are those of that read, the same items in the same order as their own read gives (the votes come first).
 */
export async function loadPairwiseItemsOfBothScopes(
  store: Store,
  selection: PairwiseSelection,
  votes?: Promise<readonly HumanPairwiseRow[]>,
): Promise<{ humans: PairwiseItem[]; twoRaters: PairwiseItem[] }> {
  const items = await builtItems(store, selection, 'two-raters', votes);
  return { humans: items.filter(withHumans), twoRaters: items.filter(withTwoRaters) };
}

const withHumans = (item: PairwiseItem) => item.humans.length > 0;
const withTwoRaters = (item: PairwiseItem) => item.humans.length + item.judges.size > 1;

async function builtItems(
  store: Store,
  selection: PairwiseSelection,
  only: LoadScope['only'],
  votes: Promise<readonly HumanPairwiseRow[]> | undefined,
): Promise<PairwiseItem[]> {
  const { annotatorPattern, ...filter } = selection;
  const matches = annotatorPattern ? namePattern(annotatorPattern) : () => true;
  const [verdicts, humans] = await Promise.all([
    pairwiseVerdicts(store, { ...filter, ...(only ? { only: only === 'humans' ? 'labelled' : 'rated-twice' } : {}) }),
    votes ?? humanVotes(store, selection),
  ]);
  const naming = loadedJudgeLabels(verdicts);
  return buildPairwiseItems(
    verdictRows(verdicts),
    humans.filter((r) => matches(r.annotator)),
    naming,
  );
}

/** The lean load's verdicts as rows, made one at a time as they are read: 703,686 at 4× are never held as rows. */
function* verdictRows(verdicts: PairwiseVerdicts): Generator<JudgeVerdictRow> {
  const { columns } = verdicts;
  for (let i = 0; i < columns.count; i++) {
    const prompt = verdicts.prompts.get(columns.prompt[i]!)!;
    const judge = verdicts.judges.get(columns.judge[i]!)!;
    yield {
      run: prompt.run,
      group: prompt.group,
      lang: prompt.lang,
      turn: prompt.turn,
      systemA: verdicts.systems.get(columns.systemA[i]!)!,
      systemB: verdicts.systems.get(columns.systemB[i]!)!,
      judge: judge.name,
      judgeHash: judge.hash,
      order: ORDERS[columns.order[i]!]!,
      verdict: VERDICTS[columns.verdict[i]!]!,
      raw: null,
      criterion: columns.criterion[i] ?? '',
    };
  }
}
