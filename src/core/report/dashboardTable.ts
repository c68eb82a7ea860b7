// The agreement dashboard as a table for export: the agreement table with a column naming the figures on which
// the judge is below the humans (src/core/metrics/audit/dashboard.ts decides which).
import { belowHumansText } from '../metrics/audit/belowHumans';
import type { Dashboard, Figure } from '../metrics/audit/dashboard';
import { agreementTable } from './agreementTables';
import type { Table } from './table';
import { ENGLISH_REPORT_WORDS, type ReportWords } from './words';

const FIGURE_NAMES: Record<Figure, string> = { withTie: 'w/ tie', withoutTie: 'w/o tie', lima: 'LIMA' };

/**
 * The dashboard as the agreement table, with a column naming the figures on which the judge is below the humans.
 * Its cells are the exports' (the judge-vs-humans chart reads them); the words, its title, headers and notes.
 */
export function dashboardTable(dashboard: Dashboard, words: ReportWords = ENGLISH_REPORT_WORDS): Table {
  const rows = dashboard.groups.flatMap((g) => [...g.judges.map((j) => j.row), ...(g.humans ? [g.humans] : [])]);
  const base = agreementTable(rows, dashboard.by, dashboard.intervals, 'exclude', 0, words);
  const below = new Map(
    dashboard.groups.flatMap((g) => g.judges.map((j) => [j.row, belowHumansText(j.rule, FIGURE_NAMES)] as const)),
  );
  return {
    ...base,
    id: 'agreement-dashboard',
    title: words.dashboard.title,
    columns: [...base.columns, { key: 'belowHumans', label: words.dashboard.belowHumans, kind: 'text' }],
    rows: base.rows.map((r, i) => ({ ...r, belowHumans: below.get(rows[i]!) ?? '' })),
    notes: [...base.notes.slice(0, -1), words.dashboard.belowHumansNote, ...base.notes.slice(-1)],
  };
}
