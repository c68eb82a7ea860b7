// The annotation panel's messages: the blind queue, its items, and the labels and flags given.
import type { RequestMessage, ResponseMessage } from './channel';
import type { DetectionView, LanguageView, RenderedMarkdown } from './common';
import type { UiStrings } from './strings';
import {
  type Fields,
  ProtocolError,
  bool,
  int,
  isoTime,
  nullableInt,
  nullableStr,
  num,
  oneOf,
  record,
  str,
} from './fields';

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

/** The project's declared task the queue follows (langlens.schema.json). */
export interface TaskDesignView {
  readonly task: string;
  /** A rating task's scale (keys 1…N); null for a pairwise task (A better / tie / B better). */
  readonly scale: ScaleView | null;
  readonly criteria: readonly CriterionView[];
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
  /** The project's declared task: its scale (keys 1…N) and criteria; absent: excellent / pass / fail or A / tie / B. */
  readonly design?: TaskDesignView;
  /**
   * The study's guidelines as the G key shows them beside the item: the task's instructions and each criterion's
   * description, rubric and examples, rendered from the project's Markdown (raw HTML off); null when none declared.
   */
  readonly guidelines: RenderedMarkdown | null;
  /**
   * Which database, annotator, run and task this queue writes to (an opaque token): unsaved writes another panel of
   * the same scope left in the webview's storage (closed, or owned by a dead host) are taken over and sent; never
   * those of another scope, whose item keys would name other labels.
   */
  readonly outboxScope?: string;
}

/** A label as given in the panel. id is unique per label given, so a retried write is stored once. */
export interface LabelGiven {
  readonly id: string;
  readonly itemKey: string;
  /** null clears the label (undo of a first label). */
  readonly value: LabelValue | null;
  readonly comment: string | null;
  readonly labelledAt: string;
  /** Focus time on the item before this label, in ms (the panel's clock pauses while it is hidden or unfocused). */
  readonly timeOnItemMs?: number | null;
}

export interface FlagGiven {
  readonly id: string;
  readonly itemKey: string;
  readonly slot: Slot;
  readonly flagged: boolean;
  readonly labelledAt: string;
}

/** A write the webview holds until the host confirms it is committed (its id makes a retry store nothing twice). */
export type PendingWrite =
  { readonly kind: 'label'; readonly params: LabelGiven } | { readonly kind: 'flag'; readonly params: FlagGiven };

/**
 * The panel's keys: for each action (the suffix of its command langlens.annotate.<action>), the keys the webview
 * handles itself, as KeyboardEvent.key values, and the keys of the user's own keybindings, shown in the help (VS Code
 * handles those: the webview then leaves that action's default keys alone).
 */
export interface KeyMapView {
  /** Actions the user rebound in VS Code's keybindings: their default keys no longer act in the panel. */
  readonly rebound: readonly string[];
  /** The user's keys for those actions, as VS Code writes them ("ctrl+k p"), for the help. */
  readonly userKeys: Readonly<Record<string, readonly string[]>>;
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

export type AnnotateToWebview =
  /** The panel's words in the annotator's language, sent before the first session and when the setting changes. */
  | { readonly type: 'strings'; readonly strings: UiStrings }
  /** A queue to show; `notice` says why it replaced the one shown (new items after an import). */
  | {
      readonly type: 'session';
      readonly session: AnnotationSession;
      readonly notice?: string;
      /** Writes the host received from a closed panel and could not commit: the new panel keeps and sends them. */
      readonly restored?: readonly PendingWrite[];
      /** Opened only to send what a closed or orphaned panel left unsaved: say at once if there is nothing. */
      readonly recovery?: boolean;
    }
  /** The effective keys (the user's keybindings read by the host). */
  | { readonly type: 'keys'; readonly keys: KeyMapView }
  /** A rebound key pressed in VS Code: the command langlens.annotate.<action> runs this action. */
  | { readonly type: 'action'; readonly action: string }
  /**
   * about 'queue': the queue could not be built (a task the schema does not declare, ...); such a banner clears
   * when a queue is shown again (after the task or the schema changed), other banners stay until dismissed.
   */
  | { readonly type: 'error'; readonly message: string; readonly about?: 'queue' }
  /** The answer to a ping: the extension host is alive. */
  | { readonly type: 'pong' }
  /**
   * The run has an overlap target: the items of this queue that others have filled up to it since it was built
   * (all of them, each time), which the panel passes over unless the annotator labelled them.
   */
  | { readonly type: 'taken'; readonly indices: readonly number[] }
  | ResponseMessage;

/** A label the webview holds that the database has not confirmed yet (restored after a reload or a crash). */
export interface UnsavedLabel {
  readonly itemKey: string;
  /** false: the unsaved write clears the label (an undo). */
  readonly labelled: boolean;
}

export type AnnotateToHost =
  /** The page started; it still holds these labels unsaved (from its saved state), which its outbox sends next. */
  | { readonly type: 'ready'; readonly unsaved: readonly UnsavedLabel[] }
  /** Sent every few seconds: a host that stops answering has died (a crashed extension host never answers). */
  | { readonly type: 'ping' }
  /** How many labels and flags wait in the outbox, and why (the host warns when a panel with some is closed). */
  | { readonly type: 'pending'; readonly count: number; readonly reason: string | null }
  | { readonly type: 'position'; readonly itemKey: string }
  /**
   * After a queue arrived: the labels taken over from other panels of its scope (the host counts them in the header
   * and sends the queue again), and how many writes wait in all.
   */
  | { readonly type: 'outboxChecked'; readonly adopted: readonly UnsavedLabel[]; readonly pending: number }
  /** The annotator discarded this many unsaved writes (Discard on the banner), logged by the host. */
  | { readonly type: 'discarded'; readonly count: number }
  | { readonly type: 'painted'; readonly ms: number; readonly what: 'next-item' }
  | RequestMessage<AnnotateRequests>;

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
    ...timeOnItem(o),
  };
}

const DAY_MS = 86_400_000;

/** The label's time on item when the panel measured one (absent otherwise, as in labels of older panels). */
function timeOnItem(o: Fields): { timeOnItemMs?: number } {
  const ms = nullableInt(o, 'timeOnItemMs');
  if (ms === null) return {};
  if (ms < 0 || ms > DAY_MS) throw new ProtocolError('timeOnItemMs must be 0 to a day in ms');
  return { timeOnItemMs: ms };
}

function parseUnsaved(o: Fields, field: 'unsaved' | 'adopted' = 'unsaved'): UnsavedLabel[] {
  const list = o[field];
  if (!Array.isArray(list) || list.length > 100_000) throw new ProtocolError(`${field} must be a list`);
  return list.map((raw) => {
    const u = record(raw, 'unsaved label');
    return { itemKey: str(u, 'itemKey', 2000), labelled: bool(u, 'labelled') };
  });
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
      return { type: 'ready', unsaved: parseUnsaved(o) };
    case 'ping':
      return { type: 'ping' };
    case 'pending':
      return { type: 'pending', count: int(o, 'count'), reason: nullableStr(o, 'reason', 2000) };
    case 'position':
      return { type: 'position', itemKey: str(o, 'itemKey', 2000) };
    case 'outboxChecked':
      return { type: 'outboxChecked', adopted: parseUnsaved(o, 'adopted'), pending: int(o, 'pending') };
    case 'discarded':
      return { type: 'discarded', count: int(o, 'count') };
    case 'painted':
      return { type: 'painted', ms: num(o, 'ms'), what: oneOf(o, 'what', ['next-item'] as const) };
    case 'request':
      return parseAnnotateRequest(o);
    default:
      throw new ProtocolError(`unknown message type ${String(o.type)}`);
  }
}
