// The statistics of issue 10 against test/fixtures/stats-judging/reference.json (scipy, R psych, statsmodels,
// sklearn; see that folder's generate.py), to 1e-9, and against published worked examples to their printed digits.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  bradleyTerry,
  gwetAgreement,
  intraclassCorrelation,
  kendallTau,
  lengthControlledWinRate,
  pearson,
  spearman,
  type GwetWeighting,
} from '../../../src/core/metrics/stats';
import { assertClose } from './reference';

type Nullable = number | null;
interface GwetExpected {
  value: Nullable;
  pa: Nullable;
  pe: Nullable;
  units: number;
}
const reference: {
  correlations: {
    name: string;
    x: number[];
    y: number[];
    expected: Record<'pearson' | 'spearman' | 'tauB' | 'tauC', Nullable>;
  }[];
  gwet: {
    name: string;
    table: (number | null)[][];
    categories: number[];
    expected: Record<GwetWeighting, GwetExpected>;
  }[];
  gwetPublished: { table: (number | null)[][]; categories: number[]; pa: number; pe: number; ac1: number };
  icc: { name: string; table: number[][]; expected: Record<'icc21' | 'icc31' | 'icc2k' | 'icc3k', number> }[];
  iccPublished: { table: number[][]; icc21: number; icc31: number; icc2k: number; icc3k: number };
  lengthControlled: {
    name: string;
    preference: number[];
    systemLength: number[];
    baselineLength: number[];
    expected: { winRate: number; lengthControlled: number; lengthCoefficient: number };
  }[];
  bradleyTerry: { name: string; systems: string[]; wins: number[]; expected: number[] }[];
} = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/stats-judging/reference.json', import.meta.url)), 'utf8'),
);

function categoryCounts(table: readonly (number | null)[][], categories: readonly number[]): number[][] {
  return table.map((row) => categories.map((c) => row.filter((v) => v === c).length));
}

describe('stats/correlation (scipy.stats)', () => {
  for (const c of reference.correlations) {
    it(c.name, () => {
      assertClose(pearson(c.x, c.y), c.expected.pearson, 'pearson');
      assertClose(spearman(c.x, c.y), c.expected.spearman, 'spearman');
      const tau = kendallTau(c.x, c.y);
      assertClose(tau.b, c.expected.tauB, 'tau-b');
      assertClose(tau.c, c.expected.tauC, 'tau-c');
    });
  }
  it('refuses samples of different lengths', () => {
    assert.throws(() => pearson([1, 2], [1]), /differ in length/);
  });
});

describe("stats/gwetAgreement (Gwet's AC1 / AC2 as irrCAC computes them)", () => {
  for (const c of reference.gwet) {
    for (const [weighting, expected] of Object.entries(c.expected)) {
      it(`${c.name} (${weighting})`, () => {
        const result = gwetAgreement(categoryCounts(c.table, c.categories), c.categories, weighting as GwetWeighting);
        assertClose(result.value, expected.value, 'AC');
        assertClose(result.pa, expected.pa, 'pa');
        assertClose(result.pe, expected.pe, 'pe');
        assert.equal(result.units, expected.units);
      });
    }
  }
  it("irrCAC's published output on cac.raw4raters: pa 0.8181818, pe 0.1903212, AC1 0.77544", () => {
    const p = reference.gwetPublished;
    const result = gwetAgreement(categoryCounts(p.table, p.categories), p.categories, 'identity');
    assertClose(result.pa, p.pa, 'pa', 5e-8);
    assertClose(result.pe, p.pe, 'pe', 5e-8);
    assertClose(result.value, p.ac1, 'AC1', 5e-6);
  });
});

describe('stats/intraclassCorrelation (R psych::ICC)', () => {
  for (const c of reference.icc) {
    it(c.name, () => {
      const result = intraclassCorrelation(c.table);
      for (const key of ['icc21', 'icc31', 'icc2k', 'icc3k'] as const) assertClose(result[key], c.expected[key], key);
    });
  }
  it("Shrout & Fleiss's (1979) published values: .29, .71, .62, .91", () => {
    const p = reference.iccPublished;
    const result = intraclassCorrelation(p.table);
    for (const key of ['icc21', 'icc31', 'icc2k', 'icc3k'] as const) assertClose(result[key], p[key], key, 0.005);
  });
  it('refuses an incomplete table', () => {
    assert.throws(() => intraclassCorrelation([[1, 2], [3]]), /complete table/);
  });
});

describe("stats/lengthControlledWinRate (alpaca_eval's GLM, statsmodels)", () => {
  for (const c of reference.lengthControlled) {
    it(c.name, () => {
      const items = c.preference.map((preference, i) => ({
        preference,
        systemLength: c.systemLength[i]!,
        baselineLength: c.baselineLength[i]!,
      }));
      const result = lengthControlledWinRate(items);
      assertClose(result.winRate, c.expected.winRate, 'win rate');
      assertClose(result.lengthControlled, c.expected.lengthControlled, 'LC win rate');
      assertClose(result.lengthCoefficient, c.expected.lengthCoefficient, 'length coefficient');
    });
  }
  it('is undefined when every length difference is the same', () => {
    const result = lengthControlledWinRate([
      { preference: 1, systemLength: 5, baselineLength: 5 },
      { preference: 0, systemLength: 5, baselineLength: 5 },
    ]);
    assert.ok(Number.isNaN(result.lengthControlled));
    assert.equal(result.winRate, 0.5);
  });
});

describe('stats/bradleyTerry (Chatbot Arena Elo scale, statsmodels)', () => {
  for (const c of reference.bradleyTerry) {
    it(c.name, () => {
      const fit = bradleyTerry(c.wins, c.systems.length);
      assert.ok(fit.converged);
      c.expected.forEach((rating, i) => assertClose(fit.ratings[i]!, rating, c.systems[i]));
    });
  }
  it('has no ratings when a system never lost (no maximum-likelihood estimate)', () => {
    const fit = bradleyTerry([0, 3, 0, 0], 2);
    assert.equal(fit.converged, false);
    assert.ok(Number.isNaN(fit.ratings[0]!));
  });
});
