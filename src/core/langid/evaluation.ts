// Accuracy and coverage of a language identifier on texts of known language, cut to fixed lengths.
import { sameLanguage, UNDETERMINED, type LanguageTag } from '../model/language';
import type { Detection, LanguageIdentifier } from './identify';

export interface LabelledText {
  readonly lang: LanguageTag;
  readonly id: string;
  readonly text: string;
}

const SPACED_WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function insideWord(c: string | undefined): boolean {
  return c !== undefined && SPACED_WORD_CHAR.test(c) && !UNSPACED.test(c);
}

/**
 * The first `max` characters (code points) of `text`, cut back to the end of the last whole word when the cut falls
 * inside a word of a script that separates words with spaces. Scripts written without spaces (Han, kana, Thai, ...)
 * are cut at the character. A text no longer than `max` is returned whole.
 */
export function cutAtWordBoundary(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  let end = max;
  if (insideWord(chars[end - 1]) && insideWord(chars[end])) {
    while (end > 0 && insideWord(chars[end - 1])) end--;
    if (end === 0) end = max; // one long word: keep the hard cut
  }
  return chars.slice(0, end).join('').trimEnd();
}

export interface LengthStats {
  readonly n: number;
  /** Answers other than "und". */
  readonly determined: number;
  /** Determined answers that are the right language (by `sameLanguage`). */
  readonly correct: number;
  /** correct / determined (1 when nothing was determined). */
  readonly accuracy: number;
  /** determined / n. */
  readonly coverage: number;
}

export interface EvaluationRow extends LengthStats {
  readonly lang: LanguageTag;
  readonly length: number;
}

export interface EvaluationError {
  readonly sample: LabelledText;
  readonly length: number;
  readonly cut: string;
  readonly detection: Detection;
}

export interface EvaluationResult {
  /** One row per language and length, in input order. */
  readonly rows: readonly EvaluationRow[];
  /** All languages together, per length. */
  readonly overall: ReadonlyMap<number, LengthStats>;
  /** Wrong determined answers, for inspection. */
  readonly errors: readonly EvaluationError[];
  /** Count of "und" answers by reason, per length. */
  readonly undReasons: ReadonlyMap<number, ReadonlyMap<string, number>>;
  /** Number of detect calls and the time they took. */
  readonly calls: number;
  readonly milliseconds: number;
}

function stats(n: number, determined: number, correct: number): LengthStats {
  return {
    n,
    determined,
    correct,
    accuracy: determined === 0 ? 1 : correct / determined,
    coverage: n === 0 ? 0 : determined / n,
  };
}

/** Cuts every text to every length (see `cutAtWordBoundary`) and scores the identifier's answers. */
export function evaluateIdentifier(
  identifier: LanguageIdentifier,
  samples: readonly LabelledText[],
  lengths: readonly number[],
): EvaluationResult {
  const langs: LanguageTag[] = [];
  for (const s of samples) if (!langs.includes(s.lang)) langs.push(s.lang);
  const counts = new Map<string, { n: number; determined: number; correct: number }>();
  const errors: EvaluationError[] = [];
  const undReasons = new Map<number, Map<string, number>>();
  let calls = 0;
  let milliseconds = 0;
  for (const length of lengths) {
    const reasons = new Map<string, number>();
    undReasons.set(length, reasons);
    for (const sample of samples) {
      const cut = cutAtWordBoundary(sample.text, length);
      const started = performance.now();
      const detection = identifier.detect(cut);
      milliseconds += performance.now() - started;
      calls++;
      const key = `${sample.lang}\u0000${length}`;
      const c = counts.get(key) ?? { n: 0, determined: 0, correct: 0 };
      c.n++;
      if (detection.lang === UNDETERMINED) {
        reasons.set(detection.reason ?? '?', (reasons.get(detection.reason ?? '?') ?? 0) + 1);
      } else {
        c.determined++;
        if (sameLanguage(detection.lang, sample.lang)) c.correct++;
        else errors.push({ sample, length, cut, detection });
      }
      counts.set(key, c);
    }
  }
  const rows: EvaluationRow[] = [];
  const overall = new Map<number, LengthStats>();
  for (const length of lengths) {
    let n = 0;
    let determined = 0;
    let correct = 0;
    for (const lang of langs) {
      const c = counts.get(`${lang}\u0000${length}`) ?? { n: 0, determined: 0, correct: 0 };
      rows.push({ lang, length, ...stats(c.n, c.determined, c.correct) });
      n += c.n;
      determined += c.determined;
      correct += c.correct;
    }
    overall.set(length, stats(n, determined, correct));
  }
  return { rows, overall, errors, undReasons, calls, milliseconds };
}
