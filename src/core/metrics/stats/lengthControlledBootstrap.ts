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
import {
  lengthControlledResamples,
  meanPreference,
  winRatesAreExact,
  type LengthControlledData,
} from './lengthControlledWinRate';

/**
 * A row to bootstrap: its data, its cluster count and its estimate on the full sample; `refits` false for a row
 * whose GLM has no fit (estimate NaN), of which only the plain win rate's interval is wanted.
 */
export interface LengthControlledJob {
  readonly data: LengthControlledData;
  readonly clusters: number;
  readonly estimate: number;
  readonly refits?: boolean;
}

/** A row's LC win rate's interval, and its plain win rate's on the same resamples (see winRate). */
export type LengthControlledInterval = BootstrapResult & {
  /**
   * The plain win rate's interval from the same resamples: what the cluster bootstrap of the row's per-cluster
   * sums [preferences, items] gives (estimatesOfRows), to the last bit when the preferences are halves
   * (winRatesAreExact); otherwise undefined.
   */
  readonly winRate?: BootstrapResult;
};

/**
 * Every job's interval. `meanwhile` (other work of the same table) is run once, on this thread, while worker threads
 * start on the refits when the table is big enough for them.
 */
export function lengthControlledIntervals(
  jobs: readonly LengthControlledJob[],
  options: BootstrapOptions = {},
  meanwhile?: () => void,
): LengthControlledInterval[] {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const resolved = { resamples, seed, level: options.level ?? DEFAULT_LEVEL };
  let pending = meanwhile;
  const runMeanwhile = () => {
    const work = pending;
    pending = undefined;
    work?.();
  };
  const ahead = refitLengthControlledAhead(
    jobs.map((job) => ({ ...job, refits: job.refits ?? true })),
    resamples,
    seed,
    runMeanwhile,
  );
  runMeanwhile(); // not yet run when the refits are not on threads
  const resampled =
    ahead ??
    jobs.map(({ data, clusters, refits }) => {
      const values = new Float64Array(resamples);
      const winRates = new Float64Array(resamples);
      lengthControlledResamples(data, clusters, resamples, seed, values, winRates, refits ?? true);
      return { values, winRates };
    });
  return jobs.map((job, i) => {
    const { values, winRates } = resampled[i]!;
    const items = job.data.deltas.length;
    const interval = summarizeResamples(job.estimate, values, resolved, job.clusters, items);
    if (!winRatesAreExact(job.data.preferences)) return interval;
    // As estimatesOfRows reports it: over the clusters, the mean of the full sample's sums.
    const winRate = summarizeResamples(
      meanPreference(job.data.preferences),
      winRates,
      resolved,
      job.clusters,
      job.clusters,
    );
    return { ...interval, winRate };
  });
}
