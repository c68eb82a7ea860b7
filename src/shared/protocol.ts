// The messages between the extension host and the webviews, imported by both sides (like vscode-hexeditor's
// shared/protocol.ts). Requests carry an id and get exactly one response with that id; notifications get none.
// The webview never touches the database or the file system: everything it shows arrives here, everything it
// changes leaves here. Messages from a webview are untrusted input (it renders model output) and are parsed
// with the parse* functions below before the host acts on them.

/** A language as the webviews show it: the tag for lang="", a display name, and the writing direction. */
export interface LanguageView {
  readonly tag: string;
  readonly name: string;
  readonly rtl: boolean;
}

export interface DetectionView {
  readonly language: LanguageView;
  readonly confidence: number | null;
  readonly detector: string;
  /** The detected language differs from the prompt's (undetermined and mixed are not a mismatch). */
  readonly mismatch: boolean;
  /** A mixed answer ("mul"): its languages and their shares (0..1), largest first; absent otherwise. */
  readonly parts?: readonly { readonly language: LanguageView; readonly share: number }[];
}

// ---------------------------------------------------------------------------------------------------- grid

export type GridLayout = 'languages-as-rows' | 'systems-as-rows';
export const GRID_LAYOUTS: readonly GridLayout[] = ['languages-as-rows', 'systems-as-rows'];

export interface ScoreView {
  readonly judge: string;
  readonly scale: string;
  readonly min: number;
  readonly max: number;
  /** null: the judge's answer could not be parsed (shown as invalid, with the raw answer). */
  readonly score: number | null;
  readonly reasoning: string | null;
  readonly raw: string | null;
}

export type Verdict = 'A' | 'B' | 'tie' | 'invalid';

/** One judge on one pair in one language: the verdict of each order and the combined one. */
export interface PairJudgmentView {
  readonly judge: string;
  readonly systemA: string;
  readonly systemB: string;
  /** Both orders combined (protocols.md §1); undefined when no order was judged. */
  readonly combined: Verdict | undefined;
  readonly orders: readonly {
    order: 'AB' | 'BA' | 'combined';
    verdict: Verdict;
    reasoning: string | null;
    raw: string | null;
  }[];
}

export interface HumanLabelView {
  readonly annotator: string;
  readonly value: string;
  readonly comment: string | null;
}

export interface HumanPairView extends HumanLabelView {
  readonly systemA: string;
  readonly systemB: string;
}

/**
 * HTML the host rendered from a model's Markdown with raw HTML turned off (src/extension/markdown.ts); the
 * webview inserts it as it is. "" for an empty text.
 */
export type RenderedMarkdown = string;

export interface SampleView {
  readonly seed: number;
  readonly html: RenderedMarkdown;
  readonly detected: DetectionView | null;
  readonly scores: readonly ScoreView[];
  readonly ratings: readonly HumanLabelView[];
  /** Humans' statements of the language the response is really in. */
  readonly languageLabels: readonly HumanLabelView[];
  /** Annotators who flag the response as not in the prompt's language. */
  readonly flaggedBy: readonly string[];
}

export interface GridCellView {
  readonly lang: string;
  readonly system: string;
  readonly samples: readonly SampleView[];
}

export interface GridLanguageView {
  readonly language: LanguageView;
  readonly prompt: RenderedMarkdown | null;
  readonly pairJudgments: readonly PairJudgmentView[];
  readonly humanPairs: readonly HumanPairView[];
}

export interface GridView {
  readonly run: string;
  readonly group: string;
  readonly turn: number;
  readonly turns: readonly number[];
  /** Where the group is in the run's list, for "3 of 617". */
  readonly position: { readonly index: number; readonly count: number };
  readonly languages: readonly GridLanguageView[];
  readonly systems: readonly string[];
  readonly cells: readonly GridCellView[];
  /** The language the group was opened from (the explorer's), to scroll to and highlight. */
  readonly focusLanguage: string | null;
}

export interface GridPreferences {
  readonly layout: GridLayout;
  /** Hidden rather than shown, so that languages and systems added later appear. */
  readonly hiddenLanguages: readonly string[];
  readonly hiddenSystems: readonly string[];
}

export type GridToWebview =
  | {
      readonly type: 'show';
      readonly view: GridView;
      readonly preferences: GridPreferences;
      readonly requestedAt: number;
    }
  | { readonly type: 'loading'; readonly what: string }
  | { readonly type: 'error'; readonly message: string };

export type GridToHost =
  | { readonly type: 'ready' }
  | { readonly type: 'navigate'; readonly to: 'next' | 'previous' }
  | { readonly type: 'turn'; readonly turn: number }
  | { readonly type: 'preferences'; readonly preferences: GridPreferences }
  /** Milliseconds from the host's request (requestedAt) to the grid painted, for the performance log. */
  | { readonly type: 'painted'; readonly requestedAt: number; readonly paintedAt: number; readonly cells: number };

// ---------------------------------------------------------------------------------------------- annotation

export type AnnotationTask = 'rating' | 'pairwise';
export const RATING_VALUES = ['excellent', 'pass', 'fail'] as const;
export type RatingValue = (typeof RATING_VALUES)[number];
/** Pairwise choices as the annotator sees them: by screen position, never by system. */
export const PAIR_CHOICES = ['left', 'right', 'tie'] as const;
export type PairChoice = (typeof PAIR_CHOICES)[number];
/** A choice on a project's declared scale (a level, or a number as text), prefixed so it is never a built-in value. */
export type ScaleChoice = `scale:${string}`;
export type LabelValue = RatingValue | PairChoice | ScaleChoice;

/** A declared scale and criterion as the annotation panel shows them (langlens.schema.json). */
export interface ScaleView {
  readonly name: string;
  readonly description: string | null;
  /** Worst first; the panel binds keys 1…N to them (0 for a tenth). */
  readonly choices: readonly string[];
}

export interface CriterionView {
  readonly name: string;
  readonly description: string | null;
  readonly rubric: string | null;
}
export type Slot = 'left' | 'right' | 'only';

export interface AnnotationResponseView {
  readonly slot: Slot;
  readonly html: RenderedMarkdown;
  /** Only when blind annotation is turned off. */
  readonly system: string | null;
  readonly language: LanguageView;
  readonly detected: DetectionView | null;
  /** This annotator flags it as not in the prompt's language. */
  readonly flagged: boolean;
}

export interface AnnotationItemView {
  readonly index: number;
  readonly key: string;
  readonly task: AnnotationTask;
  readonly group: string;
  readonly turn: number;
  readonly language: LanguageView;
  readonly prompt: RenderedMarkdown | null;
  /** Left first. */
  readonly responses: readonly AnnotationResponseView[];
  readonly label: { readonly value: LabelValue; readonly comment: string | null } | null;
  /** The criterion this item asks about, when the project's task has criteria (one item per response and criterion). */
  readonly criterion?: CriterionView;
}

export interface AnnotationSession {
  readonly run: string;
  readonly task: AnnotationTask;
  readonly annotator: string;
  readonly blind: boolean;
  readonly total: number;
  /** The item to show first: where the annotator stopped. */
  readonly startIndex: number;
  /** One character per item, "1" where the annotator has a current label: for progress and "next unlabelled". */
  readonly labelledMask: string;
  readonly languages: readonly LanguageView[];
  /** Languages the queue was opened for from the explorer, overriding the setting; kept to reopen it after a reload. */
  readonly restrictedTo: readonly string[] | null;
  /** The project's declared rating task: its scale (keys 1…N) and criteria; absent: excellent / pass / fail. */
  readonly design?: { readonly task: string; readonly scale: ScaleView; readonly criteria: readonly CriterionView[] };
}

/** A label as given in the panel. id is unique per label given, so a retried write is stored once. */
export interface LabelGiven {
  readonly id: string;
  readonly itemKey: string;
  /** null clears the label (undo of a first label). */
  readonly value: LabelValue | null;
  readonly comment: string | null;
  readonly labelledAt: string;
}

export interface FlagGiven {
  readonly id: string;
  readonly itemKey: string;
  readonly slot: Slot;
  readonly flagged: boolean;
  readonly labelledAt: string;
}

/** Requests the annotation webview makes, with what each resolves to. */
export interface AnnotateRequests {
  readonly items: {
    readonly params: { readonly from: number; readonly to: number };
    readonly result: AnnotationItemView[];
  };
  readonly saveLabel: { readonly params: LabelGiven; readonly result: null };
  readonly setFlag: { readonly params: FlagGiven; readonly result: null };
}

export type RequestMessage<M> = {
  [K in keyof M & string]: {
    readonly type: 'request';
    readonly id: number;
    readonly method: K;
    readonly params: M[K] extends { params: infer P } ? P : never;
  };
}[keyof M & string];

export type ResponseMessage =
  | { readonly type: 'response'; readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly type: 'response'; readonly id: number; readonly ok: false; readonly error: string };

export type AnnotateToWebview =
  /** A queue to show; `notice` says why it replaced the one shown (new items after an import). */
  | { readonly type: 'session'; readonly session: AnnotationSession; readonly notice?: string }
  | { readonly type: 'error'; readonly message: string }
  | ResponseMessage;

export type AnnotateToHost =
  | { readonly type: 'ready' }
  | { readonly type: 'position'; readonly itemKey: string }
  | { readonly type: 'painted'; readonly ms: number; readonly what: 'next-item' }
  | RequestMessage<AnnotateRequests>;

// ----------------------------------------------------------------------------------------------- dashboard

/** A figure with its n and interval (shares as 0..1; lower/upper null when no interval was computed). */
export interface EstimateView {
  readonly value: number | null;
  readonly n: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

export const DASHBOARD_FIGURES = ['withTie', 'withoutTie', 'lima'] as const;
export type DashboardFigure = (typeof DASHBOARD_FIGURES)[number];

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
  readonly intervals: { readonly level: number; readonly resamples: number; readonly seed: number } | null;
  readonly notes: readonly string[];
  /** The judge-vs-humans chart of these figures (compiled Vega), once the webview has told its theme's colours. */
  readonly chart?: Record<string, unknown> | null;
}

/** Which group and comparison a clicked number belongs to. */
export interface AuditTarget {
  readonly lang: string;
  readonly turn: number | null;
  readonly run: string | null;
  /** A judge's name, or null for human–human. */
  readonly judge: string | null;
  /** The figure clicked, or 'errors' for the judge-error audit. */
  readonly list: DashboardFigure | 'errors';
}

export type AuditOutcome = 'agree' | 'disagree' | 'tie-involved' | 'invalid';
export type HumanVerdictView = 'A' | 'B' | 'tie';

export interface AuditItemView {
  readonly run: string;
  readonly group: string;
  readonly turn: number;
  readonly systemA: string;
  readonly systemB: string;
  /** Relative to systemA / systemB; null for human–human. */
  readonly judgeVerdict: Verdict | null;
  /** Each vote, with how it compares with the judge's verdict (null among humans, or for an invalid verdict). */
  readonly humans: readonly {
    readonly annotator: string;
    readonly verdict: HumanVerdictView;
    readonly vsJudge: 'agree' | 'tie-involved' | 'opposite' | null;
  }[];
  readonly outcome: AuditOutcome;
  /** Vote pairs that agree, have one tie, or name opposite responses. */
  readonly pairs: { readonly agree: number; readonly tieInvolved: number; readonly opposite: number };
  /** Judge-error audit only: 0..1, 1 = the judge names one response and every human the other. */
  readonly strength: number | null;
  readonly majority: HumanVerdictView | null;
}

export interface AuditView {
  readonly target: AuditTarget;
  readonly language: LanguageView;
  readonly title: string;
  /** What the list is and how its counts give the figure back. */
  readonly summary: string;
  readonly counts: Readonly<Record<AuditOutcome, number>>;
  readonly items: readonly AuditItemView[];
}

export interface DashboardRequests {
  readonly audit: { readonly params: AuditTarget; readonly result: AuditView };
}

export type DashboardToWebview =
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
  | {
      readonly type: 'openGroup';
      readonly run: string;
      readonly group: string;
      readonly turn: number;
      readonly lang: string;
    }
  /** The theme's chart colours, for the chart of the figures (at start and on every theme change). */
  | { readonly type: 'theme'; readonly theme: ChartThemeView }
  | { readonly type: 'openCharts' }
  | RequestMessage<DashboardRequests>;

// ------------------------------------------------------------------------------------------------ parsing

export class ProtocolError extends Error {}

type Fields = Record<string, unknown>;

function record(raw: unknown, what: string): Fields {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ProtocolError(`${what} is not an object`);
  return raw as Fields;
}

function str(o: Fields, key: string, max = 100_000): string {
  const v = o[key];
  if (typeof v !== 'string' || v.length > max) throw new ProtocolError(`${key} must be a string`);
  return v;
}

function nullableStr(o: Fields, key: string, max = 100_000): string | null {
  return o[key] === null || o[key] === undefined ? null : str(o, key, max);
}

function int(o: Fields, key: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new ProtocolError(`${key} must be an integer`);
  return v;
}

function num(o: Fields, key: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ProtocolError(`${key} must be a number`);
  return v;
}

function bool(o: Fields, key: string): boolean {
  if (typeof o[key] !== 'boolean') throw new ProtocolError(`${key} must be true or false`);
  return o[key] as boolean;
}

function oneOf<T extends string>(o: Fields, key: string, values: readonly T[]): T {
  const v = o[key];
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
    throw new ProtocolError(`${key} must be one of ${values.join(', ')}`);
  }
  return v as T;
}

function strings(o: Fields, key: string): string[] {
  const v = o[key];
  if (!Array.isArray(v) || v.length > 10_000 || !v.every((s) => typeof s === 'string')) {
    throw new ProtocolError(`${key} must be a list of strings`);
  }
  return v as string[];
}

function isoTime(o: Fields, key: string): string {
  const v = str(o, key, 40);
  if (Number.isNaN(Date.parse(v))) throw new ProtocolError(`${key} must be an ISO 8601 time`);
  return v;
}

export function parseGridPreferences(raw: unknown): GridPreferences {
  const o = record(raw, 'preferences');
  return {
    layout: oneOf(o, 'layout', GRID_LAYOUTS),
    hiddenLanguages: strings(o, 'hiddenLanguages'),
    hiddenSystems: strings(o, 'hiddenSystems'),
  };
}

/** A message from the grid webview, checked field by field. */
export function parseGridMessage(raw: unknown): GridToHost {
  const o = record(raw, 'message');
  switch (o.type) {
    case 'ready':
      return { type: 'ready' };
    case 'navigate':
      return { type: 'navigate', to: oneOf(o, 'to', ['next', 'previous'] as const) };
    case 'turn':
      return { type: 'turn', turn: int(o, 'turn') };
    case 'preferences':
      return { type: 'preferences', preferences: parseGridPreferences(o.preferences) };
    case 'painted':
      return {
        type: 'painted',
        requestedAt: num(o, 'requestedAt'),
        paintedAt: num(o, 'paintedAt'),
        cells: int(o, 'cells'),
      };
    default:
      throw new ProtocolError(`unknown message type ${String(o.type)}`);
  }
}

const LABEL_VALUES: readonly LabelValue[] = [...RATING_VALUES, ...PAIR_CHOICES];

function parseLabel(raw: unknown): LabelGiven {
  const o = record(raw, 'label');
  return {
    id: str(o, 'id', 100),
    itemKey: str(o, 'itemKey', 2000),
    value:
      o.value === null
        ? null
        : typeof o.value === 'string' && /^scale:.{1,100}$/.test(o.value)
          ? (o.value as ScaleChoice)
          : oneOf(o, 'value', LABEL_VALUES),
    comment: nullableStr(o, 'comment', 10_000),
    labelledAt: isoTime(o, 'labelledAt'),
  };
}

function parseFlag(raw: unknown): FlagGiven {
  const o = record(raw, 'flag');
  return {
    id: str(o, 'id', 100),
    itemKey: str(o, 'itemKey', 2000),
    slot: oneOf(o, 'slot', ['left', 'right', 'only'] as const),
    flagged: bool(o, 'flagged'),
    labelledAt: isoTime(o, 'labelledAt'),
  };
}

function parseAnnotateRequest(o: Fields): RequestMessage<AnnotateRequests> {
  const id = int(o, 'id');
  const params = record(o.params, 'params');
  switch (o.method) {
    case 'items':
      return { type: 'request', id, method: 'items', params: { from: int(params, 'from'), to: int(params, 'to') } };
    case 'saveLabel':
      return { type: 'request', id, method: 'saveLabel', params: parseLabel(params) };
    case 'setFlag':
      return { type: 'request', id, method: 'setFlag', params: parseFlag(params) };
    default:
      throw new ProtocolError(`unknown request ${String(o.method)}`);
  }
}

/** A message from the annotation webview, checked field by field. */
export function parseAnnotateMessage(raw: unknown): AnnotateToHost {
  const o = record(raw, 'message');
  switch (o.type) {
    case 'ready':
      return { type: 'ready' };
    case 'position':
      return { type: 'position', itemKey: str(o, 'itemKey', 2000) };
    case 'painted':
      return { type: 'painted', ms: num(o, 'ms'), what: oneOf(o, 'what', ['next-item'] as const) };
    case 'request':
      return parseAnnotateRequest(o);
    default:
      throw new ProtocolError(`unknown message type ${String(o.type)}`);
  }
}

function nullableInt(o: Fields, key: string): number | null {
  return o[key] === null || o[key] === undefined ? null : int(o, key);
}

export function parseAuditTarget(raw: unknown): AuditTarget {
  const o = record(raw, 'target');
  return {
    lang: str(o, 'lang', 100),
    turn: nullableInt(o, 'turn'),
    run: nullableStr(o, 'run', 1000),
    judge: nullableStr(o, 'judge', 1000),
    list: oneOf(o, 'list', [...DASHBOARD_FIGURES, 'errors'] as const),
  };
}

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
      return {
        type: 'openGroup',
        run: str(o, 'run', 1000),
        group: str(o, 'group', 1000),
        turn: int(o, 'turn'),
        lang: str(o, 'lang', 100),
      };
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

// -------------------------------------------------------------------------------------------------- charts

/** The theme's colours as the charts webview reads them from VS Code's CSS variables; the host draws with them. */
export interface ChartThemeView {
  readonly kind: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
  readonly category: readonly string[];
  readonly ordinal: readonly string[];
  readonly heatmap: readonly string[];
  readonly text: string;
  readonly textOnDark: string;
  readonly muted: string;
  readonly grid: string;
  readonly alert: string;
  readonly leftOut: string;
  readonly background: string;
  readonly font: string;
  readonly fontSize: number;
}

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

export type ChartsToWebview =
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
  | {
      readonly type: 'openGroup';
      readonly run: string;
      readonly group: string;
      readonly turn: number;
      readonly lang: string;
    }
  | RequestMessage<ChartsRequests>;

const COLOUR = /^(#[0-9a-fA-F]{3,8}|rgba?\([\d\s.,%]+\)|[a-z]+)$/;

function colour(o: Fields, key: string): string {
  const v = str(o, key, 64).trim();
  if (!COLOUR.test(v)) throw new ProtocolError(`${key} must be a colour`);
  return v;
}

function colours(o: Fields, key: string): string[] {
  const list = strings(o, key);
  if (list.length === 0 || list.length > 16) throw new ProtocolError(`${key} must list 1 to 16 colours`);
  return list.map((c, i) => colour({ [i]: c }, String(i)));
}

export function parseChartTheme(raw: unknown): ChartThemeView {
  const o = record(raw, 'theme');
  const fontSize = num(o, 'fontSize');
  if (fontSize < 6 || fontSize > 40) throw new ProtocolError('fontSize must be between 6 and 40');
  return {
    kind: oneOf(o, 'kind', ['light', 'dark', 'high-contrast', 'high-contrast-light'] as const),
    category: colours(o, 'category'),
    ordinal: colours(o, 'ordinal'),
    heatmap: colours(o, 'heatmap'),
    text: colour(o, 'text'),
    textOnDark: colour(o, 'textOnDark'),
    muted: colour(o, 'muted'),
    grid: colour(o, 'grid'),
    alert: colour(o, 'alert'),
    leftOut: colour(o, 'leftOut'),
    background: colour(o, 'background'),
    font: str(o, 'font', 500).replace(/[;{}<>]/g, ''),
    fontSize,
  };
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
      return {
        type: 'openGroup',
        run: str(o, 'run', 1000),
        group: str(o, 'group', 1000),
        turn: int(o, 'turn'),
        lang: str(o, 'lang', 100),
      };
    case 'request': {
      if (o.method !== 'items') throw new ProtocolError(`unknown request ${String(o.method)}`);
      return { type: 'request', id: int(o, 'id'), method: 'items', params: parseChartMarkTarget(o.params) };
    }
    default:
      throw new ProtocolError(`unknown message type ${String(o.type)}`);
  }
}
