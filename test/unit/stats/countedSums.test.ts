// Resampled sums a dimension at a time (src/core/metrics/stats/countedSums.ts): bit for bit the sums of the classes
// counted from the same kept draws, so a row of clusters nearly all different (a Bradley–Terry cell) gets the
// intervals it got by summing its classes, or by drawing its resamples as it goes.
import { strict as assert } from 'node:assert';
import { bootstrapClusterSumsTable, type ClusterSumsJob } from '../../../src/core/metrics/stats/bootstrap';
import { classSums, clusterClasses, sparseClusters } from '../../../src/core/metrics/stats/clusterMatrix';
import { countedSums, sumsByDimensionPay } from '../../../src/core/metrics/stats/countedSums';
import {
  countedTallies,
  KEPT_DRAW_COUNTS,
  keptDrawCountBytes,
  keptDrawCounts,
  releaseDrawCounts,
} from '../../../src/core/metrics/stats/keptDrawCounts';
import { createRandom } from '../../../src/core/util/random';

/** Clusters like a Bradley–Terry cell's: a few pairs each, verdicts in halves (ties), some entries negative. */
function pairClusters(clusters: number, dimension: number, seed: number): Float64Array[] {
  const random = createRandom(seed);
  return Array.from({ length: clusters }, () => {
    const sums = new Float64Array(dimension);
    for (let pair = 0; pair < 6; pair++) sums[random.nextInt(dimension - 1)]! += (random.nextInt(5) - 1) / 2;
    return sums;
  });
}

describe('stats: resampled sums a dimension at a time', () => {
  const { budgetBytes } = KEPT_DRAW_COUNTS;
  afterEach(() => {
    KEPT_DRAW_COUNTS.budgetBytes = budgetBytes;
    releaseDrawCounts();
  });

  it('equal, bit for bit, the sums of the classes counted from the same draws (the last dimension held by none)', () => {
    for (const [clusters, dimension] of [
      [1, 2],
      [37, 5],
      [300, 24],
      [1200, 40],
    ] as const) {
      const matrix = sparseClusters(pairClusters(clusters, dimension, clusters));
      const classes = clusterClasses(matrix);
      const counts = keptDrawCounts(clusters, 150, 20240101)!;
      const tallies = countedTallies(counts, classes.classOf, classes.classes);
      const resampled = countedSums(counts, matrix);
      const expected = new Float64Array(dimension);
      for (let b = 0; b < 150; b++) {
        classSums(classes, tallies.subarray(b * classes.classes, (b + 1) * classes.classes), expected);
        assert.deepEqual(resampled.subarray(b * dimension, (b + 1) * dimension), expected, `${clusters}, b ${b}`);
        assert.equal(resampled[b * dimension + dimension - 1], 0);
      }
    }
  });

  it('are taken for clusters nearly all different, not for a few kinds of cluster', () => {
    const distinct = sparseClusters(pairClusters(2000, 144, 5));
    assert.equal(sumsByDimensionPay(distinct, clusterClasses(distinct), 1000), true);
    const random = createRandom(8);
    const fewKinds = sparseClusters(
      Array.from({ length: 2000 }, () => Float64Array.of(random.nextInt(2), 1, random.nextInt(3) / 2)),
    );
    assert.equal(sumsByDimensionPay(fewKinds, clusterClasses(fewKinds), 1000), false);
    assert.equal(sumsByDimensionPay(distinct, clusterClasses(distinct), 100_000), false, 'beyond the bytes allowed');
  });

  it('give a row of nearly all different clusters the intervals of drawing its resamples as it goes', () => {
    const job: ClusterSumsJob = {
      clusterSums: pairClusters(800, 30, 2),
      finishes: [(s) => s[0]! - s[3]!, (s) => s[1]! / (1 + Math.abs(s[2]!))],
    };
    const kept = bootstrapClusterSumsTable([job], { resamples: 400, seed: 6 })[0]!;
    assert.ok(keptDrawCountBytes() > 0, 'read from kept counts');
    releaseDrawCounts();
    KEPT_DRAW_COUNTS.budgetBytes = 0;
    const drawn = bootstrapClusterSumsTable([job], { resamples: 400, seed: 6 })[0]!;
    assert.deepEqual(kept, drawn);
    assert.ok(kept[0]!.lower < kept[0]!.upper, 'a real interval');
  });
});
