// Language identification of a run's responses (the pipeline and the effective language); the detector itself
// is src/core/langid.
export { detectResponseLanguages, type DetectOptions, type RunDetectionReport } from './detectLanguages';
export { LANGID_REVISION, runDetector, type RunDetector } from './detector';
export {
  effectiveLanguages,
  LANGUAGE_OUTCOMES,
  languageOutcome,
  responseOutcome,
  type LanguageOutcome,
  type ResponseLanguage,
} from './effectiveLanguage';
