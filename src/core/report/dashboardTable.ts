// The agreement dashboard as a table for export: the agreement table with a column naming the figures on which
// the judge is below the humans (src/core/metrics/audit/dashboard.ts decides which).
import { belowHumansText } from '../metrics/audit/belowHumans';
import type { Dashboard, Figure } from '../metrics/audit/dashboard';
import { agreementTable } from './agreementTables';
import type { Table } from './table';

const FIGURE_NAMES: Record<Figure, string> = { withTie: 'w/ tie', withoutTie: 'w/o tie', lima: 'LIMA' };

/** The dashboard as the agreement table, with a column naming the figures on which the judge is below the humans. */
export function dashboardTable(dashboard: Dashboard): Table {
  const rows = dashboard.groups.flatMap((g) => [...g.judges.map((j) => j.row), ...(g.humans ? [g.humans] : [])]);
  const base = agreementTable(rows, dashboard.by, dashboard.intervals);
  const below = new Map(
    dashboard.groups.flatMap((g) => g.judges.map((j) => [j.row, belowHumansText(j.rule, FIGURE_NAMES)] as const)),
  );
  return {
    ...base,
    id: 'agreement-dashboard',
    title: 'Can the judge be trusted? Agreement with humans and between humans, per language',
    columns: [...base.columns, { key: 'belowHumans', label: 'Below humans', kind: 'text' }],
    rows: base.rows.map((r, i) => ({ ...r, belowHumans: below.get(rows[i]!) ?? '' })),
    notes: [
      ...base.notes.slice(0, -1),
      'Below humans: the figures on which the 95% bootstrap interval of judge − humans (same draws) lies wholly under 0; "too few items to say" with fewer than 10 prompt groups carrying both, or without intervals.',
      ...base.notes.slice(-1),
    ],
  };
}
