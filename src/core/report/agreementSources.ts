// The agreement tables as named sources for `langlens agreement` and `langlens export`.
import {
  humanVotes,
  judgeVsMajority,
  loadPairwiseItems,
  loadPairwiseItemsOfBothScopes,
  raterAgreement,
  raterKappa,
} from '../metrics/agreement';
import { agreementDashboard } from '../metrics/audit/dashboard';
import { dashboardTable } from './dashboardTable';
import { itemGroupValues, type PairwiseItem } from '../metrics/agreement/pairwiseItems';
import type { AgreementOptions } from '../metrics/agreement/raterAgreement';
import type { Store } from '../store/store';
import { agreementTable, limaByLanguageTable, majorityTable, raterKappaTable } from './agreementTables';
import { groupingOf, pairChosen, selectionOf } from './selection';
import { TableLoads } from './tableLoads';
import { sliceGrouping, type GroupValues } from '../metrics/grouping';
import { verdictSlices } from '../store/pairwiseVerdicts';
import { verdictPolicy, type TableOptions, type TableSource } from './tableSource';

/** The options with the table's exclude / tie policy ("wrong" needs a reference verdict: judge-accuracy). */
function policy(o: TableOptions, table: string) {
  return { ...o, invalidAs: verdictPolicy(o, table) };
}

/**
 * The chosen items of a table: those with human votes (every table of judges or humans against humans), or those
 * with two raters or more (kappa between any two). Each is loaded once per call however many tables use it, and
 * only those items are read, not the whole run. The breakdown follows the slices of every item of the selection,
 * so that a table shows the same columns whichever items it reads.
 */
async function items(store: Store, o: TableOptions, loads: TableLoads, scope: 'humans' | 'two-raters') {
  const selection = await selectionOf(store, o);
  const { systems, ...filter } = selection.filter;
  const pairwise = {
    ...filter,
    ...(o.judges ? { judges: o.judges } : {}),
    ...(o.annotators ? { annotatorPattern: o.annotators } : {}),
  };
  const key = JSON.stringify(pairwise);
  const votes = () => loads.once(`human votes ${key}`, () => humanVotes(store, pairwise));
  // A call with a table of two raters reads its items once for both scopes (they include every item with votes).
  const both = () => loads.once(`both scopes ${key}`, () => loadPairwiseItemsOfBothScopes(store, pairwise, votes()));
  const load = (only: 'humans' | 'two-raters') =>
    loads.expects(TWO_RATERS)
      ? both().then((scopes) => (only === 'humans' ? scopes.humans : scopes.twoRaters))
      : loads.once(`${only} ${key}`, () => loadPairwiseItems(store, pairwise, { only, humanVotes: votes() }));
  // Every item is judged (its slice is the verdicts') or voted on (it is among the items with human votes).
  const [loaded, voted, slices] = await Promise.all([
    load(scope),
    load('humans'),
    loads.once(`slices ${key} ${JSON.stringify(systems)}`, () =>
      verdictSlices(store, { ...pairwise, ...(systems ? { systems } : {}) }),
    ),
  ]);
  const chosen = loaded.filter((i) => pairChosen(selection, i));
  const values: GroupValues[] = [...slices, ...voted.filter((i) => pairChosen(selection, i)).map(itemGroupValues)];
  // Runs, turns and criteria are never pooled unless the user's --by says so.
  return {
    items: chosen,
    values,
    options: { ...o, by: groupingOf(o, values) },
    agreementOf: (shown: readonly PairwiseItem[], { by, invalidAs, intervals }: AgreementOptions) =>
      loads.computed(`agreement ${scope} ${key} ${JSON.stringify([by, invalidAs, intervals ?? null])}`, () =>
        raterAgreement(shown, { by, invalidAs, ...(intervals ? { intervals } : {}) }),
      ),
  };
}

/** The shared load of the items with two raters or more (TableSource.shares). */
const TWO_RATERS = 'pairwise items with two raters';

/** Judge verdicts on items with human votes that --invalid-as tie counted as ties (0 otherwise). */
function invalidAsTies(items: readonly PairwiseItem[], o: TableOptions): number {
  if (o.invalidAs !== 'tie') return 0;
  return items.reduce(
    (n, i) => n + (i.humans.length === 0 ? 0 : [...i.judges.values()].filter((v) => v === 'invalid').length),
    0,
  );
}

export const AGREEMENT_SOURCES: readonly TableSource[] = [
  {
    id: 'agreement',
    description:
      'judge–human and human–human agreement with and without ties, and the LIMA score (MT-bench, Shaham et al.)',
    build: async (store, o, loads = new TableLoads()) => {
      const { items: chosen, options, agreementOf } = await items(store, o, loads, 'humans');
      return agreementTable(
        agreementOf(chosen, options),
        options.by,
        o.intervals,
        o.invalidAs,
        invalidAsTies(chosen, o),
        o.words,
      );
    },
  },
  {
    id: 'agreement-by-language',
    description: "Shaham et al.'s Table 3: per language, human–model and human–human LIMA score with n and CI",
    build: async (store, o, loads = new TableLoads()) => {
      const { items: chosen, agreementOf } = await items(store, o, loads, 'humans');
      const rows = agreementOf(chosen, { ...policy(o, 'agreement-by-language'), by: ['lang'] });
      return limaByLanguageTable(rows, o.judges?.[0], o.intervals);
    },
  },
  {
    id: 'kappa',
    description: "Cohen's kappa between every two raters (annotators and judges) on the items both labelled",
    shares: [TWO_RATERS],
    build: async (store, o, loads = new TableLoads()) => {
      const { items: chosen, options } = await items(store, o, loads, 'two-raters');
      return raterKappaTable(raterKappa(chosen, policy(options, 'kappa')), options.by, o.minItems, o.intervals);
    },
  },
  {
    id: 'judge-vs-majority',
    description: 'each judge against the human majority: accuracy, macro precision / recall / F1, kappa (PandaLM)',
    build: async (store, o, loads = new TableLoads()) => {
      const { items: chosen, options } = await items(store, o, loads, 'humans');
      const policed = policy(options, 'judge-vs-majority');
      return majorityTable(judgeVsMajority(chosen, policed), options.by, policed.invalidAs, o.intervals);
    },
  },
  {
    id: 'agreement-dashboard',
    description:
      "the editor's agreement dashboard as a table: per language, each judge and the humans, and where the judge is below the humans (judge − humans wholly under 0, or too few items to say)",
    build: async (store, o, loads = new TableLoads()) => {
      const { items: chosen, values, agreementOf } = await items(store, o, loads, 'humans');
      return dashboardTable(
        agreementDashboard(
          chosen,
          {
            by: sliceGrouping(values),
            invalidAs: verdictPolicy(o, 'agreement-dashboard'),
            ...(o.intervals ? { intervals: o.intervals } : {}),
          },
          agreementOf,
        ),
        o.words,
      );
    },
  },
];
