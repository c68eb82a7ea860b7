// Right-to-left text as a reader expects it. `dir="auto"` takes a block's direction from its FIRST strong letter,
// so "Python היא שפת תכנות." would be laid out left to right with its full stop on the wrong side. Here a block's
// direction is the majority of its strong letters, the language's direction on a tie (or with no letters), and the
// runs of the other direction inside it are isolated (<bdi>) so that the neutral characters around them stay put.
// Bidi control characters are never applied: each is replaced by a visible, named mark (as VS Code's editor
// highlights them), so text cannot be reordered behind the reader's back (the "Trojan Source" trick).
import { escapeHtml, Html } from './html';

export type Direction = 'ltr' | 'rtl';

/** Letters of the right-to-left scripts (Bidi_Class R and AL), which JavaScript cannot name by bidi class. */
const RTL_LETTER =
  /(?=\p{L})[\p{sc=Hebrew}\p{sc=Arabic}\p{sc=Syriac}\p{sc=Thaana}\p{sc=Nko}\p{sc=Samaritan}\p{sc=Mandaic}\p{sc=Adlam}\p{sc=Hanifi_Rohingya}\p{sc=Yezidi}]/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/** The bidi formatting characters, each with the abbreviation Unicode gives it. */
export const BIDI_CONTROLS: ReadonlyMap<string, { readonly abbr: string; readonly name: string }> = new Map([
  ['\u202A', { abbr: 'LRE', name: 'LEFT-TO-RIGHT EMBEDDING' }],
  ['\u202B', { abbr: 'RLE', name: 'RIGHT-TO-LEFT EMBEDDING' }],
  ['\u202C', { abbr: 'PDF', name: 'POP DIRECTIONAL FORMATTING' }],
  ['\u202D', { abbr: 'LRO', name: 'LEFT-TO-RIGHT OVERRIDE' }],
  ['\u202E', { abbr: 'RLO', name: 'RIGHT-TO-LEFT OVERRIDE' }],
  ['\u2066', { abbr: 'LRI', name: 'LEFT-TO-RIGHT ISOLATE' }],
  ['\u2067', { abbr: 'RLI', name: 'RIGHT-TO-LEFT ISOLATE' }],
  ['\u2068', { abbr: 'FSI', name: 'FIRST STRONG ISOLATE' }],
  ['\u2069', { abbr: 'PDI', name: 'POP DIRECTIONAL ISOLATE' }],
  ['\u200E', { abbr: 'LRM', name: 'LEFT-TO-RIGHT MARK' }],
  ['\u200F', { abbr: 'RLM', name: 'RIGHT-TO-LEFT MARK' }],
  ['\u061C', { abbr: 'ALM', name: 'ARABIC LETTER MARK' }],
]);
export const CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

type Strength = 'rtl' | 'ltr' | 'digit' | 'neutral';

function strength(char: string): Strength {
  if (RTL_LETTER.test(char)) return 'rtl';
  if (LETTER.test(char)) return 'ltr';
  return DIGIT.test(char) ? 'digit' : 'neutral';
}

/** The direction of a language as the protocol describes it. */
export function directionOf(language: { readonly rtl: boolean }): Direction {
  return language.rtl ? 'rtl' : 'ltr';
}

/** How many strong letters of each direction a text has. */
export function strongLetters(text: string): { rtl: number; ltr: number } {
  const counts = { rtl: 0, ltr: 0 };
  for (const char of text) {
    const s = strength(char);
    if (s === 'rtl' || s === 'ltr') counts[s]++;
  }
  return counts;
}

/** A block's direction: the majority of its strong letters; the language's direction on a tie. */
export function blockDirection(text: string, language: Direction): Direction {
  const { rtl, ltr } = strongLetters(text);
  if (rtl === ltr) return language;
  return rtl > ltr ? 'rtl' : 'ltr';
}

/**
 * The runs of a text in a block of direction `base` that go the other way: from a letter of the other direction
 * to the last letter or digit before a letter of the block's own direction (so "Python 3.12" is one run, and the
 * space and comma after it stay with the block). Offsets in UTF-16 code units, as String.slice takes them.
 */
export function oppositeRuns(text: string, base: Direction): { start: number; end: number }[] {
  const other: Strength = base === 'rtl' ? 'ltr' : 'rtl';
  const runs: { start: number; end: number }[] = [];
  let start = -1;
  let end = -1;
  let offset = 0;
  for (const char of text) {
    const s = strength(char);
    if (s === other) {
      if (start === -1) start = offset;
      end = offset + char.length;
    } else if (s === 'digit' && start !== -1) {
      end = offset + char.length;
    } else if (s === base && start !== -1) {
      runs.push({ start, end });
      start = -1;
    }
    offset += char.length;
  }
  if (start !== -1) runs.push({ start, end });
  return runs;
}

/** A bidi control character as a visible mark that names it. */
function controlMark(char: string): Html {
  const control = BIDI_CONTROLS.get(char)!;
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return new Html(
    `<span class="bidi-control" data-code="${code}" title="${code} ${control.name}: shown, not applied">${control.abbr}</span>`,
  );
}

/** Plain text as HTML with its bidi controls made visible and its opposite runs isolated. */
export function bidiText(text: string, base: Direction): Html {
  let out = '';
  let last = 0;
  for (const run of oppositeRuns(text, base)) {
    out +=
      visibleControls(text.slice(last, run.start)) + `<bdi>${visibleControls(text.slice(run.start, run.end))}</bdi>`;
    last = run.end;
  }
  return new Html(out + visibleControls(text.slice(last)));
}

export function visibleControls(text: string): string {
  let out = '';
  for (const char of text) out += CONTROL.test(char) ? controlMark(char).value : escapeHtml(char);
  return out;
}
