// A judge against the majority of the human votes on each item, as a classifier: accuracy, macro precision,
// recall and F1 (sklearn's definitions) and Cohen's kappa, how PandaLM reports its judges (71.07 / 57.55 ...).
import { countedVerdict, type InvalidPolicy } from '../../model/verdicts';
import type { Estimate, IntervalSettings } from '../estimate';
import { groupBy, type GroupField, type GroupValues } from '../grouping';
import { kappaFromCounts, strictMajority, sumRange, trace } from '../stats';
import { ClusterTally } from '../clusterTally';
import { inReferenceOrder, itemGroupValues, type HumanVerdict, type PairwiseItem } from './pairwiseItems';
import { PAIRWISE_CATEGORIES } from './raterKappa';

export interface MajorityOptions {
  readonly by: readonly GroupField[];
  readonly invalidAs: InvalidPolicy;
  readonly intervals?: IntervalSettings;
}

export interface MajorityRow {
  readonly group: GroupValues;
  readonly judge: string;
  readonly accuracy: Estimate;
  readonly macroPrecision: Estimate;
  readonly macroRecall: Estimate;
  readonly macroF1: Estimate;
  readonly kappa: Estimate;
  /** Items with human votes but no single most frequent verdict (e.g. two annotators who disagree): left out. */
  readonly noMajority: number;
  /** Items whose judge verdict was unparsable and left out (0 when mapped to tie). */
  readonly invalid: number;
}

/** The verdict with strictly more votes than any other; undefined when the top is shared. */
export function majorityVerdict(votes: readonly { verdict: HumanVerdict }[]): HumanVerdict | undefined {
  return strictMajority(votes.map((v) => v.verdict));
}

export function judgeVsMajority(items: readonly PairwiseItem[], options: MajorityOptions): MajorityRow[] {
  const judges = [...new Set(items.flatMap((i) => [...i.judges.keys()]))].sort();
  const rows: MajorityRow[] = [];
  for (const group of groupBy(items, itemGroupValues, options.by)) {
    for (const judge of judges) {
      const row = judgeRow(group.values, group.items, judge, options);
      if (row.accuracy.n > 0 || row.invalid > 0) rows.push(row);
    }
  }
  return rows;
}

function judgeRow(
  group: GroupValues,
  items: readonly PairwiseItem[],
  judge: string,
  options: MajorityOptions,
): MajorityRow {
  const k = PAIRWISE_CATEGORIES.length;
  const index = new Map(PAIRWISE_CATEGORIES.map((c, i) => [c, i]));
  const tally = new ClusterTally(k * k);
  let noMajority = 0;
  let invalid = 0;
  for (const item of items) {
    const given = item.judges.get(judge);
    if (given === undefined || item.humans.length === 0) continue;
    const majority = majorityVerdict(item.humans);
    if (majority === undefined) {
      noMajority++;
      continue;
    }
    const verdict = countedVerdict(given, options.invalidAs);
    if (verdict === undefined) {
      invalid++;
      continue;
    }
    // Confusion counts, row = the human majority (truth), column = the judge (prediction), as in sklearn.
    tally.of(item)[index.get(inReferenceOrder(item, majority))! * k + index.get(inReferenceOrder(item, verdict))!]! +=
      1;
  }
  const count = (s: Float64Array) => sumRange(s);
  const macro = (pick: (c: ClassCounts) => number) => (s: Float64Array) =>
    classCounts(s, k).reduce((sum, c) => sum + pick(c), 0) / k;
  const [accuracy, macroPrecision, macroRecall, macroF1, kappa] = tally.estimates(
    [
      { finish: (s) => trace(s, k) / count(s), count },
      { finish: macro((c) => ratioOrZero(c.truePositives, c.predicted)), count },
      { finish: macro((c) => ratioOrZero(c.truePositives, c.support)), count },
      { finish: macro((c) => ratioOrZero(2 * c.truePositives, c.predicted + c.support)), count },
      { finish: (s) => kappaFromCounts(s, k).value, count },
    ],
    options.intervals,
  );
  return {
    group,
    judge,
    accuracy: accuracy!,
    macroPrecision: macroPrecision!,
    macroRecall: macroRecall!,
    macroF1: macroF1!,
    kappa: kappa!,
    noMajority,
    invalid,
  };
}

interface ClassCounts {
  readonly truePositives: number;
  readonly predicted: number;
  readonly support: number;
}

/** Per class, from a row = truth, column = prediction table. */
function classCounts(counts: Float64Array, k: number): ClassCounts[] {
  return Array.from({ length: k }, (_, c) => {
    let predicted = 0;
    let support = 0;
    for (let i = 0; i < k; i++) {
      predicted += counts[i * k + c]!;
      support += counts[c * k + i]!;
    }
    return { truePositives: counts[c * k + c]!, predicted, support };
  });
}

/** sklearn's zero_division=0. */
function ratioOrZero(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}
