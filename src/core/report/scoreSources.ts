// The score and chance-corrected agreement tables as named sources for `langlens scores` and `langlens export`.
import { effectiveLanguages } from '../languages/effectiveLanguage';
import { loadPairwiseItems } from '../metrics/agreement';
import {
  chanceCorrectedAgreement,
  integerScale,
  pairwiseUnits,
  scaleUnitSets,
  scoreUnits,
  type UnitSet,
} from '../metrics/chanceCorrected';
import { loadHumanRatings } from '../metrics/ratings/humanRatings';
import {
  ioAgreement,
  judgeConsistency,
  loadJudgedPairs,
  languageIdSums,
  languageMismatches,
  likertMeans,
  mtBenchScores,
  parseBaseline,
  ratingDistributionOf,
  sideBySideScores,
} from '../metrics/scores';
import { pointwiseScores } from '../store/scoreQueries';
import { startBootstrapThreads } from '../metrics/stats/bootstrapPool';
import type { Store } from '../store/store';
import { groupingOf, pairChosen, selectionOf } from './selection';
import {
  chanceCorrectedTable,
  instructionFollowingMatrix,
  scaleChanceTable,
  ioAgreementTable,
  judgeConsistencyTable,
  languageIdTable,
  languageMismatchTable,
  likertTable,
  mtBenchScoreTable,
  ratingsTable,
  sideBySideTable,
} from './scoreTables';
import { JUDGING_SOURCES } from './judgingSources';
import { verdictPolicy, type TableOptions, type TableSource } from './tableSource';
import { CoreError, msg } from '../util/message';

/** Judged pairs; with `chosenOnly`, only pairs of two chosen systems (side-by-side keeps the baseline's pairs). */
async function pairs(store: Store, o: TableOptions, chosenOnly = false) {
  const selection = await selectionOf(store, o);
  const { systems: _systems, ...filter } = selection.filter;
  const judged = await loadJudgedPairs(store, { ...filter, ...(o.judges ? { judges: o.judges } : {}) });
  return chosenOnly ? judged.filter((p) => pairChosen(selection, p)) : judged;
}

/** Unparsable single-order verdicts that --invalid-as tie counted as ties (0 otherwise), for the tables' notes. */
function invalidCountedAsTies(judged: readonly { orders: readonly { verdict: string }[] }[], o: TableOptions): number {
  return o.invalidAs === 'tie'
    ? judged.reduce((n, p) => n + p.orders.filter((v) => v.verdict === 'invalid').length, 0)
    : 0;
}

function baselineOf(o: TableOptions) {
  if (o.baseline === undefined)
    throw new CoreError(
      msg('side-by-side scores need a baseline: --baseline SYSTEM, or a pattern such as "mono-{lang}"'),
    );
  return parseBaseline(o.baseline);
}

async function sideBySide(store: Store, o: TableOptions) {
  const baseline = baselineOf(o);
  // Its rows' draw counts are counted on every core (countDrawsAhead): the threads start while the verdicts load.
  if (o.intervals) startBootstrapThreads();
  const selection = await selectionOf(store, o);
  const result = sideBySideScores(await pairs(store, o), {
    baseline,
    invalidAs: verdictPolicy(o, 'sxs and if-matrix'),
    ...(selection.systems ? { systems: [...selection.systems] } : {}),
    ...(o.intervals ? { intervals: o.intervals } : {}),
  });
  return { result, baseline };
}

async function scores(store: Store, o: TableOptions, scale?: string) {
  const { filter } = await selectionOf(store, o);
  return pointwiseScores(store, {
    ...filter,
    ...(scale !== undefined ? { scale } : {}),
    ...(o.judges ? { judges: o.judges } : {}),
  });
}

async function ratings(store: Store, o: TableOptions) {
  const { filter } = await selectionOf(store, o);
  return loadHumanRatings(store, { ...filter, ...(o.annotators ? { annotators: o.annotators } : {}) });
}

async function pairwiseUnitSet(store: Store, o: TableOptions): Promise<UnitSet> {
  const selection = await selectionOf(store, o);
  const { systems: _systems, ...filter } = selection.filter;
  const items = await loadPairwiseItems(store, {
    ...filter,
    ...(o.judges ? { judges: o.judges } : {}),
    ...(o.annotators ? { annotatorPattern: o.annotators } : {}),
  });
  return pairwiseUnits(
    items.filter((i) => pairChosen(selection, i)),
    verdictPolicy(o, 'chance-pairwise'),
  );
}

function chanceTableOf(set: UnitSet, o: TableOptions) {
  const by = groupingOf(
    o,
    set.units.map((u) => u.values),
  );
  const table = chanceCorrectedAgreement(set.units, set.scale, {
    by,
    minItems: o.minItems,
    ...(o.intervals ? { intervals: o.intervals } : {}),
  });
  return { table, by };
}

function chanceSource(
  id: string,
  description: string,
  units: (store: Store, o: TableOptions) => Promise<UnitSet>,
): TableSource {
  return {
    id,
    description,
    build: async (store, o) => {
      const set = await units(store, o);
      const { table, by } = chanceTableOf(set, o);
      return chanceCorrectedTable(id, table, set, by, o.minItems, o.intervals);
    },
  };
}

/** Chance-corrected agreement on every scale the data has, humans and judges together where their scales match. */
function scalesSource(id: string, description: string, from: 'ratings' | 'scores'): TableSource {
  return {
    id,
    description,
    build: async (store, o) => {
      const humans = await ratings(store, o);
      const judges = await scores(store, o);
      const sets = scaleUnitSets(humans, judges, from);
      const by = groupingOf(
        o,
        sets.flatMap((set) => set.units.map((u) => u.values)),
      );
      const tables = sets.map((set) => ({
        set,
        table: chanceCorrectedAgreement(set.units, set.scale, {
          by,
          minItems: o.minItems,
          ...(o.intervals ? { intervals: o.intervals } : {}),
        }),
      }));
      // Labels on a scale of the other kind only (judge scores no human shares a scale with, or the reverse).
      const shown = new Set(sets.map((set) => set.scaleName));
      const unmatched =
        from === 'ratings'
          ? judges.filter((j) => !shown.has(j.scale)).length
          : humans.ratings.filter((r) => !shown.has(r.scale.name)).length;
      return scaleChanceTable(id, from, tables, by, o.minItems, o.intervals, unmatched);
    },
  };
}

const LIKERT = integerScale('likert-6', 1, 6);
const RATING_3 = integerScale('rating-3', 1, 3);

export const SCORE_SOURCES: readonly TableSource[] = [
  {
    id: 'sxs',
    description:
      'side-by-side discounted-tie score of every system against a baseline, per judge and language (needs --baseline)',
    build: async (store, o) => {
      const { result, baseline } = await sideBySide(store, o);
      return sideBySideTable(result, baseline.spec, o.intervals);
    },
  },
  {
    id: 'if-matrix',
    description:
      'Shaham et al.\'s instruction-following matrix: systems × languages against a per-language baseline (--baseline "mono-{lang}")',
    build: async (store, o) => {
      const { result, baseline } = await sideBySide(store, o);
      return instructionFollowingMatrix(result, baseline.spec, o.intervals, o.words);
    },
  },
  {
    id: 'judge-consistency',
    description: 'pairwise judges: verdict flips when the order is swapped, and first-position win rate, per language',
    build: async (store, o) => {
      const judged = await pairs(store, o, true);
      const policed = { ...o, invalidAs: verdictPolicy(o, 'judge-consistency') };
      return judgeConsistencyTable(
        judgeConsistency(judged, policed),
        o.intervals,
        invalidCountedAsTies(judged, policed),
        o.words,
      );
    },
  },
  {
    id: 'likert',
    description: 'Likert 1–6 judge means per system and language with the language gate (Kew et al.)',
    build: async (store, o) =>
      likertTable(likertMeans(await scores(store, o, 'likert-6'), o), o.intervals, o.mixedLanguage, o.words),
  },
  {
    id: 'mt-bench',
    description: "MT-bench score: mean 1–10 judge score per system, turn and language, as FastChat's show_result",
    build: async (store, o) => mtBenchScoreTable(mtBenchScores(await scores(store, o, 'mt-bench-10'), o), o.intervals),
  },
  {
    id: 'rating3',
    description: '1–3 judge ratings × language id summed over the test set, and the language penalty Δ (Chen et al.)',
    build: async (store, o) =>
      languageIdTable(languageIdSums(await scores(store, o, 'rating-3'), o), o.intervals, o.mixedLanguage, o.words),
  },
  {
    id: 'ratings',
    description: 'human excellent / pass / fail ratings per language and system (Shaham et al., after LIMA)',
    build: async (store, o) => {
      const set = await ratings(store, o);
      return ratingsTable(ratingDistributionOf(set, o), o.intervals, set.offScale, o.words);
    },
  },
  {
    id: 'io-agreement',
    description: 'input/output language agreement per system and language, with coverage (und) and a human override',
    build: async (store, o) =>
      ioAgreementTable(
        ioAgreement(await effectiveLanguages(store, (await selectionOf(store, o)).filter), o),
        o.intervals,
        o.words,
      ),
  },
  {
    id: 'io-mismatches',
    description: "the responses whose language is not their prompt's, to check or override",
    build: async (store, o) =>
      languageMismatchTable(languageMismatches(await effectiveLanguages(store, (await selectionOf(store, o)).filter))),
  },
  chanceSource(
    'chance-pairwise',
    "Fleiss' kappa, Krippendorff's alpha, Cohen's kappa, leave-one-out on pairwise labels and verdicts",
    pairwiseUnitSet,
  ),
  scalesSource(
    'chance-ratings',
    'the same on human ratings, per scale (excellent / pass / fail or any declared scale: weighted kappa, ordinal and interval alpha), judges joining on the same scale',
    'ratings',
  ),
  scalesSource(
    'chance-scores',
    'the same on judge scores of every scale (1–5, 1–10, ...), humans joining on the same scale',
    'scores',
  ),
  chanceSource(
    'chance-likert',
    'the same between judges on Likert 1–6 scores (before the language gate)',
    async (store, o) => scoreUnits(await scores(store, o, LIKERT.id), LIKERT),
  ),
  chanceSource('chance-rating3', 'the same between judges on 1–3 ratings (before the language id)', async (store, o) =>
    scoreUnits(await scores(store, o, RATING_3.id), RATING_3),
  ),
  ...JUDGING_SOURCES,
];
