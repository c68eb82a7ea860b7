// Evidence franc's trigram models miss on short texts. franc's models are trigram profiles of the Universal
// Declaration of Human Rights: third person, formal, no questions, so short conversational text (what LLM prompts
// and answers are) is often closer to a neighbour's profile than to its own language's.
//
// 1. Letters a language's alphabet does not have.
// Russian is written with ы and э, Bulgarian never; Ukrainian has і, ї, є, Russian none; Czech has ř and ů, Slovak
// ä, ľ and ô. A candidate loses score in proportion to the share of the text's letters that its alphabet lacks, so
// that one foreign name (Dvořák in an English sentence) costs little and a whole word in another alphabet costs a lot.
import { languageKey, type LanguageTag } from '../model/language';

const LATIN = 'abcdefghijklmnopqrstuvwxyz';

/** Lower-case letters of each alphabet, for the languages of the neighbour clusters and a few more. */
const ALPHABETS: Readonly<Record<string, string>> = {
  // Cyrillic
  ru: 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
  bg: 'абвгдежзийклмнопрстуфхцчшщъьюяѝ',
  uk: 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя',
  be: 'абвгдеёжзійклмнопрстуўфхцчшыьэюя',
  mk: 'абвгдѓежзѕијклљмнњопрстќуфхцчџшѐѝ',
  sr: 'абвгдђежзијклљмнњопрстћуфхцчџш' + LATIN + 'čćđšž',
  kk: 'абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә',
  ky: 'абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюя',
  tt: 'абвгдеёжҗзийклмнңоөпрстуүфхһцчшщъыьэюяә',
  // Latin
  en: LATIN,
  cs: LATIN + 'áčďéěíňóřšťúůýž',
  sk: LATIN + 'áäčďéíĺľňóôŕšťúýž',
  pl: LATIN + 'ąćęłńóśźż',
  hr: LATIN + 'čćđšž',
  bs: LATIN + 'čćđšž',
  sl: LATIN + 'čćđšž',
  cnr: LATIN + 'čćđšžśź',
  no: LATIN + 'æøåéèêóòôü',
  da: LATIN + 'æøåéáíóú',
  sv: LATIN + 'åäöé',
  is: LATIN + 'áðéíóúýþæö',
  fo: LATIN + 'áðíóúýæø',
  de: LATIN + 'äöüß',
  nl: LATIN + 'éèëïöüáóú',
  es: LATIN + 'áéíóúüñ',
  gl: LATIN + 'áéíóúüñ',
  pt: LATIN + 'áâãàçéêíóôõúü',
  ca: LATIN + 'àéèíïòóúüç',
  oc: LATIN + 'àáçèéíïòóúü',
  fr: LATIN + 'àâæçéèêëîïôœùûüÿ',
  it: LATIN + 'àèéìíîòóùú',
  ro: LATIN + 'ăâîșşțţ',
  fi: LATIN + 'äöåšž',
  et: LATIN + 'äöõüšž',
  lv: LATIN + 'āčēģīķļņšūž',
  lt: LATIN + 'ąčęėįšųūž',
  tr: LATIN + 'çğıöşüâîû',
  az: LATIN + 'çəğıöşü',
  id: LATIN,
  ms: LATIN,
  // Arabic script: Persian and Urdu letters Arabic lacks (پ چ ژ گ, ٹ ڈ ڑ ں ے); Arabic's ي and ك are common in
  // Persian and Urdu typed on Arabic keyboards, so they are not held against them.
  ar: 'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيٱ',
  fa: 'ءآأؤإئابةتثجچحخدذرزژسشصضطظعغفقكکگلمنوهۀیيپ',
  ur: 'ءآأؤئابتثجچحخدذرزژسشصضطظعغفقكکگلمنوهہھۂیيےۓپٹڈڑں',
};

const SETS = new Map(Object.entries(ALPHABETS).map(([key, letters]) => [key, new Set(Array.from(letters))]));

/** How often each letter occurs: counted once per text, then compared with each candidate's alphabet. */
export function letterCounts(letters: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of letters) counts.set(l, (counts.get(l) ?? 0) + 1);
  return counts;
}

/**
 * The share of `letters` (lower-case letters of one script, as `lettersOfScript` returns them, or their
 * `letterCounts`) that `tag`'s alphabet lacks; 0 when the alphabet is unknown.
 */
export function foreignLetterShare(letters: readonly string[] | ReadonlyMap<string, number>, tag: LanguageTag): number {
  const alphabet = SETS.get(languageKey(tag));
  const counts = Array.isArray(letters) ? letterCounts(letters) : (letters as ReadonlyMap<string, number>);
  if (!alphabet || counts.size === 0) return 0;
  let foreign = 0;
  let all = 0;
  for (const [l, n] of counts) {
    all += n;
    if (!alphabet.has(l)) foreign += n;
  }
  return foreign / all;
}

/**
 * Scripts whose letters rule a language out rather than lower its score: Cyrillic text is all written by its own
 * speakers (foreign names are transliterated), so ы, э or ё in several words are Russian (or Belarusian), never
 * Bulgarian, Ukrainian, Macedonian or Serbian; ї, є, ґ are Ukrainian; ђ, ћ Serbian; ѓ, ќ, ѕ Macedonian. In Latin
 * text a foreign name (Dvořák, Müller) is common, so there the letters stay a proportional penalty.
 */
const DECISIVE_SCRIPTS: ReadonlySet<string> = new Set(['Cyrl']);

/** Whether letters rule languages out in this script (and may decide a text too short for the model). */
export function lettersDecide(script: string): boolean {
  return DECISIVE_SCRIPTS.has(script);
}

/** Russian's ъ separates a consonant from е, ё, ю, я (объект, подъём); Bulgarian's is a vowel (път, съм, България). */
const RUSSIAN_HARD_SIGN = /ъ[еёюя]/;
const LETTER = /\p{L}/u;
const BULGARIAN_HARD_SIGN = /ъ[^еёюя]/;

/** Whether one word (lower case) has a letter, or a use of ъ, that `key`'s alphabet does not have. */
function foreignWord(word: string, key: string, alphabet: ReadonlySet<string>): boolean {
  for (const l of word) if (!alphabet.has(l) && LETTER.test(l)) return true;
  if (key === 'bg' && RUSSIAN_HARD_SIGN.test(word)) return true;
  if (key === 'ru' && BULGARIAN_HARD_SIGN.test(word)) return true;
  return false;
}

/**
 * Whether the words of a text in `script` rule `tag` out: words with letters its alphabet lacks make up at least 2%
 * of the words (and at least one), so that one quoted word in a long answer does not decide. Only for the scripts
 * where letters decide (Cyrillic).
 */
export function ruledOutByLetters(words: readonly string[], script: string, tag: LanguageTag): boolean {
  if (!DECISIVE_SCRIPTS.has(script) || words.length === 0) return false;
  const key = languageKey(tag);
  const alphabet = SETS.get(key);
  if (!alphabet) return false;
  let foreign = 0;
  for (const w of words) if (foreignWord(w, key, alphabet)) foreign++;
  return foreign >= Math.max(1, Math.ceil(0.02 * words.length));
}

// 2. English function words. English is a candidate in every run (it is what models drift into), and its UDHR profile
// has no "you", "what", "how", "please" or "can": "Please tell me more about cross site scripting" scores Danish,
// Norwegian and French above English. These words are frequent in English and are not words of the other languages
// written in Latin script that the neighbour clusters contain (unlike "a", "to", "in", "for", "me", "do", "have").
const ENGLISH_WORDS = new Set(
  (
    'the you your yours what how are this that these those with please my does which who whom why would should could ' +
    "they their there about and it its it's i'm don't can't can not from been has had our if when where but some many " +
    'than them then also just like very much'
  ).split(' '),
);

/** The share of the words of `prose` (as `stripNonProse` leaves it) that are English function words. */
export function englishWordShare(prose: string): number {
  const words = prose
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) return 0;
  return words.filter((w) => ENGLISH_WORDS.has(w)).length / words.length;
}
