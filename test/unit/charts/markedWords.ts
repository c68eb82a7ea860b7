// Words whose every text is marked ("§"), the texts of their functions too: a chart or a table drawn with them
// shows which of its texts came from its words and which it wrote itself (chartWords.test.ts, reportWords.test.ts).
export const MARK = '§';

export function marked<T>(words: T): T {
  if (typeof words === 'string') return `${MARK}${words}` as T;
  if (typeof words === 'function')
    return ((...args: unknown[]) => `${MARK}${(words as (...a: unknown[]) => string)(...args)}`) as T;
  return Object.fromEntries(Object.entries(words as object).map(([k, v]) => [k, marked(v)])) as T;
}

/** The words as one text, each function called with these arguments: two words records compared as texts. */
export function flatWords(words: unknown, ...args: unknown[]): string {
  return JSON.stringify(words, (_, v: unknown) =>
    typeof v === 'function' ? (v as (...a: unknown[]) => string)(...args) : v,
  );
}
