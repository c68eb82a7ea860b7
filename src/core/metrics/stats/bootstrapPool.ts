// The bootstrap on every core, for big tables, in three kinds of work: the rows of a table that draw their own
// resamples have their class counts for all B resamples filled ahead (tallyAhead), the statistics then evaluated
// on this thread from those counts; the rows that read kept draw counts have those counted ahead (countDrawsAhead);
// and the rows of a statistic refitted on each resample (the length-controlled win rate's GLM, Bradley–Terry's
// ratings) are refitted there whole (refitLengthControlledAhead). The rows wait in one queue, in batches largest
// first (a refit batch: the rows of as many clusters, which share their draw counts), and every thread (the workers
// and this one) takes the next batch whenever it is free, results written into shared memory; this thread may first
// do other work of the same table (`meanwhile`) while the workers start. Each row seeds its own generator, so the
// numbers are the same whatever the number of threads and whoever takes a row. Synchronous (this thread waits on
// Atomics while the others finish), so the statistics keep their synchronous API.
//
// Falls back to this thread alone when there is one core, the worker script is absent, a worker is not ready, or
// a worker fails.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { tallyResamples } from './bootstrapDraws';
import { lengthControlledResamples, type LengthControlledData } from './lengthControlledWinRate';
import { bradleyTerryResamples, type BradleyTerryJob } from './bradleyTerryResamples';
import { countDrawsInBytes, drawCountsToKeep, forgetDrawCounts, keepDrawCounts } from './keptDrawCounts';
import { workerScript, type WorkerScript } from '../../util/workerScript';

/** One row to tally: its cluster count, each cluster's class, the number of classes, and where the counts go. */
export interface TallyRow {
  readonly clusters: number;
  readonly classOf: SharedArrayBuffer;
  readonly classes: number;
  readonly tallies: SharedArrayBuffer;
}

/**
 * One row to refit: its data in shared memory, its cluster count, and where the B refitted values go (and the B
 * plain win rates of the same resamples).
 */
export interface RefitRow {
  readonly deltas: SharedArrayBuffer;
  readonly preferences: SharedArrayBuffer;
  readonly clusterOf: SharedArrayBuffer;
  readonly start: SharedArrayBuffer;
  readonly clusters: number;
  /** False: only the plain win rates (the row's GLM has no fit). */
  readonly refits: boolean;
  readonly values: SharedArrayBuffer;
  readonly winRates: SharedArrayBuffer;
}

/** One Bradley–Terry cell to refit: its exact sparse sums and start in shared memory, and where its B × systems go. */
export interface BradleyTerryRow {
  readonly clusters: number;
  readonly dimension: number;
  readonly offset: SharedArrayBuffer;
  readonly index: SharedArrayBuffer;
  readonly value: SharedArrayBuffer;
  readonly systems: number;
  readonly start: SharedArrayBuffer;
  readonly values: SharedArrayBuffer;
}

/** One cluster count whose resamples' draw counts are counted ahead: B × C bytes, and whether they fit in bytes. */
export interface DrawCountRow {
  readonly clusters: number;
  readonly counts: SharedArrayBuffer;
  /** One word: 1 when the counts fit in bytes, 2 when some count passed 255 (the bytes are then not written). */
  readonly fits: SharedArrayBuffer;
}

/**
 * The rows of a table waiting for a thread, in batches: `order` lists the rows, batch k being order[starts[k]] up to
 * order[starts[k + 1]] (largest batch first); `next` (one word) is how many batches threads have taken, and
 * `done[row]` is set when the row is finished (1 by a worker, 2 by this thread). A batch's rows draw the same
 * resamples (as many clusters), so one thread takes them all and draws those resamples once.
 */
export interface RowQueue {
  readonly order: SharedArrayBuffer;
  readonly starts: SharedArrayBuffer;
  readonly next: SharedArrayBuffer;
  readonly done: SharedArrayBuffer;
}

const DONE_ON_WORKER = 1;
const DONE_HERE = 2;

/**
 * Takes batches off the queue until it is empty, doing each row (`visit`) and marking it done with `mark`; then
 * `batchDone` with the batch's first row (what the batch's rows shared may be let go).
 */
export function takeRows(
  queue: RowQueue,
  mark: number,
  visit: (row: number) => void,
  batchDone?: (row: number) => void,
): void {
  const order = new Uint32Array(queue.order);
  const starts = new Uint32Array(queue.starts);
  const next = new Int32Array(queue.next);
  const done = new Int32Array(queue.done);
  for (let k = Atomics.add(next, 0, 1); k < starts.length - 1; k = Atomics.add(next, 0, 1)) {
    for (let at = starts[k]!; at < starts[k + 1]!; at++) {
      const row = order[at]!;
      visit(row);
      Atomics.store(done, row, mark);
    }
    batchDone?.(order[starts[k]!]!);
  }
}

/** A worker's rows: what is taken off the queue as `DONE_ON_WORKER`. */
export function takeRowsOnWorker(
  queue: RowQueue,
  visit: (row: number) => void,
  batchDone?: (row: number) => void,
): void {
  takeRows(queue, DONE_ON_WORKER, visit, batchDone);
}

/**
 * The queue of rows of these sizes, batched by `batchOf` (rows of one key are one batch, in their order; each row a
 * batch of its own without it), the batches by their total size, largest first.
 */
export function rowQueue(sizes: readonly number[], batchOf?: readonly number[]): RowQueue {
  const batches = new Map<number, { rows: number[]; size: number }>();
  sizes.forEach((size, row) => {
    const key = batchOf ? batchOf[row]! : row;
    let batch = batches.get(key);
    if (!batch) batches.set(key, (batch = { rows: [], size: 0 }));
    batch.rows.push(row);
    batch.size += size;
  });
  const ordered = [...batches.values()].sort((a, b) => b.size - a.size || a.rows[0]! - b.rows[0]!);
  const queue: RowQueue = {
    order: new SharedArrayBuffer(sizes.length * 4),
    starts: new SharedArrayBuffer((ordered.length + 1) * 4),
    next: new SharedArrayBuffer(4),
    done: new SharedArrayBuffer(sizes.length * 4),
  };
  const order = new Uint32Array(queue.order);
  const starts = new Uint32Array(queue.starts);
  let at = 0;
  ordered.forEach((batch, k) => {
    starts[k] = at;
    for (const row of batch.rows) order[at++] = row;
  });
  starts[ordered.length] = at;
  return queue;
}

/**
 * What a worker is sent: every row of the table, of one kind, the queue it takes them from, the resampling, and the
 * flag it sets when the queue is empty and its rows are done (1) or when it failed (2).
 */
export type BootstrapShare = {
  readonly resamples: number;
  readonly seed: number | bigint;
  readonly status: SharedArrayBuffer;
  readonly queue: RowQueue;
} & (
  | { readonly kind: 'tallies'; readonly rows: readonly TallyRow[] }
  | { readonly kind: 'lc-refits'; readonly rows: readonly RefitRow[] }
  | { readonly kind: 'bt-refits'; readonly rows: readonly BradleyTerryRow[] }
  | { readonly kind: 'draw-counts'; readonly rows: readonly DrawCountRow[] }
);

/** A Bradley–Terry row as the job it stands for, its arrays over its shared memory. */
export function bradleyTerryJobOf(row: BradleyTerryRow): BradleyTerryJob {
  return {
    matrix: {
      clusters: row.clusters,
      dimension: row.dimension,
      offset: new Uint32Array(row.offset),
      index: new Uint32Array(row.index),
      value: new Float64Array(row.value),
      exact: true,
    },
    systems: row.systems,
    start: new Float64Array(row.start),
  };
}

/** A refit row's data as typed arrays over its shared memory. */
export function refitDataOf(row: RefitRow): LengthControlledData {
  return {
    deltas: new Float64Array(row.deltas),
    preferences: new Float64Array(row.preferences),
    clusterOf: new Uint32Array(row.clusterOf),
    start: new Float64Array(row.start),
  };
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

export const BOOTSTRAP_THREADS: {
  extra: number | undefined;
  minDraws: number;
  minRefitItems: number;
  minBradleyTerryFits: number;
  workersOnly: boolean;
} = {
  /** Threads besides this one (0: this thread only); read from the setting at the first table that may use them. */
  extra: undefined,
  /** Below this many draws in a table, starting the threads' work costs more than it saves. */
  minDraws: 20_000_000,
  /** Below this many items × resamples refitted (each a few Newton steps), likewise. */
  minRefitItems: 2_000_000,
  /** Below this many Bradley–Terry fits (cells × resamples, each a few Newton steps on a system pair's sums), likewise. */
  minBradleyTerryFits: 8_000,
  /** Tests only: this thread takes no row unless a worker fails, so that the workers' part is known. */
  workersOnly: false,
};

/** Rows whose counts worker threads filled, since the process started: what tells that they did the work. */
export const TALLIED_ON_WORKERS = { rows: 0 };
/** Cluster counts whose draw counts worker threads counted, since the process started. */
export const DRAWN_ON_WORKERS = { rows: 0 };
/** Rows worker threads refitted, since the process started. */
export const REFITTED_ON_WORKERS = { rows: 0 };

/** How long a worker may take to say it is ready, the first time: its script loads in tens of milliseconds. */
const READY_MS = 3000;
/** A share's longest wait before this thread does it itself: far beyond any real share (seconds). */
const SHARE_MS = 120_000;

interface PoolWorker {
  readonly worker: Worker;
  readonly ready: Int32Array;
}

let pool: PoolWorker[] | undefined;

/** This module's worker script (util/workerScript). */
const ownWorkerScript = (): WorkerScript | null =>
  workerScript(__filename, join(__dirname, 'bootstrapWorker.ts'), join(__dirname, 'bootstrapWorker.js'));

let waitedForPool = false;

/** The workers, started now unless they were: each loads its script on its own thread while this one goes on. */
function startPool(): PoolWorker[] {
  if (pool) return pool;
  const script = ownWorkerScript();
  pool = [];
  // The caller has read the setting before it asks for workers.
  for (let i = 0; script && i < BOOTSTRAP_THREADS.extra!; i++) {
    const ready = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(script.code, { eval: script.eval, workerData: { ready: ready.buffer } });
    worker.unref(); // the process may end while they wait for work
    worker.on('error', () => Atomics.store(ready, 0, 2));
    pool.push({ worker, ready });
  }
  return pool;
}

/** The workers that are ready, started at the first table that needs them unless earlier (waiting for them then, once). */
function readyWorkers(): PoolWorker[] {
  const workers = startPool();
  if (!waitedForPool) {
    waitedForPool = true;
    const until = Date.now() + READY_MS;
    for (const { ready } of workers) Atomics.wait(ready, 0, 0, Math.max(0, until - Date.now()));
  }
  return workers.filter((w) => Atomics.load(w.ready, 0) === 1);
}

/**
 * Starts the bootstrap's threads ahead of a table that may use them (one whose intervals refit on each resample),
 * so that their start overlaps the table's reads instead of following them. Nothing happens with one core, the
 * threads set to 0, or a setting that is not a count (the table itself then says so, if it needs the threads).
 */
export function startBootstrapThreads(): void {
  try {
    BOOTSTRAP_THREADS.extra ??= extraThreads();
  } catch {
    return;
  }
  if (BOOTSTRAP_THREADS.extra > 0) startPool();
}

/** The rows a table asks to tally ahead: per row its cluster count, classes and class of each cluster. */
export interface TallyRequest {
  readonly clusters: number;
  readonly classOf: Uint32Array;
  readonly classes: number;
}

/** The workers to use for a table of this much work, or undefined when it is too small or there are none. */
function workersFor(work: number, minimum: number): PoolWorker[] | undefined {
  if (work < minimum) return undefined;
  BOOTSTRAP_THREADS.extra ??= extraThreads();
  if (BOOTSTRAP_THREADS.extra === 0) return undefined;
  const workers = readyWorkers();
  return workers.length === 0 ? undefined : workers;
}

/**
 * Runs rows on the workers and this thread from one queue, largest first (`sizes`, batched by `batchOf`): sends
 * each worker the queue (`send`), does `meanwhile` here (other work of the table) while they start, then takes rows
 * too (`here`, and `batchDone` after each batch) until the queue is empty, and waits. Rows that a worker which failed
 * or is late took and did not finish are redone here (`redo`, into fresh buffers: a late worker may still write into
 * the old ones), and that worker is no longer used. Returns how many rows the workers did.
 */
function acrossThreads(
  workers: readonly PoolWorker[],
  rows: { readonly sizes: readonly number[]; readonly batchOf?: readonly number[] },
  send: (worker: Worker, queue: RowQueue, status: SharedArrayBuffer) => void,
  here: (row: number) => void,
  redo: (row: number) => void,
  meanwhile?: () => void,
  batchDone?: (row: number) => void,
): number {
  const queue = rowQueue(rows.sizes, rows.batchOf);
  const statuses = workers.map((w) => {
    const status = new Int32Array(new SharedArrayBuffer(4));
    send(w.worker, queue, status.buffer);
    return status;
  });
  meanwhile?.();
  if (!BOOTSTRAP_THREADS.workersOnly) takeRows(queue, DONE_HERE, here, batchDone);
  statuses.forEach((status, k) => {
    Atomics.wait(status, 0, 0, SHARE_MS);
    if (Atomics.load(status, 0) !== 1) Atomics.store(workers[k]!.ready, 0, 2);
  });
  // Every row was taken (this thread emptied the queue, or the workers did); those not done were a failed or late
  // worker's.
  const done = new Int32Array(queue.done);
  for (let row = 0; row < done.length; row++) if (Atomics.load(done, row) === 0) redo(row);
  return done.reduce((count, mark) => count + (mark === DONE_ON_WORKER ? 1 : 0), 0);
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
  const workers = workersFor(
    rows.reduce((sum, row) => sum + row.clusters * resamples, 0),
    BOOTSTRAP_THREADS.minDraws,
  );
  if (!workers) return undefined;
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
  TALLIED_ON_WORKERS.rows += acrossThreads(
    workers,
    { sizes: rows.map((row) => row.clusters) },
    (worker, queue, status) =>
      worker.postMessage({ kind: 'tallies', rows: shared, queue, resamples, seed, status } satisfies BootstrapShare),
    tallyHere,
    (i) => {
      shared[i] = { ...shared[i]!, tallies: new SharedArrayBuffer(resamples * shared[i]!.classes * 4) };
      tallyHere(i);
    },
  );
  return shared.map((row) => new Uint32Array(row.tallies));
}

/**
 * The draw counts of B resamples of each of these cluster counts (keptDrawCounts's), counted on every ready thread
 * and kept for the table's rows to read; nothing happens when there are too few draws to gain from threads, or no
 * threads (the rows then count them as they ask). The same counts either way: they depend on C, B and the seed only.
 */
export function countDrawsAhead(clusters: readonly number[], resamples: number, seed: number | bigint): void {
  const wanted = drawCountsToKeep(clusters, resamples, seed);
  const workers = workersFor(
    wanted.reduce((sum, count) => sum + count * resamples, 0),
    BOOTSTRAP_THREADS.minDraws,
  );
  if (!workers) return;
  const fresh = (count: number): DrawCountRow => ({
    clusters: count,
    counts: new SharedArrayBuffer(count * resamples),
    fits: new SharedArrayBuffer(4),
  });
  const rows = wanted.map(fresh);
  DRAWN_ON_WORKERS.rows += acrossThreads(
    workers,
    { sizes: wanted },
    (worker, queue, status) =>
      worker.postMessage({ kind: 'draw-counts', rows, queue, resamples, seed, status } satisfies BootstrapShare),
    (i) => countDrawRow(rows[i]!, resamples, seed),
    (i) => countDrawRow((rows[i] = fresh(wanted[i]!)), resamples, seed),
  );
  for (const row of rows)
    if (new Int32Array(row.fits)[0] === 1)
      keepDrawCounts({ clusters: row.clusters, resamples, counts: new Uint8Array(row.counts) }, seed);
}

/** A draw-count row counted on this thread or a worker. */
export function countDrawRow(row: DrawCountRow, resamples: number, seed: number | bigint): void {
  const fits = countDrawsInBytes(row.clusters, resamples, seed, new Uint8Array(row.counts));
  Atomics.store(new Int32Array(row.fits), 0, fits ? 1 : 2);
}

/** A typed array's bytes copied into shared memory, for a worker to read. */
function share(array: Float64Array | Uint32Array): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(array.byteLength);
  new Uint8Array(buffer).set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  return buffer;
}

/**
 * A row of the length-controlled win rate to refit on each resample: its data and its cluster count; `refits` false
 * for a row whose GLM has no fit, of which only the plain win rate is resampled.
 */
export interface RefitRequest {
  readonly data: LengthControlledData;
  readonly clusters: number;
  readonly refits: boolean;
}

/**
 * Each row's refitted LC win rate and plain win rate on every resample (B values each per row,
 * lengthControlledResamples's), computed on every ready thread, this one doing `meanwhile` first; undefined when the
 * table is too small to gain from threads, or there are none (and `meanwhile` was not run).
 */
export function refitLengthControlledAhead(
  rows: readonly RefitRequest[],
  resamples: number,
  seed: number | bigint,
  meanwhile?: () => void,
): { values: Float64Array; winRates: Float64Array }[] | undefined {
  const sizes = rows.map((row) => row.data.deltas.length);
  const workers = workersFor(
    sizes.reduce((sum, size) => sum + size * resamples, 0),
    BOOTSTRAP_THREADS.minRefitItems,
  );
  if (!workers) return undefined;
  const shared: RefitRow[] = rows.map(({ data, clusters, refits }) => ({
    deltas: share(data.deltas),
    preferences: share(data.preferences),
    clusterOf: share(data.clusterOf),
    start: share(data.start),
    clusters,
    refits,
    values: new SharedArrayBuffer(resamples * 8),
    winRates: new SharedArrayBuffer(resamples * 8),
  }));
  const values = refitAcrossThreads(
    workers,
    shared,
    sizes,
    resamples,
    seed,
    (share, queue, status) => ({ kind: 'lc-refits', rows: share, queue, resamples, seed, status }),
    (i, values, row) =>
      lengthControlledResamples(
        rows[i]!.data,
        rows[i]!.clusters,
        resamples,
        seed,
        values,
        new Float64Array(row.winRates),
        rows[i]!.refits,
      ),
    meanwhile,
    // A row redone here writes its win rates into fresh memory too.
    (row) => ({ ...row, winRates: new SharedArrayBuffer(row.winRates.byteLength) }),
  );
  return values.map((v, i) => ({ values: v, winRates: new Float64Array(shared[i]!.winRates) }));
}

/**
 * Rows refitted on every ready thread (acrossThreads), each into its shared `values`: a row this thread redoes gets
 * fresh ones. The rows of as many clusters are one batch: they refit on the same resamples, whose draw counts the
 * thread keeps for the batch only (keptDrawCounts). Returns every row's values.
 */
function refitAcrossThreads<Row extends { readonly values: SharedArrayBuffer; readonly clusters: number }>(
  workers: readonly PoolWorker[],
  shared: Row[],
  sizes: readonly number[],
  resamples: number,
  seed: number | bigint,
  message: (rows: Row[], queue: RowQueue, status: SharedArrayBuffer) => BootstrapShare,
  refit: (row: number, values: Float64Array, shared: Row) => void,
  meanwhile?: () => void,
  freshOutputs: (row: Row) => Row = (row) => row,
): Float64Array[] {
  const here = (i: number) => refit(i, new Float64Array(shared[i]!.values), shared[i]!);
  REFITTED_ON_WORKERS.rows += acrossThreads(
    workers,
    { sizes, batchOf: shared.map((row) => row.clusters) },
    (worker, queue, status) => worker.postMessage(message([...shared], queue, status)),
    here,
    (i) => {
      shared[i] = freshOutputs({ ...shared[i]!, values: new SharedArrayBuffer(shared[i]!.values.byteLength) });
      here(i);
    },
    meanwhile,
    (i) => forgetDrawCounts(shared[i]!.clusters, resamples, seed),
  );
  return shared.map((row) => new Float64Array(row.values));
}

/**
 * Each Bradley–Terry cell's ratings refitted on every resample (B × systems values per cell,
 * bradleyTerryResamples's), computed on every ready thread; undefined when the table is too small to gain from
 * threads, or there are none.
 */
export function refitBradleyTerryAhead(
  jobs: readonly BradleyTerryJob[],
  resamples: number,
  seed: number | bigint,
): Float64Array[] | undefined {
  const workers = workersFor(jobs.length * resamples, BOOTSTRAP_THREADS.minBradleyTerryFits);
  if (!workers) return undefined;
  const shared: BradleyTerryRow[] = jobs.map(({ matrix, systems, start }) => ({
    clusters: matrix.clusters,
    dimension: matrix.dimension,
    offset: share(matrix.offset),
    index: share(matrix.index),
    value: share(matrix.value),
    systems,
    start: share(start),
    values: new SharedArrayBuffer(resamples * systems * 8),
  }));
  return refitAcrossThreads(
    workers,
    shared,
    // A cell's work: its clusters' sums read and its fits, about as much per cluster as per system pair.
    jobs.map(({ matrix, systems }) => matrix.clusters + systems * systems),
    resamples,
    seed,
    (share, queue, status) => ({ kind: 'bt-refits', rows: share, queue, resamples, seed, status }),
    (i, values) => bradleyTerryResamples(jobs[i]!, resamples, seed, values),
  );
}
