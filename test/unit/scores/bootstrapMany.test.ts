// The shared-resample path every estimate goes through: several statistics on one draw of the prompt groups give
// exactly what each gives alone with the same seed (the draws do not depend on the statistic).
import { strict as assert } from 'node:assert';
import { estimatesFromClusterSums } from '../../../src/core/metrics/estimate';
import {
  bootstrapClusterSums,
  bootstrapClusterSumsMany,
  bootstrapClusterSumsTable,
  createRandom,
  quantileOfSorted,
} from '../../../src/core/metrics/stats';

describe('bootstrapping several statistics on the same resamples', () => {
  const rng = createRandom(3);
  const clusters = Array.from({ length: 37 }, () => Float64Array.from({ length: 4 }, () => rng.nextInt(5)));
  const finishes = [
    (s: Float64Array) => s[0]! / s[1]!,
    (s: Float64Array) => s[2]! - s[3]!,
    (s: Float64Array) => (s[3] === 0 ? NaN : s[0]! / s[3]!),
  ];

  it('gives each statistic the interval it gets alone, bit for bit', () => {
    const options = { resamples: 400, seed: 99, level: 0.9 };
    const together = bootstrapClusterSumsMany(clusters, finishes, options);
    finishes.forEach((finish, i) => assert.deepEqual(together[i], bootstrapClusterSums(clusters, finish, options)));
  });

  it('leaves undefined statistics without an interval and gives the others theirs', () => {
    const zero = clusters.map((c) => Float64Array.from([c[0]!, c[1]!, c[2]!, 0]));
    const intervals = { resamples: 300, seed: 5, level: 0.95 };
    const count = () => 1;
    const [ratio, undefinedRatio] = estimatesFromClusterSums(
      zero,
      [
        { finish: finishes[0]!, count },
        { finish: finishes[2]!, count },
      ],
      intervals,
    );
    assert.deepEqual(undefinedRatio, { value: NaN, n: 1 });
    const alone = bootstrapClusterSums(zero, finishes[0]!, intervals);
    assert.deepEqual([ratio!.lower, ratio!.upper], [alone.lower, alone.upper]);
  });

  it('rows of a table with as many clusters share one draw and each gets exactly its own interval (replayed by hand)', () => {
    // Counts (summed from cluster weights), tenths (not exact in binary: summed in the order drawn), eight rows of
    // one number of clusters (enough to keep one draw for them), and a row with another number (drawn alone).
    const counts = clusters.map((c) => c.subarray(0, 2));
    const tenths = clusters.map((c) => Float64Array.from([c[0]! / 10, (c[1]! + 1) / 10]));
    const fewer = clusters.slice(0, 23).map((c) => c.subarray(2, 4));
    const ratio = (s: Float64Array) => s[0]! / s[1]!;
    const options = { resamples: 300, seed: 17, level: 0.95 };
    const table = [counts, tenths, fewer, counts, tenths, counts, tenths, counts, tenths];
    const results = bootstrapClusterSumsTable(
      table.map((clusterSums) => ({ clusterSums, finishes: [ratio] })),
      options,
    );
    table.forEach((rows, r) => {
      // Replay: a generator seeded afresh, C draws of nextInt(C) per resample, added in the order drawn.
      const random = createRandom(options.seed);
      const values: number[] = [];
      for (let b = 0; b < options.resamples; b++) {
        const sums = new Float64Array(2);
        for (let j = 0; j < rows.length; j++) {
          const drawn = rows[random.nextInt(rows.length)]!;
          sums[0]! += drawn[0]!;
          sums[1]! += drawn[1]!;
        }
        values.push(ratio(sums));
      }
      values.sort((x, y) => x - y);
      const tail = (1 - options.level) / 2; // 0.025 as the product computes it, one ulp above the literal
      assert.equal(results[r]![0]!.lower, quantileOfSorted(values, tail), `row ${r}`);
      assert.equal(results[r]![0]!.upper, quantileOfSorted(values, 1 - tail), `row ${r}`);
      assert.equal(results[r]![0]!.clusters, rows.length);
    });
  });
});
