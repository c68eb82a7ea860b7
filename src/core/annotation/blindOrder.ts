// Blind presentation: which response is shown on the left and in which order an annotator meets the responses
// of one prompt. Drawn from a seed per annotator, so the same annotator always sees the same order (a reloaded
// window, a second machine) while different annotators see independent orders.
import { createHash } from 'node:crypto';
import { createRandom, type Random } from '../util/random';

/** A generator seeded from text: the same text always gives the same sequence. */
export function randomFromText(text: string): Random {
  // 52 bits of SHA-256 fit a safe integer; enough to make unrelated texts give unrelated streams.
  return createRandom(parseInt(createHash('sha256').update(text).digest('hex').slice(0, 13), 16));
}

/** A copy of items in an order drawn from random (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The seed text of one annotator's blind orders; an explicit seed lets a study fix it for everyone. */
export function annotatorSeed(annotator: string, configuredSeed: string): string {
  return configuredSeed.trim() === '' ? `annotator:${annotator}` : `seed:${configuredSeed.trim()}`;
}
