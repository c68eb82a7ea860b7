// The cluster indices a bootstrap draws, computed once and shared. The draws depend only on the seed, the number of
// resamples B and the number of clusters C (each resample is C calls of nextInt(C) from a generator seeded afresh),
// so every figure and every row of a table with as many clusters resamples the very same positions: drawing them
// once for all of them is the same bootstrap, only without redrawing B × C numbers per figure.
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
  readonly weight: Float64Array;
}

// A table's rows mostly share a handful of cluster counts; a small cache keeps their draws without holding on to
// every count a long session ever saw (at 2,500 clusters and 1,000 resamples one entry is about 30 MB).
const CACHE_LIMIT = 6;
const cache = new Map<string, ClusterDraws>();

/** The draws of B resamples of C clusters from `seed`, reused while cached. */
export function clusterDraws(clusters: number, resamples: number, seed: number | bigint): ClusterDraws {
  const key = `${clusters}/${resamples}/${typeof seed}:${seed}`;
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key); // most recently used last
    cache.set(key, cached);
    return cached;
  }
  const draws = drawClusters(clusters, resamples, seed);
  cache.set(key, draws);
  while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return draws;
}

function drawClusters(clusters: number, resamples: number, seed: number | bigint): ClusterDraws {
  if (clusters === 0) throw new RangeError('cannot bootstrap an empty sample');
  const rng = createRandom(seed);
  const picked = new Uint32Array(resamples * clusters);
  for (let i = 0; i < picked.length; i++) picked[i] = rng.nextInt(clusters);
  const counts = new Uint32Array(clusters);
  const start = new Uint32Array(resamples + 1);
  // About 63% of the clusters appear in a resample; grow only if a seed asks for more.
  let distinct: Uint32Array = new Uint32Array(Math.ceil(resamples * Math.min(clusters, clusters * 0.7 + 16)));
  let weight: Float64Array = new Float64Array(distinct.length);
  let next = 0;
  for (let b = 0; b < resamples; b++) {
    const row = picked.subarray(b * clusters, (b + 1) * clusters);
    for (let j = 0; j < clusters; j++) counts[row[j]!]!++;
    if (next + clusters > distinct.length) [distinct, weight] = grown(distinct, weight, next + clusters);
    for (let c = 0; c < clusters; c++) {
      if (counts[c] === 0) continue;
      distinct[next] = c;
      weight[next++] = counts[c]!;
      counts[c] = 0;
    }
    start[b + 1] = next;
  }
  return { clusters, resamples, picked, start, distinct: distinct.slice(0, next), weight: weight.slice(0, next) };
}

function grown(distinct: Uint32Array, weight: Float64Array, needed: number): [Uint32Array, Float64Array] {
  const size = Math.max(needed, Math.ceil(distinct.length * 1.5));
  const d = new Uint32Array(size);
  const w = new Float64Array(size);
  d.set(distinct);
  w.set(weight);
  return [d, w];
}
