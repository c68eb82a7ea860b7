export {
  annotatorScores,
  FAST_SHARE,
  median,
  type AnnotatorScoreOptions,
  type AnnotatorScoreRow,
} from './annotatorScores';
export { GOLD_SOURCES, goldVerdicts, type GoldSource, type GoldVerdicts } from './gold';
export { GOLD_WORDS, goldRows, loadGoldVerdicts } from './load';
export { disagreements, type Disagreement } from './disagreements';
