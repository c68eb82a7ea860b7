// Judging statistics of issue 10: judge–human correlation, reliability of numeric ratings, kappa per rater pair,
// per-order pairwise judge accuracy, length bias, length-controlled win rates and Bradley–Terry ratings.
export { loadHumanScores, LIMA_3, type HumanScore, type HumanScores, type NumericScale } from './humanScores';
export { loadJudgeScores, responseKey, type JudgeScore } from './judgeScores';
export { judgeCorrelation, fieldsWithSlices, type Correlations, type JudgeCorrelationRow } from './judgeCorrelation';
export { scoreUnitSets, categoriesOf, type ScoreUnitSet } from './scoreUnits';
export { reliability, type ReliabilityRow } from './reliability';
export { raterPairKappa, type PairKappaRow, type PairKappaTable } from './raterPairKappa';
export { perOrderAccuracy, type InvalidMode, type PerOrderRow } from './perOrderAccuracy';
export { lengthUnitFor, textLength, ResponseLengths, ResponseLengthsById, type LengthUnit } from './lengths';
export { lengthBias, CLEAR_RATIO, type LengthBiasRow } from './lengthBias';
export { lengthControlledRows, type LengthControlledRow } from './lengthControlled';
export { bradleyTerryRatings, type RatingRow, type RatingTable } from './bradleyTerryRatings';
export { distinctPairColumnGroupValues, distinctPairGroupValues, pairGroupValues } from './pairGroups';
