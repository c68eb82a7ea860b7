// The review panel's messages ("LangLens: Review Disagreements"): the items where annotators disagree with each
// other or with a judge, every vote with its comment and time and each judge's verdict with its reasoning side by
// side, and the lead's adjudicated verdict recorded by key. The webview asks through the RequestChannel.
import type { RequestMessage, ResponseMessage } from './channel';
import type { LanguageView, RenderedMarkdown, Verdict } from './common';
import { ProtocolError, int, nullableStr, oneOf, record, str, type Fields } from './fields';
import type { WordsMessage } from './words';

export const REVIEW_KINDS = ['all', 'human-human', 'human-judge'] as const;
/** all; human-human: two annotators' votes differ; human-judge: a judge's verdict differs from some vote. */
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const REVIEW_TASKS = ['pairwise', 'rating'] as const;
/** pairwise: pairs of responses; rating: rated responses (prompt × language × turn × system × seed × criterion). */
export type ReviewTask = (typeof REVIEW_TASKS)[number];

export const ADJUDICATED_VERDICTS = ['A', 'tie', 'B'] as const;
export type AdjudicatedVerdict = (typeof ADJUDICATED_VERDICTS)[number];

/** One pairwise item: A and B are systemA and systemB as named here (the database's order). */
export interface ReviewKey extends ReviewedPrompt {
  readonly systemA: string;
  readonly systemB: string;
}

/** The prompt (one language and turn of a group) and criterion an item to review belongs to. */
export interface ReviewedPrompt {
  readonly run: string;
  readonly group: string;
  readonly lang: string;
  readonly turn: number;
  /** '' for none. */
  readonly criterion: string;
}

/** One rated response: its system and seed, on a criterion. */
export interface RatingReviewKey extends ReviewedPrompt {
  readonly system: string;
  readonly seed: number;
}

/** What every vote shows beside its verdict or rating. */
export interface VoteBaseView {
  readonly annotator: string;
  readonly comment: string | null;
  /** ISO 8601; null when not known. */
  readonly labelledAt: string | null;
  readonly timeOnItemMs: number | null;
}

export interface ReviewVoteView extends VoteBaseView {
  readonly verdict: AdjudicatedVerdict;
}

export interface ReviewJudgeView {
  readonly judge: string;
  /** Both orders combined. */
  readonly verdict: Verdict;
  readonly reasoning: readonly string[];
}

/** An item of either task: its key, its language, why it is listed, the votes, the judges, the adjudication. */
interface ReviewItemBase<Key, Vote, Judge, Label> {
  readonly key: Key;
  readonly language: LanguageView;
  readonly kinds: readonly Exclude<ReviewKind, 'all'>[];
  readonly votes: readonly Vote[];
  readonly judges: readonly Judge[];
  /** The current adjudicated verdict or rating (any adjudicator's latest), null when none. */
  readonly adjudicated: Label | null;
}

export interface ReviewItemView extends ReviewItemBase<ReviewKey, ReviewVoteView, ReviewJudgeView, AdjudicatedVerdict> {
  readonly task: 'pairwise';
}

/** The scale of a rated item as the keys need it: its choices worst first; lima-3 is excellent / pass / fail. */
export interface ReviewScaleView {
  readonly name: string;
  /** True for the built-in excellent / pass / fail (keys 1/E, 2/P, 3/F as in the annotation panel). */
  readonly lima: boolean;
  readonly choices: readonly string[];
}

export interface RatingVoteView extends VoteBaseView {
  /** The rating as given: a level, or a number's text. */
  readonly label: string;
}

export interface RatingJudgeView {
  readonly judge: string;
  /** The judge's score as text, on the item's scale. */
  readonly label: string;
  readonly reasoning: readonly string[];
}

export interface RatingReviewItemView extends ReviewItemBase<RatingReviewKey, RatingVoteView, RatingJudgeView, string> {
  readonly task: 'rating';
  readonly scale: ReviewScaleView;
}

export type AnyReviewItemView = ReviewItemView | RatingReviewItemView;

export interface ReviewFilters {
  readonly task: ReviewTask;
  readonly kind: ReviewKind;
  /** A language tag, or null for every language. */
  readonly lang: string | null;
  /** A criterion ('' is "no criterion"), or null for every criterion. */
  readonly criterion: string | null;
}

export const DEFAULT_REVIEW_FILTERS: ReviewFilters = { task: 'pairwise', kind: 'all', lang: null, criterion: null };

export interface ReviewListView {
  readonly run: string;
  /** Whom an adjudication is recorded as (langlens.adjudicator.id, else the annotator id). */
  readonly adjudicator: string;
  readonly filters: ReviewFilters;
  /** Of the task of the filters: pairwise items, or rated responses. */
  readonly items: readonly AnyReviewItemView[];
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

export interface RatingReviewTexts {
  readonly prompt: RenderedMarkdown | null;
  /** The rated response (its system and seed), null when the run has none. */
  readonly response: RenderedMarkdown | null;
}

export interface ReviewRequests {
  readonly list: { readonly params: ReviewFilters; readonly result: ReviewListView };
  readonly texts: { readonly params: ReviewKey; readonly result: ReviewTexts };
  readonly adjudicate: {
    readonly params: { readonly key: ReviewKey; readonly verdict: AdjudicatedVerdict };
    readonly result: ReviewItemView;
  };
  readonly ratingTexts: { readonly params: RatingReviewKey; readonly result: RatingReviewTexts };
  /** The adjudicated rating: one of the item's scale's choices (the host checks it on the scale). */
  readonly adjudicateRating: {
    readonly params: { readonly key: RatingReviewKey; readonly label: string };
    readonly result: RatingReviewItemView;
  };
}

/**
 * The review panel's words (shared/protocol/words.ts), built by src/extension/adjudicate/reviewWords.ts: each
 * phrase with the number of placeholders webview/adjudicate fills.
 */
export const REVIEW_PHRASES = {
  keyABetter: 0,
  keyTie: 0,
  keyBBetter: 0,
  keyExcellent: 0,
  keyPass: 0,
  keyFail: 0,
  keyChoice: 1,
  keyNext: 0,
  keyPrevious: 0,
  keyHelp: 0,
  aBetter: 0,
  bBetter: 0,
  tie: 0,
  invalid: 0,
  taskPairwise: 0,
  taskRating: 0,
  kindAll: 0,
  kindHumanHuman: 0,
  kindHumanJudge: 0,
  saving: 0,
  saved: 2,
  theAdjudicator: 0,
  toolbar: 0,
  heading: 0,
  counts: 4,
  noId: 0,
  task: 0,
  kind: 0,
  language: 0,
  criterion: 0,
  all: 0,
  noCriterion: 0,
  keysHintRating: 0,
  keysHintPair: 0,
  keysHintMoves: 0,
  humanHuman: 0,
  humanJudge: 0,
  adjudicatedTitle: 0,
  timeNotRecorded: 0,
  atTime: 1,
  secondsOnItem: 1,
  loading: 0,
  noPromptText: 0,
  noResponse: 0,
  turn: 1,
  criterionOf: 1,
  quoted: 1,
  theItem: 0,
  seed: 1,
  scaleOf: 1,
  annotators: 0,
  judges: 0,
  noJudgeScore: 0,
  noJudgeVerdict: 0,
  adjudicate: 0,
  adjudicated: 1,
  notYet: 0,
  responseA: 1,
  responseB: 1,
  tieButton: 0,
  keys: 0,
  space: 0,
  helpNote: 0,
  itemsToReview: 0,
  noRatingDisagreements: 0,
  noDisagreements: 0,
  noItemUnderFilters: 0,
} as const;
export type ReviewPhrase = keyof typeof REVIEW_PHRASES;

export type ReviewToWebview =
  | WordsMessage<ReviewPhrase>
  /** The host opened (or refreshed) the panel on a run: the webview asks for the list with its filters. */
  | { readonly type: 'open'; readonly run: string }
  | { readonly type: 'error'; readonly message: string }
  | ResponseMessage;

export type ReviewToHost = { readonly type: 'ready' } | RequestMessage<ReviewRequests>;

export function parseReviewFilters(raw: unknown): ReviewFilters {
  const o = record(raw, 'filters');
  return {
    task: oneOf(o, 'task', REVIEW_TASKS),
    kind: oneOf(o, 'kind', REVIEW_KINDS),
    lang: nullableStr(o, 'lang', 100),
    criterion: nullableStr(o, 'criterion', 1000),
  };
}

function parseReviewedPrompt(o: Fields): ReviewedPrompt {
  return {
    run: str(o, 'run', 1000),
    group: str(o, 'group', 1000),
    lang: str(o, 'lang', 100),
    turn: int(o, 'turn'),
    criterion: str(o, 'criterion', 1000),
  };
}

export function parseReviewKey(raw: unknown): ReviewKey {
  const o = record(raw, 'key');
  return { ...parseReviewedPrompt(o), systemA: str(o, 'systemA', 1000), systemB: str(o, 'systemB', 1000) };
}

export function parseRatingReviewKey(raw: unknown): RatingReviewKey {
  const o = record(raw, 'key');
  return { ...parseReviewedPrompt(o), system: str(o, 'system', 1000), seed: int(o, 'seed') };
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
        case 'ratingTexts':
          return { type: 'request', id, method: 'ratingTexts', params: parseRatingReviewKey(o.params) };
        case 'adjudicateRating': {
          const p = record(o.params, 'params');
          return {
            type: 'request',
            id,
            method: 'adjudicateRating',
            params: { key: parseRatingReviewKey(p.key), label: str(p, 'label', 1000) },
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
