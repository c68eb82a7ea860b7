// The statistics of issue 10 against test/fixtures/stats-judging/reference.json (scipy, R psych, statsmodels,
// sklearn; see that folder's generate.py), to 1e-9, and against published worked examples to their printed digits.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  bradleyTerry,
  BradleyTerryFitter,
  gwetAgreement,
  intraclassCorrelation,
  kendallTau,
  lengthControlledData,
  lengthControlledRefit,
  lengthControlledWinRate,
  pearson,
  spearman,
  type GwetWeighting,
  type PreferenceWithLengths,
} from '../../../src/core/metrics/stats';
import { streamTallies } from '../../../src/core/metrics/stats/bootstrapDraws';
import { KEPT_DRAW_COUNTS, releaseDrawCounts } from '../../../src/core/metrics/stats/keptDrawCounts';
import { lengthControlledResamples } from '../../../src/core/metrics/stats/lengthControlledWinRate';
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

  // The bootstrap's refit on cluster weights against the fit of the multiset those weights stand for, written out.
  const expandedFit = (
    items: readonly PreferenceWithLengths[],
    clusterOf: Uint32Array,
    weights: Uint32Array,
  ): number => {
    const expanded: PreferenceWithLengths[] = [];
    items.forEach((item, i) => {
      for (let copy = 0; copy < weights[clusterOf[i]!]!; copy++) expanded.push(item);
    });
    return lengthControlledWinRate(expanded).lengthControlled;
  };
  const sameFit = (refit: number, expanded: number, what: string) => {
    if (Number.isNaN(expanded)) assert.ok(Number.isNaN(refit), `${what}: ${refit}, expected no fit`);
    else assert.ok(Math.abs(refit - expanded) <= 1e-12, `${what}: ${refit}, expected ${expanded}`);
  };
  /** Cluster weights as a resample draws them: C draws of C clusters. */
  const resampledWeights = (clusters: number, random: () => number): Uint32Array => {
    const weights = new Uint32Array(clusters);
    for (let d = 0; d < clusters; d++) weights[Math.floor(random() * clusters)]!++;
    return weights;
  };

  it('refits on cluster weights equal the fit of the resampled items written out (reference cases)', () => {
    const random = seededRandom(11);
    for (const c of reference.lengthControlled) {
      const items = c.preference.map((preference, i) => ({
        preference,
        systemLength: c.systemLength[i]!,
        baselineLength: c.baselineLength[i]!,
      }));
      // Two items per cluster, as both presentation orders of a prompt are.
      const clusterOf = Uint32Array.from(items, (_, i) => i >> 1);
      const clusters = clusterOf[items.length - 1]! + 1;
      const refit = lengthControlledRefit(lengthControlledData(items, clusterOf));
      sameFit(refit(new Uint32Array(clusters).fill(1)), lengthControlledWinRate(items).lengthControlled, c.name);
      for (let b = 0; b < 40; b++) {
        const weights = resampledWeights(clusters, random);
        sameFit(refit(weights), expandedFit(items, clusterOf, weights), `${c.name}, resample ${b}`);
      }
    }
  });

  it('refits of small resamples far from the full fit agree with the written-out fit, defined or not', () => {
    // Eight items with a strong length effect: a resample of a few of them can lie far from the full fit's
    // coefficients, where Newton's method started there diverges though the fit exists.
    const random = seededRandom(5);
    let defined = 0;
    let undefinedFits = 0;
    for (let sample = 0; sample < 30; sample++) {
      const items = Array.from({ length: 8 }, () => {
        const delta = Math.round((random() - 0.5) * 400);
        return {
          preference: [0, 0.5, 1][Math.floor(random() * 3)]! * (delta < 0 ? 1 : 0.5) + (delta < 0 ? 0 : 0.25),
          systemLength: 300,
          baselineLength: 300 + delta,
        };
      });
      const clusterOf = Uint32Array.from(items, (_, i) => i);
      const refit = lengthControlledRefit(lengthControlledData(items, clusterOf));
      for (let b = 0; b < 20; b++) {
        const weights = resampledWeights(items.length, random);
        const expanded = expandedFit(items, clusterOf, weights);
        sameFit(refit(weights), expanded, `sample ${sample}, resample ${b}`);
        if (Number.isNaN(expanded)) undefinedFits++;
        else defined++;
      }
    }
    assert.ok(defined > 300 && undefinedFits > 0, `${defined} defined fits, ${undefinedFits} undefined`);
  });

  it("a row's resamples, one item per cluster (tallied into the items' classes), equal the written-out fits", () => {
    // Lengths on a coarse grid and preferences in halves: many items share a (length difference, preference)
    // class, which the resamples are fitted over; each must still be the fit of the resample written out.
    const random = seededRandom(21);
    for (const size of [9, 40, 150]) {
      const items = Array.from({ length: size }, () => {
        const delta = 20 * (Math.floor(random() * 9) - 4);
        return {
          preference: random() < 0.2 ? 0.5 : delta + 60 * (random() - 0.5) > 0 ? 1 : 0,
          systemLength: 200,
          baselineLength: 200 + delta,
        };
      });
      const clusterOf = Uint32Array.from(items, (_, i) => i);
      const resamples = 60;
      const values = new Float64Array(resamples);
      lengthControlledResamples(lengthControlledData(items, clusterOf), size, resamples, 7, values);
      // Counted from kept draw counts (the default) or drawn as they come (no budget): the same values.
      const budget = KEPT_DRAW_COUNTS.budgetBytes;
      KEPT_DRAW_COUNTS.budgetBytes = 0;
      releaseDrawCounts();
      const drawn = new Float64Array(resamples);
      lengthControlledResamples(lengthControlledData(items, clusterOf), size, resamples, 7, drawn);
      KEPT_DRAW_COUNTS.budgetBytes = budget;
      assert.deepEqual(drawn, values, `${size} items: drawn as kept`);
      const identity = Uint32Array.from(clusterOf);
      let defined = 0;
      streamTallies(size, resamples, 7, identity, size, (weights, b) => {
        const expanded = expandedFit(items, clusterOf, weights);
        sameFit(values[b]!, expanded, `${size} items, resample ${b}`);
        if (!Number.isNaN(expanded)) defined++;
      });
      assert.ok(defined > resamples / 2, `${size} items: ${defined} defined fits`);
    }
  });
});

/** A small deterministic generator (an LCG) for test data. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

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

  it('started at a fit of a similar matrix (a resample from its full sample) reaches the same ratings', () => {
    const random = seededRandom(3);
    for (const c of reference.bradleyTerry) {
      const s = c.systems.length;
      const full = bradleyTerry(c.wins, s);
      for (let trial = 0; trial < 20; trial++) {
        // Each cell's wins scaled by a resample-like weight between 0.5 and 1.5.
        const wins = c.wins.map((w) => w * (0.5 + random()));
        const cold = bradleyTerry(wins, s);
        const warm = bradleyTerry(wins, s, full.logStrengths);
        assert.equal(warm.converged, cold.converged, `${c.name}, trial ${trial}`);
        cold.ratings.forEach((r, i) => assert.ok(Math.abs(warm.ratings[i]! - r) < 1e-9, `${c.name}: ${r}`));
      }
    }
  });

  it('one fitter reused over many matrices gives each the ratings of a fit of its own, bit for bit', () => {
    const random = seededRandom(11);
    for (const c of reference.bradleyTerry) {
      const s = c.systems.length;
      const fitter = new BradleyTerryFitter(s);
      const start = bradleyTerry(c.wins, s).logStrengths;
      for (let trial = 0; trial < 12; trial++) {
        // Every third matrix has a system that never lost: no ratings, and the next fit must not inherit them.
        const wins = c.wins.map((w, k) => (trial % 3 === 2 && k % s === 0 ? 0 : w * (0.5 + random())));
        const alone = bradleyTerry(wins, s, trial % 2 ? start : undefined);
        const reused = fitter.fit(wins, trial % 2 ? start : undefined);
        assert.equal(reused.converged, alone.converged, `${c.name}, trial ${trial}`);
        assert.deepEqual(Array.from(reused.ratings), Array.from(alone.ratings), `${c.name}, trial ${trial}`);
      }
    }
  });

  it('started far from the maximum, where Newton diverges, retries from equal strengths', () => {
    const wins = [0, 3, 1, 1, 0, 2, 2, 1, 0];
    const cold = bradleyTerry(wins, 3);
    const warm = bradleyTerry(wins, 3, Float64Array.from([400, -400, 0]));
    assert.ok(cold.converged && warm.converged);
    cold.ratings.forEach((r, i) => assert.ok(Math.abs(warm.ratings[i]! - r) < 1e-9));
    assert.equal(bradleyTerry([0, 3, 0, 0], 2, Float64Array.from([0.1, 0])).converged, false);
  });
});
