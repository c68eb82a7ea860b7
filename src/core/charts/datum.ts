// Reading a table's cells into marks: the language slot of a row, and an Estimate with its n and interval as the
// table's renderers print them. Nothing here computes a figure.
import { cellText, isEstimate, type Cell, type Column, type Table } from '../report/table';
import type { Datum } from './chart';
import type { ChartStyle } from './style';

const englishNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/**
 * "he" for a paper; "Hebrew עברית" in the editor: the name in the display language (English unless the style
 * says), and the language's own.
 */
export function languageLabel(tag: string, style: ChartStyle): string {
  if (style.labels === 'tags') return tag;
  let name = tag;
  let own: string | undefined;
  try {
    name = style.languageName ? style.languageName(tag) : (englishNames.of(tag) ?? tag);
    own = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
  } catch {
    return tag;
  }
  return own && own.toLowerCase() !== name.toLowerCase() ? `${name} ${own}` : name;
}

export function column(table: Table, key: string): Column {
  const found = table.columns.find((c) => c.key === key);
  if (!found) throw new Error(`the ${table.id} table has no column "${key}"`);
  return found;
}

/** Where a row sits: its language, and its run and turn when the table has them (they are never pooled). */
export function rowPlace(
  row: Readonly<Record<string, Cell>>,
  style: ChartStyle,
): Pick<Datum, 'lang' | 'language' | 'run' | 'turn'> {
  const lang = String(row.lang ?? 'all');
  const run = typeof row.run === 'string' ? row.run : undefined;
  const turn = row.turn === undefined || row.turn === null ? undefined : Number(row.turn);
  const parts = [
    languageLabel(lang, style),
    ...(turn !== undefined ? [style.words.turn(turn)] : []),
    ...(run !== undefined ? [run] : []),
  ];
  return {
    lang,
    language: parts.join(' · '),
    ...(run !== undefined ? { run } : {}),
    ...(turn !== undefined ? { turn } : {}),
  };
}

const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);

/**
 * A cell's figure with its n and interval, formatted as the table's text exports format it: with their digits,
 * written in the editor's display language when the style has its numbers (a paper's stay the tables').
 */
export function estimateFields(
  cell: Cell,
  col: Column,
  style: ChartStyle,
): Pick<Datum, 'value' | 'n' | 'lower' | 'upper' | 'valueText' | 'intervalText'> {
  if (!isEstimate(cell)) {
    return {
      value: typeof cell === 'number' ? cell : null,
      n: null,
      lower: null,
      upper: null,
      valueText: cellText(cell, col, style.number).value,
      intervalText: '',
    };
  }
  const text = cellText(cell, col, style.number);
  return {
    value: finite(cell.value),
    n: cell.n,
    lower: finite(cell.lower),
    upper: finite(cell.upper),
    valueText: text.value,
    intervalText: text.interval ? `[${text.interval[0]}, ${text.interval[1]}]` : '',
  };
}

/** Text cells of a row that name who or what a mark is about. */
export function textOf(row: Readonly<Record<string, Cell>>, key: string): string | undefined {
  const v = row[key];
  return typeof v === 'string' ? v : undefined;
}
