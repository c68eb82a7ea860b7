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

// Per code point caches: every loop over a text asks for each of its characters, so the Unicode-property tests run
// once per distinct code point. The Basic Multilingual Plane in typed arrays (0: not asked yet), the rest in maps.
const SCRIPT_CODES: ScriptCode[] = [...SCRIPTS.map((s) => s.code), 'Zzzz'];
const NOT_A_LETTER = 1;
const bmpScripts = new Uint8Array(0x10000);
const astralScripts = new Map<number, ScriptCode | null>();

function classify(cp: number): ScriptCode | null {
  const char = String.fromCodePoint(cp);
  if (!LETTER.test(char) || INHERITED.test(char)) return null;
  return SCRIPTS.find((s) => s.test.test(char))?.code ?? UNKNOWN_SCRIPT;
}

/** The script of one code point, or null when it is not a letter (or a combining mark). */
export function scriptOfCodePoint(cp: number): ScriptCode | null {
  if (cp < 0x10000) {
    let slot = bmpScripts[cp]!;
    if (slot === 0) {
      const code = classify(cp);
      slot = code === null ? NOT_A_LETTER : SCRIPT_CODES.indexOf(code) + 2;
      bmpScripts[cp] = slot;
    }
    return slot === NOT_A_LETTER ? null : SCRIPT_CODES[slot - 2]!;
  }
  let hit = astralScripts.get(cp);
  if (hit === undefined) astralScripts.set(cp, (hit = classify(cp)));
  return hit;
}

/** The script of one character (a code point), or null when it is not a letter (or a combining mark). */
export function scriptOf(char: string): ScriptCode | null {
  return scriptOfCodePoint(char.codePointAt(0)!);
}

/** How many UTF-16 units the code point `cp` takes: loops step through a text by code points, as `for…of` does. */
export const width = (cp: number): number => (cp > 0xffff ? 2 : 1);

const bmpLetters = new Uint8Array(0x10000);
const astralLetters = new Map<number, boolean>();

/** A letter (not a combining mark), cached per code point like `scriptOf`. */
function isLetter(cp: number): boolean {
  if (cp < 0x10000) {
    let slot = bmpLetters[cp]!;
    if (slot === 0) bmpLetters[cp] = slot = /\p{L}/u.test(String.fromCodePoint(cp)) ? 2 : 1;
    return slot === 2;
  }
  let hit = astralLetters.get(cp);
  if (hit === undefined) astralLetters.set(cp, (hit = /\p{L}/u.test(String.fromCodePoint(cp))));
  return hit;
}

/** Letters in `text` (letters and combining marks of any script, as `scriptOf` counts them). */
export function lettersIn(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    if (scriptOfCodePoint(cp) !== null) n++;
    i += width(cp);
  }
  return n;
}

/**
 * Letters per script, keyed in the order each script first occurs (ties between scripts go to the first). Runs of
 * one script are counted before the map is touched: a text changes script rarely.
 */
export function scriptCounts(text: string, merge?: (code: ScriptCode) => ScriptCode): Map<ScriptCode, number> {
  const counts = new Map<ScriptCode, number>();
  let current: ScriptCode | null = null;
  let run = 0;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    i += width(cp);
    let code = scriptOfCodePoint(cp);
    if (code === null) continue;
    if (merge) code = merge(code);
    if (code !== current) {
      if (current !== null) counts.set(current, counts.get(current)! + run);
      if (!counts.has(code)) counts.set(code, 0);
      current = code;
      run = 0;
    }
    run++;
  }
  if (current !== null) counts.set(current, counts.get(current)! + run);
  return counts;
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
  const counts = scriptCounts(text);
  let letters = 0;
  for (const n of counts.values()) letters += n;
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

/** Whether a letter of script `code` belongs to text of script `script` (Han belongs to Japanese and Korean too). */
function inScript(code: ScriptCode, script: ScriptCode): boolean {
  return (
    code === script ||
    (code === 'Hani' && (script === 'Jpan' || script === 'Hang')) ||
    (script === 'Jpan' && code === 'Kana')
  );
}

/** Keeps the letters of the given script (Han and kana for "Jpan"), turning every other letter into a space. */
export function keepScript(text: string, script: ScriptCode): string {
  let out = '';
  let kept = 0; // text before this index is in `out`
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const code = scriptOfCodePoint(cp);
    const next = i + width(cp);
    if (code !== null && !inScript(code, script)) {
      out += `${text.slice(kept, i)} `;
      kept = next;
    }
    i = next;
  }
  return kept === 0 ? text : out + text.slice(kept);
}

/** The lower-case letters of one script in `text` (Han and kana for "Jpan"), in order; combining marks left out. */
export function lettersOfScript(text: string, script: ScriptCode): string[] {
  const out: string[] = [];
  forEachLetterOfScript(text, script, (letter) => out.push(letter));
  return out;
}

/** How often each lower-case letter of one script occurs in `text`, keyed in order of first occurrence. */
export function letterCountsOfScript(text: string, script: ScriptCode): Map<string, number> {
  const counts = new Map<string, number>();
  forEachLetterOfScript(text, script, (letter) => counts.set(letter, (counts.get(letter) ?? 0) + 1));
  return counts;
}

function forEachLetterOfScript(text: string, script: ScriptCode, use: (letter: string) => void): void {
  // The whole text in lower case, not letter by letter: final sigma depends on the letters around it.
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length;) {
    const cp = lower.codePointAt(i)!;
    const next = i + width(cp);
    const code = scriptOfCodePoint(cp);
    if (code !== null && isLetter(cp) && inScript(code, script)) use(lower.slice(i, next));
    i = next;
  }
}
