// Kept draw counts (src/core/metrics/stats/keptDrawCounts.ts): a row's class tallies counted from kept counts are
// exactly those of drawing its resamples as it goes, so a table's intervals do not depend on which rows came first,
// on the budget, or on a release in between.
import { strict as assert } from 'node:assert';
import { streamTallies } from '../../../src/core/metrics/stats/bootstrapDraws';
import { bootstrapClusterSumsTable, type ClusterSumsJob } from '../../../src/core/metrics/stats/bootstrap';
import {
  countDrawsInWords,
  countedTallies,
  KEPT_DRAW_COUNTS,
  keptDrawCountBytes,
  keptDrawCounts,
  releaseDrawCounts,
} from '../../../src/core/metrics/stats/keptDrawCounts';
import { createRandom } from '../../../src/core/util/random';

/** Every resample's tally as streamTallies gives it, one after the other. */
function streamed(clusters: number, resamples: number, seed: number, classOf: Uint32Array, classes: number) {
  const all = new Uint32Array(resamples * classes);
  streamTallies(clusters, resamples, seed, classOf, classes, (tally, b) => all.set(tally, b * classes));
  return all;
}

describe('stats: kept draw counts', () => {
  const { budgetBytes, releaseAfterMs } = KEPT_DRAW_COUNTS;
  afterEach(() => {
    Object.assign(KEPT_DRAW_COUNTS, { budgetBytes, releaseAfterMs });
    releaseDrawCounts();
  });

  it('tallies exactly what drawing as it goes tallies, for any number of clusters and classes', () => {
    for (const [clusters, classes] of [
      [1, 1],
      [2, 2],
      [7, 3],
      [255, 40],
      [256, 256],
      [617, 64],
      [1500, 7],
    ] as const) {
      const random = createRandom(clusters);
      const classOf = Uint32Array.from({ length: clusters }, () => random.nextInt(classes));
      const expected = streamed(clusters, 200, 20240101, classOf, classes);
      const counts = keptDrawCounts(clusters, 200, 20240101)!;
      assert.deepEqual(countedTallies(counts, classOf, classes), expected, `${clusters} clusters, ${classes} classes`);
      // Each resample draws C clusters: its counts sum to C.
      for (let b = 0; b < 200; b++) {
        let drawn = 0;
        for (let c = 0; c < clusters; c++) drawn += counts.counts[b * clusters + c]!;
        assert.equal(drawn, clusters);
      }
    }
  });

  it('tallies rows of one dominant class, and rows in turn over the same counts, as drawing does', () => {
    const counts = keptDrawCounts(900, 120, 7)!;
    const random = createRandom(3);
    // Class 2 holds nine clusters in ten (its tally is what the others leave over); class 4 holds none.
    const dominant = Uint32Array.from({ length: 900 }, () => (random.nextInt(10) === 0 ? random.nextInt(2) * 3 : 2));
    const spread = Uint32Array.from({ length: 900 }, (_, c) => c % 5);
    const single = new Uint32Array(900);
    for (const [classOf, classes] of [
      [dominant, 5],
      [spread, 5],
      [single, 1],
      [dominant, 5],
    ] as const) {
      assert.deepEqual(countedTallies(counts, classOf, classes), streamed(900, 120, 7, classOf, classes));
      // Counts of other clusters drawn in between take the kernel's memory: the next row reads its own counts.
      keptDrawCounts(31, 120, 7);
    }
    const tallies = countedTallies(counts, dominant, 5);
    for (let b = 0; b < 120; b++) assert.equal(tallies[b * 5 + 4], 0, 'no cluster of class 4, none drawn');
  });

  it('counts in wider words give the same tallies (the path for a count past 255)', () => {
    const classOf = Uint32Array.from({ length: 300 }, (_, c) => c % 11);
    const bytes = keptDrawCounts(300, 50, 5)!;
    assert.ok(bytes.counts instanceof Uint8Array);
    const wide = countDrawsInWords(300, 50, 5);
    assert.ok(wide.counts instanceof Uint32Array);
    assert.deepEqual(Array.from(wide.counts), Array.from(bytes.counts), 'the same counts, drawn in JavaScript');
    assert.deepEqual(countedTallies(wide, classOf, 11), countedTallies(bytes, classOf, 11));
    assert.deepEqual(countedTallies(wide, classOf, 11), streamed(300, 50, 5, classOf, 11));
  });

  it('refuses a class beyond the tallies instead of writing past them', () => {
    const counts = keptDrawCounts(4, 3, 1)!;
    assert.throws(() => countedTallies(counts, Uint32Array.of(0, 1, 2, 3), 3), /class 3 of number 3 is beyond 3/);
  });

  it('keeps counts within its budget, one set per clusters, resamples and seed, and releases them when idle', async () => {
    KEPT_DRAW_COUNTS.budgetBytes = 25_000;
    KEPT_DRAW_COUNTS.releaseAfterMs = 30;
    const first = keptDrawCounts(100, 100, 9);
    assert.equal(keptDrawCounts(100, 100, 9), first, 'the same counts again');
    assert.equal(keptDrawCountBytes(), 10_000);
    assert.ok(keptDrawCounts(100, 100, 10), 'another seed: other counts');
    assert.equal(keptDrawCounts(100, 100, 11), undefined, 'beyond the budget: not kept');
    assert.equal(keptDrawCountBytes(), 20_000);
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.equal(keptDrawCountBytes(), 0, 'released once no row asked for a while');
  });

  it("gives a table the same intervals whether its rows' counts are kept, beyond the budget or released", () => {
    const random = createRandom(3);
    const job = (clusters: number): ClusterSumsJob => ({
      clusterSums: Array.from({ length: clusters }, () => Float64Array.of(random.nextInt(2), 1, random.nextInt(3))),
      finishes: [(s) => s[0]! / s[1]!, (s) => s[2]! / s[1]!],
    });
    const jobs = [job(40), job(40), job(57), job(40), job(3)];
    const bootstrap = () => jobs.map((j) => bootstrapClusterSumsTable([j], { resamples: 300, seed: 4 })[0]!);
    const kept = bootstrap();
    assert.ok(keptDrawCountBytes() > 0, 'the rows kept their counts');
    releaseDrawCounts();
    KEPT_DRAW_COUNTS.budgetBytes = 0;
    const drawn = bootstrap();
    assert.equal(keptDrawCountBytes(), 0, 'nothing kept with no budget');
    assert.deepEqual(kept, drawn);
    assert.ok(kept[0]![0]!.lower < kept[0]![0]!.upper, 'a real interval');
  });
});
