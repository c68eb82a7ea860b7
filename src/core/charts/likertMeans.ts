// [KE]'s Likert helpfulness: per language and system, the mean 1–6 score with its 95% interval after the language
// gate (a response not in the prompt's language scores 1) and before it, side by side: the gap is what the gate took.
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
  tooltip,
  whisker,
} from './layout';
import type { ChartStyle } from './style';
import type { ChartWords } from './words';

/** The table's means after the gate and before it, and what the legend calls them. */
function seriesOf(words: ChartWords) {
  return [
    ['mean', words.likert.gated],
    ['ungated', words.likert.ungated],
  ] as const;
}

function data(table: Table, style: ChartStyle): Datum[] {
  return table.rows.flatMap((row) =>
    seriesOf(style.words).map(([key, series]): Datum => ({
      ...rowPlace(row, style),
      system: textOf(row, 'system')!,
      judge: textOf(row, 'judge')!,
      series,
      ...estimateFields(row[key], column(table, key), style),
    })),
  );
}

function spec(rows: readonly Datum[], table: Table, style: ChartStyle) {
  const p = style.palette;
  const words = style.words;
  const w = words.likert;
  const series = seriesOf(words).map(([, s]) => s);
  const tip = tooltip(words, words.mean, [
    { field: 'system', title: words.system },
    { field: 'judge', title: words.judge },
    { field: 'series', title: w.gate },
  ]);
  // Gated, then ungated.
  const colours = [p.ordinal[0]!, p.category[1]!];
  const step = Math.round(style.fontSize * 2.4);
  const gap = Math.round(style.fontSize * 0.45);
  // Gated above, ungated below each system's line: two layers, so that the pair reads as one system.
  const seriesLayers = series.flatMap((name, i) => {
    const only = { filter: `datum.series == ${quoted(name)}` };
    // An offset by value moves from the band's start, not its middle.
    const offset = { yOffset: { value: step / 2 + (i === 0 ? -gap : gap) } };
    return [
      {
        ...whisker(colours[i]!, { ...offset, tooltip: tip }),
        transform: [only, { filter: 'isValid(datum.lower) && isValid(datum.upper)' }],
      },
      {
        transform: [only],
        mark: { type: 'point', filled: i === 0, size: style.fontSize * 4, strokeWidth: 1.2 },
        encoding: {
          ...offset,
          x: {
            field: 'value',
            type: 'quantitative',
            scale: { domain: [1, 6], nice: false },
            axis: { values: [1, 2, 3, 4, 5, 6] },
            title: [w.axis, w.axisNote],
          },
          color: {
            field: 'series',
            type: 'nominal',
            sort: series,
            scale: { domain: series, range: colours },
            title: w.gate,
          },
          shape: {
            field: 'series',
            type: 'nominal',
            sort: series,
            scale: { domain: series, range: ['circle', 'square'] },
            title: w.gate,
          },
          tooltip: tip,
        },
      },
    ];
  });
  const dots = {
    width: plotWidth(
      style,
      labelRoom(
        style,
        [{ texts: languageOrder(rows), bold: true }, { texts: distinct(rows.map((d) => d.system!)) }],
        6,
      ),
    ),
    height: { step },
    encoding: { y: { field: 'system', type: 'nominal', sort: distinct(rows.map((d) => d.system)), title: null } },
    layer: seriesLayers,
  };
  return chartSpec(LIKERT_MEANS, table, rows, style, { facet: languageFacet(rows), spec: dots, spacing: 4 });
}

export const LIKERT_MEANS: ChartDefinition = {
  id: 'likert',
  ...chartText((words) => words.likert),
  table: 'likert',
  tableOptions: BY_LANGUAGE_TABLE,
  data,
  spec,
};
