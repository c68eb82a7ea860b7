// [SH]'s human ratings: per language and system, the shares of excellent, pass and fail as one stacked bar (best
// first, darkest first, so that it reads in greyscale), each segment with its n and interval in the tooltip and the
// number of ratings at the bar's end.
import { RATINGS, type Rating } from '../model/records';
import type { Table } from '../report/table';
import { chartText, type ChartDefinition, type Datum } from './chart';
import { column, estimateFields, rowPlace, textOf } from './datum';
import {
  chartSpec,
  distinct,
  labelRoom,
  languageFacet,
  languageOrder,
  PERCENT_AXIS,
  plotWidth,
  quoted,
  textWidth,
  tooltip,
} from './layout';
import type { ChartStyle } from './style';
import type { ChartWords } from './words';

const BEST_FIRST = [...RATINGS].reverse();

/** The rating a mark's series names in these words (the items behind a mark are asked for by its series). */
export function ratingOfSeries(words: ChartWords, series: string): Rating | undefined {
  return RATINGS.find((rating) => words.ratings.levels[rating] === series);
}

/** Rows on the excellent / pass / fail scale: ratings on declared scales (1–5, criteria) are the ratings table's other rows. */
function onLimaScale(row: Table['rows'][number]): boolean {
  return row[BEST_FIRST[0]!] !== undefined && row[BEST_FIRST[0]!] !== null;
}

function data(table: Table, style: ChartStyle): Datum[] {
  return table.rows.filter(onLimaScale).flatMap((row) =>
    BEST_FIRST.map((rating, order): Datum => ({
      ...rowPlace(row, style),
      system: textOf(row, 'system')!,
      series: style.words.ratings.levels[rating],
      order,
      ...estimateFields(row[rating], column(table, rating), style),
    })),
  );
}

function spec(rows: readonly Datum[], table: Table, style: ChartStyle) {
  const p = style.palette;
  const words = style.words;
  const w = words.ratings;
  const bestFirst = BEST_FIRST.map((rating) => w.levels[rating]);
  const systems = distinct(rows.map((d) => d.system!));
  const tip = tooltip(words, words.sharePercent, [
    { field: 'system', title: words.system },
    { field: 'series', title: w.rating },
  ]);
  const bars = {
    width: plotWidth(
      style,
      labelRoom(
        style,
        [{ texts: languageOrder(rows), bold: true }, { texts: systems }],
        textWidth(['99'], style.fontSize - 1) + 4,
      ),
    ),
    height: { step: Math.round(style.fontSize * 1.9) },
    encoding: { y: { field: 'system', type: 'nominal', sort: systems, title: null } },
    layer: [
      {
        mark: { type: 'bar', stroke: p.background, strokeWidth: 0.5 },
        encoding: {
          x: {
            field: 'value',
            type: 'quantitative',
            stack: 'zero',
            scale: { domain: [0, 1] },
            axis: { ...PERCENT_AXIS, values: [0, 0.25, 0.5, 0.75, 1] },
            title: [w.axis, w.axisNote],
          },
          color: {
            field: 'series',
            type: 'nominal',
            sort: bestFirst,
            scale: { domain: bestFirst, range: 'ordinal' },
            title: null,
          },
          order: { field: 'order' },
          tooltip: tip,
        },
      },
      {
        // The share inside its segment when there is room for it.
        mark: { type: 'text', fontSize: style.fontSize - 1 },
        transform: [
          { stack: 'value', groupby: ['language', 'system'], sort: [{ field: 'order' }], as: ['start', 'end'] },
          { filter: 'datum.value >= 0.12' },
          { calculate: '(datum.start + datum.end) / 2', as: 'middle' },
        ],
        encoding: {
          x: { field: 'middle', type: 'quantitative' },
          text: { field: 'value', format: '.0%' },
          color: {
            condition: { test: `datum.series == ${quoted(bestFirst[0]!)}`, value: p.textOnDark },
            value: p.text,
          },
          tooltip: tip,
        },
      },
      {
        transform: [{ filter: `datum.series == ${quoted(bestFirst[0]!)}` }],
        mark: { type: 'text', align: 'left', dx: 3, fontSize: style.fontSize - 1, color: p.muted },
        encoding: { x: { datum: 1 }, text: { field: 'n', format: 'd' } },
      },
    ],
  };
  return chartSpec(RATING_BARS, table, rows, style, {
    facet: languageFacet(rows),
    spec: bars,
    spacing: 4,
  });
}

export const RATING_BARS: ChartDefinition = {
  id: 'ratings',
  ...chartText((words) => words.ratings),
  table: 'ratings',
  data,
  spec,
};
