// The product's point in one picture: per language, each judge's agreement with the humans next to the humans'
// agreement with each other, with intervals, and the languages where the judge is below the humans marked (the one
// rule of metrics/audit/belowHumans.ts: judge − humans wholly under 0, read from the table's "Below humans"). Drawn from the dashboard's table, so the editor's numbers and this figure are the same figures.
import type { Table } from '../report/table';
import type { ChartDefinition, Datum } from './chart';
import { column, estimateFields, rowPlace, textOf } from './datum';
import {
  chartSpec,
  distinct,
  labelRoom,
  languageOrder,
  languageRows,
  PERCENT_AXIS,
  plotWidth,
  textWidth,
  tooltip,
  whisker,
} from './layout';
import type { ChartStyle } from './style';

/** The dashboard's figures: the column, its name in the table's "Below humans" column, and its title here. */
export const FOREST_FIGURES = [
  ['withTie', 'w/ tie', 'Agree w/ tie'],
  ['withoutTie', 'w/o tie', 'Agree w/o tie'],
  ['lima', 'LIMA', 'LIMA score'],
] as const;
export const HUMANS = 'human vs human';
const JUDGE_SUFFIX = ' vs humans';

function data(table: Table, style: ChartStyle): Datum[] {
  return table.rows.flatMap((row) => {
    const comparison = textOf(row, 'comparison')!;
    const below = (textOf(row, 'belowHumans') ?? '').split(', ');
    const judge = comparison === HUMANS ? undefined : comparison.slice(0, -JUDGE_SUFFIX.length);
    return FOREST_FIGURES.map(([key, short, series]): Datum => ({
      ...rowPlace(row, style),
      ...(judge !== undefined ? { judge } : {}),
      comparison,
      series,
      figure: key,
      below: below.includes(short),
      ...estimateFields(row[key], column(table, key), style),
    }));
  });
}

function spec(rows: readonly Datum[], table: Table, style: ChartStyle) {
  const p = style.palette;
  const comparisons = distinct(rows.map((d) => d.comparison as string)).sort(
    (a, b) => Number(a === HUMANS) - Number(b === HUMANS),
  );
  const judges = comparisons.filter((c) => c !== HUMANS);
  const colours = comparisons.map((c, i) => (c === HUMANS ? p.text : p.category[i % p.category.length]!));
  const tip = tooltip('Agreement %', [
    { field: 'comparison', title: 'Comparison' },
    { field: 'series', title: 'Figure' },
    { field: 'belowText', title: 'Below humans' },
  ]);
  const forest = {
    width: plotWidth(
      style,
      labelRoom(style, [{ texts: languageOrder(rows), bold: true }], textWidth(['below'], style.fontSize - 1)),
      FOREST_FIGURES.length,
      8,
    ),
    height: { step: Math.round(style.fontSize * 1.6) },
    transform: [
      {
        calculate: `datum.comparison == '${HUMANS}' ? 'humans' : datum.below ? 'judge below humans' : 'judge'`,
        as: 'mark',
      },
      { calculate: "datum.below ? 'yes: judge − humans wholly under 0' : 'no'", as: 'belowText' },
    ],
    encoding: { y: { field: 'comparison', type: 'nominal', sort: comparisons, title: null, axis: null } },
    layer: [
      {
        // The humans' interval as a band across the language's panel (context; "below" is the table's verdict).
        transform: [{ filter: `datum.comparison == '${HUMANS}' && isValid(datum.lower) && isValid(datum.upper)` }],
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
            scale: { domain: ['judge', 'judge below humans', 'humans'], range: ['circle', 'triangle-down', 'diamond'] },
            legend: {
              values: ['humans', 'judge', 'judge below humans'],
              labelExpr: `datum.label == 'humans' ? 'human vs human' : datum.label == 'judge' ? '${judges.length === 1 ? judges[0] : 'judge vs humans'}' : datum.label`,
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
          text: 'below',
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
        sort: FOREST_FIGURES.map(([, , s]) => s),
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
  title: 'Can the judge be trusted? Judge–human next to human–human agreement',
  description:
    "a forest plot per language: each judge's agreement with the humans (with ties, without, LIMA score) next to the humans' own, with intervals; a judge below the humans (judge − humans wholly under 0) is marked",
  table: 'agreement-dashboard',
  width: 'two',
  data,
  spec,
};
