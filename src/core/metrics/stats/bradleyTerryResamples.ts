// One Bradley–Terry cell's ratings refitted on each of B resamples of its prompt groups: what one thread computes
// for a cell (bradleyTerryBootstrap.ts). A resample's win matrix is summed from the kept draw counts as the generic
// cluster bootstrap sums it (countedSums, or each class's sums times its tally; drawn as they come beyond the
// counts' budget), and fitted from the cell's own fit.
import { streamTallies } from './bootstrapDraws';
import { BradleyTerryFitter } from './bradleyTerry';
import { classSums, clusterClasses, type ClusterMatrix } from './clusterMatrix';
import { countedSums, sumsByDimensionPay } from './countedSums';
import { countedTallies, keptDrawCounts } from './keptDrawCounts';

/** A cell to bootstrap: its prompt groups' win matrices (exact sums), its systems and the fit of its whole sample. */
export interface BradleyTerryJob {
  readonly matrix: ClusterMatrix;
  readonly systems: number;
  /** The log-strengths of the cell's own fit, where every resample's fit starts. */
  readonly start: Float64Array;
}

/** A cell's ratings refitted on each resample into `out` (resample b's at [b × systems, (b + 1) × systems)). */
export function bradleyTerryResamples(
  { matrix, systems, start }: BradleyTerryJob,
  resamples: number,
  seed: number | bigint,
  out: Float64Array,
): void {
  if (!matrix.exact) throw new RangeError("a Bradley–Terry cell's sums must be exact to be refitted from counts");
  const fitter = new BradleyTerryFitter(systems);
  const fit = (sums: Float64Array, b: number) => out.set(fitter.fit(sums, start).ratings, b * systems);
  const classes = clusterClasses(matrix);
  const counts = keptDrawCounts(matrix.clusters, resamples, seed);
  const width = matrix.dimension;
  if (counts && sumsByDimensionPay(matrix, classes, resamples)) {
    const summed = countedSums(counts, matrix);
    for (let b = 0; b < resamples; b++) fit(summed.subarray(b * width, (b + 1) * width), b);
    return;
  }
  const sums = new Float64Array(width);
  const visit = (tally: Uint32Array, b: number) => {
    classSums(classes, tally, sums);
    fit(sums, b);
  };
  if (!counts) {
    streamTallies(matrix.clusters, resamples, seed, classes.classOf, classes.classes, visit);
    return;
  }
  const tallies = countedTallies(counts, classes.classOf, classes.classes);
  for (let b = 0; b < resamples; b++) visit(tallies.subarray(b * classes.classes, (b + 1) * classes.classes), b);
}
