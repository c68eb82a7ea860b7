// The Bradley–Terry ratings' bootstrap for the cells of a table: each cell's win matrix refitted on each of B
// resamples of its prompt groups, on worker threads when the table is big enough to gain from them (bootstrapPool),
// else here. A resample's matrix is summed from the kept draw counts as the generic cluster bootstrap sums it
// (countedSums, or each class's sums times its tally), and fitted from the cell's own fit, as its memoised figures
// are (bradleyTerryResamples.ts): the same sums, fits and percentiles, so the same intervals, whichever thread fits
// them.
import { summarizeResamples, type BootstrapOptions, type BootstrapResult } from './bootstrap';
import { refitBradleyTerryAhead } from './bootstrapPool';
import { bradleyTerryResamples, type BradleyTerryJob } from './bradleyTerryResamples';

/**
 * Each cell's intervals, one per system (its rating's percentiles over the resamples); the jobs' matrices must be
 * exact (ClusterMatrix.exact).
 */
export function bradleyTerryIntervals(
  jobs: readonly BradleyTerryJob[],
  options: Required<Pick<BootstrapOptions, 'resamples' | 'seed' | 'level'>>,
): BootstrapResult[][] {
  const { resamples, seed } = options;
  const values =
    refitBradleyTerryAhead(jobs, resamples, seed) ??
    jobs.map((job) => {
      const out = new Float64Array(resamples * job.systems);
      bradleyTerryResamples(job, resamples, seed, out);
      return out;
    });
  return jobs.map((job, k) =>
    Array.from({ length: job.systems }, (_, i) => {
      const ratings = Float64Array.from({ length: resamples }, (_, b) => values[k]![b * job.systems + i]!);
      return summarizeResamples(NaN, ratings, options, job.matrix.clusters, job.matrix.clusters);
    }),
  );
}
