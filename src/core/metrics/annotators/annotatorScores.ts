// Each annotator's work as a lead checks it, per language: accuracy on the items with a known answer (gold or
// adjudicated), agreement with the other annotators (every pair of their vote with another's on the same item) and
// with the majority of the others (leave-one-out, so an annotator is not compared with a majority they are part
// of), each with a bootstrap interval over prompt groups from one draw; and time on item: the median focus time and
// the labels given unusually fast (under FAST_SHARE of the language's median).
import type { LabelTimeRow } from '../../store/studyQueries';
import { ClusterTally } from '../clusterTally';
import { ratio, type Estimate, type IntervalSettings } from '../estimate';
import { groupBy, groupKey, pick, type GroupField, type GroupValues } from '../grouping';
import { strictMajority } from '../stats';
import { quantileOfSorted } from '../stats/quantile';
import { pairItemKey, type PairwiseItem } from '../agreement/pairwiseItems';
import type { KnownAnswers } from './gold';

/** A label under this share of its language's median time on item is flagged as unusually fast. */
export const FAST_SHARE = 0.25;

/**
 * What the scores need of an item, pairwise or rated: its prompt (the bootstrap's cluster), what it is grouped by,
 * and each annotator's vote on it (a verdict, or a rating; votes agree when they are equal).
 */
export interface ScoredItem {
  readonly run: string;
  readonly group: string;
  readonly lang: string;
  readonly turn: number;
  readonly criterion?: string;
  readonly humans: readonly { readonly annotator: string; readonly verdict: string }[];
}

export interface AnnotatorScoreOptions<I extends ScoredItem = PairwiseItem> {
  readonly by: readonly GroupField[];
  /** The known answers, by the key `keyOf` gives an item (default: pairItemKey, for pairwise items). */
  readonly gold: KnownAnswers<string>;
  readonly keyOf?: (item: I) => string;
  readonly intervals?: IntervalSettings;
}

function scoredGroupValues(item: ScoredItem): GroupValues {
  return { run: item.run, lang: item.lang, turn: item.turn, criterion: item.criterion ?? '' };
}

export interface AnnotatorScoreRow {
  readonly group: GroupValues;
  readonly annotator: string;
  /** Items the annotator voted on (a pairwise verdict or a rating). */
  readonly items: number;
  /** Share of their votes on gold items equal to the known answer (tie = tie; a rating: the same level); n: those items. */
  readonly goldAccuracy: Estimate;
  /** Share of (their vote, another annotator's vote) pairs on the same item that agree; n: those pairs. */
  readonly withOthers: Estimate;
  /** Share of items where their vote equals the others' strict majority; n: items where the others have one. */
  readonly withMajority: Estimate;
  /** Labels of theirs (any kind) with a recorded time on item. */
  readonly timed: number;
  /** Median time on item of those labels, in milliseconds; null when none recorded one. */
  readonly medianTimeMs: number | null;
  /** Their timed labels under FAST_SHARE × the language's median (over every annotator's timed labels there). */
  readonly fast: number;
}

// Per prompt group: [gold correct, gold voted, agreeing pairs, pairs, majority agreed, majority items].
const DIMENSION = 6;
const FIGURES = [ratio(0, 1), ratio(2, 3), ratio(4, 5)];

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return quantileOfSorted(Float64Array.from(values).sort(), 0.5);
}

export function annotatorScores<I extends ScoredItem = PairwiseItem>(
  items: readonly I[],
  times: readonly LabelTimeRow[],
  options: AnnotatorScoreOptions<I>,
): AnnotatorScoreRow[] {
  const { by } = options;
  const keyOf = options.keyOf ?? ((item: I) => pairItemKey(item as unknown as PairwiseItem));
  const timesByGroup = new Map(groupBy(times, timeGroupValues, by).map((g) => [groupKey(g.values, by), g.items]));
  const rows: AnnotatorScoreRow[] = [];
  for (const group of groupBy(items, scoredGroupValues, by)) {
    const groupTimes = timesByGroup.get(groupKey(group.values, by)) ?? [];
    timesByGroup.delete(groupKey(group.values, by));
    const annotators = new Set([...group.items.flatMap((i) => i.humans.map((h) => h.annotator))]);
    for (const t of groupTimes) annotators.add(t.annotator);
    const languageMedian = median(groupTimes.map((t) => t.timeOnItemMs));
    for (const annotator of [...annotators].sort()) {
      rows.push(
        scoreRow(group.values, group.items, groupTimes, annotator, languageMedian, options.gold, keyOf, options),
      );
    }
  }
  // Groups with timed labels but no vote of the task (labels of the other task): their time figures alone.
  for (const groupTimes of timesByGroup.values()) {
    const values = timeGroupValues(groupTimes[0]!);
    const languageMedian = median(groupTimes.map((t) => t.timeOnItemMs));
    for (const annotator of [...new Set(groupTimes.map((t) => t.annotator))].sort())
      rows.push(scoreRow(pick(values, by), [], groupTimes, annotator, languageMedian, options.gold, keyOf, options));
  }
  return rows;
}

function timeGroupValues(t: LabelTimeRow): GroupValues {
  return { run: t.run, lang: t.lang, turn: t.turn, criterion: t.criterion };
}

function scoreRow<I extends ScoredItem>(
  group: GroupValues,
  items: readonly I[],
  times: readonly LabelTimeRow[],
  annotator: string,
  languageMedian: number | null,
  gold: KnownAnswers<string>,
  keyOf: (item: I) => string,
  options: { readonly intervals?: IntervalSettings },
): AnnotatorScoreRow {
  const tally = new ClusterTally(DIMENSION);
  let voted = 0;
  for (const item of items) {
    const own = item.humans.filter((h) => h.annotator === annotator);
    if (own.length === 0) continue;
    voted++;
    const vote = own[0]!.verdict;
    const others = item.humans.filter((h) => h.annotator !== annotator).map((h) => h.verdict);
    const sums = tally.of(item);
    const add = (index: number, agree: boolean) => {
      sums[index] = sums[index]! + (agree ? 1 : 0);
      sums[index + 1] = sums[index + 1]! + 1;
    };
    const known = gold.verdicts.get(keyOf(item));
    if (known !== undefined) add(0, vote === known);
    for (const other of others) add(2, vote === other);
    const majority = strictMajority(others);
    if (majority !== undefined) add(4, vote === majority);
  }
  const [goldAccuracy, withOthers, withMajority] = tally.estimates(FIGURES, options.intervals);
  const own = times.filter((t) => t.annotator === annotator).map((t) => t.timeOnItemMs);
  const threshold = languageMedian === null ? null : FAST_SHARE * languageMedian;
  return {
    group,
    annotator,
    items: voted,
    goldAccuracy: goldAccuracy!,
    withOthers: withOthers!,
    withMajority: withMajority!,
    timed: own.length,
    medianTimeMs: median(own),
    fast: threshold === null ? 0 : own.filter((ms) => ms < threshold).length,
  };
}
