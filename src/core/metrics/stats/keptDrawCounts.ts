// The bootstrap's resamples as draw counts per cluster, kept for the rows that come after. The draws depend only on
// the seed, B and the number of clusters C (bootstrapDraws.ts), and a table's rows arrive one at a time, table after
// table: `agreement` at 4x Shaham et al.'s size bootstraps 168 rows with only 53 distinct C. Drawing a row's
// resamples costs a generator call per cluster drawn; counting a row's classes from kept counts costs an addition.
// Either way a row gets the very same tallies, so its intervals are unchanged.
import { drawKernel } from '../../util/drawKernel';
import { createRandom } from '../../util/random';
import { streamTallies } from './bootstrapDraws';

/** How often resample b drew cluster c: counts[b × clusters + c]. */
export interface DrawCounts {
  readonly clusters: number;
  readonly resamples: number;
  readonly counts: Uint8Array | Uint32Array;
}

/**
 * What may be kept: counts beyond the budget are not kept (rows then draw their own), since the rows come back
 * to the first C again only after all the others (a least-recently-used cache would keep none of them). Released
 * when no row has asked for a while, so that an editor's process does not hold them between two dashboards.
 */
export const KEPT_DRAW_COUNTS = { budgetBytes: 128 * 2 ** 20, releaseAfterMs: 2000 };

const kept = new Map<string, DrawCounts>();
const drawKey = (clusters: number, resamples: number, seed: number | bigint) => `${clusters}/${resamples}/${seed}`;
let keptBytes = 0;
let release: ReturnType<typeof setTimeout> | undefined;

/**
 * The draw counts of B resamples of C clusters from `seed`: kept ones, else drawn now and kept while the budget
 * allows; undefined beyond it (the caller then tallies as it draws).
 */
export function keptDrawCounts(clusters: number, resamples: number, seed: number | bigint): DrawCounts | undefined {
  const key = drawKey(clusters, resamples, seed);
  scheduleRelease();
  const found = kept.get(key);
  if (found) return found;
  if (!fitsBudget(clusters * resamples)) return undefined;
  const counted = countDraws(clusters, resamples, seed);
  keep(key, counted);
  return counted;
}

const fitsBudget = (bytes: number) => keptBytes + bytes <= KEPT_DRAW_COUNTS.budgetBytes;

function keep(key: string, counts: DrawCounts): void {
  kept.set(key, counts);
  keptBytes += counts.counts.byteLength;
}

/** Forgets the kept counts of C clusters (a thread's batch of rows of C is done: no row of C will come again). */
export function forgetDrawCounts(clusters: number, resamples: number, seed: number | bigint): void {
  const key = drawKey(clusters, resamples, seed);
  const found = kept.get(key);
  if (!found) return;
  kept.delete(key);
  keptBytes -= found.counts.byteLength;
}

/** How many bytes of counts are kept now. */
export function keptDrawCountBytes(): number {
  return keptBytes;
}

/** Forgets every kept count (the release timer's work; also for tests). */
export function releaseDrawCounts(): void {
  kept.clear();
  keptBytes = 0;
  if (release) clearTimeout(release);
  release = undefined;
}

function scheduleRelease(): void {
  if (release) clearTimeout(release);
  release = setTimeout(releaseDrawCounts, KEPT_DRAW_COUNTS.releaseAfterMs);
  release.unref?.();
}

/**
 * The cluster counts among these whose draw counts may be kept and are not yet: what a table about to ask for them
 * may have counted ahead (on every core), largest first within the budget.
 */
export function drawCountsToKeep(clusters: readonly number[], resamples: number, seed: number | bigint): number[] {
  let room = KEPT_DRAW_COUNTS.budgetBytes - keptBytes;
  const wanted: number[] = [];
  for (const count of [...new Set(clusters)].sort((a, b) => b - a)) {
    if (kept.has(drawKey(count, resamples, seed)) || count * resamples > room) continue;
    wanted.push(count);
    room -= count * resamples;
  }
  return wanted;
}

/**
 * Keeps counts made elsewhere (on a worker thread: countDrawCounts's bytes, the same as keptDrawCounts would draw)
 * while the budget allows; false when it does not.
 */
export function keepDrawCounts(counts: DrawCounts, seed: number | bigint): boolean {
  const key = drawKey(counts.clusters, counts.resamples, seed);
  if (kept.has(key)) return true;
  if (!fitsBudget(counts.counts.byteLength)) return false;
  scheduleRelease();
  keep(key, counts);
  return true;
}

/**
 * Counts B resamples of C clusters into `bytes` (B × C) as keptDrawCounts draws them; false when a count passes
 * 255 (the caller then leaves it to keptDrawCounts, which counts in wider words).
 */
export function countDrawsInBytes(
  clusters: number,
  resamples: number,
  seed: number | bigint,
  bytes: Uint8Array,
): boolean {
  return createRandom(seed).countInts(clusters, resamples, bytes);
}

/** The counts in bytes, unless a cluster is drawn more than 255 times in a resample (then in wider words). */
function countDraws(clusters: number, resamples: number, seed: number | bigint): DrawCounts {
  const bytes = new Uint8Array(clusters * resamples);
  if (countDrawsInBytes(clusters, resamples, seed, bytes)) return { clusters, resamples, counts: bytes };
  return countDrawsInWords(clusters, resamples, seed);
}

/** The same counts in 32-bit words, drawn and counted here (exported for the test of this path). */
export function countDrawsInWords(clusters: number, resamples: number, seed: number | bigint): DrawCounts {
  const counts = new Uint32Array(clusters * resamples);
  const rng = createRandom(seed);
  const picked = new Uint32Array(clusters);
  for (let b = 0; b < resamples; b++) {
    rng.fillInts(clusters, picked);
    for (let j = 0, base = b * clusters; j < clusters; j++) counts[base + picked[j]!]!++;
  }
  return { clusters, resamples, counts };
}

/**
 * Every resample's counts per class, from kept counts: tallies[b × classes + k] is how many of resample b's C draws
 * were of a cluster of class k, exactly what tallying the draws as they come gives (streamTallies).
 */
export function countedTallies(draws: DrawCounts, classOf: Uint32Array, classes: number): Uint32Array {
  const { clusters, resamples, counts } = draws;
  const tallies = new Uint32Array(resamples * classes);
  if (counts instanceof Uint8Array) {
    drawKernel().countedTally(counts, clusters, resamples, classOf, tallies);
    return tallies;
  }
  for (let b = 0; b < resamples; b++)
    for (let c = 0, at = b * clusters, row = b * classes; c < clusters; c++, at++)
      tallies[row + classOf[c]!]! += counts[at]!;
  return tallies;
}

/** At most this many bytes of one row's tallies (B × classes words) are counted at once. */
const ROW_TALLIES_BYTES = 64 * 2 ** 20;

/**
 * Each resample's class tallies, visited in order, as streamTallies visits them: counted from the kept counts of
 * C clusters when they are kept or may be (once for every row of C, on this thread), else drawn as they come.
 * The same tallies either way. A tally is valid only during its visit.
 */
export function eachResampleTally(
  clusters: number,
  resamples: number,
  seed: number | bigint,
  classOf: Uint32Array,
  classes: number,
  visit: (tally: Uint32Array, b: number) => void,
): void {
  const counts = resamples * classes * 4 <= ROW_TALLIES_BYTES ? keptDrawCounts(clusters, resamples, seed) : undefined;
  if (!counts) {
    streamTallies(clusters, resamples, seed, classOf, classes, visit);
    return;
  }
  const tallies = countedTallies(counts, classOf, classes);
  for (let b = 0; b < resamples; b++) visit(tallies.subarray(b * classes, (b + 1) * classes), b);
}
