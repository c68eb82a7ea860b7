import assert from 'node:assert/strict';
import {
  krippendorffAlpha,
  krippendorffAlphaFromRatings,
  krippendorffAlphaFromUnits,
  type AlphaLevel,
  type MaybeLabel,
} from '../../../src/core/metrics/stats';
import { assertClose, reference } from './reference';

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: 4 observers × 12 units.
const KRIPPENDORFF_2011: MaybeLabel[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

describe('stats/krippendorffAlpha', () => {
  describe("Krippendorff's published example with missing values", () => {
    const published: [AlphaLevel, string][] = [
      ['nominal', '0.743'],
      ['ordinal', '0.815'],
      ['interval', '0.849'],
    ];
    for (const [level, value] of published) {
      it(`${level} alpha = ${value}`, () => {
        const result = krippendorffAlpha(KRIPPENDORFF_2011, { level });
        assert.equal(result.value.toFixed(3), value);
        // 12 units: unit 12 has one value (unpairable), the other 11 hold 40 pairable values.
        assert.equal(result.pairableValues, 40);
        assert.equal(result.pairableUnits, 11);
        assert.equal(result.unpairableUnits, 1);
      });
    }
    it('nominal alpha equals the hand computation from the coincidence matrix: 1 - 39 × 8 / 1216', () => {
      // Pairable values per category 1..5: 9, 13, 10, 5, 3 (n = 40). Off-diagonal coincidences: unit 2 (2,2,3,2)
      // gives 6 ordered pairs / 3, unit 6 (1,2,3,4) 12 / 3, unit 8 (1,1,2,1) 6 / 3: 8 in all.
      // alpha = 1 - (n - 1) × 8 / (n² - Σ n_c²) = 1 - 39 × 8 / (1600 - 384).
      assert.ok(Math.abs(krippendorffAlpha(KRIPPENDORFF_2011).value - (1 - (39 * 8) / 1216)) < 1e-12);
    });
  });

  describe('matches nltk (nominal, interval) and the pairwise reference (all levels)', () => {
    for (const c of reference.krippendorffAlpha) {
      for (const [level, expected] of Object.entries(c.expected)) {
        it(`${c.name} (${level})`, () => {
          const result = krippendorffAlpha(c.raterByUnit, {
            level: level as AlphaLevel,
            ...(c.categories ? { categories: c.categories } : {}),
          });
          assertClose(result.value, expected.alpha, `${c.name} ${level}`);
          assert.equal(result.pairableValues, expected.pairableValues);
          assert.equal(result.pairableUnits, expected.pairableUnits);
          assert.equal(result.unpairableUnits, expected.unpairableUnits);
        });
      }
    }
  });

  it('gives the same value from (unit, rater, value) ratings and from per-unit value lists', () => {
    const ratings = KRIPPENDORFF_2011.flatMap((row, r) =>
      row.map((value, u) => ({ unit: `u${u}`, rater: `r${r}`, value })),
    );
    const fromRatings = krippendorffAlphaFromRatings(ratings, { level: 'ordinal' });
    const fromMatrix = krippendorffAlpha(KRIPPENDORFF_2011, { level: 'ordinal' });
    assert.equal(fromRatings.value, fromMatrix.value);
    assert.equal(fromRatings.pairableValues, 40);
    assert.throws(
      () => krippendorffAlphaFromRatings([...ratings, { unit: 'u0', rater: 'r0', value: 2 }]),
      /rated unit "u0" twice/,
    );
  });

  it('ordinal alpha over string labels follows the given scale order, not the alphabet', () => {
    const units = [
      ['fail', 'pass'],
      ['pass', 'excellent'],
      ['fail', 'fail'],
      ['excellent', 'excellent'],
      ['pass', 'pass'],
    ];
    const scale = ['fail', 'pass', 'excellent'];
    const numeric = units.map((u) => u.map((l) => scale.indexOf(l)));
    assert.equal(
      krippendorffAlphaFromUnits(units, { level: 'ordinal', categories: scale }).value,
      krippendorffAlphaFromUnits(numeric, { level: 'ordinal' }).value,
    );
    assert.throws(() => krippendorffAlphaFromUnits(units, { level: 'ordinal' }), /scale order/);
    assert.throws(() => krippendorffAlphaFromUnits(units, { level: 'interval' }), /numeric/);
  });

  it('perfect agreement is 1; no variation or no pairable unit is NaN with a reason', () => {
    assert.equal(
      krippendorffAlphaFromUnits([
        ['A', 'A'],
        ['B', 'B', null],
      ]).value,
      1,
    );
    const noVariation = krippendorffAlphaFromUnits([
      ['A', 'A'],
      ['A', 'A', 'A'],
    ]);
    assert.ok(Number.isNaN(noVariation.value));
    assert.match(noVariation.undefinedReason ?? '', /expected disagreement is 0/);
    const unpairable = krippendorffAlphaFromUnits([['A', null], [null, 'B'], []]);
    assert.ok(Number.isNaN(unpairable.value));
    assert.equal(unpairable.unpairableUnits, 2);
    assert.equal(unpairable.pairableValues, 0);
  });

  it('refuses a value outside an explicit category list rather than dropping it', () => {
    assert.throws(
      () => krippendorffAlphaFromUnits([['A', 'C']], { categories: ['A', 'B'] }),
      /not among the categories/,
    );
  });
});
