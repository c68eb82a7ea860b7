// The slices every score is reported for: a run, a prompt language and a turn. Scores are never pooled across
// languages (the point of the product) nor across runs or turns; tables show the run and turn only when they vary.
import type { LanguageTag } from '../../model/language';

export interface Slice {
  readonly run: string;
  readonly lang: LanguageTag;
  readonly turn: number;
  /** The criterion rated ('' or absent: none); figures on different criteria are never pooled either. */
  readonly criterion?: string;
}

export function sliceOf(row: Slice): Slice {
  return { run: row.run, lang: row.lang, turn: row.turn, ...(row.criterion ? { criterion: row.criterion } : {}) };
}

/** A map key of a slice and any further parts (judge, system, ...). */
export function keyOf(slice: Slice, ...parts: readonly string[]): string {
  // Concatenated rather than joined from an array: the score tables key every judged pair (350,000 at 4× Shaham).
  let key = `${slice.run}\u0000${slice.lang}\u0000${slice.turn}\u0000${slice.criterion ?? ''}`;
  for (const part of parts) key += `\u0000${part}`;
  return key;
}

export function compareSlices(a: Slice, b: Slice): number {
  return (
    a.run.localeCompare(b.run) ||
    a.lang.localeCompare(b.lang) ||
    a.turn - b.turn ||
    (a.criterion ?? '').localeCompare(b.criterion ?? '')
  );
}

/** Collects items into keyed entries, creating each entry on first sight. */
export function collect<K, T>(entries: Map<K, T>, key: K, create: () => T): T {
  let entry = entries.get(key);
  if (!entry) entries.set(key, (entry = create()));
  return entry;
}
