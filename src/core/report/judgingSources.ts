// The judging tables of issue 10 as named sources for `langlens scores` and `langlens export`.
import {
  bradleyTerryRatings,
  fieldsWithSlices,
  judgeCorrelation,
  lengthBias,
  lengthControlledRows,
  loadHumanScores,
  loadJudgeScores,
  perOrderAccuracy,
  raterPairKappa,
  reliability,
  distinctPairColumnGroupValues,
  distinctPairGroupValues,
  ResponseLengths,
  ResponseLengthsById,
  scoreUnitSets,
  type ScoreUnitSet,
} from '../metrics/judging';
import type { GroupField } from '../metrics/grouping';
import { loadJudgedPairs, parseBaseline } from '../metrics/scores';
import { judgedPairColumnsOf } from '../metrics/scores/judgedPairs';
import { GOLD_WORDS, goldRows } from '../metrics/annotators';
import { forEachResponseLengthById, forEachResponseLengthPage } from '../store/judgingQueries';
import { pairwiseVerdicts } from '../store/pairwiseVerdicts';
import { startBootstrapThreads } from '../metrics/stats/bootstrapPool';
import type { Store } from '../store/store';
import { namePattern } from '../util/pattern';
import {
  judgeCorrelationTable,
  lengthBiasTable,
  lengthControlledTable,
  pairKappaTable,
  perOrderTable,
  ratingsTableBt,
  reliabilityTable,
} from './judgingTables';
import { groupingOf, selectionOf } from './selection';
import { verdictPolicy, type TableOptions, type TableSource } from './tableSource';
import { CoreError, msg } from '../util/message';

/** The options' filter, --system patterns resolved to names, --criterion, --as-of and --round included. */
async function responseFilter(store: Store, o: TableOptions) {
  return (await selectionOf(store, o)).filter;
}

async function numericRatings(store: Store, o: TableOptions) {
  const filter = await responseFilter(store, o);
  const humans = await loadHumanScores(store, { ...filter, ...(o.annotators ? { annotators: o.annotators } : {}) });
  const judges = await loadJudgeScores(store, { ...filter, ...(o.judges ? { judges: o.judges } : {}) });
  return { humans, judges };
}

/** Judge verdicts (per pair, per order) and human votes, narrowed to the chosen systems, judges and annotators. */
async function pairwise(store: Store, o: TableOptions) {
  const { systems, ...filter } = await responseFilter(store, o);
  const keep = keepSystems(systems);
  const matches = o.annotators ? namePattern(o.annotators) : () => true;
  // Read at once: the verdicts on a connection of their own (pairwiseVerdicts), the votes beside them.
  const [judged, votes] = await Promise.all([
    loadJudgedPairs(store, { ...filter, ...judgesOf(o) }),
    store.humanPairwiseLabels(filter),
  ]);
  const pairs = judged.filter(keep);
  const humans = votes.filter((h) => keep(h) && matches(h.annotator));
  // --by, else language and whatever of run, turn and criterion varies: criteria are never pooled unless asked.
  const by = groupingOf(o, distinctPairGroupValues([pairs, humans]));
  return { pairs, humans, by };
}

/**
 * Every system's judge verdicts as columns, for a table of judges' rows only (lc-winrate: the caller narrows the
 * rows to --system): its grouping follows the verdicts, and no vote is read (60,663 at 4× Shaham et al., on the
 * connection the responses' lengths are read on).
 */
async function judgedPairColumns(store: Store, o: TableOptions) {
  const { systems: _systems, ...filter } = await responseFilter(store, o);
  const pairs = judgedPairColumnsOf(await pairwiseVerdicts(store, { ...filter, ...judgesOf(o) }));
  return { pairs, by: groupingOf(o, distinctPairColumnGroupValues(pairs)) };
}

const judgesOf = (o: TableOptions) => (o.judges ? { judges: o.judges } : {});

/** Whether both systems of a pair or vote are among `systems` (all when none are named). */
function keepSystems(systems: readonly string[] | undefined) {
  const wanted = systems ? new Set(systems) : undefined;
  return (p: { systemA: string; systemB: string }) => !wanted || (wanted.has(p.systemA) && wanted.has(p.systemB));
}

/** The selection's responses' lengths by the ids of their prompt and system. */
async function lengthsById(store: Store, o: TableOptions) {
  const lengths = new ResponseLengthsById();
  await forEachResponseLengthById(store, await responseFilter(store, o), (prompt, system, seed, length) =>
    lengths.add(prompt, system, seed, length),
  );
  return lengths;
}

async function lengths(store: Store, o: TableOptions) {
  const lengths = new ResponseLengths();
  await forEachResponseLengthPage(store, await responseFilter(store, o), (page) => lengths.add(page));
  return lengths;
}

/** The user's --by, gaining run, turn and criterion where the units span several: ratings are never pooled across them. */
function unitGrouping(o: TableOptions, sets: readonly ScoreUnitSet[]): GroupField[] {
  return fieldsWithSlices(
    sets.flatMap((set) => set.units.map((u) => u.values)),
    o.by,
  );
}

export const JUDGING_SOURCES: readonly TableSource[] = [
  {
    id: 'judge-correlation',
    description: 'judge scores against human ratings: Pearson, Spearman, Kendall τ-b / τ-c per response and per system',
    build: async (store, o) => {
      const { humans, judges } = await numericRatings(store, o);
      const { rows, fields } = judgeCorrelation(humans.scores, judges, {
        by: o.by,
        ...(o.intervals ? { intervals: o.intervals } : {}),
      });
      return judgeCorrelationTable(rows, fields, humans.leftOut, o.intervals);
    },
  },
  {
    id: 'reliability',
    description:
      "Gwet's AC1 / AC2 and ICC(2,1), ICC(3,1), ICC(2,k), ICC(3,k) of numeric ratings, humans and judges apart",
    build: async (store, o) => {
      const { humans, judges } = await numericRatings(store, o);
      const sets = scoreUnitSets(humans, judges);
      const by = unitGrouping(o, sets);
      return reliabilityTable(
        reliability(sets, { by, ...(o.intervals ? { intervals: o.intervals } : {}) }),
        sets,
        by,
        o.intervals,
      );
    },
  },
  {
    id: 'kappa-pairs',
    description:
      "Cohen's kappa (plain, linear, quadratic) between every two raters on numeric ratings, judges with humans when scales match",
    build: async (store, o) => {
      const { humans, judges } = await numericRatings(store, o);
      const sets = scoreUnitSets(humans, judges);
      const by = unitGrouping(o, sets);
      const table = raterPairKappa(sets, {
        by,
        minItems: o.minItems,
        ...(o.intervals ? { intervals: o.intervals } : {}),
      });
      return pairKappaTable(table, sets, by, o.minItems, o.intervals);
    },
  },
  {
    id: 'judge-accuracy',
    description:
      'pairwise judges against the human majority or --gold: accuracy per order, mean, both right, positional agreement',
    build: async (store, o) => {
      const { pairs, humans: raw, by } = await pairwise(store, o);
      // --gold adjudicated / gold / known: the known answers, as one reference rater of that name.
      const known = o.gold === undefined ? undefined : GOLD_WORDS[o.gold];
      const { systems: _systems, ...filter } = await responseFilter(store, o);
      const humans = known ? [...raw, ...(await goldRows(store, filter, known, o.gold!))] : raw;
      const gold = o.gold;
      if (gold !== undefined && !humans.some((h) => h.annotator === gold))
        throw new CoreError(msg('--gold {0}: no pairwise label by this annotator in the selection', o.gold));
      const rows = perOrderAccuracy(pairs, humans, {
        by,
        invalidAs: o.invalidAs,
        ...(gold !== undefined ? { gold } : {}),
        ...(o.intervals ? { intervals: o.intervals } : {}),
      });
      return perOrderTable(rows, by, o.invalidAs, o.gold, o.intervals);
    },
  },
  {
    id: 'length-bias',
    description:
      'how often each judge and the humans prefer the clearly longer response, per language (length per script)',
    build: async (store, o) => {
      const invalidAs = verdictPolicy(o, 'length-bias');
      const [{ pairs, humans, by }, measured] = await Promise.all([pairwise(store, o), lengths(store, o)]);
      return lengthBiasTable(
        lengthBias(pairs, humans, measured, {
          by,
          invalidAs,
          ...(o.intervals ? { intervals: o.intervals } : {}),
        }),
        by,
        invalidAs,
        o.intervals,
      );
    },
  },
  {
    id: 'lc-winrate',
    description:
      "alpaca_eval's length-controlled win rate of every system against a baseline, per judge and language (needs --baseline)",
    build: async (store, o) => {
      if (o.baseline === undefined)
        throw new CoreError(msg('lc-winrate needs a baseline: --baseline SYSTEM, or a pattern such as "mono-{lang}"'));
      const invalidAs = verdictPolicy(o, 'lc-winrate');
      const baseline = parseBaseline(o.baseline);
      if (o.intervals) startBootstrapThreads(); // their start overlaps the reads
      // The baseline's own responses are needed whatever --system names: the systems narrow the rows only.
      // --system patterns resolved to names, as every other table does.
      const chosen = o.systems ? (await selectionOf(store, o)).systems : undefined;
      const { systems: _systems, ...allSystems } = o;
      const [{ pairs, by }, measured] = await Promise.all([
        judgedPairColumns(store, allSystems),
        lengthsById(store, allSystems),
      ]);
      const rows = lengthControlledRows(pairs, measured, {
        by,
        baseline,
        invalidAs,
        ...(chosen ? { systems: [...chosen] } : {}),
        ...(o.intervals ? { intervals: o.intervals } : {}),
      });
      return lengthControlledTable(rows, by, baseline.spec, invalidAs, o.intervals);
    },
  },
  {
    id: 'bradley-terry',
    description:
      "Bradley–Terry (Chatbot Arena Elo) ratings of the systems from each judge's verdicts and from the human votes, per language",
    build: async (store, o) => {
      const invalidAs = verdictPolicy(o, 'bradley-terry');
      if (o.intervals) startBootstrapThreads(); // their start overlaps the reads
      const { pairs, humans, by } = await pairwise(store, o);
      return ratingsTableBt(
        bradleyTerryRatings(pairs, humans, { by, invalidAs, ...(o.intervals ? { intervals: o.intervals } : {}) }),
        by,
        invalidAs,
        o.intervals,
      );
    },
  },
];
