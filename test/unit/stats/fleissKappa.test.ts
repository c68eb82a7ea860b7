import assert from 'node:assert/strict';
import { countLabelsPerItem, fleissKappa, fleissKappaFromLabels } from '../../../src/core/metrics/stats';
import { assertClose, reference } from './reference';

describe('stats/fleissKappa', () => {
  it("Wikipedia's worked example (10 subjects × 14 raters): P̄ = 0.378, P̄e = 0.213, kappa = 0.210", () => {
    const result = fleissKappa(reference.fleissWikipedia.counts);
    assert.equal(result.items, 10);
    assert.equal(result.raters, 14);
    assert.equal(result.observedAgreement.toFixed(3), '0.378');
    assert.equal(result.expectedAgreement.toFixed(3), '0.213');
    assert.equal(result.value.toFixed(3), '0.210');
    assertClose(result.value, reference.fleissWikipedia.expected, 'statsmodels');
  });

  describe('matches statsmodels fleiss_kappa(aggregate_raters(...))', () => {
    for (const c of reference.fleissKappa) {
      it(c.name, () => {
        const counted = countLabelsPerItem(c.itemLabels);
        assert.deepEqual(counted.categories, c.categories);
        assert.deepEqual(counted.counts, c.counts);
        assertClose(fleissKappaFromLabels(c.itemLabels).value, c.expected, c.name);
        assertClose(fleissKappa(c.counts).value, c.expected, c.name);
      });
    }
  });

  it('perfect agreement over several categories is 1; all ratings in one category is NaN with a reason', () => {
    assert.equal(
      fleissKappa([
        [3, 0],
        [0, 3],
        [3, 0],
      ]).value,
      1,
    );
    const degenerate = fleissKappa([
      [4, 0],
      [4, 0],
    ]);
    assert.ok(Number.isNaN(degenerate.value));
    assert.match(degenerate.undefinedReason ?? '', /same category/);
  });

  it('refuses unequal rater counts, fewer than 2 raters, missing labels and unknown categories', () => {
    assert.throws(
      () =>
        fleissKappa([
          [2, 1],
          [1, 1],
        ]),
      /same number of ratings/,
    );
    assert.throws(
      () =>
        fleissKappa([
          [1, 0],
          [0, 1],
        ]),
      /at least 2/,
    );
    assert.throws(() => fleissKappaFromLabels([['A', null]]), /missing/);
    assert.throws(() => fleissKappaFromLabels([['A', 'C']], ['A', 'B']), /not a category/);
  });

  it('keeps an explicit category order, including unused categories', () => {
    const counted = countLabelsPerItem(
      [
        ['pass', 'fail'],
        ['pass', 'pass'],
      ],
      ['fail', 'pass', 'excellent'],
    );
    assert.deepEqual(counted.counts, [
      [1, 1, 0],
      [0, 2, 0],
    ]);
  });
});
