// The review panel's messages ("LangLens: Review Disagreements"): the items where annotators disagree with each
// other or with a judge, every vote with its comment and time and each judge's verdict with its reasoning side by
// side, and the lead's adjudicated verdict recorded by key. The webview asks through the RequestChannel.
import type { RequestMessage, ResponseMessage } from './channel';
import type { LanguageView, RenderedMarkdown, Verdict } from './common';
import { ProtocolError, int, nullableStr, oneOf, record, str } from './fields';

export const REVIEW_KINDS = ['all', 'human-human', 'human-judge'] as const;
/** all; human-human: two annotators' votes differ; human-judge: a judge's verdict differs from some vote. */
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const ADJUDICATED_VERDICTS = ['A', 'tie', 'B'] as const;
export type AdjudicatedVerdict = (typeof ADJUDICATED_VERDICTS)[number];

/** One pairwise item: A and B are systemA and systemB as named here (the database's order). */
export interface ReviewKey {
  readonly run: string;
  readonly group: string;
  readonly lang: string;
  readonly turn: number;
  readonly systemA: string;
  readonly systemB: string;
  /** '' for none. */
  readonly criterion: string;
}

export interface ReviewVoteView {
  readonly annotator: string;
  readonly verdict: AdjudicatedVerdict;
  readonly comment: string | null;
  /** ISO 8601; null when not known. */
  readonly labelledAt: string | null;
  readonly timeOnItemMs: number | null;
}

export interface ReviewJudgeView {
  readonly judge: string;
  /** Both orders combined. */
  readonly verdict: Verdict;
  readonly reasoning: readonly string[];
}

export interface ReviewItemView {
  readonly key: ReviewKey;
  readonly language: LanguageView;
  readonly kinds: readonly Exclude<ReviewKind, 'all'>[];
  readonly votes: readonly ReviewVoteView[];
  readonly judges: readonly ReviewJudgeView[];
  /** The current adjudicated verdict (any adjudicator's latest), null when none. */
  readonly adjudicated: AdjudicatedVerdict | null;
}

export interface ReviewFilters {
  readonly kind: ReviewKind;
  /** A language tag, or null for every language. */
  readonly lang: string | null;
  /** A criterion ('' is "no criterion"), or null for every criterion. */
  readonly criterion: string | null;
}

export const DEFAULT_REVIEW_FILTERS: ReviewFilters = { kind: 'all', lang: null, criterion: null };

export interface ReviewListView {
  readonly run: string;
  /** Whom an adjudication is recorded as (langlens.adjudicator.id, else the annotator id). */
  readonly adjudicator: string;
  readonly filters: ReviewFilters;
  readonly items: readonly ReviewItemView[];
  /** The run's items to review under no filter, and the choices of the filters. */
  readonly total: number;
  readonly languages: readonly LanguageView[];
  readonly criteria: readonly string[];
}

export interface ReviewTexts {
  readonly prompt: RenderedMarkdown | null;
  /** The responses of systemA and systemB (lowest seed), null when the run has none. */
  readonly responseA: RenderedMarkdown | null;
  readonly responseB: RenderedMarkdown | null;
}

export interface ReviewRequests {
  readonly list: { readonly params: ReviewFilters; readonly result: ReviewListView };
  readonly texts: { readonly params: ReviewKey; readonly result: ReviewTexts };
  readonly adjudicate: {
    readonly params: { readonly key: ReviewKey; readonly verdict: AdjudicatedVerdict };
    readonly result: ReviewItemView;
  };
}

export type ReviewToWebview =
  /** The host opened (or refreshed) the panel on a run: the webview asks for the list with its filters. */
  | { readonly type: 'open'; readonly run: string }
  | { readonly type: 'error'; readonly message: string }
  | ResponseMessage;

export type ReviewToHost = { readonly type: 'ready' } | RequestMessage<ReviewRequests>;

export function parseReviewFilters(raw: unknown): ReviewFilters {
  const o = record(raw, 'filters');
  return {
    kind: oneOf(o, 'kind', REVIEW_KINDS),
    lang: nullableStr(o, 'lang', 100),
    criterion: nullableStr(o, 'criterion', 1000),
  };
}

export function parseReviewKey(raw: unknown): ReviewKey {
  const o = record(raw, 'key');
  return {
    run: str(o, 'run', 1000),
    group: str(o, 'group', 1000),
    lang: str(o, 'lang', 100),
    turn: int(o, 'turn'),
    systemA: str(o, 'systemA', 1000),
    systemB: str(o, 'systemB', 1000),
    criterion: str(o, 'criterion', 1000),
  };
}

/** A message from the review webview, checked field by field. */
export function parseReviewMessage(raw: unknown): ReviewToHost {
  const o = record(raw, 'message');
  switch (o.type) {
    case 'ready':
      return { type: 'ready' };
    case 'request': {
      const id = int(o, 'id');
      switch (o.method) {
        case 'list':
          return { type: 'request', id, method: 'list', params: parseReviewFilters(o.params) };
        case 'texts':
          return { type: 'request', id, method: 'texts', params: parseReviewKey(o.params) };
        case 'adjudicate': {
          const p = record(o.params, 'params');
          return {
            type: 'request',
            id,
            method: 'adjudicate',
            params: { key: parseReviewKey(p.key), verdict: oneOf(p, 'verdict', ADJUDICATED_VERDICTS) },
          };
        }
        default:
          throw new ProtocolError(`unknown request ${String(o.method)}`);
      }
    }
    default:
      throw new ProtocolError(`unknown message type ${String(o.type)}`);
  }
}
