// What every chart of src/core/charts is: a Vega-Lite specification built from one finished Table (the same table
// `langlens export` writes), so that no figure is computed twice. A chart only reshapes the table's cells into marks,
// each mark carrying the table's value, n and interval, and says which table cells it left out.
import type { Table } from '../report/table';
import type { TableOptions } from '../report/tableSource';
import type { ChartStyle, ColumnWidth } from './style';
import { ENGLISH_CHART_WORDS, type ChartText, type ChartWords } from './words';

/** A Vega-Lite specification (https://vega.github.io/vega-lite/), as JSON. */
export type VegaLiteSpec = { readonly $schema: string } & Record<string, unknown>;

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** One mark's data: where it sits (language, system, judge, series), the table's figure, and its n and interval. */
export interface Datum {
  readonly lang: string;
  /** The language as the axis shows it (a tag for a paper, a name in the editor), with the turn or run when several. */
  readonly language: string;
  readonly run?: string;
  readonly turn?: number;
  readonly system?: string;
  readonly judge?: string;
  /** Which of the chart's quantities the mark shows (e.g. "gated", "excellent"). */
  readonly series?: string;
  /** As in the table: shares 0..1, means and sums as they are; null when undefined or left out. */
  readonly value: number | null;
  readonly n: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** The figure and its interval as the table's text renderers print them. */
  readonly valueText: string;
  readonly intervalText: string;
  /** Left out of the chart's marks with the reason shown in its place (the baseline's own cell). */
  readonly leftOut?: string;
  readonly [extra: string]: unknown;
}

export interface BuiltChart {
  readonly spec: VegaLiteSpec;
  readonly data: readonly Datum[];
  /** The tables the chart was drawn from, for its notes and its tests. */
  readonly table: Table;
}

export interface ChartDefinition {
  readonly id: string;
  /** In English, as a paper and the CLI say it (`text` in other words). */
  readonly title: string;
  /** What the chart shows, for `langlens plot --list` and docs/charts.md. */
  readonly description: string;
  /** The title and description in these words (the editor's display language). */
  text(words: ChartWords): ChartText;
  /** The named table (src/core/report/sources.ts) the chart is drawn from. */
  readonly table: string;
  /** The width it reads best at, unless asked otherwise (several panels side by side need the page). */
  readonly width?: ColumnWidth;
  /** Options the table must be built with for this chart (e.g. broken down by language). */
  readonly tableOptions?: (options: TableOptions) => TableOptions;
  /** The table's cells as marks: pure, no figure computed. */
  data(table: Table, style: ChartStyle): Datum[];
  spec(data: readonly Datum[], table: Table, style: ChartStyle): VegaLiteSpec;
}

/** A chart's title and description from its entry in the words: English as its own, and in whatever words asked. */
export function chartText(
  of: (words: ChartWords) => ChartText,
): Pick<ChartDefinition, 'title' | 'description' | 'text'> {
  const { title, description } = of(ENGLISH_CHART_WORDS);
  return { title, description, text: (words) => ({ title: of(words).title, description: of(words).description }) };
}
