// An annotator's queue: every item they label, in the order they meet them. Pure: the store supplies the rows,
// this decides the order and the blind presentation.
import { sameLanguage, type LanguageTag } from '../model/language';
import { naturalCompare } from '../util/naturalCompare';
import { annotatorSeed, randomFromText, shuffled } from './blindOrder';
import { mixGold, type GoldMix, type MixedQueue } from './goldMix';

export type AnnotationTask = 'rating' | 'pairwise';

/** One response the queue may cover (from the store). */
export interface QueueResponse {
  readonly group: string;
  readonly lang: LanguageTag;
  readonly turn: number;
  readonly system: string;
  readonly seed: number;
}

interface ItemBase {
  /** Stable across sessions: identifies the item in positions and in the webview. */
  readonly key: string;
  readonly group: string;
  readonly lang: LanguageTag;
  readonly turn: number;
}

export interface RatingItem extends ItemBase {
  readonly task: 'rating';
  readonly system: string;
  readonly seed: number;
}

/** systemA < systemB by name; shown says which of them the annotator sees on the left. */
export interface PairItem extends ItemBase {
  readonly task: 'pairwise';
  readonly systemA: string;
  readonly systemB: string;
  readonly shown: 'AB' | 'BA';
}

export type QueueItem = RatingItem | PairItem;

export interface QueueSpec {
  readonly run: string;
  readonly task: AnnotationTask;
  readonly annotator: string;
  /** The annotator's languages, in the order they want them; empty means every language of the run. */
  readonly languages: readonly LanguageTag[];
  /** The seed setting ("" = derive from the annotator). */
  readonly seed: string;
}

/** Identifies a queue for resuming: the same run and task resume at the same item. */
export function queueName(spec: Pick<QueueSpec, 'run' | 'task'>): string {
  return JSON.stringify([spec.run, spec.task]);
}

/**
 * The queue: languages in the annotator's order, prompt groups in natural order (so that annotators who stop
 * early have labelled the same prompts), and within a prompt the responses or pairs in a blind, seeded order.
 */
export function buildQueue(spec: QueueSpec, responses: readonly QueueResponse[]): QueueItem[] {
  const seedText = annotatorSeed(spec.annotator, spec.seed);
  const items: QueueItem[] = [];
  for (const prompt of promptsInOrder(responses, spec.languages)) {
    const seedOf = (key: string) => `${seedText}\u0000${spec.run}\u0000${key}`;
    const promptItems: QueueItem[] = spec.task === 'rating' ? ratingItems(prompt) : pairItems(prompt, seedOf);
    items.push(...shuffled(promptItems, randomFromText(seedOf(prompt.key))));
  }
  return items;
}

/**
 * The queue with gold items mixed in (goldMix.ts): the regular queue over `responses` without its gold items, and
 * the gold items of `goldResponses` (any prompt of the annotator's languages, assigned to them or not) at the rate.
 */
export function buildQueueWithGold(
  spec: QueueSpec,
  responses: readonly QueueResponse[],
  goldResponses: readonly QueueResponse[],
  gold: GoldMix,
): MixedQueue {
  const regular = buildQueue(spec, responses).filter((i) => !gold.keys.has(i.key));
  const candidates = buildQueue(spec, goldResponses).filter((i) => gold.keys.has(i.key));
  return mixGold(regular, candidates, gold.rate, `${annotatorSeed(spec.annotator, spec.seed)}\u0000${spec.run}`);
}

interface PromptResponses {
  readonly key: string;
  readonly group: string;
  readonly lang: LanguageTag;
  readonly turn: number;
  readonly responses: QueueResponse[];
}

function promptsInOrder(responses: readonly QueueResponse[], languages: readonly LanguageTag[]): PromptResponses[] {
  const prompts = new Map<string, PromptResponses>();
  for (const r of responses) {
    if (languages.length > 0 && !languages.some((l) => sameLanguage(l, r.lang))) continue;
    const key = JSON.stringify([r.group, r.lang, r.turn]);
    let prompt = prompts.get(key);
    if (!prompt) prompts.set(key, (prompt = { key, group: r.group, lang: r.lang, turn: r.turn, responses: [] }));
    prompt.responses.push(r);
  }
  const rank = (lang: LanguageTag) => {
    const i = languages.findIndex((l) => sameLanguage(l, lang));
    return i === -1 ? languages.length : i;
  };
  return [...prompts.values()].sort(
    (a, b) =>
      rank(a.lang) - rank(b.lang) ||
      a.lang.localeCompare(b.lang) ||
      naturalCompare(a.group, b.group) ||
      a.turn - b.turn,
  );
}

function ratingItems(prompt: PromptResponses): RatingItem[] {
  return prompt.responses.map((r) => ({
    task: 'rating',
    key: JSON.stringify([r.group, r.lang, r.turn, r.system, r.seed]),
    group: r.group,
    lang: r.lang,
    turn: r.turn,
    system: r.system,
    seed: r.seed,
  }));
}

/**
 * Every pair of systems that answered the prompt, each with a left/right drawn from its own seed: adding a
 * system to the run later does not change what an annotator was shown for the pairs already there.
 */
function pairItems(prompt: PromptResponses, seedOf: (key: string) => string): PairItem[] {
  const systems = [...new Set(prompt.responses.map((r) => r.system))].sort();
  const items: PairItem[] = [];
  for (let i = 0; i < systems.length; i++) {
    for (let j = i + 1; j < systems.length; j++) {
      const [systemA, systemB] = [systems[i]!, systems[j]!];
      const key = JSON.stringify([prompt.group, prompt.lang, prompt.turn, systemA, systemB]);
      const shown = randomFromText(seedOf(key)).nextInt(2) === 0 ? 'AB' : 'BA';
      items.push({
        task: 'pairwise',
        key,
        group: prompt.group,
        lang: prompt.lang,
        turn: prompt.turn,
        systemA,
        systemB,
        shown,
      });
    }
  }
  return items;
}

/** Where to resume: the remembered item if it is still in the queue, else the first item not labelled yet. */
export function resumeIndex(
  items: readonly QueueItem[],
  remembered: string | undefined,
  labelled: ReadonlySet<string>,
): number {
  const at = remembered === undefined ? -1 : items.findIndex((i) => i.key === remembered);
  if (at !== -1) return at;
  const firstOpen = items.findIndex((i) => !labelled.has(i.key));
  return firstOpen === -1 ? 0 : firstOpen;
}
