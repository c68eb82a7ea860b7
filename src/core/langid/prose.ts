// The running text of an answer: the language an answer is in is the language of its sentences, not of the names,
// titles and quotations it lists. A German answer listing English song titles, an Icelandic one naming musicals,
// Greek prose with English film names: the lists, titles and quotes are set apart and weigh only when the running
// text alone is too short to decide.
//
// Set apart (each measured against the failure classes, see test/unit/langid/failures.test.ts):
// - table rows (a line with two or more |) and headings (#, or a line that is only bold text);
// - lines that are mostly capitalised words (a list of names or titles: "- Hey Jude – The Beatles");
// - quoted spans (“…”, "…", „…“, «…», ‘…’, up to 120 characters: titles and quotations);
// - runs of two or more capitalised words inside a sentence, with English title words between them ("The Phantom of
//   the Opera", "Star Wars"), not counting a sentence's first word;
// - in a line written mostly in another script, its capitalised Latin words (names in Greek or Chinese prose).
import { CJK_LETTER_WEIGHT, scriptCounts } from './scripts';

export interface RunningText {
  /** The running text, line by line, punctuation kept (sentences are split on it). */
  readonly lines: readonly string[];
  /** What was set apart: lists of names, titles, headings, tables, quotes. */
  readonly apart: readonly string[];
}

const TABLE_ROW = /\|.*\|/;
const HEADING = /^\s{0,3}(?:#{1,6}\s|(?:\*\*|__)[^*_]+(?:\*\*|__):?\s*$)/;
const LIST_MARKER = /^\s*(?:[-*+•·–]|\d{1,3}[.)])\s+/;
const QUOTED = /"[^"\n]{1,120}"|“[^”\n]{1,120}”|„[^“”\n]{1,120}[“”]|«[^»\n]{1,120}»|‘[^’\n]{1,120}’(?![\p{L}])/gu;
/** Capitalised Latin words and the Latin words after them, glued to another script or not ("是The Godfather和"). */
const LATIN_NAMES =
  /(?=\p{Script=Latin})\p{Lu}[\p{Script=Latin}'’-]*(?:[\s,、&]+\p{Script=Latin}[\p{Script=Latin}'’-]*)*/gu;
const CASED_WORD = /^[^\p{L}]*([\p{Lu}\p{Ll}\p{Lt}])/u;
const SENTENCE_END = /[.!?:;。！？]$/u;
const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;
const SPACES = /\s+/;
/** Two capital letters anywhere: what a run of names needs. */
const TWO_CAPITALS = /\p{Lu}[^]*\p{Lu}/u;
/** Lower-case words that belong inside English titles and names ("The Lord of the Rings", "Tom and Jerry"). */
const TITLE_WORDS = new Set([
  'of',
  'the',
  'and',
  'a',
  'an',
  'in',
  'on',
  'at',
  'to',
  'for',
  'with',
  'from',
  'by',
  'or',
  '&',
]);
/**
 * A line is in another script when Latin letters are less than this share of its letters (CJK weighted 3): its
 * capitalised Latin words are then names (a Chinese sentence naming three English films has more Latin letters than
 * Han characters, but it is a Chinese sentence).
 */
const OTHER_SCRIPT_LATIN_SHARE = 0.75;
/** A line whose cased words are at least this share capitalised is a list of names or a title. */
const CAPITALISED_LINE = 0.75;

const capitalised = (word: string): boolean | null => {
  const m = CASED_WORD.exec(word);
  if (!m) return null;
  return m[1] !== m[1]!.toLowerCase();
};

/** The Latin letters' share of a line's letters (CJK weighted as against Latin), to tell a line in another script. */
function latinShare(line: string): number {
  let latin = 0;
  let all = 0;
  for (const [code, n] of scriptCounts(line)) {
    if (code === 'Latn') latin += n;
    all += (code === 'Hani' || code === 'Kana' || code === 'Hang' ? CJK_LETTER_WEIGHT : 1) * n;
  }
  return all === 0 ? 0 : latin / all;
}

function mostlyCapitalised(words: readonly string[]): boolean {
  let cased = 0;
  let upper = 0;
  for (const w of words) {
    const c = capitalised(w);
    if (c === null) continue;
    cased++;
    if (c) upper++;
  }
  return cased > 0 && upper / cased >= CAPITALISED_LINE;
}

/** Splits a prose line into what stays and what is set apart (capitalised runs, Latin names in another script). */
function splitNames(line: string, otherScript: boolean, apart: string[]): string {
  const words = line.split(SPACES).filter((w) => w.length > 0);
  const kept: string[] = [];
  let run: string[] = [];
  let runCapitals = 0;
  let sentenceStart = true;
  const flush = () => {
    // Title words at the end of a run belong to the text that follows.
    let tail = 0;
    while (tail < run.length && TITLE_WORDS.has(run[run.length - 1 - tail]!.toLowerCase())) tail++;
    const body = run.slice(0, run.length - tail);
    if (runCapitals >= 2) apart.push(body.join(' '));
    else kept.push(...body);
    kept.push(...run.slice(run.length - tail));
    run = [];
    runCapitals = 0;
  };
  for (const word of words) {
    const isCapital = capitalised(word) === true;
    const latin = LATIN.test(word);
    if (otherScript && latin && isCapital) {
      flush();
      apart.push(word);
    } else if (isCapital && !sentenceStart) {
      run.push(word);
      runCapitals++;
    } else if (run.length > 0 && TITLE_WORDS.has(word.toLowerCase())) {
      run.push(word);
    } else {
      flush();
      kept.push(word);
    }
    sentenceStart = SENTENCE_END.test(word);
  }
  flush();
  return kept.join(' ');
}

/** The running text of `text` (as `stripMarkup` leaves it: lines and punctuation kept), and what was set apart. */
export function runningText(text: string): RunningText {
  const lines: string[] = [];
  const apart: string[] = [];
  for (const raw of text.split('\n')) {
    if (!LETTER.test(raw)) continue;
    if (TABLE_ROW.test(raw) || HEADING.test(raw)) {
      apart.push(raw);
      continue;
    }
    const unquoted = raw.replace(QUOTED, (quote) => {
      apart.push(quote);
      return ' ';
    });
    const body = unquoted.replace(LIST_MARKER, '');
    const words = body.split(SPACES).filter((w) => LETTER.test(w));
    if (words.length === 0) continue;
    const otherScript = latinShare(body) < OTHER_SCRIPT_LATIN_SHARE;
    if (!otherScript && mostlyCapitalised(words)) {
      apart.push(body);
      continue;
    }
    const named = otherScript ? body.replace(LATIN_NAMES, (name) => (apart.push(name), ' ')) : body;
    // A run of names needs two capitals; a line with fewer has none to set apart (most prose lines).
    const kept = otherScript || TWO_CAPITALS.test(named) ? splitNames(named, otherScript, apart) : named;
    if (LETTER.test(kept)) lines.push(kept);
  }
  return { lines, apart };
}
