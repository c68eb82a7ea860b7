export {
  annotatorScores,
  FAST_SHARE,
  median,
  type AnnotatorScoreOptions,
  type AnnotatorScoreRow,
} from './annotatorScores';
export { GOLD_SOURCES, goldVerdicts, type GoldSource, type GoldVerdicts } from './gold';
export { GOLD_WORDS, goldRows, loadGoldVerdicts } from './load';
export {
  DISAGREEMENT_KINDS,
  disagreements,
  isOfKind,
  type Disagreement,
  type DisagreementJudge,
  type DisagreementKind,
  type DisagreementVote,
} from './disagreements';
export { loadDisagreements, type DisagreementSelection } from './loadDisagreements';
