// The length of a response, measured the way its language is written: grapheme clusters (Intl.Segmenter) for
// scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese, Tibetan), words
// (runs of non-space characters) for every other language. One unit per language, printed beside every figure, so
// that lengths are only ever compared within a language.

export type LengthUnit = 'graphemes' | 'words';

const UNSPACED_LANGUAGES = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my', 'bo', 'dz', 'yue', 'wuu', 'cmn', 'lzh']);
const UNSPACED_SCRIPTS = new Set([
  'hans',
  'hant',
  'hani',
  'jpan',
  'hira',
  'kana',
  'thai',
  'laoo',
  'khmr',
  'mymr',
  'tibt',
]);

export function lengthUnitFor(lang: string): LengthUnit {
  const [primary, ...rest] = lang.toLowerCase().split('-');
  const script = rest.find((s) => s.length === 4);
  if (script) return UNSPACED_SCRIPTS.has(script) ? 'graphemes' : 'words';
  return UNSPACED_LANGUAGES.has(primary ?? '') ? 'graphemes' : 'words';
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** Grapheme clusters other than white space, or whitespace-separated words. */
export function textLength(text: string, unit: LengthUnit): number {
  if (unit === 'words') return text.match(/\S+/gu)?.length ?? 0;
  let n = 0;
  for (const { segment } of graphemes.segment(text)) if (!/^\s+$/u.test(segment)) n++;
  return n;
}

/** Responses' lengths by (run, prompt group, language, turn, system); the lowest seed when there are several. */
export class ResponseLengths {
  private readonly lengths = new Map<string, { seed: number; length: number }>();

  constructor(
    rows: readonly {
      run: string;
      group: string;
      lang: string;
      turn: number;
      system: string;
      seed: number;
      text: string;
    }[],
  ) {
    for (const r of rows) {
      const key = ResponseLengths.key(r, r.system);
      const known = this.lengths.get(key);
      if (known && known.seed <= r.seed) continue;
      this.lengths.set(key, { seed: r.seed, length: textLength(r.text, lengthUnitFor(r.lang)) });
    }
  }

  private static key(p: { run: string; group: string; lang: string; turn: number }, system: string): string {
    return [p.run, p.group, p.lang, p.turn, system].join('\u0000');
  }

  of(p: { run: string; group: string; lang: string; turn: number }, system: string): number | undefined {
    return this.lengths.get(ResponseLengths.key(p, system))?.length;
  }
}
