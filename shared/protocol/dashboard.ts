// The dashboard's messages: judge-vs-human and human-human figures per language, their filters and audits.
import { AUDIT_PHRASES, type AuditTarget, type AuditView, type DashboardFigure, parseAuditTarget } from './audit';
import type { RequestMessage, ResponseMessage } from './channel';
import type { LanguageView } from './common';
import type { WordsMessage } from './words';
import { type ChartThemeView, parseChartTheme } from './chartTheme';
import {
  type OpenGroupMessage,
  ProtocolError,
  int,
  nullableStr,
  oneOf,
  parseOpenGroup,
  record,
  str,
  strings,
} from './fields';

/** A figure with its n and interval (shares as 0..1; lower/upper null when no interval was computed). */
export interface EstimateView {
  readonly value: number | null;
  readonly n: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

export const DIFFERENCE_VERDICTS = ['below', 'above', 'no-difference-shown', 'too-few'] as const;
/** The verdict the core reads from the interval of judge − humans (src/core/metrics/audit/judgeMinusHumans.ts). */
export type DifferenceVerdictView = (typeof DIFFERENCE_VERDICTS)[number];

/** Judge − humans on one figure: shares as −1..1, n the prompt groups carrying both, and the core's verdict. */
export interface DifferenceView extends EstimateView {
  readonly verdict: DifferenceVerdictView;
}

/** One annotator in one language, as `annotator-scores` gives it (src/core/metrics/annotators). */
export interface AnnotatorScoreView {
  readonly language: LanguageView;
  readonly annotator: string;
  readonly items: number;
  readonly goldAccuracy: EstimateView;
  readonly withOthers: EstimateView;
  readonly withMajority: EstimateView;
  readonly medianTimeMs: number | null;
  readonly timed: number;
  /** Labels under the fast threshold (a share of the language's median time, `fastShare`). */
  readonly fast: number;
}

export interface ComparisonFiguresView {
  /** A judge's name, or null for human–human. */
  readonly judge: string | null;
  readonly figures: Readonly<Record<DashboardFigure, EstimateView>>;
  readonly items: number;
  readonly invalid: number;
  /** Per figure: the judge's interval lies entirely below the humans' (always false for human–human). */
  readonly below: Readonly<Record<DashboardFigure, boolean>>;
  /** Items where the judge goes against the human majority or every vote (judges only). */
  readonly errors: number | null;
  /** Judges only, with intervals: judge − humans per figure, the dashboard's verdict. */
  readonly minusHumans?: Readonly<Record<DashboardFigure, DifferenceView>> | null;
}

export interface DashboardGroupView {
  readonly language: LanguageView;
  /** Set when the data has several turns / runs, which are never pooled. */
  readonly turn: number | null;
  readonly run: string | null;
  readonly judges: readonly ComparisonFiguresView[];
  readonly humans: ComparisonFiguresView | null;
  readonly flagged: boolean;
}

export const INVALID_VERDICT_HANDLING = ['exclude', 'tie'] as const;
/** An unparsable judge verdict: left out of the figures, or counted as a tie. */
export type InvalidVerdictHandling = (typeof INVALID_VERDICT_HANDLING)[number];

/** Which votes and verdicts the figures rest on; the host passes them to the core. */
export interface DashboardFilters {
  /** Annotators by pattern ("expert_*", several with commas, "!author_*" to leave out); null for every annotator. */
  readonly annotators: string | null;
  /** Judges by name; null for every judge. */
  readonly judges: readonly string[] | null;
  readonly invalidAs: InvalidVerdictHandling;
}

export const DEFAULT_DASHBOARD_FILTERS: DashboardFilters = { annotators: null, judges: null, invalidAs: 'exclude' };

export interface DashboardView {
  readonly run: string;
  readonly filters: DashboardFilters;
  /** The names the filters can choose from (in the whole database). */
  readonly choices: { readonly judges: readonly string[]; readonly annotators: readonly string[] };
  /** Annotators whose votes the figures use, after the pattern. */
  readonly annotatorsUsed: readonly string[];
  readonly groups: readonly DashboardGroupView[];
  /** The figures' intervals; pending while they are computed (the estimates shown, no verdict judge − humans yet). */
  readonly intervals: {
    readonly level: number;
    readonly resamples: number;
    readonly seed: number;
    readonly pending: boolean;
  } | null;
  readonly notes: readonly string[];
  /** Each annotator per language (the lead's view); absent when the run has no raw labels to score. */
  readonly annotators?: {
    readonly rows: readonly AnnotatorScoreView[];
    /** A label under this share of its language's median time is fast. */
    readonly fastShare: number;
    readonly notes: readonly string[];
  };
  /** The judge-vs-humans chart of these figures (compiled Vega), once the webview has told its theme's colours. */
  readonly chart?: Record<string, unknown> | null;
  /**
   * When these figures were computed (milliseconds since the epoch; the page writes it as its locale writes a time):
   * the dashboard refreshes by itself as labels arrive.
   */
  readonly updatedAt?: number;
}

export interface DashboardRequests {
  readonly audit: { readonly params: AuditTarget; readonly result: AuditView };
}

/**
 * The dashboard's words (shared/protocol/words.ts), built by src/extension/dashboard/dashboardWords.ts: each
 * phrase with the number of placeholders webview/dashboard fills; the items' list's (AUDIT_PHRASES) with them.
 */
export const DASHBOARD_PHRASES = {
  ...AUDIT_PHRASES,
  toolbar: 0,
  heading: 0,
  intervals: 3,
  intervalsPending: 2,
  verdictPending: 0,
  noIntervals: 0,
  refresh: 0,
  refreshTitle: 0,
  chooseRun: 0,
  chooseRunTitle: 0,
  charts: 0,
  chartsTitle: 0,
  export: 0,
  exportTitle: 0,
  filters: 0,
  annotators: 0,
  annotatorsPlaceholder: 0,
  annotatorsTitle: 0,
  annotatorsUsed: 2,
  judges: 0,
  unparsableVerdicts: 0,
  leftOut: 0,
  countAsTies: 0,
  apply: 0,
  applyTitle: 0,
  updated: 1,
  noFigures: 1,
  judgeBelowIn: 1,
  chartLabel: 0,
  chartCaption: 0,
  language: 0,
  comparison: 0,
  figureHead: 1,
  items: 0,
  judgeErrors: 0,
  minusHumansTitle: 0,
  minusHumans: 0,
  legend: 0,
  turn: 1,
  judgeBelowBadge: 0,
  humanVsHuman: 0,
  vsHumans: 0,
  invalidLeftOut: 0,
  invalidCount: 1,
  errorItems: 1,
  none: 0,
  figureLabel: 4,
  figureInterval: 1,
  figureBelow: 0,
  noPairs: 0,
  belowInterval: 0,
  n: 1,
  withTie: 0,
  withoutTie: 0,
  lima: 0,
  withTieShort: 0,
  withoutTieShort: 0,
  limaShort: 0,
  below: 0,
  above: 0,
  noDifference: 0,
  tooFew: 0,
  tooFewIn: 1,
  noneBelow: 0,
  noOtherBelow: 0,
  minusTitle: 4,
  annotatorsHeading: 0,
  annotator: 0,
  goldAccuracy: 0,
  withOthers: 0,
  withMajority: 0,
  medianTime: 0,
  fastLabels: 0,
  seconds: 1,
  fastOf: 2,
} as const;
export type DashboardPhrase = keyof typeof DASHBOARD_PHRASES;

export type DashboardToWebview =
  | WordsMessage<DashboardPhrase>
  | { readonly type: 'show'; readonly view: DashboardView }
  | { readonly type: 'loading' }
  | { readonly type: 'error'; readonly message: string }
  | ResponseMessage;

export type DashboardToHost =
  | { readonly type: 'ready' }
  | { readonly type: 'refresh' }
  | { readonly type: 'export' }
  | { readonly type: 'chooseRun' }
  | { readonly type: 'filters'; readonly filters: DashboardFilters }
  | OpenGroupMessage
  /** The theme's chart colours, for the chart of the figures (at start and on every theme change). */
  | { readonly type: 'theme'; readonly theme: ChartThemeView }
  | { readonly type: 'openCharts' }
  | RequestMessage<DashboardRequests>;

export function parseDashboardFilters(raw: unknown): DashboardFilters {
  const o = record(raw, 'filters');
  const annotators = nullableStr(o, 'annotators', 1000)?.trim() || null;
  const judges = o.judges === null || o.judges === undefined ? null : strings(o, 'judges');
  return { annotators, judges, invalidAs: oneOf(o, 'invalidAs', INVALID_VERDICT_HANDLING) };
}

/** What the dashboard webview keeps for the serializer, to reopen the same run and filters after a reload. */
export interface DashboardState {
  readonly run: string;
  readonly filters: DashboardFilters;
}

/** The state VS Code hands back after a reload (written by an older version, or not at all): undefined if unusable. */
export function parseDashboardState(raw: unknown): DashboardState | undefined {
  try {
    const o = record(raw, 'state');
    let filters = DEFAULT_DASHBOARD_FILTERS;
    try {
      if (o.filters !== undefined) filters = parseDashboardFilters(o.filters);
    } catch {
      filters = DEFAULT_DASHBOARD_FILTERS;
    }
    return { run: str(o, 'run', 1000), filters };
  } catch {
    return undefined;
  }
}

/** A message from the dashboard webview, checked field by field. */
export function parseDashboardMessage(raw: unknown): DashboardToHost {
  const o = record(raw, 'message');
  switch (o.type) {
    case 'ready':
      return { type: 'ready' };
    case 'refresh':
      return { type: 'refresh' };
    case 'export':
      return { type: 'export' };
    case 'chooseRun':
      return { type: 'chooseRun' };
    case 'filters':
      return { type: 'filters', filters: parseDashboardFilters(o.filters) };
    case 'openGroup':
      return parseOpenGroup(o);
    case 'theme':
      return { type: 'theme', theme: parseChartTheme(o.theme) };
    case 'openCharts':
      return { type: 'openCharts' };
    case 'request': {
      if (o.method !== 'audit') throw new ProtocolError(`unknown request ${String(o.method)}`);
      return { type: 'request', id: int(o, 'id'), method: 'audit', params: parseAuditTarget(o.params) };
    }
    default:
      throw new ProtocolError(`unknown message type ${String(o.type)}`);
  }
}
