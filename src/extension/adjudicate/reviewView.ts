// The review panel's views, from the core's review list (src/core/metrics/annotators, loadDisagreements): nothing is
// decided here, the items, their kinds and adjudications come as the core finds them.
import type { Disagreement } from '../../core/metrics/annotators';
import { isOfKind, loadDisagreements } from '../../core/metrics/annotators';
import { promptWithResponses } from '../../core/store/annotation';
import type { Store } from '../../core/store/store';
import { naturalCompare } from '../../core/util/naturalCompare';
import type {
  ReviewFilters,
  ReviewItemView,
  ReviewKey,
  ReviewListView,
  ReviewTexts,
} from '../../../shared/protocol/adjudicate';
import { languageView } from '../languages';
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

export function itemView(d: Disagreement): ReviewItemView {
  return {
    key: keyOf(d),
    language: languageView(d.lang),
    kinds: d.reasons.map((r) => (r === 'annotators' ? 'human-human' : 'human-judge')),
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

/** Language, prompt group, turn, pair, criterion: the order a lead steps through. */
function compareItems(a: Disagreement, b: Disagreement): number {
  return (
    naturalCompare(a.lang, b.lang) ||
    naturalCompare(a.group, b.group) ||
    a.turn - b.turn ||
    naturalCompare(a.systemA, b.systemA) ||
    naturalCompare(a.systemB, b.systemB) ||
    naturalCompare(a.criterion, b.criterion)
  );
}

/** The run's items to review, filtered by kind, language and criterion. */
export async function reviewList(
  store: Store,
  run: string,
  adjudicator: string,
  filters: ReviewFilters,
): Promise<ReviewListView> {
  const all = (await loadDisagreements(store, { run })).sort(compareItems);
  const chosen = all.filter(
    (d) =>
      isOfKind(d, filters.kind === 'all' ? undefined : filters.kind) &&
      (filters.lang === null || d.lang === filters.lang) &&
      (filters.criterion === null || d.criterion === filters.criterion),
  );
  return {
    run,
    adjudicator,
    filters,
    items: chosen.map(itemView),
    total: all.length,
    languages: [...new Set(all.map((d) => d.lang))].map(languageView),
    criteria: [...new Set(all.map((d) => d.criterion))].sort(naturalCompare),
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

/** The item as it stands after a write (its adjudication now the latest). */
export async function reviewItem(store: Store, key: ReviewKey): Promise<ReviewItemView> {
  const found = (await loadDisagreements(store, { run: key.run, languages: [key.lang] })).find((d) =>
    sameKey(keyOf(d), key),
  );
  if (!found)
    throw new Error(`${key.group} (${key.lang}) ${key.systemA} vs ${key.systemB} is no longer an item to review`);
  return itemView(found);
}
