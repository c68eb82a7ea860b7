// [SH]'s headline figure: systems × evaluation languages, each cell IF_L(X) against the language's baseline, each
// column coloured on its own scale (compare within a column, not across), the baseline's own cell left out and
// marked, the value and n printed in every cell.
import type { Table } from '../report/table';
import { chartText, type ChartDefinition, type Datum } from './chart';
import { column, estimateFields, languageLabel, textOf } from './datum';
import { chartSpec, distinct, quoted, tooltip } from './layout';
import { layoutWidth, type ChartStyle } from './style';

const BASELINE_CELL = '(baseline)';

/** The language columns of the matrix: each percent column has its n column beside it. */
function languageColumns(table: Table): string[] {
  return table.columns
    .filter((c) => c.kind === 'percent' && table.columns.some((n) => n.key === `n_${c.key}`))
    .map((c) => c.key);
}

function data(table: Table, style: ChartStyle): Datum[] {
  const w = style.words.ifHeatmap;
  const languages = languageColumns(table);
  return table.rows.flatMap((row) =>
    languages.map((lang): Datum => {
      const cell = row[lang];
      const place = {
        lang,
        language: languageLabel(lang, style),
        system: textOf(row, 'system')!,
        judge: textOf(row, 'judge')!,
        ...(typeof row.run === 'string' ? { run: row.run } : {}),
        ...(row.turn !== undefined ? { turn: Number(row.turn) } : {}),
      };
      if (cell === BASELINE_CELL)
        return {
          ...place,
          value: null,
          n: null,
          lower: null,
          upper: null,
          valueText: '',
          intervalText: '',
          leftOut: w.baseline,
          mark: '—',
        };
      if (cell === undefined || cell === null)
        return {
          ...place,
          value: null,
          n: null,
          lower: null,
          upper: null,
          valueText: '',
          intervalText: '',
          leftOut: w.notJudged,
          mark: '·',
        };
      return { ...place, ...estimateFields(cell, column(table, lang), style) };
    }),
  );
}

function spec(rows: readonly Datum[], table: Table, style: ChartStyle) {
  const p = style.palette;
  const words = style.words;
  const w = words.ifHeatmap;
  const languages = distinct(rows.map((d) => d.language));
  const systems = distinct(rows.map((d) => d.system));
  const judges = distinct(rows.map((d) => d.judge));
  const labelRoom = 70;
  const step = Math.max(
    22,
    Math.min(
      style.labels === 'names' ? 56 : 48,
      Math.floor((layoutWidth(style) - labelRoom) / Math.max(1, languages.length)),
    ),
  );
  const measured = { filter: 'datum.leftOut == null' };
  const cellTip = tooltip(words, w.ifScorePercent, [
    { field: 'system', title: words.system },
    { field: 'judge', title: words.judge },
  ]);
  const leftOutTip = [
    { field: 'language', title: words.language },
    { field: 'system', title: words.system },
    { field: 'leftOut', title: w.leftOut },
  ];
  const heatmap = {
    width: { step },
    height: { step: Math.round(style.fontSize * 3.2) },
    transform: [
      // Each column on its own scale (Shaham et al.): a cell's shade is its place between its column's lowest and highest.
      {
        joinaggregate: [
          { op: 'min', field: 'value', as: 'columnMin' },
          { op: 'max', field: 'value', as: 'columnMax' },
        ],
        groupby: ['judge', 'lang', 'run', 'turn'],
      },
      {
        calculate:
          'datum.value == null ? null : datum.columnMax > datum.columnMin ? (datum.value - datum.columnMin) / (datum.columnMax - datum.columnMin) : 0.5',
        as: 'shade',
      },
      { calculate: `datum.n == null ? '' : ${quoted(w.nIs)} + datum.n`, as: 'nText' },
    ],
    encoding: {
      x: {
        field: 'language',
        type: 'nominal',
        sort: languages,
        title: null,
        // Names in the editor (English and the language's own) are long: slanted below the cells, one line each, so that
        // a right-to-left name is never broken across lines.
        axis: {
          orient: 'top',
          labelAngle: 0,
          domain: false,
          ticks: false,
          ...(style.labels === 'names'
            ? { orient: 'bottom', labelAngle: -30, labelAlign: 'right', labelBaseline: 'top' }
            : {}),
        },
      },
      y: { field: 'system', type: 'nominal', sort: systems, title: null, axis: { domain: false, ticks: false } },
    },
    layer: [
      {
        transform: [measured],
        mark: { type: 'rect', stroke: p.background, strokeWidth: 1.5 },
        encoding: {
          color: { field: 'shade', type: 'quantitative', scale: { domain: [0, 1], range: 'heatmap' }, legend: null },
          tooltip: cellTip,
        },
      },
      {
        transform: [{ filter: 'datum.leftOut != null' }],
        mark: { type: 'rect', fill: p.leftOut, stroke: p.background, strokeWidth: 1.5 },
        encoding: {
          tooltip: leftOutTip,
        },
      },
      {
        transform: [{ filter: 'datum.leftOut != null' }],
        mark: { type: 'text', fontSize: style.fontSize + 1, color: p.muted },
        encoding: {
          text: { field: 'mark' },
          tooltip: leftOutTip,
        },
      },
      {
        transform: [measured],
        mark: { type: 'text', dy: -style.fontSize * 0.35, fontSize: style.fontSize, fontWeight: 'bold' },
        encoding: {
          text: { field: 'valueText' },
          color: { condition: { test: 'datum.shade > 0.55', value: p.textOnDark }, value: p.text },
          tooltip: cellTip,
        },
      },
      {
        transform: [measured],
        mark: { type: 'text', dy: style.fontSize * 0.75, fontSize: style.fontSize - 2 },
        encoding: {
          text: { field: 'nText' },
          color: { condition: { test: 'datum.shade > 0.55', value: p.textOnDark }, value: p.muted },
          tooltip: cellTip,
        },
      },
    ],
  };
  const body =
    judges.length > 1
      ? {
          facet: {
            row: {
              field: 'judge',
              type: 'nominal',
              title: null,
              header: { labelAngle: 0, labelOrient: 'top', labelAlign: 'left' },
            },
          },
          spec: heatmap,
        }
      : heatmap;
  return chartSpec(IF_HEATMAP, table, rows, style, body);
}

export const IF_HEATMAP: ChartDefinition = {
  id: 'if-heatmap',
  ...chartText((words) => words.ifHeatmap),
  table: 'if-matrix',
  data,
  spec,
};
