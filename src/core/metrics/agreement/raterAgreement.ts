// Agreement of a judge with humans and of humans with each other, as MT-bench and Shaham et al. define it:
// a judge's one verdict on an item is paired with every human vote on it (no majority vote); human–human uses
// every pair of votes on the item. Each figure per group (language by default), with n and a bootstrap interval.
import { countedVerdict, type InvalidMode } from '../../model/verdicts';
import type { PairVerdict } from '../../model/records';
import type { Estimate, IntervalSettings } from '../estimate';
import { groupBy, type GroupField, type GroupValues } from '../grouping';
import { ClusterTally } from '../clusterTally';
import { itemGroupValues, type PairwiseItem } from './pairwiseItems';
import { addComparison, AGREEMENT_STATISTICS, COMPARISON_DIMENSION } from './voteComparison';

export interface AgreementOptions {
  readonly by: readonly GroupField[];
  /** A judge's unparsable verdict: leave the item out (counted), count it as a tie, or as wrong against every vote. */
  readonly invalidAs: InvalidMode;
  readonly intervals?: IntervalSettings;
}

export interface AgreementRow {
  readonly group: GroupValues;
  /** "human–human", or the judge's name for judge–human rows. */
  readonly comparison: string;
  readonly kind: 'judge-human' | 'human-human';
  /** Share of vote pairs with identical labels, tie = tie ([MT] "with tie"). */
  readonly withTie: Estimate;
  /** The same over pairs where neither says tie ([MT] "without tie"). */
  readonly withoutTie: Estimate;
  /** Mean [SH]/LIMA score (1 / 0.5 / 0) over the same pairs as withTie. */
  readonly lima: Estimate;
  /** Items that contributed at least one pair. */
  readonly items: number;
  /** Unparsable judge verdicts on items with human votes, left out or (wrong) counted as errors; 0 when read as ties. */
  readonly invalid: number;
}

/** Two labels on one item to compare: the judge's and a human's, or two humans'. */
export type VotePair = readonly [PairVerdict, PairVerdict];

export function raterAgreement(items: readonly PairwiseItem[], options: AgreementOptions): AgreementRow[] {
  const judges = [...new Set(items.flatMap((i) => [...i.judges.keys()]))].sort();
  const rows: AgreementRow[] = [];
  for (const group of groupBy(items, itemGroupValues, options.by)) {
    for (const judge of judges) rows.push(judgeHumanRow(group.values, group.items, judge, options));
    rows.push(humanHumanRow(group.values, group.items, options));
  }
  return rows.filter((r) => r.withTie.n > 0 || r.invalid > 0);
}

function judgeHumanRow(
  group: GroupValues,
  items: readonly PairwiseItem[],
  judge: string,
  options: AgreementOptions,
): AgreementRow {
  let invalid = 0;
  const perItem = (item: PairwiseItem): readonly VotePair[] => {
    const { pairs, invalid: left } = judgeVotePairs(item, judge, options.invalidAs);
    if (left) invalid++;
    return pairs;
  };
  return row(group, judge, 'judge-human', items, perItem, options, () => invalid);
}

function humanHumanRow(group: GroupValues, items: readonly PairwiseItem[], options: AgreementOptions): AgreementRow {
  return row(group, 'human–human', 'human-human', items, humanVotePairs, options, () => 0);
}

/**
 * The judge's one verdict on the item paired with every human vote; `invalid` when the verdict was unparsable and
 * is left out or (wrong) kept as a label agreeing with nothing.
 */
export function judgeVotePairs(
  item: PairwiseItem,
  judge: string,
  invalidAs: InvalidMode,
): { readonly pairs: readonly VotePair[]; readonly invalid: boolean } {
  const given = item.judges.get(judge);
  if (given === undefined || item.humans.length === 0) return { pairs: [], invalid: false };
  const invalid = given === 'invalid' && invalidAs !== 'tie';
  // wrong: the unparsable verdict stays a label of its own, which agrees with no vote (and is no tie).
  const verdict =
    given === 'invalid' && invalidAs === 'wrong'
      ? given
      : countedVerdict(given, invalidAs === 'wrong' ? 'exclude' : invalidAs);
  if (verdict === undefined) return { pairs: [], invalid };
  return { pairs: item.humans.map((human) => [verdict, human.verdict]), invalid };
}

/** Every two human votes on the item. */
export function humanVotePairs(item: PairwiseItem): VotePair[] {
  const votes = item.humans;
  const pairs: VotePair[] = [];
  for (let i = 0; i < votes.length; i++) {
    for (let j = i + 1; j < votes.length; j++) pairs.push([votes[i]!.verdict, votes[j]!.verdict]);
  }
  return pairs;
}

function row(
  group: GroupValues,
  comparison: string,
  kind: AgreementRow['kind'],
  items: readonly PairwiseItem[],
  perItem: (item: PairwiseItem) => readonly VotePair[],
  options: AgreementOptions,
  invalid: () => number,
): AgreementRow {
  const tally = new ClusterTally(COMPARISON_DIMENSION);
  let contributing = 0;
  for (const item of items) {
    const pairs = perItem(item);
    if (pairs.length === 0) continue;
    contributing++;
    const sums = tally.of(item);
    for (const [x, y] of pairs) addComparison(sums, x, y);
  }
  const [withTie, withoutTie, lima] = tally.estimates(
    [AGREEMENT_STATISTICS.withTie, AGREEMENT_STATISTICS.withoutTie, AGREEMENT_STATISTICS.lima],
    options.intervals,
  );
  return {
    group,
    comparison,
    kind,
    withTie: withTie!,
    withoutTie: withoutTie!,
    lima: lima!,
    items: contributing,
    invalid: invalid(),
  };
}
