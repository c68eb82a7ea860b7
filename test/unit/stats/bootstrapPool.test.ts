// The bootstrap's class counts tallied ahead on worker threads give the intervals of drawing on this thread alone,
// bit for bit: each row's counts come from its own seeded generator whatever thread fills them.
import { strict as assert } from 'node:assert';
import {
  bootstrapClusterSumsMany,
  bootstrapClusterSumsTable,
  bradleyTerry,
  lengthControlledData,
  lengthControlledIntervals,
} from '../../../src/core/metrics/stats';
import { bradleyTerryIntervals } from '../../../src/core/metrics/stats/bradleyTerryBootstrap';
import { sparseClusters } from '../../../src/core/metrics/stats/clusterMatrix';
import {
  BOOTSTRAP_THREADS,
  countDrawsAhead,
  DRAWN_ON_WORKERS,
  REFITTED_ON_WORKERS,
  rowQueue,
  takeRows,
  TALLIED_ON_WORKERS,
} from '../../../src/core/metrics/stats/bootstrapPool';
import {
  KEPT_DRAW_COUNTS,
  keptDrawCountBytes,
  keptDrawCounts,
  releaseDrawCounts,
} from '../../../src/core/metrics/stats/keptDrawCounts';
import { createRandom } from '../../../src/core/util/random';

describe('stats: the bootstrap on worker threads', function () {
  this.timeout(60_000);
  const saved = { ...BOOTSTRAP_THREADS };
  const savedCounts = { ...KEPT_DRAW_COUNTS };
  // Rows draw on the threads only when the draw counts are not kept (beyond their budget): none kept here.
  beforeEach(() => {
    releaseDrawCounts();
    KEPT_DRAW_COUNTS.budgetBytes = 0;
  });
  afterEach(() => {
    Object.assign(BOOTSTRAP_THREADS, saved);
    Object.assign(KEPT_DRAW_COUNTS, savedCounts);
  });

  /** A table of exact rows with different cluster counts (each draws alone), and one of fractional sums. */
  function table() {
    const random = createRandom(3);
    const row = (clusters: number, fractional = false) => ({
      clusterSums: Array.from({ length: clusters }, () => {
        const wins = random.nextInt(3);
        return Float64Array.from([fractional ? wins / 10 : wins / 2, 1 + random.nextInt(2)]);
      }),
      finishes: [(s: Float64Array) => s[0]! / s[1]!, (s: Float64Array) => s[1]!],
    });
    return [row(50), row(51), row(120), row(7), row(300), row(64, true), row(2)];
  }

  it('gives every row the same intervals with two threads as with this one', () => {
    const options = { resamples: 400, seed: 11, level: 0.9 };
    Object.assign(BOOTSTRAP_THREADS, { extra: 0 });
    const alone = bootstrapClusterSumsTable(table(), options);
    // The six exact rows on the two workers alone, then shared with this thread (whoever is free takes the next).
    Object.assign(BOOTSTRAP_THREADS, { extra: 2, minDraws: 0, workersOnly: true });
    const before = TALLIED_ON_WORKERS.rows;
    assert.deepEqual(bootstrapClusterSumsTable(table(), options), alone);
    assert.equal(TALLIED_ON_WORKERS.rows - before, 6);
    Object.assign(BOOTSTRAP_THREADS, { workersOnly: false });
    assert.deepEqual(bootstrapClusterSumsTable(table(), options), alone);
    // Not a table of equal rows: the rows' intervals differ from one another.
    assert.ok(new Set(alone.map((r) => `${r[0]!.lower} ${r[0]!.upper}`)).size > 3);
  });

  /** Rows of the length-controlled win rate: preferences that follow the length difference, two items a cluster. */
  function refitJobs() {
    const random = createRandom(8);
    // Two rows of 21 clusters: one batch of the queue.
    return [40, 41, 42, 90, 7, 160].map((items) => {
      const rows = Array.from({ length: items }, () => {
        const delta = random.nextInt(200) - 100;
        const preference = random.nextInt(4) === 0 ? 0.5 : delta + random.nextInt(120) - 60 > 0 ? 1 : 0;
        return { preference, systemLength: 200, baselineLength: 200 + delta };
      });
      const clusterOf = Uint32Array.from(rows, (_, i) => i >> 1);
      const data = lengthControlledData(rows, clusterOf);
      return { data, clusters: clusterOf[items - 1]! + 1, estimate: 0.5 };
    });
  }

  it('refits the length-controlled win rate on two threads to the same intervals as on this one', () => {
    const options = { resamples: 300, seed: 5, level: 0.95 };
    Object.assign(BOOTSTRAP_THREADS, { extra: 0 });
    const alone = lengthControlledIntervals(refitJobs(), options);
    Object.assign(BOOTSTRAP_THREADS, { extra: 2, minRefitItems: 0, workersOnly: true });
    const before = REFITTED_ON_WORKERS.rows;
    // Other work of the table done here meanwhile, once.
    let meanwhile = 0;
    assert.deepEqual(
      lengthControlledIntervals(refitJobs(), options, () => meanwhile++),
      alone,
    );
    assert.equal(REFITTED_ON_WORKERS.rows - before, 6);
    assert.equal(meanwhile, 1);
    Object.assign(BOOTSTRAP_THREADS, { workersOnly: false });
    assert.deepEqual(
      lengthControlledIntervals(refitJobs(), options, () => meanwhile++),
      alone,
    );
    Object.assign(BOOTSTRAP_THREADS, { extra: 0 });
    assert.deepEqual(
      lengthControlledIntervals(refitJobs(), options, () => meanwhile++),
      alone,
    );
    assert.equal(meanwhile, 3, 'meanwhile runs once, with threads or without');
    assert.ok(new Set(alone.map((r) => `${r.lower} ${r.upper}`)).size === alone.length);
    for (const r of alone) assert.ok(r.lower < r.upper, JSON.stringify(r));
    // The rows of 40 items or more have a fit on nearly every resample; the one of 7 on fewer.
    assert.deepEqual(
      alone.map((r) => r.undefinedResamples < 30),
      [true, true, true, true, false, true],
    );
    // With the draw counts kept, a batch's rows count from one draw, and each thread lets them go after its batch.
    KEPT_DRAW_COUNTS.budgetBytes = savedCounts.budgetBytes;
    Object.assign(BOOTSTRAP_THREADS, { extra: 2 });
    assert.deepEqual(lengthControlledIntervals(refitJobs(), options), alone);
    assert.equal(keptDrawCountBytes(), 0);
  });

  it('counts draw counts ahead on the threads, the same bytes as this thread draws, kept within the budget', () => {
    const clusters = [300, 120, 300, 77];
    KEPT_DRAW_COUNTS.budgetBytes = savedCounts.budgetBytes;
    const drawnHere = [...new Set(clusters)].map((c) => {
      releaseDrawCounts();
      return [...keptDrawCounts(c, 200, 9)!.counts];
    });
    releaseDrawCounts();
    Object.assign(BOOTSTRAP_THREADS, { extra: 2, minDraws: 0, workersOnly: true });
    const before = DRAWN_ON_WORKERS.rows;
    countDrawsAhead(clusters, 200, 9);
    assert.equal(DRAWN_ON_WORKERS.rows - before, 3, 'each distinct count once, on the workers');
    assert.equal(keptDrawCountBytes(), (300 + 120 + 77) * 200);
    assert.deepEqual(
      [...new Set(clusters)].map((c) => [...keptDrawCounts(c, 200, 9)!.counts]),
      drawnHere,
    );
    // Kept already: nothing counted again. Beyond the budget: nothing counted, the rows draw as they ask.
    countDrawsAhead(clusters, 200, 9);
    assert.equal(DRAWN_ON_WORKERS.rows - before, 3);
    releaseDrawCounts();
    KEPT_DRAW_COUNTS.budgetBytes = 150 * 200;
    countDrawsAhead(clusters, 200, 9);
    assert.equal(DRAWN_ON_WORKERS.rows - before, 4, 'only 120 and 77 fit, the larger first: 120');
    assert.equal(keptDrawCountBytes(), 120 * 200);
  });

  it("queues rows in batches of one key, the largest batch first, each batch's rows in their order", () => {
    const queue = rowQueue([5, 30, 5, 12, 5], [21, 80, 21, 45, 4]);
    assert.deepEqual([...new Uint32Array(queue.order)], [1, 3, 0, 2, 4]);
    assert.deepEqual([...new Uint32Array(queue.starts)], [0, 1, 2, 4, 5]);
    const events: string[] = [];
    takeRows(
      queue,
      2,
      (row) => events.push(`row ${row}`),
      (first) => events.push(`batch of ${first} done`),
    );
    assert.deepEqual(events, [
      'row 1',
      'batch of 1 done',
      'row 3',
      'batch of 3 done',
      'row 0',
      'row 2',
      'batch of 0 done',
      'row 4',
      'batch of 4 done',
    ]);
    assert.equal(new Int32Array(queue.done).join(), '2,2,2,2,2');
    const unbatched = rowQueue([1, 3, 2]);
    assert.deepEqual([...new Uint32Array(unbatched.order)], [1, 2, 0]);
    assert.deepEqual([...new Uint32Array(unbatched.starts)], [0, 1, 2, 3]);
  });

  it("reads each row's plain win rate interval from its refits' resamples: the cluster bootstrap's of its sums", () => {
    const options = { resamples: 300, seed: 5, level: 0.95 };
    // Two items a cluster (refitJobs), and one, as a prompt group of one prompt is.
    const single = refitJobs().map(({ data, estimate }) => ({
      data: { ...data, clusterOf: Uint32Array.from(data.clusterOf, (_, i) => i) },
      clusters: data.clusterOf.length,
      estimate,
    }));
    // Rows without a fit: their win rates alone are resampled, on the same draws.
    const winRatesOnly = refitJobs().map((job) => ({ ...job, estimate: NaN, refits: false }));
    for (const extra of [0, 2]) {
      Object.assign(BOOTSTRAP_THREADS, { extra, minRefitItems: 0, workersOnly: extra > 0 });
      for (const jobs of [refitJobs(), single, winRatesOnly]) {
        const intervals = lengthControlledIntervals(jobs, options);
        if (jobs === winRatesOnly)
          for (const interval of intervals) assert.equal(interval.undefinedResamples, options.resamples);
        jobs.forEach(({ data, clusters }, j) => {
          const sums = Array.from({ length: clusters }, () => new Float64Array(2));
          data.clusterOf.forEach((c, i) => {
            sums[c]![0]! += data.preferences[i]!;
            sums[c]![1]! += 1;
          });
          const generic = bootstrapClusterSumsMany(sums, [(s) => s[0]! / s[1]!], options)[0]!;
          assert.deepEqual(intervals[j]!.winRate, generic, `row ${j}, ${clusters} clusters, ${extra} threads`);
          assert.ok(generic.lower < generic.upper);
        });
      }
    }
  });

  /** Bradley–Terry cells of four systems: each prompt group a few verdicts (ties as halves), as many kinds as groups. */
  function bradleyTerryCells() {
    const random = createRandom(21);
    return [30, 31, 80, 240].map((clusters) => {
      const clusterSums = Array.from({ length: clusters }, () => {
        const wins = new Float64Array(16);
        for (let k = 0; k < 3; k++) {
          const a = random.nextInt(4);
          const b = (a + 1 + random.nextInt(3)) % 4;
          const outcome = random.nextInt(5);
          if (outcome === 0) {
            wins[a * 4 + b]! += 0.5;
            wins[b * 4 + a]! += 0.5;
          } else wins[outcome < 3 ? a * 4 + b : b * 4 + a]! += 1;
        }
        return wins;
      });
      const total = new Float64Array(16);
      for (const sums of clusterSums) for (let d = 0; d < 16; d++) total[d]! += sums[d]!;
      return { clusterSums, start: bradleyTerry(total, 4).logStrengths };
    });
  }

  it("refits Bradley–Terry cells on two threads to the generic bootstrap's intervals of their ratings", () => {
    const options = { resamples: 300, seed: 9, level: 0.95 };
    const jobs = () =>
      bradleyTerryCells().map(({ clusterSums, start }) => ({ matrix: sparseClusters(clusterSums), systems: 4, start }));
    for (const budgetBytes of [0, KEPT_DRAW_COUNTS.budgetBytes || 2 ** 27]) {
      releaseDrawCounts();
      KEPT_DRAW_COUNTS.budgetBytes = budgetBytes;
      Object.assign(BOOTSTRAP_THREADS, { extra: 0 });
      const alone = bradleyTerryIntervals(jobs(), options);
      Object.assign(BOOTSTRAP_THREADS, { extra: 2, minBradleyTerryFits: 0, workersOnly: true });
      const before = REFITTED_ON_WORKERS.rows;
      assert.deepEqual(bradleyTerryIntervals(jobs(), options), alone, `budget ${budgetBytes}`);
      assert.equal(REFITTED_ON_WORKERS.rows - before, 4, `budget ${budgetBytes}`);
      Object.assign(BOOTSTRAP_THREADS, { workersOnly: false });
      assert.deepEqual(bradleyTerryIntervals(jobs(), options), alone, `budget ${budgetBytes}`);
      // Each system's rating as a figure of the generic cluster bootstrap, refitted from the cell's fit.
      Object.assign(BOOTSTRAP_THREADS, { extra: 0 });
      bradleyTerryCells().forEach(({ clusterSums, start }, k) => {
        const finishes = [0, 1, 2, 3].map((i) => (sums: Float64Array) => bradleyTerry(sums, 4, start).ratings[i]!);
        const generic = bootstrapClusterSumsMany(clusterSums, finishes, options);
        generic.forEach((g, i) => {
          assert.deepEqual([alone[k]![i]!.lower, alone[k]![i]!.upper], [g.lower, g.upper], `cell ${k}, system ${i}`);
          assert.ok(g.lower < g.upper, `cell ${k}, system ${i}: a real interval`);
        });
      });
    }
  });

  it('refuses a thread setting that is not a count, naming it, when a table would use the threads', () => {
    const saved = process.env.LANGLENS_BOOTSTRAP_THREADS;
    process.env.LANGLENS_BOOTSTRAP_THREADS = 'two';
    try {
      Object.assign(BOOTSTRAP_THREADS, { extra: undefined, minDraws: 0 });
      assert.throws(
        () => bootstrapClusterSumsTable(table(), { resamples: 10, seed: 1 }),
        /LANGLENS_BOOTSTRAP_THREADS is "two": give the number of threads/,
      );
    } finally {
      if (saved === undefined) delete process.env.LANGLENS_BOOTSTRAP_THREADS;
      else process.env.LANGLENS_BOOTSTRAP_THREADS = saved;
    }
  });
});
