// The agreement tables as named sources for `langlens agreement` and `langlens export`.
import { judgeVsMajority, loadPairwiseItems, raterAgreement, raterKappa } from '../metrics/agreement';
import { agreementDashboard, dashboardTable } from '../metrics/audit/dashboard';
import type { Store } from '../store/store';
import { agreementTable, limaByLanguageTable, majorityTable, raterKappaTable } from './agreementTables';
import { verdictPolicy, type TableOptions, type TableSource } from './tableSource';

/** The options with the table's exclude / tie policy ("wrong" needs a reference verdict: judge-accuracy). */
function policy(o: TableOptions, table: string) {
  return { ...o, invalidAs: verdictPolicy(o, table) };
}

function items(store: Store, o: TableOptions) {
  return loadPairwiseItems(store, {
    ...(o.run !== undefined ? { run: o.run } : {}),
    ...(o.languages ? { languages: o.languages } : {}),
    ...(o.turns ? { turns: o.turns } : {}),
    ...(o.judges ? { judges: o.judges } : {}),
    ...(o.annotators ? { annotatorPattern: o.annotators } : {}),
  });
}

export const AGREEMENT_SOURCES: readonly TableSource[] = [
  {
    id: 'agreement',
    description: 'judge–human and human–human agreement with and without ties, and the LIMA score (MT-bench, Shaham et al.)',
    build: async (store, o) => agreementTable(raterAgreement(await items(store, o), o), o.by, o.intervals, o.invalidAs),
  },
  {
    id: 'agreement-by-language',
    description: "Shaham et al.'s Table 3: per language, human–model and human–human LIMA score with n and CI",
    build: async (store, o) => {
      const rows = raterAgreement(await items(store, o), { ...policy(o, 'agreement-by-language'), by: ['lang'] });
      return limaByLanguageTable(rows, o.judges?.[0], o.intervals);
    },
  },
  {
    id: 'kappa',
    description: "Cohen's kappa between every two raters (annotators and judges) on the items both labelled",
    build: async (store, o) => raterKappaTable(raterKappa(await items(store, o), policy(o, 'kappa')), o.by, o.minItems, o.intervals),
  },
  {
    id: 'judge-vs-majority',
    description: 'each judge against the human majority: accuracy, macro precision / recall / F1, kappa (PandaLM)',
    build: async (store, o) => {
      const options = policy(o, 'judge-vs-majority');
      return majorityTable(judgeVsMajority(await items(store, o), options), o.by, options.invalidAs, o.intervals);
    },
  },
  {
    id: 'agreement-dashboard',
    description: "the editor's agreement dashboard as a table: per language, each judge and the humans, and where a judge's interval lies below the humans'",
    build: async (store, o) => dashboardTable(agreementDashboard(await items(store, o), { invalidAs: o.invalidAs, ...(o.intervals ? { intervals: o.intervals } : {}) })),
  },
];
