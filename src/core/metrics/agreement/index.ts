export { buildPairwiseItems, type PairwiseItem } from './pairwiseItems';
export { raterAgreement, type AgreementOptions, type AgreementRow } from './raterAgreement';
export { raterKappa, type RaterKappaOptions, type RaterKappaRow, type RaterKappaTable } from './raterKappa';
export { judgeVsMajority, majorityVerdict, type MajorityOptions, type MajorityRow } from './judgeVsMajority';
export { limaScore } from './voteComparison';
export { humanVotes, loadPairwiseItems, loadPairwiseItemsOfBothScopes, type PairwiseSelection } from './load';
