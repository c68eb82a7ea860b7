// The length-controlled win rate's bootstrap intervals for the rows of a table: each row's GLM refitted on each of
// B resamples of its clusters (lengthControlledResamples), on worker threads when the table is big enough to gain
// from them (bootstrapPool), else here; the same values either way, since each row seeds its own generator.
import {
  DEFAULT_LEVEL,
  DEFAULT_RESAMPLES,
  DEFAULT_SEED,
  summarizeResamples,
  type BootstrapOptions,
  type BootstrapResult,
} from './bootstrap';
import { refitLengthControlledAhead } from './bootstrapPool';
import { lengthControlledResamples, type LengthControlledData } from './lengthControlledWinRate';

/** A row to bootstrap: its data, its cluster count, its estimate on the full sample and its number of items. */
export interface LengthControlledJob {
  readonly data: LengthControlledData;
  readonly clusters: number;
  readonly estimate: number;
}

export function lengthControlledIntervals(
  jobs: readonly LengthControlledJob[],
  options: BootstrapOptions = {},
): BootstrapResult[] {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const resolved = { resamples, seed, level: options.level ?? DEFAULT_LEVEL };
  const values =
    refitLengthControlledAhead(jobs, resamples, seed) ??
    jobs.map(({ data, clusters }) => {
      const values = new Float64Array(resamples);
      lengthControlledResamples(data, clusters, resamples, seed, values);
      return values;
    });
  return jobs.map((job, i) =>
    summarizeResamples(job.estimate, values[i]!, resolved, job.clusters, job.data.deltas.length),
  );
}
