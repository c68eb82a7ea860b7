import assert from 'node:assert/strict';
import { cohenKappa, kappaFromCounts, type KappaWeighting } from '../../../src/core/metrics/stats';
import { assertClose, reference } from './reference';

describe('stats/cohenKappa', () => {
  describe('matches sklearn.metrics.cohen_kappa_score', () => {
    for (const c of reference.cohenKappa) {
      for (const [weights, expected] of Object.entries(c.expected)) {
        it(`${c.name} (${weights})`, () => {
          const result = cohenKappa(c.rater1, c.rater2, {
            weights: weights as KappaWeighting,
            ...(c.categories ? { categories: c.categories } : {}),
          });
          assertClose(result.value, expected ?? null, c.name);
        });
      }
    }
  });

  it('Cohen 1960 style textbook table: p_o = 0.7, p_e = 0.5, kappa = 0.4', () => {
    // 50 items: both yes 20, both no 15, yes/no 5, no/yes 10.
    const a = [...Array(25).fill('yes'), ...Array(25).fill('no')];
    const b = [...Array(20).fill('yes'), ...Array(5).fill('no'), ...Array(10).fill('yes'), ...Array(15).fill('no')];
    const result = cohenKappa(a, b);
    assertClose(result.value, 0.4);
    assertClose(1 - result.observedDisagreement, 0.7);
    assertClose(1 - result.expectedDisagreement, 0.5);
    assert.equal(result.n, 50);
  });

  it('skips and counts pairs with a missing label', () => {
    const result = cohenKappa(['A', null, 'B', 'A', undefined], ['A', 'B', 'B', null, 'A']);
    assert.equal(result.n, 2);
    assert.equal(result.excluded, 3);
    assert.equal(result.value, 1);
  });

  it('drops and counts pairs outside an explicit category list, as sklearn does', () => {
    const result = cohenKappa(['A', 'B', 'tie', 'A'], ['A', 'B', 'A', 'tie'], { categories: ['A', 'B'] });
    assert.equal(result.n, 2);
    assert.equal(result.excluded, 2);
  });

  it('returns NaN with a reason when both raters used one shared category (p_e = 1)', () => {
    const result = cohenKappa(['A', 'A', 'A'], ['A', 'A', 'A']);
    assert.ok(Number.isNaN(result.value));
    assert.match(result.undefinedReason ?? '', /single category/);
    const weighted = cohenKappa([2, 2], [2, 2], { weights: 'quadratic', categories: [1, 2, 3] });
    assert.ok(Number.isNaN(weighted.value));
  });

  it('returns NaN with a reason when no item has both labels', () => {
    const result = cohenKappa([null, 'A'], ['B', null]);
    assert.ok(Number.isNaN(result.value));
    assert.equal(result.n, 0);
    assert.match(result.undefinedReason ?? '', /both raters/);
  });

  it('refuses weighted kappa over strings without an explicit order, and mismatched lengths', () => {
    assert.throws(() => cohenKappa(['pass', 'fail'], ['pass', 'excellent'], { weights: 'linear' }), TypeError);
    assert.throws(() => cohenKappa(['A'], ['A', 'B']), RangeError);
    assert.throws(() => cohenKappa([1, 'A'], [1, 'A']), TypeError);
  });

  it('orders numeric labels numerically, not as strings (10 after 9)', () => {
    // With string order 10 would sit between 1 and 2 and the quadratic weights would change.
    const a = [1, 2, 9, 10, 10, 1];
    const b = [2, 2, 10, 9, 10, 1];
    const explicit = cohenKappa(a, b, { weights: 'quadratic', categories: [1, 2, 9, 10] });
    assert.equal(cohenKappa(a, b, { weights: 'quadratic' }).value, explicit.value);
  });

  it('kappaFromCounts gives the table form of the same number', () => {
    // rows = rater 1 (A, B), columns = rater 2: the textbook table above.
    assertClose(kappaFromCounts([20, 5, 10, 15], 2).value, 0.4);
    assert.throws(() => kappaFromCounts([1, 2, 3], 2), RangeError);
  });
});
