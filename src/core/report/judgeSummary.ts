// A table with many judges (a benchmark of 60 judge × prompting-strategy combinations) summarised for reading:
// every row without a judge, and the rows of the judges with the highest and the lowest mean of the table's first
// figure; a note says how many judges were left out and how to see them all.
import { isEstimate, type Cell, type Table } from './table';

/** Judges above this many are summarised in text output. */
export const MANY_JUDGES = 20;

/** The judges a row is about: a cell naming the judge, "<judge> vs ...", or kappa's "judge:<judge>". */
function judgesOfRow(row: Readonly<Record<string, Cell>>, judges: readonly string[]): string[] {
  const texts = Object.values(row).filter((c): c is string => typeof c === 'string');
  return judges.filter((j) => texts.some((t) => t === j || t === `judge:${j}` || t.startsWith(`${j} vs `)));
}

export function summariseJudges(table: Table, judges: readonly string[], keep = 5): Table {
  const figure = table.columns.find((c) => c.kind === 'percent' || c.kind === 'coefficient');
  const mentioned = judges.filter((j) => table.rows.some((r) => judgesOfRow(r, [j]).length > 0));
  if (!figure || mentioned.length <= 2 * keep) return table;
  const means = new Map(
    mentioned.map((judge) => {
      const values = table.rows
        .filter((r) => judgesOfRow(r, [judge]).length > 0)
        .map((r) => r[figure.key])
        .filter(isEstimate)
        .map((e) => e.value)
        .filter(Number.isFinite);
      return [judge, values.length ? values.reduce((a, b) => a + b, 0) / values.length : -Infinity];
    }),
  );
  const ranked = [...mentioned].sort((a, b) => means.get(b)! - means.get(a)! || a.localeCompare(b));
  const shown = new Set([...ranked.slice(0, keep), ...ranked.slice(-keep)]);
  const rows = table.rows.filter((r) => judgesOfRow(r, mentioned).every((j) => shown.has(j)));
  return {
    ...table,
    rows,
    notes: [
      `${mentioned.length} judges: shown are the ${keep} with the highest and the ${keep} with the lowest mean ${figure.label} ` +
        `over the table's rows; ${table.rows.length - rows.length} row(s) of the other ${mentioned.length - shown.size} are not shown. ` +
        'Choose judges with --judge NAME (repeatable), or use --format csv / json (or langlens export) for every row.',
      ...table.notes,
    ],
  };
}
