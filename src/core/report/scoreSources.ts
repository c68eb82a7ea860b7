// The score and chance-corrected agreement tables as named sources for `langlens scores` and `langlens export`.
import { effectiveLanguages } from '../languages/effectiveLanguage';
import { loadPairwiseItems } from '../metrics/agreement';
import {
  chanceCorrectedAgreement,
  integerScale,
  pairwiseUnits,
  ratingUnits,
  scoreUnits,
  type UnitSet,
} from '../metrics/chanceCorrected';
import {
  ioAgreement,
  judgeConsistency,
  judgedPairs,
  languageIdSums,
  languageMismatches,
  likertMeans,
  parseBaseline,
  ratingDistribution,
  sideBySideScores,
} from '../metrics/scores';
import type { ResponseFilter } from '../store/languageQueries';
import { humanRatings, pointwiseScores } from '../store/scoreQueries';
import type { Store } from '../store/store';
import { namePattern } from '../util/pattern';
import {
  chanceCorrectedTable,
  instructionFollowingMatrix,
  ioAgreementTable,
  judgeConsistencyTable,
  languageIdTable,
  languageMismatchTable,
  likertTable,
  ratingsTable,
  sideBySideTable,
} from './scoreTables';
import type { TableOptions, TableSource } from './tableSource';

function filterOf(o: TableOptions): ResponseFilter {
  return {
    ...(o.run !== undefined ? { run: o.run } : {}),
    ...(o.languages ? { languages: o.languages } : {}),
    ...(o.turns ? { turns: o.turns } : {}),
    ...(o.systems ? { systems: o.systems } : {}),
  };
}

async function pairs(store: Store, o: TableOptions) {
  const { systems: _systems, ...filter } = filterOf(o);
  return judgedPairs(await store.judgeVerdicts({ ...filter, ...(o.judges ? { judges: o.judges } : {}) }));
}

function baselineOf(o: TableOptions) {
  if (o.baseline === undefined) throw new Error('side-by-side scores need a baseline: --baseline SYSTEM, or a pattern such as "mono-{lang}"');
  return parseBaseline(o.baseline);
}

async function sideBySide(store: Store, o: TableOptions) {
  const baseline = baselineOf(o);
  const result = sideBySideScores(await pairs(store, o), {
    baseline, invalidAs: o.invalidAs, ...(o.systems ? { systems: o.systems } : {}), ...(o.intervals ? { intervals: o.intervals } : {}),
  });
  return { result, baseline };
}

function scores(store: Store, o: TableOptions, scale: string) {
  return pointwiseScores(store, { ...filterOf(o), scale, ...(o.judges ? { judges: o.judges } : {}) });
}

async function ratings(store: Store, o: TableOptions) {
  const matches = o.annotators ? namePattern(o.annotators) : () => true;
  return (await humanRatings(store, filterOf(o))).filter((r) => matches(r.annotator));
}

async function pairwiseUnitSet(store: Store, o: TableOptions): Promise<UnitSet> {
  const wanted = o.systems ? new Set(o.systems) : undefined;
  const items = await loadPairwiseItems(store, {
    ...(o.run !== undefined ? { run: o.run } : {}), ...(o.languages ? { languages: o.languages } : {}),
    ...(o.turns ? { turns: o.turns } : {}), ...(o.judges ? { judges: o.judges } : {}),
    ...(o.annotators ? { annotatorPattern: o.annotators } : {}),
  });
  return pairwiseUnits(items.filter((i) => !wanted || (wanted.has(i.systemA) && wanted.has(i.systemB))), o.invalidAs);
}

function chanceSource(id: string, description: string, units: (store: Store, o: TableOptions) => Promise<UnitSet>): TableSource {
  return {
    id,
    description,
    build: async (store, o) => {
      const set = await units(store, o);
      const table = chanceCorrectedAgreement(set.units, set.scale, { by: o.by, minItems: o.minItems, ...(o.intervals ? { intervals: o.intervals } : {}) });
      return chanceCorrectedTable(id, table, set, o.by, o.minItems, o.intervals);
    },
  };
}

const LIKERT = integerScale('likert-6', 1, 6);
const RATING_3 = integerScale('rating-3', 1, 3);

export const SCORE_SOURCES: readonly TableSource[] = [
  {
    id: 'sxs',
    description: 'side-by-side discounted-tie score of every system against a baseline, per judge and language (needs --baseline)',
    build: async (store, o) => {
      const { result, baseline } = await sideBySide(store, o);
      return sideBySideTable(result, baseline.spec, o.intervals);
    },
  },
  {
    id: 'if-matrix',
    description: "Shaham et al.'s instruction-following matrix: systems × languages against a per-language baseline (--baseline \"mono-{lang}\")",
    build: async (store, o) => {
      const { result, baseline } = await sideBySide(store, o);
      return instructionFollowingMatrix(result, baseline.spec, o.intervals);
    },
  },
  {
    id: 'judge-consistency',
    description: 'pairwise judges: verdict flips when the order is swapped, and first-position win rate, per language',
    build: async (store, o) => {
      const wanted = o.systems ? new Set(o.systems) : undefined;
      const judged = (await pairs(store, o)).filter((p) => !wanted || (wanted.has(p.systemA) && wanted.has(p.systemB)));
      return judgeConsistencyTable(judgeConsistency(judged, o), o.intervals);
    },
  },
  {
    id: 'likert',
    description: 'Likert 1–6 judge means per system and language with the language gate (Kew et al.)',
    build: async (store, o) => likertTable(likertMeans(await scores(store, o, 'likert-6'), o), o.intervals, o.mixedLanguage),
  },
  {
    id: 'rating3',
    description: '1–3 judge ratings × language id summed over the test set, and the language penalty Δ (Chen et al.)',
    build: async (store, o) => languageIdTable(languageIdSums(await scores(store, o, 'rating-3'), o), o.intervals, o.mixedLanguage),
  },
  {
    id: 'ratings',
    description: 'human excellent / pass / fail ratings per language and system (Shaham et al., after LIMA)',
    build: async (store, o) => ratingsTable(ratingDistribution(await ratings(store, o), o), o.intervals),
  },
  {
    id: 'io-agreement',
    description: 'input/output language agreement per system and language, with coverage (und) and a human override',
    build: async (store, o) => ioAgreementTable(ioAgreement(await effectiveLanguages(store, filterOf(o)), o), o.intervals),
  },
  {
    id: 'io-mismatches',
    description: "the responses whose language is not their prompt's, to check or override",
    build: async (store, o) => languageMismatchTable(languageMismatches(await effectiveLanguages(store, filterOf(o)))),
  },
  chanceSource('chance-pairwise', "Fleiss' kappa, Krippendorff's alpha, Cohen's kappa, leave-one-out on pairwise labels and verdicts",
    pairwiseUnitSet),
  chanceSource('chance-ratings', 'the same on excellent / pass / fail ratings (ordinal: weighted kappa, ordinal and interval alpha)',
    async (store, o) => ratingUnits(await ratings(store, o))),
  chanceSource('chance-likert', 'the same between judges on Likert 1–6 scores (before the language gate)',
    async (store, o) => scoreUnits(await scores(store, o, LIKERT.id), LIKERT)),
  chanceSource('chance-rating3', 'the same between judges on 1–3 ratings (before the language id)',
    async (store, o) => scoreUnits(await scores(store, o, RATING_3.id), RATING_3)),
];
