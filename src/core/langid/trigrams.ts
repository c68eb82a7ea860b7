// franc-all's trigram scoring, done here on franc's own models so that a text's trigrams are counted once and only
// the few candidate models of a run are compared with them. francAll(text, { only }) gives the same scores (a test
// checks it on hplt-prompts) but first matches the text against every script's expression and filters every model
// of the script on each call, which is most of its time on a long answer.
import { data as francData } from 'franc-all/data.js';

/** franc's constants: samples are cut to 2,048 characters; a trigram a model lacks costs 300. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

/** A model: trigram → rank (0 = most frequent), as franc builds it from its data. */
type Model = ReadonlyMap<string, number>;

const models = new Map<string, Model>();

/** The model of a franc code in a franc script group ("Latin", "Cyrillic", ...), built on first use. */
function modelOf(group: string, code: string): Model | undefined {
  const key = `${group}\u0000${code}`;
  let model = models.get(key);
  if (model) return model;
  const raw = francData[group]?.[code];
  if (raw === undefined) return undefined;
  const grams = raw.split('|');
  const built = new Map<string, number>();
  for (let rank = grams.length - 1; rank >= 0; rank--) built.set(grams[rank]!, rank);
  models.set(key, built);
  return built;
}

/** trigram-utils' `clean` and `trigrams`: ASCII punctuation and digits to spaces, white space collapsed, lower case. */
function trigramCounts(sample: string): Map<string, number> {
  const cleaned = ` ${sample.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const gram = cleaned.slice(i, i + 3);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

export interface TrigramScore {
  readonly code: string;
  /** franc's normalised score: 1 for the closest model, lower for the others. */
  readonly score: number;
}

/**
 * franc's scores of `text` against the models of `codes` (franc codes of one script group), best first. franc's
 * distance compares the text's trigram counts with the model's ranks (|count − rank − 1|, 300 for a missing
 * trigram) and normalises by the sample length.
 */
export function trigramScores(text: string, group: string, codes: readonly string[]): TrigramScore[] {
  const sample = text.slice(0, MAX_LENGTH);
  const counts = trigramCounts(sample);
  const distances: { code: string; distance: number }[] = [];
  for (const code of codes) {
    const model = modelOf(group, code);
    if (!model) continue;
    let distance = 0;
    for (const [gram, count] of counts) {
      const rank = model.get(gram);
      distance += rank === undefined ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
    }
    distances.push({ code, distance });
  }
  distances.sort((a, b) => a.distance - b.distance);
  const min = distances[0]?.distance ?? 0;
  const max = sample.length * MAX_DIFFERENCE - min;
  return distances.map(({ code, distance }) => ({ code, score: 1 - (distance - min) / max || 0 }));
}
