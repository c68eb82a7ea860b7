// Judge consistency per language: the share of pairs whose verdict flips when the order is swapped, and the share
// of single-order verdicts won by the response shown first (position bias), each with its interval.
import type { Table } from '../report/table';
import { chartText, type ChartDefinition, type Datum } from './chart';
import { column, estimateFields, rowPlace, textOf } from './datum';
import {
  chartSpec,
  judgesOf,
  labelRoom,
  languageOrder,
  PERCENT_AXIS,
  plotWidth,
  quoted,
  tooltip,
  whisker,
} from './layout';
import type { ChartStyle } from './style';
import type { ChartWords } from './words';

/** The table's two measures and what the chart calls them. */
function measures(words: ChartWords) {
  const w = words.judgeConsistency;
  return [
    ['flip', w.flipRate],
    ['firstWins', w.firstShownWins],
  ] as const;
}

function data(table: Table, style: ChartStyle): Datum[] {
  return table.rows.flatMap((row) =>
    measures(style.words).map(([key, series]): Datum => ({
      ...rowPlace(row, style),
      judge: textOf(row, 'judge')!,
      series,
      measure: key,
      ...estimateFields(row[key], column(table, key), style),
      // Beside the first-shown response's share, the second-shown's (the table's next column), to compare.
      ...(key === 'firstWins' ? secondWins(table, row, style) : {}),
    })),
  );
}

function secondWins(
  table: Table,
  row: Table['rows'][number],
  style: ChartStyle,
): { second: number | null; secondText: string } {
  const { value, valueText, intervalText } = estimateFields(row.secondWins, column(table, 'secondWins'), style);
  return { second: value, secondText: `${valueText} ${intervalText}`.trim() };
}

function spec(rows: readonly Datum[], table: Table, style: ChartStyle) {
  const p = style.palette;
  const words = style.words;
  const w = words.judgeConsistency;
  const judges = judgesOf(rows);
  const tip = tooltip(words, words.sharePercent, [
    { field: 'judge', title: words.judge },
    { field: 'series', title: w.measure },
    { field: 'secondText', title: w.secondShownWins },
  ]);
  const [flip, firstWins] = measures(words);
  const panel = {
    width: plotWidth(style, labelRoom(style, [{ texts: languageOrder(rows) }], 6), 2),
    height: { step: Math.round(style.fontSize * (1.3 * judges.length + 1)) },
    encoding: {
      y: { field: 'language', type: 'nominal', sort: languageOrder(rows), title: null },
      yOffset: { field: 'judge', type: 'nominal', sort: judges },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.8 } },
        encoding: {
          x: {
            field: 'value',
            type: 'quantitative',
            scale: { domain: [0, 1] },
            axis: { ...PERCENT_AXIS, values: [0, 0.5, 1] },
            title: null,
          },
          color: {
            field: 'judge',
            type: 'nominal',
            sort: judges,
            scale: { domain: judges, range: [...p.ordinal.slice(1, 2), ...p.category.slice(1)] },
            title: null,
            legend: judges.length > 1 ? {} : null,
          },
          tooltip: tip,
        },
      },
      whisker(p.text, { tooltip: tip }),
      {
        // The second-shown response's share as a tick on the first's bar: without position bias they meet.
        transform: [{ filter: "datum.measure == 'firstWins' && isValid(datum.second)" }],
        mark: { type: 'tick', color: p.alert, thickness: 2 },
        encoding: { x: { field: 'second', type: 'quantitative' }, tooltip: tip },
      },
    ],
  };
  return chartSpec(JUDGE_CONSISTENCY, table, rows, style, {
    facet: {
      column: {
        field: 'series',
        type: 'nominal',
        sort: [flip[1], firstWins[1]],
        title: null,
        header: {
          labelExpr: `datum.value == ${quoted(firstWins[1])} ? [${quoted(firstWins[1])}, ${quoted(w.tickNote)}] : datum.value`,
        },
      },
    },
    spec: panel,
    spacing: 10,
  });
}

export const JUDGE_CONSISTENCY: ChartDefinition = {
  id: 'judge-consistency',
  ...chartText((words) => words.judgeConsistency),
  table: 'judge-consistency',
  data,
  spec,
};
