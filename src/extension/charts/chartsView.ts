// Turns the core's charts into what the charts webview shows: each chart built from its table with the theme's
// colours and compiled to Vega (the webview runs Vega without eval), and the items behind a clicked mark. No
// vscode import and no metric here: the figures are the tables', the item lists the core's.
import { buildChart, CHARTS, drawChart, type ChartStyle } from '../../core/charts';
import { JUDGE_VS_HUMANS } from '../../core/charts/judgeVsHumans';
import { ratingOfSeries } from '../../core/charts/ratingBars';
import type { Dashboard } from '../../core/metrics/audit';
import { dashboardTable } from '../../core/report/dashboardTable';
import { itemsBehindMark } from '../../core/charts/itemsBehind';
import { compileChart, type Warn } from '../../core/charts/compile';
import { DEFAULT_INTERVALS } from '../../core/metrics/estimate';
import type { TableOptions } from '../../core/report/tableSource';
import type { Store } from '../../core/store/store';
import type { ChartThemeView } from '../../../shared/protocol/chartTheme';
import type { ChartItemsView, ChartMarkTarget, ChartsView, ChartView } from '../../../shared/protocol/charts';
import { auditView, loadDashboard } from '../dashboard/dashboardView';
import { ENGLISH_DISPLAY, type DisplayLanguage } from '../displayLanguage';
import { reportWords } from '../reportWords';
import { chartWords } from './chartWords';
import { markWords } from './markWords';
import { errorText } from '../coreText';

/** The charts' tables as the panel builds them: their titles, headers and notes in the display language. */
export function tableOptionsFor(
  run: string,
  baseline: string | null,
  display: DisplayLanguage = ENGLISH_DISPLAY,
): TableOptions {
  return {
    run,
    by: ['lang'],
    invalidAs: 'exclude',
    minItems: 30,
    intervals: DEFAULT_INTERVALS,
    ...(baseline ? { baseline } : {}),
    words: reportWords(display),
  };
}

/**
 * The theme's colours and font, laid out for the panel's width (a forest of three figures needs the room); the
 * languages named, the numbers and the words written in the display language.
 */
export function editorStyle(theme: ChartThemeView, display: DisplayLanguage = ENGLISH_DISPLAY): ChartStyle {
  const { kind: _kind, font, fontSize, width, ...palette } = theme;
  return {
    target: 'editor',
    width: 'two',
    labels: 'names',
    languageName: (tag) => display.language(tag).name,
    number: (value, fractionDigits) => display.number(value, fractionDigits),
    words: chartWords(display),
    palette,
    font,
    fontSize,
    ...(width !== undefined ? { fill: width } : {}),
  };
}

async function chartView(
  store: Store,
  id: string,
  options: TableOptions,
  style: ChartStyle,
  warn: Warn,
  l10n: DisplayLanguage,
): Promise<ChartView> {
  const definition = CHARTS.find((c) => c.id === id)!;
  const base = { id, ...definition.text(style.words) };
  if (definition.table === 'if-matrix' && options.baseline === undefined) {
    return {
      ...base,
      vega: null,
      marks: 0,
      notes: [
        l10n.t('Name the baseline system (or a pattern such as mono-{lang}) in the toolbar to draw the heatmap.'),
      ],
    };
  }
  try {
    const built = await buildChart(store, definition, options, style);
    if (built.data.length === 0)
      return {
        ...base,
        vega: null,
        marks: 0,
        notes: [l10n.t('Nothing to draw: the {0} table of this run is empty.', definition.table), ...built.table.notes],
      };
    return { ...base, vega: await compileChart(built.spec, warn), marks: built.data.length, notes: built.table.notes };
  } catch (err) {
    return { ...base, vega: null, marks: 0, notes: [errorText(err, l10n)] };
  }
}

export async function chartsView(
  store: Store,
  run: string,
  baseline: string | null,
  theme: ChartThemeView,
  warn: Warn,
  l10n: DisplayLanguage = ENGLISH_DISPLAY,
): Promise<ChartsView> {
  const options = tableOptionsFor(run, baseline, l10n);
  const style = editorStyle(theme, l10n);
  const charts: ChartView[] = [];
  for (const chart of CHARTS) charts.push(await chartView(store, chart.id, options, style, warn, l10n));
  return { run, baseline, charts };
}

/** The dashboard's figures as the judge-vs-humans chart: drawn from its own table, so they are the same figures. */
export async function dashboardChart(
  dashboard: Dashboard,
  theme: ChartThemeView,
  warn: Warn,
  display: DisplayLanguage = ENGLISH_DISPLAY,
): Promise<Record<string, unknown> | null> {
  if (dashboard.groups.length === 0) return null;
  const table = dashboardTable(dashboard, reportWords(display));
  return compileChart(drawChart(JUDGE_VS_HUMANS, table, editorStyle(theme, display)).spec, warn);
}

/** The items behind a mark: for judge-vs-humans the dashboard's own audit list, for the others the core's list. */
export async function chartItems(
  store: Store,
  run: string,
  baseline: string | null,
  target: ChartMarkTarget,
  l10n: DisplayLanguage = ENGLISH_DISPLAY,
): Promise<ChartItemsView> {
  if (target.chart === 'judge-vs-humans') {
    if (target.figure === null) throw new Error(l10n.t('this mark names no agreement figure'));
    const data = await loadDashboard(store, run);
    return {
      kind: 'audit',
      audit: auditView(
        data,
        {
          lang: target.lang,
          turn: target.turn,
          run: target.run,
          judge: target.judge,
          list: target.figure,
        },
        l10n,
      ),
    };
  }
  const { figure: _figure, ...mark } = target;
  // A rating's mark is named by its word in the display language; its items by the rating.
  const series =
    target.chart === 'ratings' && target.series !== null
      ? (ratingOfSeries(chartWords(l10n), target.series) ?? target.series)
      : target.series;
  const items = await itemsBehindMark(store, { ...mark, series }, tableOptionsFor(run, baseline), markWords(l10n));
  return { kind: 'items', items: { target, language: l10n.language(target.lang), ...items } };
}
