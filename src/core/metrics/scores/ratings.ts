// Absolute human ratings (protocols.md §2, [SH] after LIMA): the distribution of excellent / pass / fail per
// language and system, every annotator's current rating counted once (two annotators on a response: two ratings).
import { RATINGS, type Rating } from '../../model/records';
import type { HumanRatingRow } from '../../store/scoreQueries';
import { ratio, type Estimate, type IntervalSettings } from '../estimate';
import { collect, compareSlices, keyOf, sliceOf, type Slice } from './slices';
import { ClusterTally } from '../clusterTally';

export interface RatingDistributionRow {
  readonly slice: Slice;
  readonly system: string;
  /** Share of the ratings (n = ratings) in each category, worst first. */
  readonly shares: Readonly<Record<Rating, Estimate>>;
  readonly ratings: number;
  readonly responses: number;
  readonly annotators: number;
  /** Stored values that are not excellent, pass or fail: left out. */
  readonly unknown: number;
}

// Per-group sums: one count per rating category, then the total.
const TOTAL = RATINGS.length;
const FIGURES = RATINGS.map((_, i) => ratio(i, TOTAL));

export function isRating(value: string): value is Rating {
  return (RATINGS as readonly string[]).includes(value);
}

export function ratingDistribution(rows: readonly HumanRatingRow[], options: { intervals?: IntervalSettings }): RatingDistributionRow[] {
  interface Cell { slice: Slice; system: string; tally: ClusterTally; responses: Set<string>; annotators: Set<string>; unknown: number }
  const cells = new Map<string, Cell>();
  for (const row of rows) {
    const slice = sliceOf(row);
    const cell = collect(cells, keyOf(slice, row.system), () => ({
      slice, system: row.system, tally: new ClusterTally(TOTAL + 1), responses: new Set<string>(), annotators: new Set<string>(), unknown: 0,
    }));
    if (!isRating(row.rating)) {
      cell.unknown++;
      continue;
    }
    cell.responses.add(`${row.group}\u0000${row.seed}`);
    cell.annotators.add(row.annotator);
    const sums = cell.tally.of(row);
    sums[RATINGS.indexOf(row.rating)] += 1;
    sums[TOTAL] += 1;
  }
  return [...cells.values()]
    .map((cell) => {
      const estimates = cell.tally.estimates(FIGURES, options.intervals);
      const shares = Object.fromEntries(RATINGS.map((r, i) => [r, estimates[i]!])) as Record<Rating, Estimate>;
      return {
        slice: cell.slice, system: cell.system, shares, ratings: estimates[0]!.n, responses: cell.responses.size,
        annotators: cell.annotators.size, unknown: cell.unknown,
      };
    })
    .sort((a, b) => compareSlices(a.slice, b.slice) || a.system.localeCompare(b.system));
}
