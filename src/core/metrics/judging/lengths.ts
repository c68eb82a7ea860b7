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

/** Responses' lengths by (run, prompt group, language, turn, system); the lowest seed when there are several. */
export class ResponseLengths {
  private readonly lengths = new Map<string, { seed: number; length: number }>();

  constructor(rows: readonly MeasuredResponse[] = []) {
    this.add(rows);
  }

  /** Takes more responses' lengths (a page of a run's), measuring those given by their text: texts are not kept. */
  add(rows: readonly MeasuredResponse[]): void {
    for (const r of rows) {
      const key = ResponseLengths.key(r, r.system);
      const known = this.lengths.get(key);
      if (known && known.seed <= r.seed) continue;
      const length = r.length ?? textLength(r.text!, lengthUnitFor(r.lang));
      this.lengths.set(key, { seed: r.seed, length });
    }
  }

  private static key(p: { run: string; group: string; lang: string; turn: number }, system: string): string {
    return [p.run, p.group, p.lang, p.turn, system].join('\u0000');
  }

  of(p: { run: string; group: string; lang: string; turn: number }, system: string): number | undefined {
    return this.lengths.get(ResponseLengths.key(p, system))?.length;
  }
}
