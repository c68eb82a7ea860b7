// The product's point in one picture: per language, each judge's agreement with the humans next to the humans'
// agreement with each other, with intervals, and the languages where the judge is below the humans marked (the one
// rule of metrics/audit/belowHumans.ts: judge − humans wholly under 0, read from the table's "Below humans"). Drawn from the dashboard's table, so the editor's numbers and this figure are the same figures.
import type { Table } from '../report/table';
import { chartText, type ChartDefinition, type Datum } from './chart';
import { column, estimateFields, rowPlace, textOf } from './datum';
import {
  chartSpec,
  distinct,
  labelRoom,
  languageOrder,
  languageRows,
  PERCENT_AXIS,
  plotWidth,
  quoted,
  textWidth,
  tooltip,
  whisker,
} from './layout';
import type { ChartStyle } from './style';

/** The dashboard's figures: the column (its title is the words' of that name), its name in the table's "Below humans" column. */
export const FOREST_FIGURES = [
  ['withTie', 'w/ tie'],
  ['withoutTie', 'w/o tie'],
  ['lima', 'LIMA'],
] as const;
/** The table's comparisons: the humans' row, and each judge's "X vs humans". */
export const HUMANS = 'human vs human';
const JUDGE_SUFFIX = ' vs humans';

function data(table: Table, style: ChartStyle): Datum[] {
  const w = style.words.judgeVsHumans;
  return table.rows.flatMap((row) => {
    const compared = textOf(row, 'comparison')!;
    const below = (textOf(row, 'belowHumans') ?? '').split(', ');
    const judge = compared === HUMANS ? undefined : compared.slice(0, -JUDGE_SUFFIX.length);
    return FOREST_FIGURES.map(([key, short]): Datum => ({
      ...rowPlace(row, style),
      ...(judge !== undefined ? { judge } : {}),
      comparison: judge === undefined ? w.humanVsHuman : w.judgeVsHumansOf(judge),
      series: w[key],
      figure: key,
      below: below.includes(short),
      ...estimateFields(row[key], column(table, key), style),
    }));
  });
}

function spec(rows: readonly Datum[], table: Table, style: ChartStyle) {
  const p = style.palette;
  const words = style.words;
  const w = words.judgeVsHumans;
  const humans = w.humanVsHuman;
  const comparisons = distinct(rows.map((d) => d.comparison as string)).sort(
    (a, b) => Number(a === humans) - Number(b === humans),
  );
  const judges = comparisons.filter((c) => c !== humans);
  const colours = comparisons.map((c, i) => (c === humans ? p.text : p.category[i % p.category.length]!));
  const tip = tooltip(words, words.agreementPercent, [
    { field: 'comparison', title: w.comparison },
    { field: 'series', title: w.figure },
    { field: 'belowText', title: w.belowHumans },
  ]);
  const forest = {
    width: plotWidth(
      style,
      labelRoom(style, [{ texts: languageOrder(rows), bold: true }], textWidth([w.below], style.fontSize - 1)),
      FOREST_FIGURES.length,
      8,
    ),
    height: { step: Math.round(style.fontSize * 1.6) },
    transform: [
      {
        calculate: `datum.comparison == ${quoted(humans)} ? 'humans' : datum.below ? ${quoted(w.judgeBelowHumans)} : 'judge'`,
        as: 'mark',
      },
      { calculate: `datum.below ? ${quoted(w.belowYes)} : ${quoted(w.belowNo)}`, as: 'belowText' },
    ],
    encoding: { y: { field: 'comparison', type: 'nominal', sort: comparisons, title: null, axis: null } },
    layer: [
      {
        // The humans' interval as a band across the language's panel (context; "below" is the table's verdict).
        transform: [
          { filter: `datum.comparison == ${quoted(humans)} && isValid(datum.lower) && isValid(datum.upper)` },
        ],
        mark: { type: 'rect', color: p.leftOut },
        encoding: { x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' }, y: null, tooltip: tip },
      },
      whisker(p.text, { tooltip: tip }),
      {
        mark: { type: 'point', filled: true, size: style.fontSize * 5, strokeWidth: 1 },
        encoding: {
          x: {
            field: 'value',
            type: 'quantitative',
            scale: { domain: [0, 1] },
            axis: { ...PERCENT_AXIS, values: [0, 0.5, 1] },
            title: null,
          },
          color: {
            field: 'comparison',
            type: 'nominal',
            sort: comparisons,
            scale: { domain: comparisons, range: colours },
            title: null,
            legend: judges.length > 1 ? {} : null,
          },
          shape: {
            field: 'mark',
            type: 'nominal',
            title: null,
            // The marks' names are the chart's own but for the one the legend shows as it is, the judge below.
            scale: {
              domain: ['judge', w.judgeBelowHumans, 'humans'],
              range: ['circle', 'triangle-down', 'diamond'],
            },
            legend: {
              values: ['humans', 'judge', w.judgeBelowHumans],
              labelExpr: `datum.label == 'humans' ? ${quoted(humans)} : datum.label == 'judge' ? ${quoted(judges.length === 1 ? judges[0]! : w.judgeVsHumans)} : datum.label`,
            },
          },
          tooltip: tip,
        },
      },
      {
        transform: [{ filter: 'datum.below' }],
        mark: {
          type: 'text',
          align: 'left',
          dx: 4,
          fontSize: style.fontSize - 1,
          fontWeight: 'bold',
          color: p.alert,
          text: w.below,
        },
        encoding: { x: { field: 'upper', type: 'quantitative' }, tooltip: tip },
      },
    ],
  };
  return chartSpec(JUDGE_VS_HUMANS, table, rows, style, {
    facet: {
      row: languageRows(languageOrder(rows)),
      column: {
        field: 'series',
        type: 'nominal',
        sort: FOREST_FIGURES.map(([key]) => w[key]),
        title: null,
        header: { labelFontWeight: 'bold' },
      },
    },
    spec: forest,
    spacing: { row: 2, column: 8 },
  });
}

export const JUDGE_VS_HUMANS: ChartDefinition = {
  id: 'judge-vs-humans',
  ...chartText((words) => words.judgeVsHumans),
  table: 'agreement-dashboard',
  width: 'two',
  data,
  spec,
};
