// Which writing system a text is in, counted letter by letter, before any statistical model is asked.

/** ISO 15924 code of a script the identifier knows, or "Jpan" for Han mixed with kana (Japanese). */
export type ScriptCode = string;

/** A script the identifier recognises: its ISO 15924 code and a test for one code point. */
interface ScriptDef {
  readonly code: ScriptCode;
  readonly test: RegExp;
}

// Ordered by how often LLM output is written in them, so that the common case is decided by the first test.
const SCRIPTS: readonly ScriptDef[] = [
  { code: 'Latn', test: /\p{Script=Latin}/u },
  { code: 'Hani', test: /\p{Script=Han}/u },
  { code: 'Kana', test: /[\p{Script=Hiragana}\p{Script=Katakana}\u30FC]/u },
  { code: 'Cyrl', test: /\p{Script=Cyrillic}/u },
  { code: 'Arab', test: /\p{Script=Arabic}/u },
  { code: 'Deva', test: /\p{Script=Devanagari}/u },
  { code: 'Beng', test: /\p{Script=Bengali}/u },
  { code: 'Hang', test: /\p{Script=Hangul}/u },
  { code: 'Hebr', test: /\p{Script=Hebrew}/u },
  { code: 'Grek', test: /\p{Script=Greek}/u },
  { code: 'Thai', test: /\p{Script=Thai}/u },
  { code: 'Geor', test: /\p{Script=Georgian}/u },
  { code: 'Armn', test: /\p{Script=Armenian}/u },
  { code: 'Taml', test: /\p{Script=Tamil}/u },
  { code: 'Telu', test: /\p{Script=Telugu}/u },
  { code: 'Knda', test: /\p{Script=Kannada}/u },
  { code: 'Mlym', test: /\p{Script=Malayalam}/u },
  { code: 'Gujr', test: /\p{Script=Gujarati}/u },
  { code: 'Guru', test: /\p{Script=Gurmukhi}/u },
  { code: 'Orya', test: /\p{Script=Oriya}/u },
  { code: 'Sinh', test: /\p{Script=Sinhala}/u },
  { code: 'Ethi', test: /\p{Script=Ethiopic}/u },
  { code: 'Mymr', test: /\p{Script=Myanmar}/u },
  { code: 'Khmr', test: /\p{Script=Khmer}/u },
  { code: 'Laoo', test: /\p{Script=Lao}/u },
  { code: 'Tibt', test: /\p{Script=Tibetan}/u },
  { code: 'Thaa', test: /\p{Script=Thaana}/u },
  { code: 'Syrc', test: /\p{Script=Syriac}/u },
  { code: 'Mong', test: /\p{Script=Mongolian}/u },
  { code: 'Cans', test: /\p{Script=Canadian_Aboriginal}/u },
  { code: 'Cher', test: /\p{Script=Cherokee}/u },
  { code: 'Tfng', test: /\p{Script=Tifinagh}/u },
  { code: 'Yiii', test: /\p{Script=Yi}/u },
  { code: 'Java', test: /\p{Script=Javanese}/u },
  { code: 'Olck', test: /\p{Script=Ol_Chiki}/u },
  { code: 'Vaii', test: /\p{Script=Vai}/u },
  { code: 'Tavt', test: /\p{Script=Tai_Viet}/u },
];

/** Any other script: letters we cannot attribute to a language. */
export const UNKNOWN_SCRIPT: ScriptCode = 'Zzzz';
/** No letters at all. */
export const NO_SCRIPT: ScriptCode = 'Zyyy';

const LETTER = /[\p{L}\p{M}]/u;
// Combining marks shared by all scripts (accents not composed by NFC, variation selectors) belong to no script.
const INHERITED = /\p{Script=Inherited}/u;
const cache = new Map<number, ScriptCode | null>();

/** The script of one code point, or null when it is not a letter (or a combining mark). */
export function scriptOf(char: string): ScriptCode | null {
  const cp = char.codePointAt(0)!;
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  let code: ScriptCode | null = null;
  if (LETTER.test(char) && !INHERITED.test(char)) code = SCRIPTS.find((s) => s.test.test(char))?.code ?? UNKNOWN_SCRIPT;
  cache.set(cp, code);
  return code;
}

const letterCache = new Map<number, boolean>();

/** A letter (not a combining mark), cached per code point like `scriptOf`. */
function isLetter(char: string): boolean {
  const cp = char.codePointAt(0)!;
  let hit = letterCache.get(cp);
  if (hit === undefined) letterCache.set(cp, (hit = /\p{L}/u.test(char)));
  return hit;
}

/**
 * A Han character, kana or Hangul syllable carries about as much text as this many Latin letters. Measured on
 * hplt-prompts (the same 50 prompts translated by native speakers): zh has 1,622 letters, en 4,764 and the ten
 * non-Chinese languages 5,100 on average, so one ideograph ≈ 3 letters. Used only to decide which script dominates.
 */
export const CJK_LETTER_WEIGHT = 3;
const CJK: ReadonlySet<ScriptCode> = new Set(['Hani', 'Kana', 'Hang']);

export interface ScriptProfile {
  /** Letters (and combining marks) per script. */
  readonly counts: ReadonlyMap<ScriptCode, number>;
  /** All letters. */
  readonly letters: number;
  /** The dominant script (Han and kana counted together as "Jpan" when kana is present), or Zyyy without letters. */
  readonly script: ScriptCode;
  /** Letters of the dominant script (for "Jpan": Han plus kana). */
  readonly scriptLetters: number;
  /** The dominant script's share of all letters, CJK weighted as above, in 0..1. */
  readonly share: number;
}

/**
 * Share of kana among Han and kana from which a Han text is Japanese. Japanese prose is 40–70% kana, dense technical
 * Japanese rarely below 20%; Chinese has none but for a quoted Japanese name.
 */
export const KANA_SHARE_FOR_JAPANESE = 0.1;

export function scriptProfile(text: string): ScriptProfile {
  const counts = new Map<ScriptCode, number>();
  let letters = 0;
  for (const char of text) {
    const code = scriptOf(char);
    if (code === null) continue;
    counts.set(code, (counts.get(code) ?? 0) + 1);
    letters++;
  }
  if (letters === 0) return { counts, letters, script: NO_SCRIPT, scriptLetters: 0, share: 0 };

  const weighted = new Map<ScriptCode, number>();
  const han = counts.get('Hani') ?? 0;
  const kana = counts.get('Kana') ?? 0;
  for (const [code, n] of counts) {
    if (code === 'Hani' || code === 'Kana') continue;
    weighted.set(code, CJK.has(code) ? n * CJK_LETTER_WEIGHT : n);
  }
  const hanKana = han + kana;
  if (hanKana > 0) weighted.set(kana / hanKana >= KANA_SHARE_FOR_JAPANESE ? 'Jpan' : 'Hani', hanKana * CJK_LETTER_WEIGHT);

  let script: ScriptCode = NO_SCRIPT;
  let best = -1;
  let total = 0;
  for (const [code, w] of weighted) {
    total += w;
    if (w > best) {
      best = w;
      script = code;
    }
  }
  const scriptLetters = script === 'Jpan' || script === 'Hani' ? hanKana : (counts.get(script) ?? 0);
  return { counts, letters, script, scriptLetters, share: best / total };
}

/** Keeps the letters of the given script (Han and kana for "Jpan"), turning every other letter into a space. */
export function keepScript(text: string, script: ScriptCode): string {
  let out = '';
  for (const char of text) {
    const code = scriptOf(char);
    const keep = code === null || code === script || (script === 'Jpan' && (code === 'Hani' || code === 'Kana'));
    out += keep ? char : ' ';
  }
  return out;
}

/** The lower-case letters of one script in `text` (Han and kana for "Jpan"), in order; combining marks left out. */
export function lettersOfScript(text: string, script: ScriptCode): string[] {
  const out: string[] = [];
  for (const char of text.toLowerCase()) {
    const code = scriptOf(char);
    if (code === null || !isLetter(char)) continue;
    if (code === script || (script === 'Jpan' && (code === 'Hani' || code === 'Kana'))) out.push(char);
  }
  return out;
}
