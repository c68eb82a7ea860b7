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
  const model = models.get(key);
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
  const cleaned = ` ${sample
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()} `;
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

/** The models of one candidate set merged: trigram → each model's rank (−1 when the model lacks it). */
interface MergedModels {
  readonly codes: readonly string[];
  readonly ranks: ReadonlyMap<string, Int32Array>;
}

const merged = new Map<string, MergedModels>();

function mergedModels(group: string, codes: readonly string[]): MergedModels {
  const key = `${group}\u0000${codes.join(',')}`;
  const hit = merged.get(key);
  if (hit) return hit;
  const present = codes.filter((code) => modelOf(group, code) !== undefined);
  const ranks = new Map<string, Int32Array>();
  present.forEach((code, i) => {
    for (const [gram, rank] of modelOf(group, code)!) {
      let row = ranks.get(gram);
      if (!row) ranks.set(gram, (row = new Int32Array(present.length).fill(-1)));
      row[i] = rank;
    }
  });
  const built = { codes: present, ranks };
  merged.set(key, built);
  return built;
}

/**
 * franc's scores of `text` against the models of `codes` (franc codes of one script group), best first. franc's
 * distance compares the text's trigram counts with the model's ranks (|count − rank − 1|, 300 for a missing
 * trigram) and normalises by the sample length. The models are merged so that each trigram of the text is looked
 * up once for all candidates.
 */
export function trigramScores(text: string, group: string, codes: readonly string[]): TrigramScore[] {
  const sample = text.slice(0, MAX_LENGTH);
  const counts = trigramCounts(sample);
  const models = mergedModels(group, codes);
  const n = models.codes.length;
  const totals = new Float64Array(n);
  for (const [gram, count] of counts) {
    const row = models.ranks.get(gram);
    if (!row) {
      for (let i = 0; i < n; i++) totals[i]! += MAX_DIFFERENCE;
      continue;
    }
    for (let i = 0; i < n; i++) {
      const rank = row[i]!;
      totals[i]! += rank < 0 ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
    }
  }
  const distances = models.codes.map((code, i) => ({ code, distance: totals[i]! }));
  // Stable: equal distances keep the candidates' order, as franc's sort does.
  distances.sort((a, b) => a.distance - b.distance);
  const min = distances[0]?.distance ?? 0;
  const max = sample.length * MAX_DIFFERENCE - min;
  return distances.map(({ code, distance }) => ({ code, score: 1 - (distance - min) / max || 0 }));
}
