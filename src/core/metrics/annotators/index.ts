export {
  annotatorScores,
  FAST_SHARE,
  median,
  type AnnotatorScoreOptions,
  type AnnotatorScoreRow,
  type ScoredItem,
} from './annotatorScores';
export {
  GOLD_SOURCES,
  goldVerdicts,
  knownAnswers,
  type GoldSource,
  type GoldVerdicts,
  type KnownAnswers,
} from './gold';
export { GOLD_WORDS, goldRows, loadGoldRatings, loadGoldVerdicts } from './load';
export { ratedItems, type RatedItem } from './ratedItems';
export {
  DISAGREEMENT_KINDS,
  disagreements,
  isOfKind,
  type Disagreement,
  type DisagreementJudge,
  type DisagreementKind,
  type DisagreementReason,
  type DisagreementVote,
} from './disagreements';
export {
  ratingDisagreements,
  scaleReferenceOf,
  type RatingDisagreement,
  type RatingDisagreementJudge,
  type RatingDisagreementVote,
} from './ratingDisagreements';
export { loadDisagreements, loadRatingDisagreements, type DisagreementSelection } from './loadDisagreements';
