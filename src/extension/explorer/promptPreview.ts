// A prompt's opening for a one-line tree label. The tree draws its description left to right and clips what does
// not fit at the right edge, which is where a right-to-left text STARTS: a long Hebrew or Arabic opening lost its
// first words. So the opening is cut here, from its logical start at a word boundary, and a right-to-left one short
// enough to fit beside the counts in a side bar of the default width (a left-to-right one may run on: the tree
// clips its end); isolated (FSI … PDI) so that its punctuation and the ellipsis stay on its own side.

/** Characters of a prompt shown in the tree; the tooltip has the whole prompt. */
export const PREVIEW_CHARS = { ltr: 60, rtl: 24 } as const;

const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';
/** Letters of the right-to-left scripts the tree may show (Hebrew, Arabic, Syriac, Thaana, N'Ko and their forms). */
const RTL_LETTERS = /[\u0590-\u07FF\u0860-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/gu;

/** Whether most of a text's letters are of a right-to-left script. */
export function readsRightToLeft(text: string): boolean {
  const rtl = text.match(RTL_LETTERS)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return rtl > letters - rtl;
}

export function promptPreview(text: string | null, max?: number): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  if (flat === '') return '';
  const limit = max ?? PREVIEW_CHARS[readsRightToLeft(flat) ? 'rtl' : 'ltr'];
  const chars = [...flat];
  if (chars.length <= limit) return FIRST_STRONG_ISOLATE + flat + POP_DIRECTIONAL_ISOLATE;
  const head = chars.slice(0, limit).join('');
  const lastSpace = head.lastIndexOf(' ');
  // A word boundary unless the text has none near the end (Chinese and Japanese put no spaces between words).
  const atBoundary = chars[limit] === ' ';
  const cut = atBoundary || lastSpace < head.length / 2 ? head : head.slice(0, lastSpace);
  return FIRST_STRONG_ISOLATE + cut.replace(/[\s,;:.،؛]+$/u, '') + '…' + POP_DIRECTIONAL_ISOLATE;
}
