// The judge-error audit: the items where a judge goes against the humans, strongest disagreements first, so that
// a researcher reads the judge's worst calls in a language before trusting (or not) its figures there.
import { countedVerdict, type InvalidPolicy } from '../../model/verdicts';
import type { PairKey } from '../../model/records';
import { majorityVerdict } from '../agreement/judgeVsMajority';
import type { HumanVerdict, PairwiseItem } from '../agreement/pairwiseItems';
import { limaScore } from '../agreement/voteComparison';
import { compareItems } from './itemsBehind';

export interface JudgeError extends PairKey {
  readonly judge: string;
  /** The judge's verdict (relative to systemA / systemB), after mapping an unparsable one to tie if asked. */
  readonly verdict: HumanVerdict;
  readonly humans: readonly { readonly annotator: string; readonly verdict: HumanVerdict }[];
  /** The verdict with strictly more human votes than any other; undefined when the top is shared. */
  readonly majority: HumanVerdict | undefined;
  /** 'every-vote': no human gave the judge's verdict; 'majority': some did, but the majority gave another. */
  readonly against: 'every-vote' | 'majority';
  /**
   * 1 − the mean LIMA score of the judge's verdict against each human vote: 1 when the judge names one response
   * and every human the other, 0.5 when the judge says tie and every human names a response (or the reverse).
   */
  readonly strength: number;
  /** Human votes naming the response the judge did not choose (0 when the judge says tie). */
  readonly opposite: number;
}

export interface JudgeErrors {
  readonly errors: readonly JudgeError[];
  /** Items with the judge's verdict and human votes that were looked at. */
  readonly checked: number;
  /** Items whose verdict was unparsable and left out (0 when mapped to tie). */
  readonly invalid: number;
}

/** Against every vote, or against a majority there is. */
function isError(againstEvery: boolean, majority: HumanVerdict | undefined, verdict: HumanVerdict): boolean {
  return againstEvery || (majority !== undefined && majority !== verdict);
}

/** How many items judgeErrors lists, without building and sorting them (the dashboard shows the count). */
export function judgeErrorCount(
  items: readonly PairwiseItem[],
  judge: string,
  options: { readonly invalidAs: InvalidPolicy },
): number {
  let count = 0;
  for (const item of items) {
    const given = item.judges.get(judge);
    if (given === undefined || item.humans.length === 0) continue;
    const verdict = countedVerdict(given, options.invalidAs);
    if (verdict === undefined) continue;
    if (
      isError(
        item.humans.every((h) => h.verdict !== verdict),
        majorityVerdict(item.humans),
        verdict,
      )
    )
      count++;
  }
  return count;
}

/**
 * Items where the judge's verdict differs from the human majority, or from every human vote (which also catches
 * items without a majority, e.g. one human says A, one says tie, the judge says B). Sorted by strength, then by
 * the number of human votes (a unanimous panel of three outweighs a single annotator), then in item order.
 */
export function judgeErrors(
  items: readonly PairwiseItem[],
  judge: string,
  options: { readonly invalidAs: InvalidPolicy },
): JudgeErrors {
  const errors: JudgeError[] = [];
  let checked = 0;
  let invalid = 0;
  for (const item of items) {
    const given = item.judges.get(judge);
    if (given === undefined || item.humans.length === 0) continue;
    const verdict = countedVerdict(given, options.invalidAs);
    if (verdict === undefined) {
      invalid++;
      continue;
    }
    checked++;
    const majority = majorityVerdict(item.humans);
    const againstEvery = item.humans.every((h) => h.verdict !== verdict);
    if (!isError(againstEvery, majority, verdict)) continue;
    const lima = item.humans.reduce((sum, h) => sum + limaScore(verdict, h.verdict), 0) / item.humans.length;
    const { run, group, lang, turn, systemA, systemB } = item;
    errors.push({
      run,
      group,
      lang,
      turn,
      systemA,
      systemB,
      judge,
      verdict,
      humans: item.humans,
      majority,
      against: againstEvery ? 'every-vote' : 'majority',
      strength: 1 - lima,
      opposite: verdict === 'tie' ? 0 : item.humans.filter((h) => h.verdict !== 'tie' && h.verdict !== verdict).length,
    });
  }
  errors.sort((a, b) => b.strength - a.strength || b.humans.length - a.humans.length || compareItems(a, b));
  return { errors, checked, invalid };
}
