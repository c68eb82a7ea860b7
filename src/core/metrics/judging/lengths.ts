// Responses' lengths for the length tables, by response key: the length stored with the response (text_length),
// or measured here from its text when it was stored before lengths were (model/responseLength.ts).

import { lengthUnitFor, textLength } from '../../model/responseLength';

export { lengthUnitFor, textLength, type LengthUnit } from '../../model/responseLength';

/** A response as it is measured: its key, and its stored length or (stored before lengths were) its text. */
export type MeasuredResponse = {
  readonly run: string;
  readonly group: string;
  readonly lang: string;
  readonly turn: number;
  readonly system: string;
  readonly seed: number;
} & ({ readonly length: number; readonly text?: null } | { readonly length?: null; readonly text: string });

/** A response's length and the seed it was measured on (the lowest seed's is kept). */
interface Measured {
  seed: number;
  length: number;
}

type PromptKey = { readonly run: string; readonly group: string; readonly lang: string; readonly turn: number };

/**
 * Responses' lengths by (run, prompt group, language, turn, system); the lowest seed when there are several. Kept
 * in maps nested by each part of the key, not by one joined key: a table asks for two lengths per verdict (1.4 M at
 * 4x Shaham et al.'s size), and a joined key is a new string to build and hash each time, where the parts are the
 * same few strings over and over, their hashes computed once.
 */
export class ResponseLengths {
  private readonly byRun = new Map<string, Map<string, Map<string, Map<number, Map<string, Measured>>>>>();

  constructor(rows: readonly MeasuredResponse[] = []) {
    this.add(rows);
  }

  /** Takes more responses' lengths (a page of a run's), measuring those given by their text: texts are not kept. */
  add(rows: readonly MeasuredResponse[]): void {
    for (const r of rows) {
      const bySystem = this.systemsOf(r, true)!;
      const known = bySystem.get(r.system);
      if (known && known.seed <= r.seed) continue;
      const length = r.length ?? textLength(r.text!, lengthUnitFor(r.lang));
      bySystem.set(r.system, { seed: r.seed, length });
    }
  }

  of(p: PromptKey, system: string): number | undefined {
    return this.systemsOf(p, false)?.get(system)?.length;
  }

  /** The lengths of a prompt's responses by system (for a caller that reads several of one prompt). */
  ofPrompt(p: PromptKey): ReadonlyMap<string, { readonly length: number }> | undefined {
    return this.systemsOf(p, false);
  }

  /** The lengths of a prompt's responses by system; created when asked to. */
  private systemsOf(p: PromptKey, create: boolean): Map<string, Measured> | undefined {
    const byGroup = child(this.byRun, p.run, create);
    const byLang = byGroup && child(byGroup, p.group, create);
    const byTurn = byLang && child(byLang, p.lang, create);
    return byTurn && child(byTurn, p.turn, create);
  }
}

function child<K, V extends Map<unknown, unknown>>(parent: Map<K, V>, key: K, create: boolean): V | undefined {
  let found = parent.get(key);
  if (!found && create) parent.set(key, (found = new Map() as V));
  return found;
}

/**
 * Responses' lengths by the ids of their prompt and system, the lowest seed's when there are several: for a table
 * that holds its verdicts by ids (lc-winrate). Per prompt a flat list of (system, length, seed), searched in turn:
 * a prompt has a response of a few dozen systems at most, and a key of prompt and system together would be a number
 * beyond the small integers that a map hashes fast.
 */
export class ResponseLengthsById {
  private readonly byPrompt = new Map<number, number[]>();

  add(prompt: number, system: number, seed: number, length: number): void {
    let entries = this.byPrompt.get(prompt);
    if (!entries) this.byPrompt.set(prompt, (entries = []));
    const at = indexOfSystem(entries, system);
    if (at < 0) entries.push(system, length, seed);
    else if (seed < entries[at + 2]!) {
      entries[at + 1] = length;
      entries[at + 2] = seed;
    }
  }

  of(prompt: number, system: number): number | undefined {
    const entries = this.byPrompt.get(prompt);
    const at = entries ? indexOfSystem(entries, system) : -1;
    return at < 0 ? undefined : entries![at + 1];
  }
}

function indexOfSystem(entries: readonly number[], system: number): number {
  for (let at = 0; at < entries.length; at += 3) if (entries[at] === system) return at;
  return -1;
}
