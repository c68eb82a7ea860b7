// The review panel's views, from the core's review list (src/core/metrics/annotators, loadDisagreements): nothing is
// decided here, the items, their kinds and adjudications come as the core finds them.
import type { Disagreement, DisagreementReason, RatingDisagreement } from '../../core/metrics/annotators';
import { loadDisagreements, loadRatingDisagreements } from '../../core/metrics/annotators';
import { LIMA_SCALE } from '../../core/model/records';
import { scaleChoices } from '../../core/model/scales';
import { promptWithResponses } from '../../core/store/annotation';
import type { Store } from '../../core/store/store';
import { naturalCompare } from '../../core/util/naturalCompare';
import type {
  AnyReviewItemView,
  RatingReviewItemView,
  RatingReviewKey,
  RatingReviewTexts,
  ReviewFilters,
  ReviewItemView,
  ReviewKey,
  ReviewListView,
  ReviewTexts,
} from '../../../shared/protocol/adjudicate';
import { ENGLISH_DISPLAY, type DisplayLanguage } from '../displayLanguage';
import { ENGLISH, type Localiser } from '../localiser';
import { renderMarkdown } from '../markdown';

export function keyOf(d: Disagreement): ReviewKey {
  return {
    run: d.run,
    group: d.group,
    lang: d.lang,
    turn: d.turn,
    systemA: d.systemA,
    systemB: d.systemB,
    criterion: d.criterion,
  };
}

export function sameKey(a: ReviewKey, b: ReviewKey): boolean {
  return (
    a.run === b.run &&
    a.group === b.group &&
    a.lang === b.lang &&
    a.turn === b.turn &&
    a.systemA === b.systemA &&
    a.systemB === b.systemB &&
    a.criterion === b.criterion
  );
}

const kindsOf = (reasons: readonly DisagreementReason[]) =>
  reasons.map((r) => (r === 'annotators' ? ('human-human' as const) : ('human-judge' as const)));

export function itemView(d: Disagreement, display: DisplayLanguage = ENGLISH_DISPLAY): ReviewItemView {
  return {
    task: 'pairwise',
    key: keyOf(d),
    language: display.language(d.lang),
    kinds: kindsOf(d.reasons),
    votes: d.votes.map((v) => ({
      annotator: v.annotator,
      verdict: v.verdict,
      comment: v.comment,
      labelledAt: v.labelledAt,
      timeOnItemMs: v.timeOnItemMs,
    })),
    judges: d.judges.map((j) => ({ judge: j.judge, verdict: j.verdict, reasoning: j.reasoning })),
    adjudicated: d.adjudicated,
  };
}

export function ratingKeyOf(d: RatingDisagreement): RatingReviewKey {
  const { run, group, lang, turn, system, seed, criterion } = d;
  return { run, group, lang, turn, system, seed, criterion };
}

export function ratingItemView(
  d: RatingDisagreement,
  display: DisplayLanguage = ENGLISH_DISPLAY,
): RatingReviewItemView {
  return {
    task: 'rating',
    key: ratingKeyOf(d),
    language: display.language(d.lang),
    kinds: kindsOf(d.reasons),
    scale: {
      name: d.scale.name,
      lima: d.scale.kind === 'ordinal' && d.scale.name === LIMA_SCALE.name,
      choices: scaleChoices(d.scale),
    },
    votes: d.votes.map((v) => ({ ...v })),
    judges: d.judges.map((j) => ({ ...j })),
    adjudicated: d.adjudicated,
  };
}

/** Language, prompt group, turn, pair (or system and seed), criterion: the order a lead steps through. */
function compareItems(a: AnyReviewItemView, b: AnyReviewItemView): number {
  const systems = (i: AnyReviewItemView) => (i.task === 'pairwise' ? [i.key.systemA, i.key.systemB] : [i.key.system]);
  const [a1 = '', a2 = ''] = systems(a);
  const [b1 = '', b2 = ''] = systems(b);
  return (
    naturalCompare(a.key.lang, b.key.lang) ||
    naturalCompare(a.key.group, b.key.group) ||
    a.key.turn - b.key.turn ||
    naturalCompare(a1, b1) ||
    naturalCompare(a2, b2) ||
    (a.task === 'rating' && b.task === 'rating' ? a.key.seed - b.key.seed : 0) ||
    naturalCompare(a.key.criterion, b.key.criterion)
  );
}

/** The run's items of the filters' task, as the one loader finds them. */
async function itemsOf(
  store: Store,
  run: string,
  task: ReviewFilters['task'],
  display: DisplayLanguage,
): Promise<AnyReviewItemView[]> {
  return task === 'rating'
    ? (await loadRatingDisagreements(store, { run })).map((d) => ratingItemView(d, display))
    : (await loadDisagreements(store, { run })).map((d) => itemView(d, display));
}

/** The run's items to review, filtered by task, kind, language and criterion. */
export async function reviewList(
  store: Store,
  run: string,
  adjudicator: string,
  filters: ReviewFilters,
  display: DisplayLanguage = ENGLISH_DISPLAY,
): Promise<ReviewListView> {
  const all = (await itemsOf(store, run, filters.task, display)).sort(compareItems);
  const chosen = all.filter(
    (d) =>
      (filters.kind === 'all' || d.kinds.includes(filters.kind)) &&
      (filters.lang === null || d.key.lang === filters.lang) &&
      (filters.criterion === null || d.key.criterion === filters.criterion),
  );
  return {
    run,
    adjudicator,
    filters,
    items: chosen,
    total: all.length,
    languages: [...new Set(all.map((d) => d.key.lang))].map(display.language),
    criteria: [...new Set(all.map((d) => d.key.criterion))].sort(naturalCompare),
  };
}

/** The prompt and the two responses of an item (each system's lowest seed), rendered. */
export async function reviewTexts(store: Store, key: ReviewKey): Promise<ReviewTexts> {
  const { text, responses } = await promptWithResponses(store, key);
  const of = (system: string) => {
    const r = responses.find((x) => x.system === system);
    return r ? renderMarkdown(r.text) : null;
  };
  return {
    prompt: text === null ? null : renderMarkdown(text),
    responseA: of(key.systemA),
    responseB: of(key.systemB),
  };
}

/** The prompt and the rated response (its system and seed), rendered. */
export async function ratingReviewTexts(store: Store, key: RatingReviewKey): Promise<RatingReviewTexts> {
  const { text, responses } = await promptWithResponses(store, key);
  const r = responses.find((x) => x.system === key.system && x.seed === key.seed);
  return { prompt: text === null ? null : renderMarkdown(text), response: r ? renderMarkdown(r.text) : null };
}

/** The rated item as it stands (after a write, or to check a rating on its scale before one). */
export async function ratingReviewItem(
  store: Store,
  key: RatingReviewKey,
  l10n: Localiser = ENGLISH,
): Promise<RatingDisagreement> {
  const found = (await loadRatingDisagreements(store, { run: key.run, languages: [key.lang] })).find(
    (d) =>
      d.group === key.group &&
      d.turn === key.turn &&
      d.system === key.system &&
      d.seed === key.seed &&
      d.criterion === key.criterion,
  );
  if (!found) throw new Error(l10n.t('{0} ({1}) {2} is no longer a rating to review', key.group, key.lang, key.system));
  return found;
}

/** The item as it stands after a write (its adjudication now the latest). */
export async function reviewItem(
  store: Store,
  key: ReviewKey,
  l10n: DisplayLanguage = ENGLISH_DISPLAY,
): Promise<ReviewItemView> {
  const found = (await loadDisagreements(store, { run: key.run, languages: [key.lang] })).find((d) =>
    sameKey(keyOf(d), key),
  );
  if (!found)
    throw new Error(
      l10n.t('{0} ({1}) {2} vs {3} is no longer an item to review', key.group, key.lang, key.systemA, key.systemB),
    );
  return itemView(found, l10n);
}
