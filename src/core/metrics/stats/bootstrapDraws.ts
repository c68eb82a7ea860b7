// The cluster indices a bootstrap draws. The draws depend only on the seed, the number of resamples B and the
// number of clusters C (each resample is C calls of nextInt(C) from a generator seeded afresh), so every figure
// and every row of a table with as many clusters resamples the very same positions: a row alone draws them on
// the fly into one reused buffer (streamDraws); rows sharing C share one set of draws, kept as indices and as
// cluster weights (drawClusters), instead of drawing B × C numbers again per row.
import { createRandom } from '../../util/random';

/** B resamples of C cluster positions, in the order drawn, and the same resamples as weights. */
export interface ClusterDraws {
  readonly clusters: number;
  readonly resamples: number;
  /** picked[b × C + j]: the j-th cluster drawn in resample b. */
  readonly picked: Uint32Array;
  /**
   * The same resamples as cluster weights, each resample's clusters ascending: resample b is the clusters
   * distinct[k] each taken weight[k] times, for k in [start[b], start[b + 1]).
   */
  readonly start: Uint32Array;
  readonly distinct: Uint32Array;
  readonly weight: Uint32Array;
}

/** Calls `visit` with each resample's C drawn positions in turn, in one reused buffer. */
export function streamDraws(
  clusters: number,
  resamples: number,
  seed: number | bigint,
  visit: (picked: Uint32Array, b: number) => void,
): void {
  const rng = createRandom(seed);
  const picked = new Uint32Array(clusters);
  for (let b = 0; b < resamples; b++) {
    rng.fillInts(clusters, picked);
    visit(picked, b);
  }
}

/**
 * streamDraws's resamples as counts per class: resample b's tally[k] is how many of its C drawn positions have
 * classOf[position] = k (the same draws, never kept), in one reused buffer.
 */
export function streamTallies(
  clusters: number,
  resamples: number,
  seed: number | bigint,
  classOf: Uint32Array,
  classes: number,
  visit: (tally: Uint32Array, b: number) => void,
): void {
  const rng = createRandom(seed);
  const tally = new Uint32Array(classes);
  for (let b = 0; b < resamples; b++) {
    tally.fill(0);
    rng.tallyInts(clusters, clusters, classOf, tally);
    visit(tally, b);
  }
}

/**
 * streamTallies's resamples all at once: resample b's counts per class at tallies[b × classes, (b + 1) × classes)
 * (`tallies` zeroed, B × classes long). What a thread fills for a row ahead of the row's statistics.
 */
export function tallyResamples(
  clusters: number,
  classOf: Uint32Array,
  classes: number,
  resamples: number,
  seed: number | bigint,
  tallies: Uint32Array,
): void {
  const rng = createRandom(seed);
  for (let b = 0; b < resamples; b++)
    rng.tallyInts(clusters, clusters, classOf, tallies.subarray(b * classes, (b + 1) * classes));
}

/** Resample b of shared draws as counts per class (tally[k]: draws of a cluster of class k), into `tally`. */
export function drawnTally(draws: ClusterDraws, b: number, classOf: Uint32Array, tally: Uint32Array): void {
  tally.fill(0);
  const { distinct, weight } = draws;
  for (let k = draws.start[b]!, end = draws.start[b + 1]!; k < end; k++) tally[classOf[distinct[k]!]!]! += weight[k]!;
}

/**
 * Buffers for the draws of one table, reused from one number of clusters to the next: the draws of a large table
 * are tens of megabytes, and allocating them afresh per number of clusters makes the collector sweep the whole
 * loaded run each time.
 */
export class DrawBuffers {
  picked = new Uint32Array(0);
  distinct = new Uint32Array(0);
  weight = new Uint32Array(0);

  reserve(size: number): void {
    if (this.picked.length >= size) return;
    this.picked = new Uint32Array(size);
    this.distinct = new Uint32Array(size);
    this.weight = new Uint32Array(size);
  }
}

/** The draws of B resamples of C clusters from `seed`, kept: for several rows with C clusters. */
export function drawClusters(
  clusters: number,
  resamples: number,
  seed: number | bigint,
  buffers = new DrawBuffers(),
): ClusterDraws {
  buffers.reserve(resamples * clusters);
  const picked = buffers.picked.subarray(0, resamples * clusters);
  createRandom(seed).fillInts(clusters, picked);
  const { distinct, weight } = buffers;
  const counts = new Uint32Array(clusters);
  const start = new Uint32Array(resamples + 1);
  let next = 0;
  for (let b = 0; b < resamples; b++) {
    for (let j = b * clusters, end = j + clusters; j < end; j++) counts[picked[j]!]!++;
    for (let c = 0; c < clusters; c++) {
      if (counts[c] === 0) continue;
      distinct[next] = c;
      weight[next++] = counts[c]!;
      counts[c] = 0;
    }
    start[b + 1] = next;
  }
  return { clusters, resamples, picked, start, distinct: distinct.subarray(0, next), weight: weight.subarray(0, next) };
}
