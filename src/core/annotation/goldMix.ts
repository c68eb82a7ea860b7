// Gold and attention-check items in an annotator's queue: items with a known answer (an adjudicated or gold label)
// mixed in at a set rate, at positions drawn from the annotator's seed, so that the same annotator always meets
// them at the same places and different annotators at different ones. Nothing marks them: the panel shows a gold
// item exactly like any other, and its label is an ordinary label, scored against the known answer afterwards.
import { randomFromText, shuffled } from './blindOrder';
import type { QueueItem } from './queue';

/** At most this share of a queue is gold: a queue of checks alone measures nothing. */
export const MAX_GOLD_RATE = 0.5;

export interface GoldMix {
  /** The share of the queue that is gold, 0 (none) to MAX_GOLD_RATE. */
  readonly rate: number;
  /** The queue keys of the items with a known answer. */
  readonly keys: ReadonlySet<string>;
}

export interface MixedQueue {
  readonly items: QueueItem[];
  /** Gold items placed in the queue. */
  readonly gold: number;
  /** Gold items left out because the rate allows no more (counted, never silently). */
  readonly goldLeftOut: number;
}

export function checkGoldRate(rate: number): number {
  if (!(Number.isFinite(rate) && rate >= 0 && rate <= MAX_GOLD_RATE))
    throw new RangeError(`the gold rate is a share from 0 to ${MAX_GOLD_RATE}, got ${rate}`);
  return rate;
}

/**
 * The regular items in their order, with ⌊rate / (1 − rate) × regular⌋ gold items (drawn from the candidates in a
 * seeded order) placed one in each of as many equal blocks of the regular items, at a seeded position in its block.
 */
export function mixGold(
  regular: readonly QueueItem[],
  candidates: readonly QueueItem[],
  rate: number,
  seedText: string,
): MixedQueue {
  checkGoldRate(rate);
  const wanted = rate === 0 ? 0 : Math.floor((rate / (1 - rate)) * regular.length);
  const chosen = shuffled(candidates, randomFromText(`${seedText}\u0000gold`)).slice(0, wanted);
  const random = randomFromText(`${seedText}\u0000gold positions`);
  const items: QueueItem[] = [];
  const block = regular.length / Math.max(1, chosen.length);
  chosen.forEach((gold, k) => {
    const start = Math.round(k * block);
    const end = Math.round((k + 1) * block);
    const at = start + random.nextInt(Math.max(1, end - start));
    items.push(...regular.slice(start, at), gold, ...regular.slice(at, end));
  });
  if (chosen.length === 0) items.push(...regular);
  return { items, gold: chosen.length, goldLeftOut: candidates.length - chosen.length };
}
