export {
  chanceCorrectedAgreement,
  type ChanceCorrectedOptions,
  type ChanceCorrectedRow,
  type ChanceCorrectedTable,
  type ComparisonKind,
} from './chanceCorrectedAgreement';
export { alphaLevels } from './layouts';
export {
  agreementScaleOf,
  integerScale,
  scaleUnitSets,
  type ScaleUnitSet,
  pairwiseUnits,
  PAIRWISE_SCALE,
  RATING_SCALE,
  ratingUnits,
  scoreUnits,
  type AgreementScale,
  type RatedUnit,
  type RaterLabel,
  type UnitSet,
} from './units';
