// The bootstrap's draws on every core: the rows of a table that draw their own resamples have their class counts
// for all B resamples filled ahead, spread over worker threads and this one, into shared memory; the statistics are
// then evaluated on this thread from those counts. The counts are exactly streamTallies's (each row seeds its own
// generator), so the intervals are the same whatever the number of threads. Synchronous (this thread waits on
// Atomics while the others work), so the statistics keep their synchronous API.
//
// Falls back to this thread alone when there is one core, the worker script is absent, a worker is not ready, or
// a worker fails.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { tallyResamples } from './bootstrapDraws';

/** One row to tally: its cluster count, each cluster's class, the number of classes, and where the counts go. */
export interface TallyRow {
  readonly clusters: number;
  readonly classOf: SharedArrayBuffer;
  readonly classes: number;
  readonly tallies: SharedArrayBuffer;
}

/** What a worker is sent: its rows, the resampling, and the flag it sets when done (1) or failed (2). */
export interface TallyShare {
  readonly rows: readonly TallyRow[];
  readonly resamples: number;
  readonly seed: number | bigint;
  readonly status: SharedArrayBuffer;
}

/** LANGLENS_BOOTSTRAP_THREADS, else a thread per core besides this one (at most 7); anything but a count refused. */
function extraThreads(setting = process.env.LANGLENS_BOOTSTRAP_THREADS): number {
  if (setting === undefined || setting === '') return Math.min(7, availableParallelism() - 1);
  if (!/^\d+$/.test(setting.trim()))
    throw new Error(
      `LANGLENS_BOOTSTRAP_THREADS is "${setting}": give the number of threads besides the main one (0: the main one only)`,
    );
  return Number(setting.trim());
}

export const TALLY_THREADS: { extra: number | undefined; minDraws: number } = {
  /** Threads besides this one (0: this thread only); read from the setting at the first table that may use them. */
  extra: undefined,
  /** Below this many draws in a table, starting the threads' work costs more than it saves. */
  minDraws: 20_000_000,
};

/** Rows whose counts worker threads filled, since the process started: what tells that they did the work. */
export const TALLIED_ON_WORKERS = { rows: 0 };

/** How long a worker may take to say it is ready, the first time: its script loads in tens of milliseconds. */
const READY_MS = 3000;
/** A share's longest wait before this thread does it itself: far beyond any real share (seconds). */
const SHARE_MS = 120_000;

interface PoolWorker {
  readonly worker: Worker;
  readonly ready: Int32Array;
}

let pool: PoolWorker[] | undefined;

function workerScript(): { code: string; eval: boolean } | null {
  if (__filename.endsWith('.ts')) {
    return { code: `require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'tallyWorker.ts'))});`, eval: true };
  }
  const built = join(__dirname, 'tallyWorker.js');
  return existsSync(built) ? { code: built, eval: false } : null;
}

/** The workers that are ready, started at the first table that needs them (waiting for them then, once). */
function readyWorkers(): PoolWorker[] {
  if (!pool) {
    const script = workerScript();
    pool = [];
    // tallyAhead has read the setting before it asks for workers.
    for (let i = 0; script && i < TALLY_THREADS.extra!; i++) {
      const ready = new Int32Array(new SharedArrayBuffer(4));
      const worker = new Worker(script.code, { eval: script.eval, workerData: { ready: ready.buffer } });
      worker.unref(); // the process may end while they wait for work
      worker.on('error', () => Atomics.store(ready, 0, 2));
      pool.push({ worker, ready });
    }
    const until = Date.now() + READY_MS;
    for (const { ready } of pool) Atomics.wait(ready, 0, 0, Math.max(0, until - Date.now()));
  }
  return pool.filter((w) => Atomics.load(w.ready, 0) === 1);
}

/** The rows a table asks to tally ahead: per row its cluster count, classes and class of each cluster. */
export interface TallyRequest {
  readonly clusters: number;
  readonly classOf: Uint32Array;
  readonly classes: number;
}

/**
 * Each row's class counts for every resample (row i's resample b at [b × classes, (b + 1) × classes) of the i-th
 * array), computed on every ready thread; undefined when the table is too small to gain from threads, or there are
 * none (the caller then draws as it goes).
 */
export function tallyAhead(
  rows: readonly TallyRequest[],
  resamples: number,
  seed: number | bigint,
): Uint32Array[] | undefined {
  const draws = rows.reduce((sum, row) => sum + row.clusters * resamples, 0);
  if (draws < TALLY_THREADS.minDraws) return undefined;
  TALLY_THREADS.extra ??= extraThreads();
  if (TALLY_THREADS.extra === 0) return undefined;
  const workers = readyWorkers();
  if (workers.length === 0) return undefined;
  const shared = rows.map((row) => {
    const classOf = new SharedArrayBuffer(row.clusters * 4);
    new Uint32Array(classOf).set(row.classOf.subarray(0, row.clusters));
    return {
      clusters: row.clusters,
      classOf,
      classes: row.classes,
      tallies: new SharedArrayBuffer(resamples * row.classes * 4),
    };
  });
  // The rows dealt to the threads largest first, each to the least loaded: this thread is share 0.
  const shares: number[][] = Array.from({ length: workers.length + 1 }, () => []);
  const load = new Array<number>(shares.length).fill(0);
  const order = rows.map((_, i) => i).sort((a, b) => rows[b]!.clusters - rows[a]!.clusters);
  for (const i of order) {
    const least = load.indexOf(Math.min(...load));
    shares[least]!.push(i);
    load[least]! += rows[i]!.clusters;
  }
  const statuses = workers.map((w, k) => {
    const status = new Int32Array(new SharedArrayBuffer(4));
    const share: TallyShare = { rows: shares[k + 1]!.map((i) => shared[i]!), resamples, seed, status: status.buffer };
    w.worker.postMessage(share);
    return status;
  });
  const tallyHere = (i: number) => {
    const row = shared[i]!;
    tallyResamples(
      row.clusters,
      new Uint32Array(row.classOf),
      row.classes,
      resamples,
      seed,
      new Uint32Array(row.tallies),
    );
  };
  for (const i of shares[0]!) tallyHere(i);
  statuses.forEach((status, k) => {
    Atomics.wait(status, 0, 0, SHARE_MS);
    if (Atomics.load(status, 0) === 1) {
      TALLIED_ON_WORKERS.rows += shares[k + 1]!.length;
      return;
    }
    // Failed, or late: its rows done here into fresh buffers (a late worker may still write into the old ones), and
    // the worker no longer used.
    Atomics.store(workers[k]!.ready, 0, 2);
    for (const i of shares[k + 1]!) {
      shared[i] = { ...shared[i]!, tallies: new SharedArrayBuffer(resamples * shared[i]!.classes * 4) };
      tallyHere(i);
    }
  });
  return shared.map((row) => new Uint32Array(row.tallies));
}
