// The parts every chart's specification shares: the data and config around the chart's own marks, the tooltip
// (figure, n and interval, as the table prints them), interval whiskers, and the facet by language.
import type { Table } from '../report/table';
import type { TableOptions } from '../report/tableSource';
import { VEGA_LITE_SCHEMA, type ChartDefinition, type Datum, type VegaLiteSpec } from './chart';
import { COLUMN_WIDTH_PT, layoutWidth, styleConfig, type ChartStyle } from './style';
import type { ChartWords } from './words';

export const DATA_NAME = 'table';

/** The full specification: the chart's marks over the table's data, titled in the editor, captioned in a paper. */
export function chartSpec(
  chart: Pick<ChartDefinition, 'id' | 'text'>,
  table: Table,
  data: readonly Datum[],
  style: ChartStyle,
  body: Record<string, unknown>,
): VegaLiteSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: style.words.specDescription(chart.text(style.words).title, table.id, table.title),
    data: { name: DATA_NAME, values: data },
    ...body,
    config: styleConfig(style),
    usermeta: {
      langlens: { chart: chart.id, table: table.id, notes: table.notes, columnWidth: COLUMN_WIDTH_PT[style.width] },
    },
  };
}

/** The tooltip of a mark: where it is, the figure, its n and its interval. */
export function tooltip(
  words: ChartWords,
  figure: string,
  extra: readonly { field: string; title: string }[] = [],
): unknown[] {
  return [
    { field: 'language', title: words.language },
    ...extra,
    { field: 'valueText', title: figure },
    { field: 'n', title: words.n, format: 'd' },
    { field: 'intervalText', title: words.interval },
  ];
}

/** A word inside a Vega expression, as a single-quoted string literal. */
export function quoted(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * How wide text is as Vega lays it out without a canvas (as in `langlens plot`): 0.8 em per character, a little
 * more in bold. The chart's own labels are measured so, so that the whole figure fits its column.
 */
export function textWidth(texts: readonly string[], fontSize: number, bold = false): number {
  return Math.max(0, ...texts.map((t) => [...t].length)) * fontSize * (bold ? 0.85 : 0.8);
}

/** Room beside the marks: columns of labels on the left (each with its tick and padding), text on the right. */
export function labelRoom(
  style: ChartStyle,
  left: readonly { texts: readonly string[]; bold?: boolean }[],
  right = 0,
): number {
  const PADDING = 2 * 4 + 2;
  return (
    PADDING + right + left.reduce((sum, column) => sum + textWidth(column.texts, style.fontSize, column.bold) + 8, 0)
  );
}

/** The width the marks of one facet may take: the column (or page) less the room for labels and the gaps. */
export function plotWidth(style: ChartStyle, room: number, facets = 1, spacing = 10): number {
  return Math.max(50, Math.floor((layoutWidth(style) - room - (facets - 1) * spacing) / facets));
}

/** A horizontal interval whisker from lower to upper. */
export function whisker(color: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    mark: { type: 'rule', strokeWidth: 1, color },
    transform: [{ filter: 'isValid(datum.lower) && isValid(datum.upper)' }],
    encoding: { x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' }, ...extra },
  };
}

/** One row of panels per language, the language's name on the left, read horizontally. */
export function languageRows(order: readonly string[]): Record<string, unknown> {
  return {
    field: 'language',
    type: 'nominal',
    sort: order,
    title: null,
    header: { labelAngle: 0, labelOrient: 'left', labelAlign: 'right', labelPadding: 4, labelFontWeight: 'bold' },
  };
}

/** One row of panels per language, and one column per judge when there are several (never pooled). */
export function languageFacet(data: readonly Datum[]): Record<string, unknown> {
  const row = languageRows(languageOrder(data));
  return judgesOf(data).length > 1 ? { row, column: { field: 'judge', type: 'nominal', title: null } } : { row };
}

/** Per-language panels of one chart, one above the other. */
export const BY_LANGUAGE_TABLE = (o: TableOptions): TableOptions => ({ ...o, by: ['lang'] });

/** The languages in the order the table has them. */
export function languageOrder(data: readonly Datum[]): string[] {
  return [...new Set(data.map((d) => d.language))];
}

export function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Several judges: one panel each, never pooled. */
export function judgesOf(data: readonly Datum[]): string[] {
  return distinct(data.map((d) => d.judge).filter((j): j is string => j !== undefined));
}

/** Vega-Lite's own percent format on 0..1 shares. */
export const PERCENT_AXIS = { format: '.0%' };
