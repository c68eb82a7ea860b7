// The Charts panel's messages: the run's figures drawn in the theme's colours, and the items behind a mark.
import { AUDIT_PHRASES, DASHBOARD_FIGURES, type AuditView, type DashboardFigure } from './audit';
import type { RequestMessage, ResponseMessage } from './channel';
import type { LanguageView } from './common';
import type { WordsMessage } from './words';
import { type ChartThemeView, parseChartTheme } from './chartTheme';
import {
  type OpenGroupMessage,
  ProtocolError,
  int,
  nullableInt,
  nullableStr,
  oneOf,
  parseOpenGroup,
  record,
  str,
} from './fields';

export interface ChartView {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The Vega specification (compiled from Vega-Lite by the host), its data inline; null when there is nothing to draw. */
  readonly vega: Record<string, unknown> | null;
  /** Why there is nothing to draw, or what the table says about what was left out. */
  readonly notes: readonly string[];
  readonly marks: number;
}

export interface ChartsView {
  readonly run: string;
  /** The side-by-side baseline of the heatmap (a system, or a pattern like "mono-{lang}"); null when none fits. */
  readonly baseline: string | null;
  readonly charts: readonly ChartView[];
}

/** A clicked mark: the chart and what its datum names (as src/core/charts/itemsBehind.ts takes it). */
export interface ChartMarkTarget {
  readonly chart: string;
  readonly lang: string;
  readonly run: string | null;
  readonly turn: number | null;
  readonly judge: string | null;
  readonly system: string | null;
  readonly series: string | null;
  /** judge-vs-humans: the dashboard figure of the mark. */
  readonly figure: DashboardFigure | null;
}

export interface MarkItemsView {
  readonly target: ChartMarkTarget;
  readonly language: LanguageView;
  readonly title: string;
  readonly summary: string;
  readonly items: readonly {
    readonly run: string;
    readonly group: string;
    readonly lang: string;
    readonly turn: number;
    readonly system: string | null;
    readonly detail: string;
  }[];
}

/** The items behind a mark: the dashboard's audit list for judge-vs-humans, a list of prompt groups otherwise. */
export type ChartItemsView =
  { readonly kind: 'audit'; readonly audit: AuditView } | { readonly kind: 'items'; readonly items: MarkItemsView };

export interface ChartsRequests {
  readonly items: { readonly params: ChartMarkTarget; readonly result: ChartItemsView };
}

/**
 * The charts panel's words (shared/protocol/words.ts), built by src/extension/charts/chartsWords.ts: each phrase
 * with the number of placeholders webview/charts fills; the items' list's (AUDIT_PHRASES) with them.
 */
export const CHARTS_PHRASES = {
  ...AUDIT_PHRASES,
  charts: 0,
  help: 0,
  baseline: 0,
  baselinePlaceholder: 0,
  refresh: 0,
  refreshTitle: 0,
  chooseRun: 0,
  chooseRunTitle: 0,
  nothingToDraw: 0,
  notes: 0,
  notDrawn: 1,
  system: 0,
  whatCounted: 0,
} as const;
export type ChartsPhrase = keyof typeof CHARTS_PHRASES;

export type ChartsToWebview =
  | WordsMessage<ChartsPhrase>
  | { readonly type: 'show'; readonly view: ChartsView }
  | { readonly type: 'loading' }
  | { readonly type: 'error'; readonly message: string }
  | ResponseMessage;

export type ChartsToHost =
  | { readonly type: 'ready'; readonly theme: ChartThemeView }
  | { readonly type: 'theme'; readonly theme: ChartThemeView }
  | { readonly type: 'refresh' }
  | { readonly type: 'chooseRun' }
  | { readonly type: 'baseline'; readonly baseline: string }
  | OpenGroupMessage
  | RequestMessage<ChartsRequests>;

/** What the charts webview keeps for the serializer, to draw the same run and baseline again after a reload. */
export interface ChartsState {
  readonly run: string;
  readonly baseline: string | null;
}

/** The state VS Code hands back after a reload (from an older version, or none): undefined when unusable. */
export function parseChartsState(raw: unknown): ChartsState | undefined {
  try {
    const o = record(raw, 'state');
    return { run: str(o, 'run', 1000), baseline: nullableStr(o, 'baseline', 1000) };
  } catch {
    return undefined;
  }
}

export function parseChartMarkTarget(raw: unknown): ChartMarkTarget {
  const o = record(raw, 'target');
  return {
    chart: str(o, 'chart', 100),
    lang: str(o, 'lang', 100),
    run: nullableStr(o, 'run', 1000),
    turn: nullableInt(o, 'turn'),
    judge: nullableStr(o, 'judge', 1000),
    system: nullableStr(o, 'system', 1000),
    series: nullableStr(o, 'series', 1000),
    figure: o.figure === null || o.figure === undefined ? null : oneOf(o, 'figure', DASHBOARD_FIGURES),
  };
}

/** A message from the charts webview, checked field by field. */
export function parseChartsMessage(raw: unknown): ChartsToHost {
  const o = record(raw, 'message');
  switch (o.type) {
    case 'ready':
      return { type: 'ready', theme: parseChartTheme(o.theme) };
    case 'theme':
      return { type: 'theme', theme: parseChartTheme(o.theme) };
    case 'refresh':
      return { type: 'refresh' };
    case 'chooseRun':
      return { type: 'chooseRun' };
    case 'baseline':
      return { type: 'baseline', baseline: str(o, 'baseline', 1000) };
    case 'openGroup':
      return parseOpenGroup(o);
    case 'request': {
      if (o.method !== 'items') throw new ProtocolError(`unknown request ${String(o.method)}`);
      return { type: 'request', id: int(o, 'id'), method: 'items', params: parseChartMarkTarget(o.params) };
    }
    default:
      throw new ProtocolError(`unknown message type ${String(o.type)}`);
  }
}
