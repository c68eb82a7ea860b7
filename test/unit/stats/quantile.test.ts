import assert from 'node:assert/strict';
import { quantileOfSorted } from '../../../src/core/metrics/stats';
import { assertClose, reference } from './reference';

describe('stats/quantileOfSorted', () => {
  it('matches numpy.percentile (linear interpolation)', () => {
    for (const c of reference.quantiles) {
      c.p.forEach((p, i) =>
        assertClose(quantileOfSorted(c.sorted, p), c.expected[i]!, `n=${c.sorted.length} p=${p}`, 1e-12),
      );
    }
  });

  it('interpolates between order statistics by hand', () => {
    assert.equal(quantileOfSorted([1, 2, 3, 4], 0.5), 2.5);
    assert.equal(quantileOfSorted([10, 20], 0.25), 12.5);
    assert.equal(quantileOfSorted([5], 0.975), 5);
    assert.ok(Number.isNaN(quantileOfSorted([], 0.5)));
    assert.throws(() => quantileOfSorted([1], 1.5), RangeError);
  });
});
