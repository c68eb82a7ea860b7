// Public API of the pure statistics module: agreement, classification and bootstrap intervals.
export { createRandom, splitMix64, Xoshiro128StarStar, type Random } from '../../util/random';
export { inferCategories, strictMajority, type Label, type MaybeLabel } from './categories';
export { sumRange, trace } from './pairCounts';
export {
  cohenKappa,
  kappaFromCounts,
  kappaValue,
  kappaWeight,
  type CohenKappaOptions,
  type KappaResult,
  type KappaWeighting,
} from './cohenKappa';
export {
  countLabelsPerItem,
  fleissKappa,
  fleissKappaFromLabels,
  fleissKappaFromTotals,
  fleissKappaValue,
  fleissTotals,
  type CategoryCounts,
  type FleissKappaResult,
  type FleissTotals,
} from './fleissKappa';
export {
  alphaFromCoincidences,
  alphaValue,
  alphaScale,
  krippendorffAlpha,
  krippendorffAlphaFromRatings,
  krippendorffAlphaFromUnits,
  type AlphaLevel,
  type AlphaResult,
  type AlphaScale,
  type KrippendorffAlphaOptions,
  type Rating,
} from './krippendorffAlpha';
export {
  accuracy,
  classificationReport,
  confusionMatrix,
  type ClassificationReport,
  type ClassScores,
  type ConfusionMatrix,
} from './classification';
export { quantileOfSorted } from './quantile';
export {
  bootstrapClusterSums,
  bootstrapClusterSumsMany,
  bootstrapClusterSumsTable,
  clusterBootstrap,
  clusterBootstrapAdditive,
  summarizeResamples,
  clusterSumsOf,
  evaluateAdditive,
  groupByCluster,
  DEFAULT_LEVEL,
  DEFAULT_RESAMPLES,
  DEFAULT_SEED,
  type AdditiveStatistic,
  type BootstrapOptions,
  type ClusterSumsJob,
  type BootstrapResult,
  type ClusterId,
} from './bootstrap';
export {
  cohenKappaStatistic,
  fleissKappaStatistic,
  krippendorffAlphaStatistic,
  meanStatistic,
  ratioOfMeansStatistic,
} from './additiveStatistics';
export { bootstrapMean, bootstrapRatioOfMeans } from './means';
export { averageRanks } from './ranks';
export { kendallTau, pearson, spearman, type KendallTau } from './correlation';
export {
  addGwetUnit,
  gwetAgreement,
  gwetDimension,
  gwetFromSums,
  gwetWeights,
  type GwetResult,
  type GwetWeighting,
} from './gwetAgreement';
export {
  addIccTarget,
  iccDimension,
  iccFromSums,
  intraclassCorrelation,
  type IccResult,
} from './intraclassCorrelation';
export { logisticRegression, sigmoid, type LogisticFit } from './logisticRegression';
export {
  lengthControlledData,
  lengthControlledOfColumns,
  lengthControlledRefit,
  lengthControlledWinRate,
  winRatesAreExact,
  type LengthControlledData,
  type LengthControlledResult,
  type PreferenceWithLengths,
} from './lengthControlledWinRate';
export {
  lengthControlledIntervals,
  type LengthControlledInterval,
  type LengthControlledJob,
} from './lengthControlledBootstrap';
export { bradleyTerry, BradleyTerryFitter, ELO_CENTRE, ELO_SCALE, type BradleyTerryFit } from './bradleyTerry';
