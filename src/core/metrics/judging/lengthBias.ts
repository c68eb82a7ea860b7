// Length bias per language (issue 10 §9): on pairs whose two responses differ clearly in length (the longer at
// least CLEAR_RATIO times the shorter, in the language's unit), how often a judge's verdict, and how often a human
// vote, prefers the longer response. Ties are not a preference: they are counted beside it. A rater without length
// bias prefers the longer about as often as the humans do (50% only if length and quality are unrelated).
import type { HumanPairwiseRow } from '../../store/store';
import type { PairKey, PairVerdict } from '../../model/records';
import { ratio, type Estimate, type IntervalSettings } from '../estimate';
import { pairVerdict, type InvalidPolicy, type JudgedPair } from '../scores/judgedPairs';
import { collect, compareSlices, keyOf, sliceOf, type Slice } from '../scores/slices';
import { ClusterTally } from '../clusterTally';
import { lengthUnitFor, type LengthUnit, type ResponseLengths } from './lengths';

export const CLEAR_RATIO = 1.2;

export interface LengthBiasRow {
  readonly slice: Slice;
  /** A judge's name, or "humans" (every vote). */
  readonly rater: string;
  readonly unit: LengthUnit;
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
  readonly pair: PairKey;
  readonly rater: string;
  readonly verdict: PairVerdict;
}

export function lengthBias(
  pairs: readonly JudgedPair[],
  humans: readonly HumanPairwiseRow[],
  lengths: ResponseLengths,
  options: { invalidAs: InvalidPolicy; intervals?: IntervalSettings },
): LengthBiasRow[] {
  const verdicts: Verdict[] = [];
  for (const p of pairs) {
    const verdict = pairVerdict(p, options.invalidAs);
    if (verdict !== undefined) verdicts.push({ pair: p, rater: p.judge, verdict });
  }
  for (const h of humans) verdicts.push({ pair: h, rater: 'humans', verdict: h.verdict });
  interface Cell {
    slice: Slice;
    rater: string;
    tally: ClusterTally;
    similar: number;
    noText: number;
    invalid: number;
  }
  const cells = new Map<string, Cell>();
  for (const { pair, rater, verdict } of verdicts) {
    const slice = sliceOf(pair);
    const cell = collect(cells, keyOf(slice, rater), () => ({
      slice,
      rater,
      tally: new ClusterTally(4),
      similar: 0,
      noText: 0,
      invalid: 0,
    }));
    if (verdict === 'invalid') {
      cell.invalid++;
      continue;
    }
    const a = lengths.of(pair, pair.systemA);
    const b = lengths.of(pair, pair.systemB);
    if (a === undefined || b === undefined) {
      cell.noText++;
      continue;
    }
    const longer = Math.max(a, b);
    if (longer === 0 || longer < CLEAR_RATIO * Math.min(a, b)) {
      cell.similar++;
      continue;
    }
    const sums = cell.tally.of(pair);
    sums[CLEAR]! += 1;
    if (verdict === 'tie') {
      sums[TIES]! += 1;
      continue;
    }
    sums[DECIDED]! += 1;
    if ((verdict === 'A') === a > b) sums[LONGER]! += 1;
  }
  return [...cells.values()]
    .map((cell) => {
      const [prefersLonger, ties] = cell.tally.estimates(FIGURES, options.intervals);
      return {
        slice: cell.slice,
        rater: cell.rater,
        unit: lengthUnitFor(cell.slice.lang),
        prefersLonger: prefersLonger!,
        ties: ties!,
        similar: cell.similar,
        noText: cell.noText,
        invalid: cell.invalid,
      };
    })
    .sort(
      (a, b) =>
        compareSlices(a.slice, b.slice) ||
        (a.rater === 'humans' ? -1 : b.rater === 'humans' ? 1 : a.rater.localeCompare(b.rater)),
    );
}
