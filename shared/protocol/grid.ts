// The grid panel's messages: one prompt group, every language and system side by side.
import type { DetectionView, LanguageView, RenderedMarkdown, Verdict } from './common';
import { ProtocolError, bool, int, num, oneOf, record, strings } from './fields';
import type { WordsMessage } from './words';

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

/**
 * The grid's words (shared/protocol/words.ts), built by src/extension/grid/gridWords.ts: each phrase with the
 * number of placeholders webview/grid fills.
 */
export const GRID_PHRASES = {
  toolbar: 0,
  previous: 0,
  previousTitle: 0,
  next: 0,
  nextTitle: 0,
  position: 2,
  turns: 0,
  turn: 1,
  layout: 0,
  languagesAsRows: 0,
  languagesAsRowsTitle: 0,
  systemsAsRows: 0,
  systemsAsRowsTitle: 0,
  showing: 4,
  languages: 0,
  systems: 0,
  showAll: 0,
  showAllTitle: 0,
  nothingShown: 0,
  rowPerLanguage: 0,
  rowPerSystem: 0,
  prompt: 0,
  system: 0,
  rtl: 0,
  rtlTitle: 0,
  noPrompt: 0,
  noResponse: 0,
  emptyResponse: 0,
  seed: 1,
  flagged: 1,
  flaggedTitle: 1,
  saysLanguage: 2,
  detected: 2,
  detectedWithConfidence: 3,
  mixedAnswer: 2,
  notPromptLanguage: 1,
  scoreTitle: 4,
  judgesAndLabels: 0,
  scoreReason: 3,
  rawAnswer: 1,
  versus: 3,
  orderFirst: 1,
  orderCombined: 0,
  quoted: 1,
  pairwiseVerdicts: 1,
  pairVerdict: 4,
  better: 1,
  win: 0,
  loss: 0,
  tie: 0,
  invalid: 0,
  invalidAnswer: 0,
  notJudged: 0,
} as const;
export type GridPhrase = keyof typeof GRID_PHRASES;

export type GridToWebview =
  | WordsMessage<GridPhrase>
  | {
      readonly type: 'show';
      readonly view: GridView;
      readonly preferences: GridPreferences;
      readonly requestedAt: number;
    }
  | { readonly type: 'loading'; readonly what: string }
  | { readonly type: 'error'; readonly message: string }
  /** A keybinding (package.json contributes.keybindings) for what only the page does. */
  | { readonly type: 'toggleLayout' };

export type GridToHost =
  | { readonly type: 'ready' }
  | { readonly type: 'navigate'; readonly to: 'next' | 'previous' }
  /** The page gained or lost the keyboard focus: the keybindings' `when` clause (langlens.gridFocused). */
  | { readonly type: 'focus'; readonly focused: boolean }
  | { readonly type: 'turn'; readonly turn: number }
  | { readonly type: 'preferences'; readonly preferences: GridPreferences }
  /** Milliseconds from the host's request (requestedAt) to the grid painted, for the performance log. */
  | { readonly type: 'painted'; readonly requestedAt: number; readonly paintedAt: number; readonly cells: number };

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
    case 'focus':
      return { type: 'focus', focused: bool(o, 'focused') };
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
