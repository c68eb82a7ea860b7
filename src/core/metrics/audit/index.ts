export {
  itemsBehind,
  itemsInGroup,
  ItemsByGroup,
  pairOutcome,
  summarise,
  type BehindSummary,
  type Comparison,
  type ItemBehind,
  type ItemOutcome,
  type PairOutcome,
  type VotePair,
} from './itemsBehind';
export { judgeErrorCount, judgeErrors, type JudgeError, type JudgeErrors } from './judgeErrors';
export {
  agreementDashboard,
  dashboardGrouping,
  loadDashboardItems,
  type DashboardItems,
  type DashboardOptions,
  FIGURES,
  type Dashboard,
  type DashboardGroup,
  type Figure,
  type JudgeFigures,
  judgesWithFigures,
  onlyJudges,
} from './dashboard';
export { agreementDashboardOffThread, startDashboardWorker } from './dashboardThread';
export {
  DIFFERENCE_FIGURES,
  differenceVerdict,
  judgeMinusHumans,
  MIN_DIFFERENCE_GROUPS,
  type DifferenceVerdict,
  type JudgeMinusHumans,
} from './judgeMinusHumans';
export { belowHumans, belowHumansText, BELOW_FIGURES, TOO_FEW_WORDS, type BelowHumans } from './belowHumans';
