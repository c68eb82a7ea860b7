// Every chart LangLens draws, each from one named table, and building one from the store: the table first (the
// same one `langlens export` writes), then its marks.
import { tableSource } from '../report/sources';
import type { TableOptions } from '../report/tableSource';
import type { Store } from '../store/store';
import type { BuiltChart, ChartDefinition } from './chart';
import { IF_HEATMAP } from './ifHeatmap';
import { IO_AGREEMENT } from './ioAgreement';
import { JUDGE_CONSISTENCY } from './judgeConsistency';
import { JUDGE_VS_HUMANS } from './judgeVsHumans';
import { LANGUAGE_PENALTY } from './languagePenalty';
import { LIKERT_MEANS } from './likertMeans';
import { RATING_BARS } from './ratingBars';
import { SCALE_RATINGS } from './scaleRatings';
import type { ChartStyle } from './style';

export const CHARTS: readonly ChartDefinition[] = [
  JUDGE_VS_HUMANS,
  IF_HEATMAP,
  RATING_BARS,
  SCALE_RATINGS,
  LIKERT_MEANS,
  IO_AGREEMENT,
  LANGUAGE_PENALTY,
  JUDGE_CONSISTENCY,
];

export function chartDefinition(id: string): ChartDefinition | undefined {
  return CHARTS.find((c) => c.id === id);
}

/** The chart's table as `langlens export` builds it with these options, and the chart drawn from it. */
export async function buildChart(
  store: Store,
  chart: ChartDefinition,
  options: TableOptions,
  style: ChartStyle,
): Promise<BuiltChart> {
  const source = tableSource(chart.table);
  if (!source) throw new Error(`the ${chart.id} chart's table "${chart.table}" is not registered`);
  const table = await source.build(store, chart.tableOptions ? chart.tableOptions(options) : options);
  return drawChart(chart, table, style);
}

/** A chart from a table already built: pure. */
export function drawChart(chart: ChartDefinition, table: BuiltChart['table'], style: ChartStyle): BuiltChart {
  const data = chart.data(table, style);
  return { spec: chart.spec(data, table, style), data, table };
}

export type { BuiltChart, ChartDefinition, Datum, VegaLiteSpec } from './chart';
export { paperStyle, PAPER_STYLE, type ChartPalette, type ChartStyle, type ColumnWidth } from './style';
