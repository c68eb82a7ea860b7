// Input/output language agreement (protocols.md §6, [KE] Fig. 1): per system and prompt language, the share of
// responses whose effective language (a human's label, else the detector's) is the prompt's, among the responses
// whose language was determined. "und" is reported as coverage (the share determined), never as agreement or
// disagreement; responses not detected yet count against coverage and are shown apart.
import type { ResponseLanguage } from '../../languages/effectiveLanguage';
import { ratio, type Estimate, type IntervalSettings } from '../estimate';
import { collect, compareSlices, keyOf, sliceOf, type Slice } from './slices';
import { ClusterTally, increment } from '../clusterTally';

export interface IoAgreementRow {
  readonly slice: Slice;
  readonly system: string;
  /** matches / determined responses (n = determined). */
  readonly agreement: Estimate;
  /** determined / all responses (n = responses). */
  readonly coverage: Estimate;
  readonly responses: number;
  readonly matches: number;
  readonly mismatches: number;
  readonly undetermined: number;
  /** Responses in several languages ("mul"): neither agreement nor disagreement, counted apart. */
  readonly mixed: number;
  readonly notDetected: number;
  /** Responses whose language a human labelled or flagged. */
  readonly humanLanguage: number;
  /** Responses whose annotators name different languages (the latest label wins). */
  readonly humanDisagreements: number;
}

// Per-group sums: [matches, determined, responses].
const FIGURES = [ratio(0, 1), ratio(1, 2)];

export function ioAgreement(
  responses: readonly ResponseLanguage[],
  options: { intervals?: IntervalSettings },
): IoAgreementRow[] {
  const cells = new Map<
    string,
    { slice: Slice; system: string; tally: ClusterTally; counts: Record<string, number> }
  >();
  for (const response of responses) {
    const slice = sliceOf(response);
    const cell = collect(cells, keyOf(slice, response.system), () => ({
      slice,
      system: response.system,
      tally: new ClusterTally(3),
      counts: {},
    }));
    const sums = cell.tally.of(response);
    sums[2]! += 1;
    if (response.outcome === 'match' || response.outcome === 'mismatch') sums[1]! += 1;
    if (response.outcome === 'match') sums[0]! += 1;
    increment(cell.counts, response.outcome);
    if (response.source === 'human' || response.source === 'flag') increment(cell.counts, 'human');
    if (response.humanLanguages > 1) increment(cell.counts, 'disagreement');
  }
  return [...cells.values()]
    .map(({ slice, system, tally, counts }) => {
      const [agreement, coverage] = tally.estimates(FIGURES, options.intervals);
      return {
        slice,
        system,
        agreement: agreement!,
        coverage: coverage!,
        responses: coverage!.n,
        matches: counts.match ?? 0,
        mismatches: counts.mismatch ?? 0,
        undetermined: counts.undetermined ?? 0,
        mixed: counts.mixed ?? 0,
        notDetected: counts['not-detected'] ?? 0,
        humanLanguage: counts.human ?? 0,
        humanDisagreements: counts.disagreement ?? 0,
      };
    })
    .sort((a, b) => compareSlices(a.slice, b.slice) || a.system.localeCompare(b.system));
}

/** The responses whose effective language is determined and is not the prompt's, for a person to check. */
export function languageMismatches(responses: readonly ResponseLanguage[]): ResponseLanguage[] {
  return responses.filter((r) => r.outcome === 'mismatch');
}
