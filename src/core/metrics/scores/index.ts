// Scores of protocols.md §1, §2, §4-§6: side-by-side, judge consistency, pointwise scores with the language gate,
// human rating distributions, input/output language agreement.
export { ioAgreement, languageMismatches, type IoAgreementRow } from './ioAgreement';
export { judgeConsistency, type ConsistencyRow } from './judgeConsistency';
export {
  judgedPairs,
  loadJudgedPairs,
  pairVerdict,
  scoreFor,
  type InvalidPolicy,
  type JudgedPair,
} from './judgedPairs';
export { languageIdSums, likertMeans, type GateCounts, type LanguageIdRow, type LikertRow } from './pointwise';
export { isRating, ratingDistribution, ratingDistributionOf, type RatingDistributionRow } from './ratings';
export {
  parseBaseline,
  sideBySideScores,
  type BaselineRule,
  type SideBySideResult,
  type SideBySideRow,
} from './sideBySide';
export { type Slice } from './slices';
export { mtBenchScores, type MtBenchScoreRow } from './mtBenchScore';
