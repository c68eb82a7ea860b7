// One table model for every figure LangLens reports, rendered to the terminal, CSV, Markdown, LaTeX and JSON.
import type { Estimate } from '../metrics/estimate';

/** How a column's numbers read: a share shown in percent, a coefficient (kappa, alpha), a count, or a score. */
export type ColumnKind = 'text' | 'percent' | 'coefficient' | 'count' | 'score';

export interface Column {
  readonly key: string;
  readonly label: string;
  readonly kind: ColumnKind;
  /** Digits after the point (defaults: percent 1, coefficient 3, score 2). */
  readonly digits?: number;
  /** A field for programs (CSV, JSON) that the text, Markdown and LaTeX tables leave out, as another column shows it. */
  readonly machineOnly?: boolean;
}

export type Cell = string | number | Estimate | null | undefined;

export interface Table {
  readonly id: string;
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Readonly<Record<string, Cell>>[];
  /** What a reader needs to interpret the table: definitions, n, exclusions, the interval settings. */
  readonly notes: readonly string[];
}

export function isEstimate(cell: Cell): cell is Estimate {
  return typeof cell === 'object' && cell !== null && 'value' in cell;
}

const DEFAULT_DIGITS: Record<ColumnKind, number> = { text: 0, percent: 1, coefficient: 3, score: 2, count: 0 };

/** How digits are written: the tables' plain digits and point (toFixed), or a locale's (the editor's charts). */
export type WriteDigits = (value: number, fractionDigits: number) => string;

const plainDigits: WriteDigits = (value, fractionDigits) => value.toFixed(fractionDigits);

/** A number as the column shows it: percentages scaled by 100; NaN as an en dash (undefined, not zero). */
export function formatNumber(value: number, column: Column, write: WriteDigits = plainDigits): string {
  if (!Number.isFinite(value)) return '–';
  const digits = column.digits ?? DEFAULT_DIGITS[column.kind];
  return write(column.kind === 'percent' ? value * 100 : value, digits);
}

export interface CellText {
  readonly value: string;
  readonly interval?: readonly [string, string];
}

export function cellText(cell: Cell, column: Column, write: WriteDigits = plainDigits): CellText {
  if (cell === null || cell === undefined) return { value: '' };
  if (typeof cell === 'string') return { value: cell };
  if (typeof cell === 'number')
    return { value: column.kind === 'text' ? String(cell) : formatNumber(cell, column, write) };
  const value = formatNumber(cell.value, column, write);
  if (cell.lower === undefined || cell.upper === undefined || !Number.isFinite(cell.lower)) return { value };
  return { value, interval: [formatNumber(cell.lower, column, write), formatNumber(cell.upper!, column, write)] };
}

/** The columns a table shows to a reader (text, Markdown, LaTeX): all but the machine-only ones. */
export function shownColumns(table: Table): readonly Column[] {
  return table.columns.filter((c) => !c.machineOnly);
}
