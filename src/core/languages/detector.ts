// The name a stored detection carries, so that a reader can tell which detector and configuration made it, and
// `langlens langid --redetect` can find the detections another one made.
import { createHash } from 'node:crypto';
import { version as FRANC_VERSION } from 'franc-all/package.json';
import {
  createLanguageIdentifier,
  DEFAULT_ALPHABET_PENALTY,
  DEFAULT_ENGLISH_WORD_WEIGHT,
  DEFAULT_FUNCTION_WORD_WEIGHT,
  DEFAULT_MIN_LETTERS,
  DEFAULT_MIN_MARGIN,
  DEFAULT_MIN_SCRIPT_LETTERS,
  DEFAULT_RUN_LANGUAGE_PRIOR,
  type LanguageIdentifier,
} from '../langid';
import type { LanguageTag } from '../model/language';

/** Bump when src/core/langid changes how it decides in a way its settings do not show. */
export const LANGID_REVISION = 2;

/** The detector's thresholds: a change of any of them makes earlier detections another detector's. */
const SETTINGS_DIGEST = createHash('sha256')
  .update(
    JSON.stringify([
      DEFAULT_MIN_LETTERS,
      DEFAULT_MIN_SCRIPT_LETTERS,
      DEFAULT_MIN_MARGIN,
      DEFAULT_RUN_LANGUAGE_PRIOR,
      DEFAULT_ALPHABET_PENALTY,
      DEFAULT_ENGLISH_WORD_WEIGHT,
      DEFAULT_FUNCTION_WORD_WEIGHT,
    ]),
  )
  .digest('hex')
  .slice(0, 8);

export interface RunDetector {
  /** Stored with every detection, e.g. "langlens-langid@1+3f2a9c01 franc-all@7.2.0 [en,es,ru]". */
  readonly name: string;
  /** The run's languages, in the order the identifier was built with (a detection pool builds the same one). */
  readonly languages: readonly LanguageTag[];
  readonly identifier: LanguageIdentifier;
}

/**
 * The detector of one run. Its candidates are the run's prompt languages (and their confusable neighbours), so the
 * languages are part of its name: the same text may be read differently once a run gains a language.
 */
export function runDetector(languages: readonly LanguageTag[]): RunDetector {
  const sorted = [...languages].sort();
  return {
    name: `langlens-langid@${LANGID_REVISION}+${SETTINGS_DIGEST} franc-all@${FRANC_VERSION} [${sorted.join(',')}]`,
    languages: sorted,
    identifier: createLanguageIdentifier({ languages: sorted }),
  };
}
