import assert from 'node:assert/strict';
import {
  bootstrapClusterSums,
  bootstrapMean,
  bootstrapRatioOfMeans,
  clusterBootstrap,
  clusterBootstrapAdditive,
  cohenKappa,
  cohenKappaStatistic,
  createRandom,
  evaluateAdditive,
  fleissKappaFromLabels,
  fleissKappaStatistic,
  krippendorffAlphaFromUnits,
  krippendorffAlphaStatistic,
  meanStatistic,
  quantileOfSorted,
  type Label,
} from '../../../src/core/metrics/stats';

/** Likert scores of one system: prompts × seeds, seeds of a prompt correlated through a prompt effect. */
interface Score {
  readonly prompt: string;
  readonly seed: number;
  readonly score: number;
}

function likertScores(prompts: number, seeds: number, seed = 11): Score[] {
  const rng = createRandom(seed);
  const out: Score[] = [];
  for (let p = 0; p < prompts; p++) {
    const base = 2 + rng.nextInt(4); // the prompt's difficulty, 2..5
    for (let s = 0; s < seeds; s++) {
      out.push({ prompt: `p${p}`, seed: s, score: Math.min(6, Math.max(1, base + rng.nextInt(3) - 1)) });
    }
  }
  return out;
}

/** Two raters' verdicts on items grouped by prompt; rater 2 agrees with rater 1 70% of the time. */
interface Pair {
  readonly prompt: number;
  readonly human: Label;
  readonly judge: Label;
}
const VERDICTS = ['A', 'B', 'tie'];

function verdictPairs(prompts: number, perPrompt: number, seed = 5): Pair[] {
  const rng = createRandom(seed);
  const out: Pair[] = [];
  for (let p = 0; p < prompts; p++) {
    for (let i = 0; i < perPrompt; i++) {
      const human = VERDICTS[rng.nextInt(3)]!;
      const judge = rng.nextFloat() < 0.7 ? human : VERDICTS[rng.nextInt(3)]!;
      out.push({ prompt: p, human, judge });
    }
  }
  return out;
}

const mean = (xs: readonly Score[]) => xs.reduce((s, x) => s + x.score, 0) / xs.length;
const byPrompt = (x: Score) => x.prompt;

describe('stats/bootstrap', () => {
  it('the same seed gives an identical interval; a different seed a different one', () => {
    const data = likertScores(60, 3);
    const a = clusterBootstrap(data, byPrompt, mean, { seed: 42 });
    const b = clusterBootstrap(data, byPrompt, mean, { seed: 42 });
    const c = clusterBootstrap(data, byPrompt, mean, { seed: 43 });
    assert.deepEqual(a, b);
    assert.equal(a.estimate, c.estimate);
    assert.ok(a.lower !== c.lower || a.upper !== c.upper, 'a different seed should move the interval');
  });

  it('reports the estimate, B, the level, clusters and items, and the interval contains the estimate', () => {
    const data = likertScores(100, 3);
    const result = clusterBootstrap(data, byPrompt, mean, { resamples: 500, level: 0.9 });
    assert.equal(result.estimate, mean(data));
    assert.equal(result.resamples, 500);
    assert.equal(result.level, 0.9);
    assert.equal(result.clusters, 100);
    assert.equal(result.items, 300);
    assert.equal(result.undefinedResamples, 0);
    assert.ok(result.lower < result.estimate && result.estimate < result.upper, JSON.stringify(result));
    const narrower = clusterBootstrap(data, byPrompt, mean, { resamples: 500, level: 0.5 });
    assert.ok(narrower.upper - narrower.lower < result.upper - result.lower);
  });

  it('resamples whole clusters with replacement, as documented (replayed by hand)', () => {
    const data = likertScores(25, 2);
    const seed = 9;
    const resamples = 200;
    const result = clusterBootstrap(data, byPrompt, mean, { seed, resamples });
    // Replay: clusters in order of first appearance; per resample, C draws of nextInt(C); percentile interval.
    const clusters = [...new Set(data.map(byPrompt))].map((p) => data.filter((d) => d.prompt === p));
    const rng = createRandom(seed);
    const values: number[] = [];
    for (let b = 0; b < resamples; b++) {
      const picked = clusters.map(() => clusters[rng.nextInt(clusters.length)]!).flat();
      values.push(mean(picked));
    }
    values.sort((x, y) => x - y);
    assert.equal(result.lower, quantileOfSorted(values, 0.025));
    assert.equal(result.upper, quantileOfSorted(values, 0.975));
  });

  it('has about the textbook width for independent data: 2 × 1.96 × sd / sqrt(n)', () => {
    // 400 standard normal values (Box-Muller), one per cluster: the 95% interval of the mean is ≈ 0.196 wide.
    const rng = createRandom(123);
    const values = Array.from(
      { length: 400 },
      () => Math.sqrt(-2 * Math.log(1 - rng.nextFloat())) * Math.cos(2 * Math.PI * rng.nextFloat()),
    );
    const result = bootstrapMean(
      values.map((v, i) => ({ v, i })),
      (x) => x.i,
      (x) => x.v,
      { resamples: 2000 },
    );
    const width = result.upper - result.lower;
    assert.ok(width > 0.196 * 0.85 && width < 0.196 * 1.15, `width ${width}`);
  });

  it('resampling clusters widens the interval when items of a cluster are correlated', () => {
    // 5 seeds per prompt share the prompt's difficulty: treating them as independent would understate uncertainty.
    const data = likertScores(80, 5);
    const clustered = bootstrapMean(data, byPrompt, (x) => x.score);
    const naive = bootstrapMean(
      data,
      (x) => `${x.prompt}/${x.seed}`,
      (x) => x.score,
    );
    assert.ok(clustered.upper - clustered.lower > 1.5 * (naive.upper - naive.lower));
  });

  describe('the fast (additive) path equals the slow path exactly for the same seed', () => {
    it('mean of integer scores', () => {
      const data = likertScores(70, 3);
      const slow = clusterBootstrap(data, byPrompt, mean, { seed: 3 });
      const fast = clusterBootstrapAdditive(
        data,
        byPrompt,
        meanStatistic((x: Score) => x.score),
        { seed: 3 },
      );
      assert.deepEqual(fast, slow);
    });

    it("Cohen's kappa (unweighted and quadratic)", () => {
      const data = verdictPairs(80, 4);
      for (const weights of ['none', 'quadratic'] as const) {
        const slow = clusterBootstrap(
          data,
          (x) => x.prompt,
          (xs) =>
            cohenKappa(
              xs.map((x) => x.human),
              xs.map((x) => x.judge),
              { categories: VERDICTS, weights },
            ).value,
          { seed: 17, resamples: 300 },
        );
        const fast = clusterBootstrapAdditive(
          data,
          (x) => x.prompt,
          cohenKappaStatistic(
            VERDICTS,
            (x: Pair) => x.human,
            (x) => x.judge,
            weights,
          ),
          { seed: 17, resamples: 300 },
        );
        assert.deepEqual(fast, slow);
        assert.ok(slow.lower < slow.estimate && slow.estimate < slow.upper);
      }
    });

    it("Fleiss' kappa", () => {
      const rng = createRandom(8);
      const items = Array.from({ length: 120 }, (_, i) => ({
        prompt: i % 40,
        labels: Array.from({ length: 4 }, () => VERDICTS[Math.min(2, rng.nextInt(4))]!),
      }));
      const slow = clusterBootstrap(
        items,
        (x) => x.prompt,
        (xs) =>
          fleissKappaFromLabels(
            xs.map((x) => x.labels),
            VERDICTS,
          ).value,
        {
          seed: 1,
          resamples: 300,
        },
      );
      const fast = clusterBootstrapAdditive(
        items,
        (x) => x.prompt,
        fleissKappaStatistic(VERDICTS, 4, (x) => x.labels),
        {
          seed: 1,
          resamples: 300,
        },
      );
      assert.deepEqual(fast, slow);
    });
  });

  it("Krippendorff's alpha: fast and slow paths agree to rounding (coincidences are fractions)", () => {
    const rng = createRandom(4);
    const units = Array.from({ length: 90 }, (_, i) => {
      const truth = 1 + rng.nextInt(5);
      const values = Array.from({ length: 3 }, () =>
        rng.nextFloat() < 0.2 ? null : Math.min(5, Math.max(1, truth + rng.nextInt(3) - 1)),
      );
      return { prompt: i % 30, values };
    });
    const categories = [1, 2, 3, 4, 5];
    const slow = clusterBootstrap(
      units,
      (u) => u.prompt,
      (us) =>
        krippendorffAlphaFromUnits(
          us.map((u) => u.values),
          { level: 'ordinal', categories },
        ).value,
      {
        resamples: 200,
      },
    );
    const fast = clusterBootstrapAdditive(
      units,
      (u) => u.prompt,
      krippendorffAlphaStatistic(categories, 'ordinal', (u) => u.values),
      {
        resamples: 200,
      },
    );
    for (const key of ['estimate', 'lower', 'upper'] as const) assert.ok(Math.abs(fast[key] - slow[key]) < 1e-12, key);
    assert.equal(fast.undefinedResamples, slow.undefinedResamples);
  });

  it('excludes and counts resamples where the statistic is undefined', () => {
    // Two prompt groups, one pair each: (A, A) and (B, B). A resample that draws the same group twice holds one
    // category only and kappa is 0/0; drawing both gives kappa 1.
    const data: Pair[] = [
      { prompt: 0, human: 'A', judge: 'A' },
      { prompt: 1, human: 'B', judge: 'B' },
    ];
    const seed = 77;
    const resamples = 400;
    const result = clusterBootstrapAdditive(
      data,
      (x) => x.prompt,
      cohenKappaStatistic(
        ['A', 'B'],
        (x: Pair) => x.human,
        (x) => x.judge,
      ),
      {
        seed,
        resamples,
      },
    );
    const rng = createRandom(seed);
    let same = 0;
    for (let b = 0; b < resamples; b++) if (rng.nextInt(2) === rng.nextInt(2)) same += 1;
    assert.equal(result.undefinedResamples, same);
    assert.ok(same > 150 && same < 250);
    assert.equal(result.estimate, 1);
    assert.deepEqual([result.lower, result.upper], [1, 1]);
  });

  it('gives NaN bounds, not an error, when every resample is undefined', () => {
    const result = bootstrapClusterSums([[0, 0]], (s) => s[0]! / s[1]!, { resamples: 10 });
    assert.equal(result.undefinedResamples, 10);
    assert.ok(Number.isNaN(result.lower) && Number.isNaN(result.upper) && Number.isNaN(result.estimate));
  });

  it('ratio of means: sum(x) / sum(y), with its interval', () => {
    // Language agreement counted per response, weighted by seeds answered: numerator matched, denominator answered.
    const data = Array.from({ length: 50 }, (_, i) => ({ prompt: i, matched: i % 5 === 0 ? 1 : 2, answered: 2 }));
    const result = bootstrapRatioOfMeans(
      data,
      (x) => x.prompt,
      (x) => x.matched,
      (x) => x.answered,
    );
    assert.equal(result.estimate, (40 * 2 + 10 * 1) / 100);
    assert.ok(result.lower < 0.9 && result.upper > 0.9 && result.upper <= 1);
    assert.equal(
      evaluateAdditive(
        meanStatistic((x: { matched: number }) => x.matched),
        data,
      ),
      90 / 50,
    );
  });

  // Its speed is measured by `npm run bench`, not here: timed unit tests are flaky on a loaded machine.
  it('gives a precise interval for kappa over 10,000 labelled pairs in 1,000 prompt groups', () => {
    const data = verdictPairs(1000, 10);
    const result = clusterBootstrapAdditive(
      data,
      (x) => x.prompt,
      cohenKappaStatistic(
        VERDICTS,
        (x: Pair) => x.human,
        (x) => x.judge,
      ),
    );
    assert.equal(result.resamples, 1000);
    assert.equal(result.items, 10_000);
    assert.ok(result.lower < result.estimate && result.estimate < result.upper);
    assert.ok(result.upper - result.lower < 0.05, 'kappa over 10,000 pairs is precise');
  });

  it('refuses empty data and invalid options', () => {
    assert.throws(
      () =>
        clusterBootstrap(
          [],
          () => 0,
          () => 0,
        ),
      /empty/,
    );
    const data = likertScores(3, 1);
    assert.throws(() => clusterBootstrap(data, byPrompt, mean, { resamples: 0 }), RangeError);
    assert.throws(() => clusterBootstrap(data, byPrompt, mean, { level: 1 }), RangeError);
    assert.throws(() => bootstrapClusterSums([[1, 2], [1]], (s) => s[0]!), RangeError);
  });
});
