// The shared-resample path every estimate goes through: several statistics on one draw of the prompt groups give
// exactly what each gives alone with the same seed (the draws do not depend on the statistic).
import { strict as assert } from 'node:assert';
import { estimatesFromClusterSums } from '../../../src/core/metrics/estimate';
import { bootstrapClusterSums, bootstrapClusterSumsMany, createRandom } from '../../../src/core/metrics/stats';

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
});
