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

/**
 * Every job's interval. `meanwhile` (other work of the same table) is run once, on this thread, while worker threads
 * start on the refits when the table is big enough for them.
 */
export function lengthControlledIntervals(
  jobs: readonly LengthControlledJob[],
  options: BootstrapOptions = {},
  meanwhile?: () => void,
): BootstrapResult[] {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const resolved = { resamples, seed, level: options.level ?? DEFAULT_LEVEL };
  let pending = meanwhile;
  const runMeanwhile = () => {
    const work = pending;
    pending = undefined;
    work?.();
  };
  const ahead = refitLengthControlledAhead(jobs, resamples, seed, runMeanwhile);
  runMeanwhile(); // not yet run when the refits are not on threads
  const values =
    ahead ??
    jobs.map(({ data, clusters }) => {
      const values = new Float64Array(resamples);
      lengthControlledResamples(data, clusters, resamples, seed, values);
      return values;
    });
  return jobs.map((job, i) =>
    summarizeResamples(job.estimate, values[i]!, resolved, job.clusters, job.data.deltas.length),
  );
}
