// The length of a response, measured the way its language is written: grapheme clusters (Intl.Segmenter) for
// scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese, Tibetan), words
// (runs of non-space characters) for every other language. One unit per language, printed beside every figure, so
// that lengths are only ever compared within a language. Measured once when a response is stored (its
// text_length, migration 0017), and by the length tables for a response stored before that.

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

/** JavaScript's \s (the white space that /\S+/u and /^\s+$/u see): Unicode White_Space and the BOM. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Characters that are a grapheme cluster each, whatever surrounds them (UAX #29: none extends, joins, prepends or
 * is a Hangul jamo): printable ASCII, CJK ideographs, kana and CJK and full-width punctuation, leaving out the
 * combining marks inside those blocks. A text of only these and white space is counted without the segmenter,
 * which at 4× Shaham et al.'s run took most of the length tables' time.
 */
function isLoneGrapheme(code: number): boolean {
  return (
    (code >= 0x21 && code <= 0x7e) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3001 && code <= 0x3029) ||
    (code >= 0x3030 && code <= 0x303f) ||
    (code >= 0x3041 && code <= 0x3096) ||
    (code >= 0x30a1 && code <= 0x30fa) ||
    (code >= 0xff01 && code <= 0xff60)
  );
}

/** Grapheme clusters other than white space, or whitespace-separated words. */
export function textLength(text: string, unit: LengthUnit): number {
  return unit === 'words' ? wordCount(text) : graphemeCount(text);
}

/** Runs of non-space code units: what /\S+/gu matches (a surrogate pair is never white space). */
function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

function graphemeCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isLoneGrapheme(code)) n++;
    // White space other than these controls may carry a combining mark: only the segmenter can tell.
    else if (!(code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0x3000)) return segmentedCount(text);
  }
  return n;
}

function segmentedCount(text: string): number {
  let n = 0;
  for (const { segment } of graphemes.segment(text)) if (!allSpace(segment)) n++;
  return n;
}

function allSpace(segment: string): boolean {
  for (let i = 0; i < segment.length; i++) if (!isSpace(segment.charCodeAt(i))) return false;
  return segment.length > 0;
}
