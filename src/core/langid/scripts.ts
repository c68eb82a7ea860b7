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
 * non-Chinese languages 5,100 on average, so one ideograph ≈ 3 letters. Used only to decide which script dominates,
 * and only against Latin letters (a Chinese answer with English terms stays Chinese): against Greek, Cyrillic or any
 * other script a CJK character counts once, so that a few Japanese lines in Greek prose do not outweigh the Greek.
 */
export const CJK_LETTER_WEIGHT = 3;
const CJK: ReadonlySet<ScriptCode> = new Set(['Hani', 'Kana', 'Hang', 'Jpan']);

export interface ScriptProfile {
  /** Letters (and combining marks) per script. */
  readonly counts: ReadonlyMap<ScriptCode, number>;
  /** All letters. */
  readonly letters: number;
  /**
   * The dominant script (Han and kana counted together as "Jpan" when kana is present, Han and Hangul as "Hang" when
   * Hangul is), or Zyyy without letters.
   */
  readonly script: ScriptCode;
  /** Letters of the dominant script (for "Jpan": Han plus kana; for "Hang" with Han: Hangul plus Han). */
  readonly scriptLetters: number;
  /** The dominant script's share of all letters, CJK weighted against Latin as above, in 0..1. */
  readonly share: number;
}

/**
 * Kana decides that Han text is Japanese, Hangul that it is Korean: Chinese has neither (but for a quoted Japanese
 * or Korean name), so a few of them in Han text (at least 2, and 3% of the Han, kana and Hangul) are decisive.
 * Japanese prose is 40–70% kana, dense technical Japanese rarely below 20%.
 */
export const DECISIVE_CJK_SHARE = 0.03;

/** How much letters of script `code` weigh against letters of script `rival`. */
function weight(code: ScriptCode, rival: ScriptCode): number {
  return CJK.has(code) && rival === 'Latn' ? CJK_LETTER_WEIGHT : 1;
}

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

  // Han joins the script that shows its language: kana (Japanese) or Hangul (Korean), when decisive.
  const grouped = new Map<ScriptCode, number>();
  const han = counts.get('Hani') ?? 0;
  const kana = counts.get('Kana') ?? 0;
  const hangul = counts.get('Hang') ?? 0;
  const cjk = han + kana + hangul;
  const decisive = (n: number) => n >= 2 && n >= DECISIVE_CJK_SHARE * cjk;
  for (const [code, n] of counts) if (!CJK.has(code)) grouped.set(code, n);
  if (decisive(hangul) && hangul >= kana) {
    grouped.set('Hang', hangul + han);
    if (kana > 0) grouped.set('Kana', kana);
  } else if (decisive(kana)) {
    grouped.set('Jpan', han + kana);
    if (hangul > 0) grouped.set('Hang', hangul);
  } else {
    if (han + kana > 0) grouped.set('Hani', han + kana);
    if (hangul > 0) grouped.set('Hang', hangul);
  }

  // The winner among the other scripts by their letters, then against Latin with CJK weighted.
  let script: ScriptCode = NO_SCRIPT;
  for (const [code, n] of grouped) {
    if (code === 'Latn') continue;
    if (script === NO_SCRIPT || n > grouped.get(script)!) script = code;
  }
  const latin = grouped.get('Latn') ?? 0;
  if (script === NO_SCRIPT || latin >= grouped.get(script)! * weight(script, 'Latn')) script = 'Latn';
  const own = grouped.get(script)!;
  let total = own;
  for (const [code, n] of grouped) if (code !== script) total += (n * weight(code, script)) / weight(script, code);
  const scriptLetters = own;
  return { counts, letters, script, scriptLetters, share: own / total };
}

/** Keeps the letters of the given script (Han and kana for "Jpan"), turning every other letter into a space. */
export function keepScript(text: string, script: ScriptCode): string {
  let out = '';
  for (const char of text) {
    const code = scriptOf(char);
    const keep =
      code === null ||
      code === script ||
      (code === 'Hani' && (script === 'Jpan' || script === 'Hang')) ||
      (script === 'Jpan' && code === 'Kana');
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
    if (
      code === script ||
      (code === 'Hani' && (script === 'Jpan' || script === 'Hang')) ||
      (script === 'Jpan' && code === 'Kana')
    ) {
      out.push(char);
    }
  }
  return out;
}
