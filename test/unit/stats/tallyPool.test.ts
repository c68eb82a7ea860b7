// The bootstrap's class counts tallied ahead on worker threads give the intervals of drawing on this thread alone,
// bit for bit: each row's counts come from its own seeded generator whatever thread fills them.
import { strict as assert } from 'node:assert';
import { bootstrapClusterSumsTable } from '../../../src/core/metrics/stats';
import { TALLIED_ON_WORKERS, TALLY_THREADS } from '../../../src/core/metrics/stats/tallyPool';
import { createRandom } from '../../../src/core/util/random';

describe('stats: the bootstrap on worker threads', function () {
  this.timeout(60_000);
  const saved = { ...TALLY_THREADS };
  afterEach(() => Object.assign(TALLY_THREADS, saved));

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
    Object.assign(TALLY_THREADS, { extra: 0 });
    const alone = bootstrapClusterSumsTable(table(), options);
    Object.assign(TALLY_THREADS, { extra: 2, minDraws: 0 });
    const before = TALLIED_ON_WORKERS.rows;
    const threaded = bootstrapClusterSumsTable(table(), options);
    assert.deepEqual(threaded, alone);
    // The six exact rows dealt to this thread and two workers: the workers filled some of them.
    assert.ok(TALLIED_ON_WORKERS.rows - before >= 2, `${TALLIED_ON_WORKERS.rows - before} rows on workers`);
    // Not a table of equal rows: the rows' intervals differ from one another.
    assert.ok(new Set(alone.map((r) => `${r[0]!.lower} ${r[0]!.upper}`)).size > 3);
  });

  it('refuses a thread setting that is not a count, naming it, when a table would use the threads', () => {
    const saved = process.env.LANGLENS_BOOTSTRAP_THREADS;
    process.env.LANGLENS_BOOTSTRAP_THREADS = 'two';
    try {
      Object.assign(TALLY_THREADS, { extra: undefined, minDraws: 0 });
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
