// A response's effective language and how it compares with its prompt's (protocols.md §4-§6). A human language
// label wins over the detector, and so does a human's flag "not in the prompt's language" (the annotation panel's
// one-key statement, [SH] App. E); "und" is neither agreement nor disagreement; a response never detected is apart.
import { languageKey, sameLanguage, UNDETERMINED, type LanguageTag } from '../model/language';
import {
  responseLanguages,
  type LanguageSource,
  type ResponseFilter,
  type ResponseLanguageRow,
} from '../store/languageQueries';
import type { Store } from '../store/store';

/**
 * match / mismatch: the effective language is (not) the prompt's. mixed: the answer is in several languages ("mul":
 * a second language holds ≥ 25% of it, or a human said so). undetermined: the detector (or a human) named no
 * language ("und", "zxx"). not-detected: the response has neither a detection nor a human label (run `langlens langid`).
 */
export type LanguageOutcome = 'match' | 'mismatch' | 'mixed' | 'undetermined' | 'not-detected';

export const LANGUAGE_OUTCOMES: readonly LanguageOutcome[] = [
  'match',
  'mismatch',
  'mixed',
  'undetermined',
  'not-detected',
];

/**
 * Tags that name no language: "und" (undetermined) and "zxx" (no linguistic content: a human's label for an answer
 * that is only code or numbers). Neither is agreement or disagreement; "mul" (several languages) is its own outcome.
 */
const NO_SINGLE_LANGUAGE = new Set([languageKey(UNDETERMINED), 'zxx']);

export function languageOutcome(promptLang: LanguageTag, effective: LanguageTag | null): LanguageOutcome {
  if (effective === null) return 'not-detected';
  if (languageKey(effective) === 'mul') return 'mixed';
  if (NO_SINGLE_LANGUAGE.has(languageKey(effective))) return 'undetermined';
  return sameLanguage(promptLang, effective) ? 'match' : 'mismatch';
}

/** The outcome of a response with its language's source: a human's flag makes it a mismatch, whatever was detected. */
export function responseOutcome(row: {
  lang: LanguageTag;
  effective: LanguageTag | null;
  source: LanguageSource | null;
}): LanguageOutcome {
  return row.source === 'flag' ? 'mismatch' : languageOutcome(row.lang, row.effective);
}

export interface ResponseLanguage extends ResponseLanguageRow {
  readonly outcome: LanguageOutcome;
}

/** Every response of a slice with its effective language and its outcome against the prompt's language. */
export async function effectiveLanguages(store: Store, filter: ResponseFilter = {}): Promise<ResponseLanguage[]> {
  return (await responseLanguages(store, filter)).map((row) => ({ ...row, outcome: responseOutcome(row) }));
}
