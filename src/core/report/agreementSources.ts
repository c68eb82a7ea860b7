// The agreement tables as named sources for `langlens agreement` and `langlens export`.
import { judgeVsMajority, loadPairwiseItems, raterAgreement, raterKappa } from '../metrics/agreement';
import { agreementDashboard } from '../metrics/audit/dashboard';
import { dashboardTable } from './dashboardTable';
import { itemGroupValues, type PairwiseItem } from '../metrics/agreement/pairwiseItems';
import type { Store } from '../store/store';
import { agreementTable, limaByLanguageTable, majorityTable, raterKappaTable } from './agreementTables';
import { groupingOf, pairChosen, selectionOf } from './selection';
import { verdictPolicy, type TableOptions, type TableSource } from './tableSource';

/** The options with the table's exclude / tie policy ("wrong" needs a reference verdict: judge-accuracy). */
function policy(o: TableOptions, table: string) {
  return { ...o, invalidAs: verdictPolicy(o, table) };
}

async function items(store: Store, o: TableOptions) {
  const selection = await selectionOf(store, o);
  const { systems: _systems, ...filter } = selection.filter;
  const all = await loadPairwiseItems(store, {
    ...filter,
    ...(o.judges ? { judges: o.judges } : {}),
    ...(o.annotators ? { annotatorPattern: o.annotators } : {}),
  });
  const chosen = all.filter((i) => pairChosen(selection, i));
  // Runs, turns and criteria are never pooled unless the user's --by says so.
  return { items: chosen, options: { ...o, by: groupingOf(o, chosen.map(itemGroupValues)) } };
}

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
    build: async (store, o) => {
      const { items: chosen, options } = await items(store, o);
      return agreementTable(
        raterAgreement(chosen, options),
        options.by,
        o.intervals,
        o.invalidAs,
        invalidAsTies(chosen, o),
      );
    },
  },
  {
    id: 'agreement-by-language',
    description: "Shaham et al.'s Table 3: per language, human–model and human–human LIMA score with n and CI",
    build: async (store, o) => {
      const { items: chosen } = await items(store, o);
      const rows = raterAgreement(chosen, { ...policy(o, 'agreement-by-language'), by: ['lang'] });
      return limaByLanguageTable(rows, o.judges?.[0], o.intervals);
    },
  },
  {
    id: 'kappa',
    description: "Cohen's kappa between every two raters (annotators and judges) on the items both labelled",
    build: async (store, o) => {
      const { items: chosen, options } = await items(store, o);
      return raterKappaTable(raterKappa(chosen, policy(options, 'kappa')), options.by, o.minItems, o.intervals);
    },
  },
  {
    id: 'judge-vs-majority',
    description: 'each judge against the human majority: accuracy, macro precision / recall / F1, kappa (PandaLM)',
    build: async (store, o) => {
      const { items: chosen, options } = await items(store, o);
      const policed = policy(options, 'judge-vs-majority');
      return majorityTable(judgeVsMajority(chosen, policed), options.by, policed.invalidAs, o.intervals);
    },
  },
  {
    id: 'agreement-dashboard',
    description:
      "the editor's agreement dashboard as a table: per language, each judge and the humans, and where a judge's interval lies below the humans'",
    build: async (store, o) => {
      const { items: chosen } = await items(store, o);
      return dashboardTable(
        agreementDashboard(chosen, {
          invalidAs: verdictPolicy(o, 'agreement-dashboard'),
          ...(o.intervals ? { intervals: o.intervals } : {}),
        }),
      );
    },
  },
];
