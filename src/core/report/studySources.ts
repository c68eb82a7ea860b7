// The lead's study tables (issue 13): each annotator per language (accuracy on known answers, agreement with the
// others and with their majority, time on item), for `langlens scores annotators` and `langlens export`.
import { loadPairwiseItems } from '../metrics/agreement';
import { itemGroupValues } from '../metrics/agreement/pairwiseItems';
import {
  annotatorScores,
  loadDisagreements,
  loadRatingDisagreements,
  type Disagreement,
  type RatingDisagreement,
  FAST_SHARE,
  GOLD_WORDS,
  loadGoldRatings,
  loadGoldVerdicts,
  ratedItems,
  type AnnotatorScoreRow,
  type GoldSource,
  type KnownAnswers,
} from '../metrics/annotators';
import { humanRatings } from '../store/scoreQueries';
import type { IntervalSettings } from '../metrics/estimate';
import type { GroupField } from '../metrics/grouping';
import { labelTimes } from '../store/studyQueries';
import { namePattern } from '../util/pattern';
import { groupCells, groupColumns, intervalNote } from './agreementTables';
import { groupingOf, pairChosen, selectionOf } from './selection';
import type { Table } from './table';
import type { TableOptions, TableSource } from './tableSource';
import { CoreError, msg } from '../util/message';

/** --gold for the study tables: adjudicated, gold or known (both; the default); an annotator's name is refused. */
export function goldSourceOf(o: TableOptions): GoldSource {
  if (o.gold === undefined) return 'both';
  const source = GOLD_WORDS[o.gold];
  if (source === undefined)
    throw new CoreError(
      msg('--gold {0}: annotator-scores takes adjudicated, gold or known (both, the default)', o.gold),
    );
  return source;
}

const GOLD_NAMES: Record<GoldSource, string> = {
  both: 'adjudicated labels, else imported gold labels',
  adjudicated: 'adjudicated labels',
  gold: 'imported gold labels',
};

export function annotatorScoresTable(
  rows: readonly AnnotatorScoreRow[],
  by: readonly GroupField[],
  gold: KnownAnswers<string>,
  source: GoldSource,
  intervals: IntervalSettings | undefined,
  task: 'rating' | 'pairwise' = 'pairwise',
): Table {
  const votes = task === 'rating' ? 'ratings' : 'pairwise votes';
  const same = task === 'rating' ? 'the same rating' : 'tie = tie';
  return {
    id: 'annotator-scores',
    title: 'Annotators: accuracy on known answers, agreement with the others, time on item',
    columns: [
      ...groupColumns(by),
      { key: 'annotator', label: 'Annotator', kind: 'text' },
      { key: 'items', label: 'Items', kind: 'count' },
      { key: 'goldAccuracy', label: 'Gold accuracy %', kind: 'percent' },
      { key: 'nGold', label: 'n', kind: 'count' },
      { key: 'withOthers', label: 'Agree w/ others %', kind: 'percent' },
      { key: 'nOthers', label: 'n', kind: 'count' },
      { key: 'withMajority', label: 'Agree w/ majority %', kind: 'percent' },
      { key: 'nMajority', label: 'n', kind: 'count' },
      { key: 'medianSeconds', label: 'Median time (s)', kind: 'score', digits: 1 },
      { key: 'fast', label: 'Fast labels', kind: 'count' },
      { key: 'timed', label: 'Timed', kind: 'count' },
    ],
    rows: rows.map((r) => ({
      ...groupCells(r.group, by),
      annotator: r.annotator,
      items: r.items,
      goldAccuracy: r.goldAccuracy,
      nGold: r.goldAccuracy.n,
      withOthers: r.withOthers,
      nOthers: r.withOthers.n,
      withMajority: r.withMajority,
      nMajority: r.withMajority.n,
      medianSeconds: r.medianTimeMs === null ? null : r.medianTimeMs / 1000,
      fast: r.fast,
      timed: r.timed,
    })),
    notes: [
      `Task: ${task === 'rating' ? 'rating (each rated response and criterion is an item; votes agree when they are the same level)' : 'pairwise'}.`,
      `Gold accuracy: share of the annotator's ${votes} on items with a known answer (${GOLD_NAMES[source]}) that equal it, ${same}.` +
        (gold.conflicting ? ` ${gold.conflicting} item(s) whose known answers disagree have none.` : ''),
      `Agree w/ others: share of (the annotator's vote, another annotator's vote) pairs on the same item that agree (${same}). ` +
        "Agree w/ majority: share of items where the annotator's vote is the strict majority of the other annotators' votes (items without one left out).",
      `Time on item: focus time of the annotator's current labels of any kind; a label is fast under ${FAST_SHARE * 100}% of the median time of every annotator's labels in the same language. Timed: labels that recorded a time.`,
      'Only raw labels are scored: adjudicated and gold labels are the reference, never an annotator.',
      intervalNote(intervals),
    ],
  };
}

/** The columns of a review list after the item's own: why, the votes, comments, judges, reasoning, adjudication. */
function reviewColumns(votes: string): Table['columns'] {
  return [
    { key: 'reasons', label: 'Disagreement', kind: 'text' },
    { key: 'votes', label: votes, kind: 'text' },
    { key: 'comments', label: 'Comments', kind: 'text' },
    { key: 'judges', label: 'Judges', kind: 'text' },
    { key: 'reasoning', label: "Judge's reasoning", kind: 'text' },
    { key: 'adjudicated', label: 'Adjudicated', kind: 'text' },
  ];
}

interface Reviewed<V, J> {
  readonly reasons: readonly string[];
  readonly votes: readonly (V & { readonly annotator: string; readonly comment: string | null })[];
  readonly judges: readonly (J & { readonly judge: string; readonly reasoning: readonly string[] })[];
  readonly adjudicated: string | null;
}

/** The cells of reviewColumns, each vote and judge said in its own words (a verdict, a rating). */
function reviewCells<V, J>(r: Reviewed<V, J>, vote: (v: V) => string, judge: (j: J) => string) {
  return {
    reasons: r.reasons.join(', '),
    votes: r.votes.map((v) => `${v.annotator}: ${vote(v)}`).join('; '),
    comments: r.votes.flatMap((v) => (v.comment ? [`${v.annotator}: ${v.comment}`] : [])).join('; '),
    judges: r.judges.map((j) => `${j.judge}: ${judge(j)}`).join('; '),
    reasoning: r.judges.flatMap((j) => j.reasoning.map((t) => `${j.judge}: ${t}`)).join(' | '),
    adjudicated: r.adjudicated ?? '',
  };
}

const settledNote = (rows: readonly { adjudicated: string | null }[], what: string) =>
  `${rows.filter((r) => r.adjudicated !== null).length} of ${rows.length} item(s) adjudicated. An adjudicated ${what} is a ${what} of an annotator with the role adjudicator (annotator_role in docs/formats.md), kept apart from the raw ${what}s.`;

/** The adjudication list as a table: every vote and comment, the judges' verdicts and reasoning, the adjudication. */
export function disagreementsTable(rows: readonly Disagreement[]): Table {
  return {
    id: 'disagreements',
    title: 'Items to adjudicate: annotators who disagree, or a judge against an annotator',
    columns: [
      { key: 'lang', label: 'Language', kind: 'text' },
      { key: 'group', label: 'Prompt', kind: 'text' },
      { key: 'systems', label: 'Systems (A vs B)', kind: 'text' },
      ...reviewColumns('Votes'),
    ],
    rows: rows.map((r) => ({
      lang: r.lang,
      group: r.group,
      systems: `${r.systemA} vs ${r.systemB}`,
      ...reviewCells(
        r,
        (v) => v.verdict,
        (j) => j.verdict,
      ),
    })),
    notes: [
      "Verdicts relative to (A, B) as named in the Systems column. Disagreement: annotators (two votes differ) and/or judge (a judge's combined verdict differs from some vote).",
      settledNote(rows, 'label'),
    ],
  };
}

/** The rating items to adjudicate as a table (--task rating): every rating and comment, the judges' scores. */
export function ratingDisagreementsTable(rows: readonly RatingDisagreement[]): Table {
  return {
    id: 'disagreements',
    title: 'Ratings to adjudicate: annotators who disagree, or a judge against an annotator',
    columns: [
      { key: 'lang', label: 'Language', kind: 'text' },
      { key: 'group', label: 'Prompt', kind: 'text' },
      { key: 'system', label: 'System', kind: 'text' },
      { key: 'seed', label: 'Seed', kind: 'count' },
      { key: 'criterion', label: 'Criterion', kind: 'text' },
      { key: 'scale', label: 'Scale', kind: 'text' },
      ...reviewColumns('Ratings'),
    ],
    rows: rows.map((r) => ({
      lang: r.lang,
      group: r.group,
      system: r.system,
      seed: r.seed,
      criterion: r.criterion,
      scale: r.scale.name,
      ...reviewCells(
        r,
        (v) => v.label,
        (j) => j.label,
      ),
    })),
    notes: [
      "Disagreement: annotators (two current ratings of the response on the criterion differ) and/or judge (a judge's score on the same scale, name and bounds, differs from some rating; judges score on numeric scales, so ordinal scales such as lima-3 have annotators only).",
      settledNote(rows, 'rating'),
    ],
  };
}

/** annotator-scores --task rating: the same figures over rated responses, against the known ratings. */
async function ratingAnnotatorScores(
  store: Parameters<TableSource['build']>[0],
  o: TableOptions,
  filter: Awaited<ReturnType<typeof selectionOf>>['filter'],
  source: GoldSource,
): Promise<Table> {
  const chosen = o.annotators ? namePattern(o.annotators) : () => true;
  const { systems: _systems, ...timeFilter } = filter;
  const [votes, gold, timed] = await Promise.all([
    humanRatings(store, filter),
    loadGoldRatings(store, filter, source),
    labelTimes(store, timeFilter),
  ]);
  const items = ratedItems(votes.filter((v) => chosen(v.annotator)));
  const times = timed.filter((t) => chosen(t.annotator));
  const by = groupingOf(o, [
    ...items.map((i) => ({ run: i.run, lang: i.lang, turn: i.turn, criterion: i.criterion ?? '' })),
    ...times,
  ]);
  const rows = annotatorScores(items, times, {
    by,
    gold,
    keyOf: (item) => item.key,
    ...(o.intervals ? { intervals: o.intervals } : {}),
  });
  return annotatorScoresTable(rows, by, gold, source, o.intervals, 'rating');
}

export const STUDY_SOURCES: readonly TableSource[] = [
  {
    id: 'annotator-scores',
    description:
      'each annotator per language: accuracy on gold / adjudicated items, agreement with the others and the majority, median time on item, fast labels',
    build: async (store, o) => {
      const source = goldSourceOf(o);
      const selection = await selectionOf(store, o);
      if (o.task === 'rating') return ratingAnnotatorScores(store, o, selection.filter, source);
      const { systems: _systems, ...filter } = selection.filter;
      const [all, gold, timed] = await Promise.all([
        loadPairwiseItems(store, { ...filter, ...(o.annotators ? { annotatorPattern: o.annotators } : {}) }),
        loadGoldVerdicts(store, filter, source),
        labelTimes(store, filter),
      ]);
      const items = all.filter((i) => pairChosen(selection, i));
      const chosen = o.annotators ? namePattern(o.annotators) : () => true;
      const times = timed.filter((t) => chosen(t.annotator));
      const by = groupingOf(o, [...items.map(itemGroupValues), ...times]);
      const rows = annotatorScores(items, times, { by, gold, ...(o.intervals ? { intervals: o.intervals } : {}) });
      return annotatorScoresTable(rows, by, gold, source, o.intervals);
    },
  },
  {
    id: 'disagreements',
    description:
      "items to adjudicate: annotators who disagree or a judge against an annotator, with votes, comments, the judges' reasoning and the adjudicated label (--task rating: rated responses)",
    build: async (store, o) => {
      const selection = await selectionOf(store, o);
      const { systems: _systems, ...filter } = selection.filter;
      const chosen = {
        ...filter,
        ...(o.judges ? { judges: o.judges } : {}),
        ...(o.annotators ? { annotatorPattern: o.annotators } : {}),
        ...(selection.systems ? { systems: selection.systems } : {}),
      };
      return o.task === 'rating'
        ? ratingDisagreementsTable(await loadRatingDisagreements(store, chosen))
        : disagreementsTable(await loadDisagreements(store, chosen));
    },
  },
];
