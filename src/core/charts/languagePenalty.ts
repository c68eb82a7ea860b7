// [CH §3.4]: per language and system, Σ score × language id as a solid bar and the language penalty Δ as the lost
// part stacked after it, so that the whole bar is Σ score and the light end is what answering in another language
// cost; the maximum (3 × n) closes the axis.
import type { Table } from '../report/table';
import { chartText, type ChartDefinition, type Datum } from './chart';
import { column, estimateFields, rowPlace, textOf } from './datum';
import {
  BY_LANGUAGE_TABLE,
  chartSpec,
  distinct,
  labelRoom,
  languageFacet,
  languageOrder,
  plotWidth,
  quoted,
  textWidth,
  tooltip,
} from './layout';
import type { ChartStyle } from './style';
import type { ChartWords } from './words';

/** The table's two parts of a bar, and what the legend calls them. */
function parts(words: ChartWords) {
  return [
    ['gatedSum', words.languagePenalty.kept],
    ['penalty', words.languagePenalty.lost],
  ] as const;
}

function data(table: Table, style: ChartStyle): Datum[] {
  return table.rows.flatMap((row) =>
    parts(style.words).map(([key, series], order): Datum => ({
      ...rowPlace(row, style),
      system: textOf(row, 'system')!,
      judge: textOf(row, 'judge')!,
      series,
      order,
      maximum: typeof row.maximum === 'number' ? row.maximum : null,
      ...estimateFields(row[key], column(table, key), style),
      total: estimateFields(row.sum, column(table, 'sum'), style).value,
      totalText: estimateFields(row.sum, column(table, 'sum'), style).valueText,
    })),
  );
}

function spec(rows: readonly Datum[], table: Table, style: ChartStyle) {
  const p = style.palette;
  const words = style.words;
  const w = words.languagePenalty;
  const series = parts(words).map(([, s]) => s);
  const maximum = Math.max(1, ...rows.map((d) => (typeof d.maximum === 'number' ? d.maximum : 0)));
  const tip = tooltip(words, w.sum, [
    { field: 'system', title: words.system },
    { field: 'judge', title: words.judge },
    { field: 'series', title: w.part },
    { field: 'totalText', title: w.sumScore },
    { field: 'maximum', title: w.maximum },
  ]);
  const bars = {
    width: plotWidth(
      style,
      labelRoom(
        style,
        [{ texts: languageOrder(rows), bold: true }, { texts: distinct(rows.map((d) => d.system!)) }],
        textWidth(['Δ 99.0'], style.fontSize - 1) + 4,
      ),
    ),
    height: { step: Math.round(style.fontSize * 1.9) },
    encoding: { y: { field: 'system', type: 'nominal', sort: distinct(rows.map((d) => d.system)), title: null } },
    layer: [
      {
        mark: { type: 'bar', stroke: p.text, strokeWidth: 0.5 },
        encoding: {
          x: {
            field: 'value',
            type: 'quantitative',
            stack: 'zero',
            scale: { domain: [0, maximum] },
            title: [w.axis, w.axisEnd(maximum)],
          },
          color: {
            field: 'series',
            type: 'nominal',
            sort: series,
            scale: { domain: series, range: [p.ordinal[0], p.background] },
            title: null,
          },
          order: { field: 'order' },
          tooltip: tip,
        },
      },
      {
        // Δ written after the bar when something was lost.
        transform: [
          { filter: `datum.series == ${quoted(w.lost)} && datum.value > 0` },
          { calculate: "'Δ ' + datum.valueText", as: 'label' },
        ],
        mark: { type: 'text', align: 'left', dx: 3, fontSize: style.fontSize - 1, color: p.text },
        encoding: { x: { field: 'total', type: 'quantitative' }, text: { field: 'label' }, tooltip: tip },
      },
    ],
  };
  return chartSpec(LANGUAGE_PENALTY, table, rows, style, { facet: languageFacet(rows), spec: bars, spacing: 4 });
}

export const LANGUAGE_PENALTY: ChartDefinition = {
  id: 'language-penalty',
  ...chartText((words) => words.languagePenalty),
  table: 'rating3',
  tableOptions: BY_LANGUAGE_TABLE,
  data,
  spec,
};
