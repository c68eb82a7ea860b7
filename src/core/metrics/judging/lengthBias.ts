// Length bias per language and criterion, or --by (issue 10 §9): on pairs whose two responses differ clearly in length (the longer at
// least CLEAR_RATIO times the shorter, in the language's unit), how often a judge's verdict, and how often a human
// vote, prefers the longer response. Ties are not a preference: they are counted beside it. A rater without length
// bias prefers the longer about as often as the humans do (50% only if length and quality are unrelated).
import type { HumanPairwiseRow } from '../../store/store';
import type { PairKey, PairVerdict } from '../../model/records';
import { ratio, type Estimate, type IntervalSettings } from '../estimate';
import { pairVerdict, type InvalidPolicy, type JudgedPair } from '../scores/judgedPairs';
import { ClusterTally } from '../clusterTally';
import { groupBy, type GroupField, type GroupValues } from '../grouping';
import { lengthUnitFor, type ResponseLengths } from './lengths';
import { addTo } from './addTo';
import { byRater, pairGroupValues } from './pairGroups';

export const CLEAR_RATIO = 1.2;

export interface LengthBiasRow {
  readonly group: GroupValues;
  /** A judge's name, or "humans" (every vote). */
  readonly rater: string;
  /** The length unit of the row's languages ("graphemes, words" when --by pools languages written both ways). */
  readonly unit: string;
  /** Of decided verdicts on clearly different pairs (n): the longer response preferred. */
  readonly prefersLonger: Estimate;
  /** Of verdicts on clearly different pairs (n): a tie. */
  readonly ties: Estimate;
  /** Pairs (or votes) whose lengths are too close to tell: left out. */
  readonly similar: number;
  /** Pairs without the text of one of the two responses: left out. */
  readonly noText: number;
  /** Unparsable judge verdicts left out (0 when read as ties). */
  readonly invalid: number;
}

const CLEAR = 0;
const DECIDED = 1;
const LONGER = 2;
const TIES = 3;
const FIGURES = [ratio(LONGER, DECIDED), ratio(TIES, CLEAR)];

interface Verdict {
  readonly pair: PairKey & { readonly criterion?: string };
  readonly rater: string;
  readonly verdict: PairVerdict;
}

export function lengthBias(
  pairs: readonly JudgedPair[],
  humans: readonly HumanPairwiseRow[],
  lengths: ResponseLengths,
  options: { by: readonly GroupField[]; invalidAs: InvalidPolicy; intervals?: IntervalSettings },
): LengthBiasRow[] {
  const verdicts: Verdict[] = [];
  for (const p of pairs) {
    const verdict = pairVerdict(p, options.invalidAs);
    if (verdict !== undefined) verdicts.push({ pair: p, rater: p.judge, verdict });
  }
  for (const h of humans) verdicts.push({ pair: h, rater: 'humans', verdict: h.verdict });
  return groupBy(verdicts, (v) => pairGroupValues(v.pair), options.by).flatMap((group) =>
    byRater(group.items, (v) => v.rater).map(([rater, said]) =>
      lengthBiasRow(group.values, rater, said, lengths, options.intervals),
    ),
  );
}

function lengthBiasRow(
  group: GroupValues,
  rater: string,
  verdicts: readonly Verdict[],
  lengths: ResponseLengths,
  intervals: IntervalSettings | undefined,
): LengthBiasRow {
  const tally = new ClusterTally(4);
  let similar = 0;
  let noText = 0;
  let invalid = 0;
  for (const { pair, verdict } of verdicts) {
    if (verdict === 'invalid') {
      invalid++;
      continue;
    }
    const a = lengths.of(pair, pair.systemA);
    const b = lengths.of(pair, pair.systemB);
    if (a === undefined || b === undefined) {
      noText++;
      continue;
    }
    const longer = Math.max(a, b);
    if (longer === 0 || longer < CLEAR_RATIO * Math.min(a, b)) {
      similar++;
      continue;
    }
    const sums = tally.of(pair);
    addTo(sums, CLEAR);
    if (verdict === 'tie') {
      addTo(sums, TIES);
      continue;
    }
    addTo(sums, DECIDED);
    if ((verdict === 'A') === a > b) addTo(sums, LONGER);
  }
  const [prefersLonger, ties] = tally.estimates(FIGURES, intervals);
  const unit = [...new Set(verdicts.map((v) => lengthUnitFor(v.pair.lang)))].sort().join(', ');
  return { group, rater, unit, prefersLonger: prefersLonger!, ties: ties!, similar, noText, invalid };
}
