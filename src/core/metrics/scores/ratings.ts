// Absolute human ratings (protocols.md §2, [SH] after LIMA, and any declared scale): the distribution over the
// scale's levels and the mean per language, criterion, system and scale, every annotator's current rating counted
// once (two annotators on a response: two ratings).
import { RATINGS, type LabelSchema, type LabelScale, type Rating } from '../../model/records';
import { scaleChoices, scalesByName } from '../../model/scales';
import type { HumanRatingRow } from '../../store/scoreQueries';
import { ratio, type Estimate, type IntervalSettings } from '../estimate';
import { resolveRatings, scaleKey, type HumanRating, type HumanRatingSet } from '../ratings/humanRatings';
import { collect, compareSlices, keyOf, sliceOf, type Slice } from './slices';
import { ClusterTally } from '../clusterTally';

export interface RatingDistributionRow {
  readonly slice: Slice;
  readonly system: string;
  readonly scale: LabelScale;
  /** The scale's levels, worst first (a numeric scale's whole numbers, and any other value given). */
  readonly levels: readonly string[];
  /** Share of the ratings (n = ratings) at each level. */
  readonly shares: Readonly<Record<Rating, Estimate>> & Readonly<Record<string, Estimate>>;
  /** Mean rating (a numeric scale's values; an ordinal level's rank from 1). */
  readonly mean: Estimate;
  readonly ratings: number;
  readonly responses: number;
  readonly annotators: number;
  /** Stored values of this language and system that are not on their scale: left out. */
  readonly unknown: number;
}

export function isRating(value: string): value is Rating {
  return (RATINGS as readonly string[]).includes(value);
}

export interface RatingDistributionOptions {
  readonly intervals?: IntervalSettings;
  /** The declared scales, for ratings on a declared ordinal scale. */
  readonly schema?: LabelSchema;
}

export function ratingDistribution(
  rows: readonly HumanRatingRow[],
  options: RatingDistributionOptions,
): RatingDistributionRow[] {
  return ratingDistributionOf(resolveRatings(rows, scalesByName(options.schema)), options);
}

/** Levels of a scale as shown: its choices, then any other value given (a 3.5 on a 1–5 scale), in order. */
function levelsOf(scale: LabelScale, ratings: readonly HumanRating[]): string[] {
  const choices = scaleChoices(scale);
  if (scale.kind === 'ordinal') return choices;
  const values = new Set([...choices.map(Number), ...ratings.map((r) => r.value)]);
  return [...values].sort((a, b) => a - b).map(String);
}

export function ratingDistributionOf(
  set: HumanRatingSet,
  options: { intervals?: IntervalSettings },
): RatingDistributionRow[] {
  interface Cell {
    slice: Slice;
    system: string;
    scale: LabelScale;
    ratings: HumanRating[];
    unknown: number;
  }
  const cells = new Map<string, Cell>();
  const cellOf = (
    row: { run: string; lang: string; turn: number; criterion: string; system: string },
    scale: LabelScale,
  ) => {
    const slice = sliceOf({ ...row, lang: row.lang as Slice['lang'] });
    return collect(cells, keyOf(slice, row.system, scaleKey(scale)), () => ({
      slice,
      system: row.system,
      scale,
      ratings: [],
      unknown: 0,
    }));
  };
  for (const rating of set.ratings) cellOf(rating, rating.scale).ratings.push(rating);
  for (const { row } of set.offScale) {
    // Counted on a cell of its language and system when there is one; otherwise on a cell of its own.
    const existing = [...cells.values()].find(
      (c) =>
        c.slice.run === row.run &&
        c.slice.lang === row.lang &&
        c.slice.turn === row.turn &&
        (c.slice.criterion ?? '') === row.criterion &&
        c.system === row.system &&
        c.scale.name === (row.scale ?? 'lima-3'),
    );
    (existing ?? cellOf(row, { name: row.scale ?? 'lima-3', kind: 'ordinal', levels: [] })).unknown++;
  }
  return [...cells.values()]
    .map((cell) => distributionRow(cell, options.intervals))
    .sort(
      (a, b) =>
        compareSlices(a.slice, b.slice) || a.system.localeCompare(b.system) || a.scale.name.localeCompare(b.scale.name),
    );
}

function distributionRow(
  cell: { slice: Slice; system: string; scale: LabelScale; ratings: readonly HumanRating[]; unknown: number },
  intervals: IntervalSettings | undefined,
): RatingDistributionRow {
  const levels = levelsOf(cell.scale, cell.ratings);
  // Per-group sums: one count per level, then the total, then the sum of values.
  const total = levels.length;
  const tally = new ClusterTally(total + 2);
  const responses = new Set<string>();
  const annotators = new Set<string>();
  for (const rating of cell.ratings) {
    responses.add(`${rating.group}\u0000${rating.seed}`);
    annotators.add(rating.annotator);
    const sums = tally.of(rating);
    sums[levels.indexOf(cell.scale.kind === 'ordinal' ? rating.label : String(rating.value))]! += 1;
    sums[total]! += 1;
    sums[total + 1]! += rating.value;
  }
  const figures = [...levels.map((_, i) => ratio(i, total)), ratio(total + 1, total)];
  const estimates = tally.estimates(figures, intervals);
  const shares = Object.fromEntries(
    levels.map((level, i) => [level, estimates[i]!]),
  ) as RatingDistributionRow['shares'];
  return {
    slice: cell.slice,
    system: cell.system,
    scale: cell.scale,
    levels,
    shares,
    mean: estimates[total]!,
    ratings: estimates[total]!.n,
    responses: responses.size,
    annotators: annotators.size,
    unknown: cell.unknown,
  };
}
