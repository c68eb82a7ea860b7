// Human ratings on declared scales (numeric 1–5, named levels; docs/formats.md "Label schemas"): per language,
// criterion and system, the share of each level as one stacked bar, best level first and darkest first (it reads in
// greyscale), with the mean at the bar's end; each segment's share, n (ratings) and interval and the row's mean with
// its interval are in the tooltip. The ratings table's rows on a declared scale,
// cell for cell; its excellent / pass / fail rows are the `ratings` chart's.
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
  textWidth,
  tooltip,
} from './layout';
import type { ChartStyle } from './style';

type Row = Table['rows'][number];

/** A row on a declared scale: the table names its scale (excellent / pass / fail rows have a cell "excellent"). */
function onDeclaredScale(row: Row): boolean {
  return typeof row.scale === 'string' && (row.excellent === undefined || row.excellent === null);
}

/**
 * The table's level columns (its only shares), best first as the table orders them, that this row's scale has; read
 * by kind, not by header, which is in the words of whoever built the table.
 */
function levelsOf(table: Table, row: Row): string[] {
  return table.columns
    .filter((c) => c.kind === 'percent' && row[c.key] !== undefined && row[c.key] !== null)
    .map((c) => c.key);
}

/** What a panel's ratings are about: the criterion, and the scale when the table has several. */
function panelOf(row: Row, scales: number): string {
  const criterion = textOf(row, 'criterion');
  const parts = [criterion, scales > 1 ? textOf(row, 'scale') : undefined];
  return parts.filter((t) => t !== undefined && t !== '').join(' · ') || String(textOf(row, 'scale'));
}

function data(table: Table, style: ChartStyle): Datum[] {
  if (!table.columns.some((c) => c.key === 'scale')) return [];
  const mean = column(table, 'mean');
  const declared = table.rows.filter(onDeclaredScale);
  const scales = new Set(declared.map((r) => r.scale)).size;
  return declared.flatMap((row) => {
    const meanFields = estimateFields(row.mean, mean, style);
    return levelsOf(table, row).map((level, order): Datum => ({
      ...rowPlace(row, style),
      system: textOf(row, 'system')!,
      ...(textOf(row, 'criterion') !== undefined ? { criterion: textOf(row, 'criterion') } : {}),
      scale: textOf(row, 'scale')!,
      panel: panelOf(row, scales),
      series: level,
      order,
      ratings: typeof row.ratings === 'number' ? row.ratings : null,
      mean: meanFields.value,
      meanText: meanFields.intervalText ? `${meanFields.valueText} ${meanFields.intervalText}` : meanFields.valueText,
      ...estimateFields(row[level], column(table, level), style),
    }));
  });
}

/** count colours from dark to light along the palette's sequential ramp (its stops interpolated in RGB). */
export function darkToLight(ramp: readonly string[], count: number): string[] {
  const stops = [...ramp].reverse().map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
  if (count === 1 || stops.length === 1) return [ramp[ramp.length - 1]!].slice(0, count);
  return Array.from({ length: count }, (_, i) => {
    const at = (i / (count - 1)) * (stops.length - 1);
    const low = Math.floor(at);
    const high = Math.min(low + 1, stops.length - 1);
    const rgb = stops[low]!.map((v, k) => Math.round(v + (stops[high]![k]! - v) * (at - low)));
    return `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
  });
}

function spec(rows: readonly Datum[], table: Table, style: ChartStyle) {
  const p = style.palette;
  const systems = distinct(rows.map((d) => d.system!));
  const panels = distinct(rows.map((d) => String(d.panel)));
  const levels = distinct(table.columns.map((c) => c.key).filter((key) => rows.some((d) => d.series === key)));
  // The whole ramp, one step more than the levels, the lightest left out: it would not show against the background.
  const colours = darkToLight(p.heatmap, levels.length + 1).slice(0, levels.length);
  const scales = distinct(rows.map((d) => String(d.scale)));
  const dark = levels.filter((_, i) => i < levels.length / 2);
  const words = style.words;
  const w = words.scaleRatings;
  const tip = tooltip(words, words.sharePercent, [
    { field: 'system', title: words.system },
    { field: 'panel', title: w.rated },
    { field: 'series', title: w.level },
    { field: 'meanText', title: words.mean },
  ]);
  const room = labelRoom(style, [{ texts: systems }], (textWidth(['9.9'], style.fontSize - 1) + 4) * panels.length);
  const bars = {
    width: plotWidth(style, room + textWidth(languageOrder(rows), style.fontSize, true) + 8, panels.length, 8),
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
            axis: { ...PERCENT_AXIS, values: [0, 0.5, 1] },
            title: null,
          },
          color: {
            field: 'series',
            type: 'ordinal',
            sort: levels,
            scale: { domain: levels, range: colours },
            title: [scales.length === 1 ? scales[0] : w.level, w.meanNote],
            legend: { orient: 'top', direction: 'horizontal', columnPadding: 2, symbolSize: 40, titleLimit: 140 },
          },
          order: { field: 'order' },
          tooltip: tip,
        },
      },
      {
        mark: { type: 'text', fontSize: style.fontSize - 1 },
        transform: [
          {
            stack: 'value',
            groupby: ['language', 'panel', 'system'],
            sort: [{ field: 'order' }],
            as: ['start', 'end'],
          },
          { filter: 'datum.value >= 0.3' },
          { calculate: '(datum.start + datum.end) / 2', as: 'middle' },
        ],
        encoding: {
          x: { field: 'middle', type: 'quantitative' },
          text: { field: 'value', format: '.0%' },
          color: {
            condition: { test: `indexof(${JSON.stringify(dark)}, datum.series) >= 0`, value: p.textOnDark },
            value: p.text,
          },
          tooltip: tip,
        },
      },
      {
        transform: [
          { filter: 'datum.order == 0' },
          { calculate: 'isValid(datum.mean) ? format(datum.mean, ".1f") : "–"', as: 'meanValue' },
        ],
        mark: { type: 'text', align: 'left', dx: 3, fontSize: style.fontSize - 1, color: p.muted },
        encoding: { x: { datum: 1 }, text: { field: 'meanValue' }, tooltip: tip },
      },
    ],
  };
  return chartSpec(SCALE_RATINGS, table, rows, style, {
    facet: {
      row: languageRows(languageOrder(rows)),
      column: { field: 'panel', type: 'nominal', sort: panels, title: null, header: { labelFontWeight: 'bold' } },
    },
    spec: bars,
    spacing: { row: 4, column: 8 },
  });
}

export const SCALE_RATINGS: ChartDefinition = {
  id: 'scale-ratings',
  ...chartText((words) => words.scaleRatings),
  table: 'ratings',
  width: 'two',
  data,
  spec,
};
