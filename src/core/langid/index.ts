// Language identification of model outputs: franc-all restricted to a run's languages, behind script checks.
export {
  createLanguageIdentifier,
  DEFAULT_ALPHABET_PENALTY,
  DEFAULT_ENGLISH_WORD_WEIGHT,
  DEFAULT_FUNCTION_WORD_WEIGHT,
  DEFAULT_MIN_LETTERS,
  DEFAULT_MIN_MARGIN,
  DEFAULT_MIN_SCRIPT_LETTERS,
  DEFAULT_RUN_LANGUAGE_PRIOR,
  type Detection,
  type LanguageIdentifier,
  type LanguageIdentifierOptions,
  type LanguageScore,
  type UndeterminedReason,
} from './identify';
export { francCodeToTag } from './iso639';
export { neighboursOf, NEIGHBOUR_CLUSTERS } from './neighbours';
export { stripNonProse } from './strip';
export { MIXED, type LanguageShare } from './chunks';
export { cutAtWordBoundary, evaluateIdentifier, type EvaluationResult, type LabelledText } from './evaluation';
