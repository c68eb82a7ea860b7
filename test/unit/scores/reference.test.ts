// Every score on the fixture run of test/fixtures/scores, against what generate.py computes independently with
// numpy, sklearn (weighted Cohen's kappa), statsmodels (Fleiss' kappa) and nltk (Krippendorff's alpha), including
// bootstrap intervals drawn with a Python port of the product's generator. Regenerate with
//   /usr/bin/python3 test/fixtures/scores/generate.py
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { effectiveLanguages } from '../../../src/core/languages';
import { loadPairwiseItems } from '../../../src/core/metrics/agreement';
import {
  chanceCorrectedAgreement,
  integerScale,
  pairwiseUnits,
  ratingUnits,
  scoreUnits,
  type ChanceCorrectedRow,
  type UnitSet,
} from '../../../src/core/metrics/chanceCorrected';
import type { IntervalSettings } from '../../../src/core/metrics/estimate';
import {
  ioAgreement,
  judgeConsistency,
  judgedPairs,
  languageIdSums,
  likertMeans,
  parseBaseline,
  ratingDistribution,
  sideBySideScores,
  type JudgedPair,
} from '../../../src/core/metrics/scores';
import { humanRatings, pointwiseScores } from '../../../src/core/store/scoreQueries';
import { importFile } from '../../../src/core/import/importFile';
import { requireSharedData } from '../../support/paths';
import { close, closeInterval, FIXTURE_DIR, only, openFixtureStore, openTestStore, type TestStore } from './support';

type Interval = [number, number] | null;
interface ChanceReference {
  lang: string;
  comparison: string;
  units: number;
  agreement: number;
  fleiss: number | null;
  fleissRaters: number;
  fleissUnits: number;
  alpha: Record<string, number>;
  cohen?: number;
  leftOut?: number;
}

const reference = JSON.parse(readFileSync(join(FIXTURE_DIR, 'reference.json'), 'utf8')) as {
  boot: IntervalSettings;
  ioAgreement: {
    lang: string;
    system: string;
    agreement: number;
    n: number;
    coverage: number;
    responses: number;
    mismatches: number;
    undetermined: number;
    notDetected: number;
    agreementInterval: Interval;
  }[];
  likert: {
    judge: string;
    lang: string;
    system: string;
    mean: number;
    ungated: number;
    n: number;
    wrongLanguage: number;
    undetermined: number;
    notDetected: number;
    invalid: number;
    meanInterval: Interval;
  }[];
  rating3: {
    lang: string;
    system: string;
    sum: number;
    gatedSum: number;
    penalty: number;
    n: number;
    maximum: number;
    wrongLanguage: number;
    invalid: number;
    penaltyInterval: Interval;
  }[];
  sxs: {
    invalidAs: 'exclude' | 'tie';
    lang: string;
    system: string;
    baseline: string;
    score: number;
    n: number;
    wins: number;
    ties: number;
    losses: number;
    invalid: number;
    scoreInterval: Interval;
  }[];
  consistency: {
    lang: string;
    flip: number;
    pairs: number;
    biasedFirst: number;
    biasedSecond: number;
    firstWins: number;
    secondWins: number;
    orders: number;
    invalidOrders: number;
    singleOrder: number;
  }[];
  ratings: { lang: string; system: string; n: number; fail: number; pass: number; excellent: number }[];
  chanceRatings: ChanceReference[];
  chancePairwise: ChanceReference[];
  chanceLikert: ChanceReference[];
  ratingsAlphaOrdinalEsInterval: Interval;
  pandalm?: Omit<ChanceReference, 'lang'>[];
};

const intervals: IntervalSettings = reference.boot;

describe('scores on the fixture run, against independent Python references', function () {
  let test: TestStore;
  let pairs: JudgedPair[];

  before(async () => {
    test = await openFixtureStore();
    pairs = judgedPairs(await test.store.judgeVerdicts({ run: 'fx' }));
  });
  after(async () => test?.close());

  it('input/output language agreement, coverage and counts per system and language (human labels, und, zxx, none)', async () => {
    const rows = ioAgreement(await effectiveLanguages(test.store, { run: 'fx' }), { intervals });
    assert.equal(rows.length, reference.ioAgreement.length);
    for (const ref of reference.ioAgreement) {
      const what = `io ${ref.lang} ${ref.system}`;
      const row = only(rows, (r) => r.slice.lang === ref.lang && r.system === ref.system, what);
      close(row.agreement.value, ref.agreement, what);
      assert.equal(row.agreement.n, ref.n, `${what} n`);
      close(row.coverage.value, ref.coverage, `${what} coverage`);
      assert.deepEqual(
        [row.responses, row.mismatches, row.undetermined, row.notDetected],
        [ref.responses, ref.mismatches, ref.undetermined, ref.notDetected],
        `${what} counts`,
      );
      if (ref.agreement < 1) closeInterval(row.agreement, ref.agreementInterval, what);
    }
  });

  it('Likert means with the language gate, ungated means and gate counts, with intervals', async () => {
    const rows = likertMeans(await pointwiseScores(test.store, { run: 'fx', scale: 'likert-6' }), { intervals });
    assert.equal(rows.length, reference.likert.length);
    for (const ref of reference.likert) {
      const what = `likert ${ref.judge} ${ref.lang} ${ref.system}`;
      const row = only(
        rows,
        (r) => r.judge === ref.judge && r.slice.lang === ref.lang && r.system === ref.system,
        what,
      );
      close(row.mean.value, ref.mean, what);
      close(row.ungatedMean.value, ref.ungated, `${what} ungated`);
      assert.deepEqual(
        [row.mean.n, row.wrongLanguage, row.undetermined, row.notDetected, row.invalid],
        [ref.n, ref.wrongLanguage, ref.undetermined, ref.notDetected, ref.invalid],
        `${what} counts`,
      );
      closeInterval(row.mean, ref.meanInterval, what);
    }
  });

  it('1–3 ratings × language id: sums, the penalty Δ and its interval', async () => {
    const rows = languageIdSums(await pointwiseScores(test.store, { run: 'fx', scale: 'rating-3' }), { intervals });
    for (const ref of reference.rating3) {
      const what = `rating3 ${ref.lang} ${ref.system}`;
      const row = only(rows, (r) => r.slice.lang === ref.lang && r.system === ref.system, what);
      assert.deepEqual(
        [row.sum.value, row.gatedSum.value, row.penalty.value, row.sum.n, row.maximum, row.wrongLanguage, row.invalid],
        [ref.sum, ref.gatedSum, ref.penalty, ref.n, ref.maximum, ref.wrongLanguage, ref.invalid],
        what,
      );
      closeInterval(row.penalty, ref.penaltyInterval, what);
    }
  });

  for (const invalidAs of ['exclude', 'tie'] as const) {
    it(`side-by-side scores against mono-{lang}, invalid verdicts ${invalidAs === 'exclude' ? 'left out and counted' : 'mapped to ties'}`, () => {
      const { rows, missingBaselines } = sideBySideScores(pairs, {
        baseline: parseBaseline('mono-{lang}'),
        invalidAs,
        intervals,
      });
      assert.deepEqual(missingBaselines, []);
      for (const ref of reference.sxs.filter((r) => r.invalidAs === invalidAs)) {
        const what = `sxs ${ref.lang} ${ref.system}`;
        const row = only(rows, (r) => r.slice.lang === ref.lang && r.system === ref.system, what);
        assert.equal(row.baseline, ref.baseline);
        close(row.score.value, ref.score, what);
        assert.deepEqual(
          [row.score.n, row.wins, row.ties, row.losses, row.invalid],
          [ref.n, ref.wins, ref.ties, ref.losses, ref.invalid],
          `${what} counts`,
        );
        closeInterval(row.score, ref.scoreInterval, what);
      }
      for (const lang of ['en', 'es', 'ru']) {
        const self = only(rows, (r) => r.slice.lang === lang && r.system === `mono-${lang}`, `${lang} baseline`);
        assert.deepEqual([self.byDefinition, self.score.value], [true, 0.5]);
      }
    });
  }

  it('judge consistency: flips, position bias and first-position wins per language', () => {
    const rows = judgeConsistency(pairs, { invalidAs: 'exclude' });
    for (const ref of reference.consistency) {
      const row = only(rows, (r) => r.slice.lang === ref.lang, `consistency ${ref.lang}`);
      close(row.flip.value, ref.flip, `${ref.lang} flip`);
      close(row.biasedFirst.value, ref.biasedFirst, `${ref.lang} biased first`);
      close(row.biasedSecond.value, ref.biasedSecond, `${ref.lang} biased second`);
      close(row.firstWins.value, ref.firstWins, `${ref.lang} first wins`);
      close(row.secondWins.value, ref.secondWins, `${ref.lang} second wins`);
      assert.deepEqual(
        [row.flip.n, row.firstWins.n, row.invalidOrders, row.singleOrder],
        [ref.pairs, ref.orders, ref.invalidOrders, ref.singleOrder],
        `${ref.lang} counts`,
      );
    }
  });

  it('human rating distribution per language and system', async () => {
    const rows = ratingDistribution(await humanRatings(test.store, { run: 'fx' }), {});
    for (const ref of reference.ratings) {
      const what = `ratings ${ref.lang} ${ref.system}`;
      const row = only(rows, (r) => r.slice.lang === ref.lang && r.system === ref.system, what);
      assert.equal(row.ratings, ref.n, what);
      for (const rating of ['fail', 'pass', 'excellent'] as const)
        close(row.shares[rating].value, ref[rating], `${what} ${rating}`);
    }
  });

  function checkChance(rows: readonly ChanceCorrectedRow[], refs: readonly ChanceReference[], label: string): void {
    assert.equal(
      rows.length,
      refs.length,
      `${label}: ${rows.map((r) => `${r.group.lang} ${r.comparison}`).join('; ')}`,
    );
    for (const ref of refs) {
      const what = `${label} ${ref.lang} ${ref.comparison}`;
      const row = only(rows, (r) => r.group.lang === ref.lang && r.comparison === ref.comparison, what);
      close(row.agreement.value, ref.agreement, `${what} agreement`);
      close(row.fleiss.value, ref.fleiss ?? NaN, `${what} Fleiss`);
      assert.deepEqual(
        [row.fleissRaters, row.fleiss.n],
        [ref.fleissRaters, ref.fleissUnits],
        `${what} Fleiss m, units`,
      );
      for (const [level, value] of Object.entries(ref.alpha))
        close(row.alpha[level as 'nominal']!.value, value, `${what} alpha ${level}`);
      if (ref.cohen !== undefined) close(row.cohen.value, ref.cohen, `${what} Cohen`);
      else assert.ok(Number.isNaN(row.cohen.value), `${what}: Cohen's kappa needs two raters`);
      if (ref.comparison === 'humans' || ref.comparison === 'judges')
        assert.equal(row.units, ref.units, `${what} units`);
      if (ref.leftOut !== undefined) assert.equal(row.leftOut, ref.leftOut, `${what} no majority`);
    }
  }

  const chance = (set: UnitSet) =>
    chanceCorrectedAgreement(set.units, set.scale, { by: ['lang'], minItems: 1, intervals });

  it('chance-corrected agreement on ratings: Fleiss, alpha (nominal, ordinal, interval), quadratic Cohen, leave-one-out', async () => {
    const table = chance(ratingUnits(await humanRatings(test.store, { run: 'fx' })));
    checkChance(table.rows, reference.chanceRatings, 'ratings');
    const es = only(table.rows, (r) => r.group.lang === 'es' && r.comparison === 'humans', 'es humans');
    closeInterval(es.alpha.ordinal!, reference.ratingsAlphaOrdinalEsInterval, 'es humans alpha ordinal');
  });

  it('chance-corrected agreement on pairwise labels and the judge, in first-shown order', async () => {
    const items = await loadPairwiseItems(test.store, { run: 'fx' });
    checkChance(chance(pairwiseUnits(items, 'exclude')).rows, reference.chancePairwise, 'pairwise');
  });

  it('chance-corrected agreement between two judges on Likert scores', async () => {
    const set = scoreUnits(
      await pointwiseScores(test.store, { run: 'fx', scale: 'likert-6' }),
      integerScale('likert-6', 1, 6),
    );
    checkChance(chance(set).rows, reference.chanceLikert, 'likert');
    assert.ok(set.leftOut > 0, 'unparsable scores are counted');
  });
});

describe('chance-corrected agreement on PandaLM (three annotators, two judges), against statsmodels, nltk, sklearn', function () {
  let test: TestStore;
  let rows: readonly ChanceCorrectedRow[];

  before(async function () {
    const data = requireSharedData(this, 'pandalm');
    test = await openTestStore();
    for (const file of ['testset-v1.json', 'gpt-3.5-turbo-testset-v1.json', 'pandalm-7b-testset-v1.json']) {
      await importFile(test.store, join(data, file));
    }
    const set = pairwiseUnits(await loadPairwiseItems(test.store, { run: 'pandalm' }), 'exclude');
    assert.equal(set.leftOut, 25, 'the 25 unparsable gpt-3.5-turbo answers are counted');
    rows = chanceCorrectedAgreement(set.units, set.scale, { by: [], minItems: 1 }).rows;
  });
  after(async () => test?.close());

  it("gives Fleiss' kappa 0.864 and alpha 0.864 among the annotators, and each rater against the others' majority", () => {
    const refs = (reference.pandalm ?? []).map((r) => ({ ...r, lang: 'all' }));
    assert.equal(refs.length, 8, 'regenerate reference.json with ../shared/data present');
    const humans = only(rows, (r) => r.comparison === 'humans', 'humans');
    assert.equal(humans.fleiss.value.toFixed(3), '0.864');
    assert.equal(humans.fleissRaters, 3);
    // pandalm-7b against the majority agrees on 66.77% of items, PandaLM's published accuracy.
    assert.equal(
      (
        only(rows, (r) => r.comparison === 'pandalm-7b vs majority of other humans', 'pandalm').agreement.value * 100
      ).toFixed(2),
      '66.77',
    );
    for (const ref of refs) {
      const what = `pandalm ${ref.comparison}`;
      const row = only(rows, (r) => r.comparison === ref.comparison, what);
      close(row.agreement.value, ref.agreement, `${what} agreement`);
      close(row.fleiss.value, ref.fleiss ?? NaN, `${what} Fleiss`);
      close(row.alpha.nominal!.value, ref.alpha.nominal!, `${what} alpha`);
      assert.equal(row.fleiss.n, ref.fleissUnits, `${what} units`);
      if (ref.cohen !== undefined) close(row.cohen.value, ref.cohen, `${what} Cohen`);
      if (ref.leftOut !== undefined) assert.equal(row.leftOut, ref.leftOut, `${what} no majority`);
    }
  });
});
