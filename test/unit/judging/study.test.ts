// Every judging table on the criteria study of test/fixtures/study (3 annotators × 2 criteria × a 1–5 scale × 2
// languages × 2 judges, pointwise and pairwise), built through the real importer, store and table sources, per
// language and criterion, against what judging_reference.py computes from the same files with scipy, sklearn,
// statsmodels and R psych: every figure, its n and what was left out, and its bootstrap interval, to 1e-9.
//   /usr/bin/python3 test/fixtures/study/generate.py && /usr/bin/python3 test/fixtures/study/judging_reference.py
//
// The intervals are replayed in Python from the documented resampling (docs/scores.md, "Intervals"; the generator
// ported in test/fixtures/product_bootstrap.py): per row, its prompt groups in the order they first appear in its
// data, drawn with replacement from one generator seeded with the seed. They depend on that draw order: a change
// of the resampling scheme must change product_bootstrap.py with it.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Estimate } from '../../../src/core/metrics/estimate';
import { tableSource } from '../../../src/core/report/sources';
import type { Cell, Table } from '../../../src/core/report/table';

type Row = Table['rows'][number];
import type { TableOptions } from '../../../src/core/report/tableSource';
import { close, only, openStudyStore, STUDY_DIR, type TestStore } from '../scores/support';

type Nullable = number | null;
type Interval = [number, number] | null;
type Where = { lang: string; criterion: string };
type Figures<K extends string> = Record<K, Nullable>;
type Intervals<K extends string> = Record<K, Interval>;
type Coefficient = 'pearson' | 'spearman' | 'tauB' | 'tauC';
type Gwet = 'ac1' | 'ac2Linear' | 'ac2Quadratic' | 'icc21' | 'icc31' | 'icc2k' | 'icc3k';
type Kappa = 'agreement' | 'none' | 'linear' | 'quadratic';
type Accuracy = 'original' | 'swapped' | 'mean' | 'bothRight' | 'combined' | 'positional';
interface AccuracyRow extends Where {
  judge: string;
  values: Figures<Accuracy>;
  intervals: Intervals<Accuracy>;
  nOriginal: number;
  nSwapped: number;
  pairs: number;
  invalid: number;
  noReference: number;
}

const reference = JSON.parse(readFileSync(join(STUDY_DIR, 'judging-reference.json'), 'utf8')) as {
  boot: { seed: number; resamples: number; level: number };
  baseline: string;
  judgeCorrelation: (Where & {
    judge: string;
    n: number;
    systems: number;
    judgeOnly: number;
    humanOnly: number;
    item: Figures<Coefficient>;
    system: Figures<Coefficient>;
    itemIntervals: Intervals<Coefficient>;
    systemIntervals: Intervals<Coefficient>;
  })[];
  reliability: (Where & {
    kind: 'humans' | 'judges';
    raters: string[];
    values: Figures<Gwet>;
    intervals: Intervals<Gwet>;
    acUnits: number;
    iccUnits: number;
    incomplete: number;
  })[];
  kappaPairs: (Where & {
    raterA: string;
    raterB: string;
    n: number;
    values: Figures<Kappa>;
    intervals: Intervals<Kappa>;
  })[];
  judgeAccuracy: Record<'exclude' | 'tie' | 'wrong', AccuracyRow[]>;
  lengthBias: (Where & {
    rater: string;
    unit: string;
    prefersLonger: number;
    ties: number;
    intervals: [Interval, Interval];
    decided: number;
    clear: number;
    similar: number;
    invalid: number;
  })[];
  lcWinrate: (Where & {
    judge: string;
    system: string;
    n: number;
    winRate: number;
    lengthControlled: Nullable;
    lengthCoefficient: Nullable;
    invalid: number;
    intervals: [Interval, Interval];
  })[];
  bradleyTerry: (Where & {
    rater: string;
    system: string;
    rating: number;
    n: number;
    wins: number;
    ties: number;
    interval: Interval;
  })[];
};

const OPTIONS: TableOptions = {
  by: ['lang'],
  byDefault: true,
  invalidAs: 'exclude',
  minItems: 1,
  intervals: reference.boot,
};

function figure(cell: Cell | undefined, expected: Nullable, what: string): void {
  const value = typeof cell === 'number' ? cell : (cell as Estimate).value;
  if (expected === null) assert.ok(Number.isNaN(value), `${what}: expected undefined, got ${value}`);
  else close(value, expected, what);
}

/** The figure and its interval; no interval where the reference has none (an undefined figure, one group). */
function estimate(cell: Cell | undefined, expected: Nullable, interval: Interval, what: string): void {
  figure(cell, expected, what);
  const e = cell as Estimate;
  if (interval === null || expected === null) {
    assert.equal(e.lower, undefined, `${what}: no interval expected`);
    return;
  }
  assert.ok(e.lower !== undefined && e.upper !== undefined, `${what}: no interval`);
  close(e.lower, interval[0], `${what} lower`);
  close(e.upper, interval[1], `${what} upper`);
}

/** The one row of a language and criterion (and more), the table showing both columns. */
function rowOf(table: Table, where: Where & Record<string, string>, what = JSON.stringify(where)): Row {
  return only(table.rows, (r) => Object.entries(where).every(([k, v]) => r[k] === v), `${table.id} ${what}`);
}

function showsLanguageAndCriterion(table: Table): void {
  assert.deepEqual(
    table.columns.slice(0, 2).map((c) => c.label),
    ['Language', 'Criterion'],
    `${table.id} shows the criterion beside the language`,
  );
}

describe('judging tables per language and criterion on the criteria study (test/fixtures/study)', function () {
  this.timeout(60_000);
  let test: TestStore;
  const build = (id: string, options: Partial<TableOptions> = {}): Promise<Table> =>
    tableSource(id)!.build(test.store, { ...OPTIONS, ...options });

  before(async () => {
    test = await openStudyStore();
  });
  after(() => test.close());

  it('judge-correlation: Pearson, Spearman, Kendall τ-b and τ-c per response and per system (scipy), with intervals', async () => {
    const table = await build('judge-correlation');
    showsLanguageAndCriterion(table);
    assert.equal(table.rows.length, reference.judgeCorrelation.length);
    const columns = { pearson: 'Pearson', spearman: 'Spearman', tauB: 'TauB', tauC: 'TauC' } as const;
    for (const r of reference.judgeCorrelation) {
      const what = `${r.lang} ${r.criterion} ${r.judge}`;
      const row = rowOf(table, { lang: r.lang, criterion: r.criterion, judge: r.judge });
      for (const [key, column] of Object.entries(columns) as [Coefficient, string][]) {
        estimate(row[`item${column}`], r.item[key], r.itemIntervals[key], `${what} item ${key}`);
        estimate(row[`system${column}`], r.system[key], r.systemIntervals[key], `${what} system ${key}`);
      }
      assert.deepEqual(
        [row.responses, row.systems, row.judgeOnly, row.humanOnly],
        [r.n, r.systems, r.judgeOnly, r.humanOnly],
        `${what} counts`,
      );
    }
  });

  it("reliability: Gwet's AC1 / AC2 and ICC(2,1), (3,1), (2,k), (3,k) (R psych), annotators and judges apart", async () => {
    const table = await build('reliability');
    showsLanguageAndCriterion(table);
    assert.equal(table.rows.length, reference.reliability.length);
    for (const r of reference.reliability) {
      const what = `${r.lang} ${r.criterion} ${r.kind}`;
      const row = only(
        table.rows,
        (x) => x.lang === r.lang && x.criterion === r.criterion && String(x.kind).startsWith(`${r.kind}:`),
        what,
      );
      assert.equal(row.kind, `${r.kind}: ${r.raters.join(', ')}`);
      assert.equal(row.range, '1–5 (quality-5)');
      for (const key of Object.keys(r.values) as Gwet[])
        estimate(row[key], r.values[key], r.intervals[key], `${what} ${key}`);
      assert.deepEqual(
        [row.k, row.acUnits, row.iccUnits, row.incomplete],
        [r.raters.length, r.acUnits, r.iccUnits, r.incomplete],
        `${what} counts`,
      );
    }
  });

  it("kappa-pairs: Cohen's κ plain / linear / quadratic for every two raters, judges with annotators on the same 1–5 scale (sklearn)", async () => {
    const table = await build('kappa-pairs');
    showsLanguageAndCriterion(table);
    assert.equal(table.rows.length, reference.kappaPairs.length);
    const columns = { agreement: 'agreement', none: 'kappa', linear: 'linear', quadratic: 'quadratic' } as const;
    for (const r of reference.kappaPairs) {
      const what = `${r.lang} ${r.criterion} ${r.raterA}–${r.raterB}`;
      const row = rowOf(table, { lang: r.lang, criterion: r.criterion, raterA: r.raterA, raterB: r.raterB });
      for (const [key, column] of Object.entries(columns) as [Kappa, string][])
        estimate(row[column], r.values[key], r.intervals[key], `${what} ${key}`);
      assert.equal(row.n, r.n, `${what} n`);
    }
  });

  for (const mode of ['exclude', 'tie', 'wrong'] as const) {
    it(`judge-accuracy --invalid-as ${mode}: per order, mean, both right, combined, positional, against each criterion's majority`, async () => {
      const table = await build('judge-accuracy', { invalidAs: mode });
      showsLanguageAndCriterion(table);
      assert.equal(table.rows.length, reference.judgeAccuracy[mode].length);
      for (const r of reference.judgeAccuracy[mode]) {
        const what = `${mode} ${r.lang} ${r.criterion} ${r.judge}`;
        const row = rowOf(table, { lang: r.lang, criterion: r.criterion, judge: r.judge });
        for (const key of Object.keys(r.values) as Accuracy[])
          estimate(row[key], r.values[key], r.intervals[key], `${what} ${key}`);
        assert.deepEqual(
          [row.nOriginal, row.nSwapped, row.pairs, row.invalid, row.noReference],
          [r.nOriginal, r.nSwapped, r.pairs, r.invalid, r.noReference],
          `${what} counts`,
        );
      }
    });
  }

  it('length-bias: P(prefers the longer) and ties per criterion, words in German, graphemes in Chinese', async () => {
    const table = await build('length-bias');
    showsLanguageAndCriterion(table);
    assert.equal(table.rows.length, reference.lengthBias.length);
    for (const r of reference.lengthBias) {
      const what = `${r.lang} ${r.criterion} ${r.rater}`;
      const row = rowOf(table, { lang: r.lang, criterion: r.criterion, rater: r.rater });
      estimate(row.prefersLonger, r.prefersLonger, r.intervals[0], `${what} prefers longer`);
      estimate(row.ties, r.ties, r.intervals[1], `${what} ties`);
      assert.deepEqual(
        [row.decided, row.clear, row.similar, row.invalid, row.noText, row.unit],
        [r.decided, r.clear, r.similar, r.invalid, 0, r.unit],
        `${what} counts`,
      );
    }
  });

  it("lc-winrate: alpaca_eval's length-controlled win rate per criterion (statsmodels GLM), with intervals", async () => {
    const table = await build('lc-winrate', { baseline: reference.baseline });
    showsLanguageAndCriterion(table);
    assert.equal(table.rows.length, reference.lcWinrate.length);
    for (const r of reference.lcWinrate) {
      const what = `${r.lang} ${r.criterion} ${r.judge} ${r.system}`;
      const row = rowOf(table, { lang: r.lang, criterion: r.criterion, judge: r.judge, system: r.system });
      estimate(row.winRate, r.winRate, r.intervals[0], `${what} win rate`);
      estimate(row.lengthControlled, r.lengthControlled, r.intervals[1], `${what} LC win rate`);
      figure(row.lengthCoefficient, r.lengthCoefficient, `${what} length coefficient`);
      assert.deepEqual([row.n, row.invalid], [r.n, r.invalid], `${what} counts`);
    }
  });

  it('bradley-terry: Elo ratings per language, criterion and rater (statsmodels GLM), refitted on each resample', async () => {
    const table = await build('bradley-terry');
    showsLanguageAndCriterion(table);
    assert.equal(table.rows.length, reference.bradleyTerry.length);
    for (const r of reference.bradleyTerry) {
      const what = `${r.lang} ${r.criterion} ${r.rater} ${r.system}`;
      const row = rowOf(table, { lang: r.lang, criterion: r.criterion, rater: r.rater, system: r.system });
      estimate(row.rating, r.rating, r.interval, `${what} rating`);
      assert.deepEqual([row.n, row.wins, row.ties], [r.n, r.wins, r.ties], `${what} counts`);
    }
  });
});

describe('judge-accuracy, length-bias and bradley-terry: --criterion and --by criterion', function () {
  this.timeout(60_000);
  let test: TestStore;
  const build = (id: string, options: Partial<TableOptions> = {}): Promise<Table> =>
    tableSource(id)!.build(test.store, { ...OPTIONS, intervals: undefined, ...options });
  const sum = <T>(rows: readonly T[], pick: (r: T) => number) => rows.reduce((s, r) => s + pick(r), 0);

  before(async () => {
    test = await openStudyStore();
  });
  after(() => test.close());

  it('--criterion fluency keeps that criterion’s rows, figure for figure, and the other criterion’s votes out of the reference', async () => {
    const accuracy = await build('judge-accuracy', { criteria: ['fluency'], invalidAs: 'wrong' });
    const bias = await build('length-bias', { criteria: ['fluency'] });
    const ratings = await build('bradley-terry', { criteria: ['fluency'] });
    for (const table of [accuracy, bias, ratings])
      assert.ok(!table.columns.some((c) => c.key === 'criterion'), `${table.id}: one criterion, no column`);
    const fluency = <T extends Where>(rows: readonly T[]) => rows.filter((r) => r.criterion === 'fluency');
    assert.equal(accuracy.rows.length, fluency(reference.judgeAccuracy.wrong).length);
    for (const r of fluency(reference.judgeAccuracy.wrong)) {
      const row = only(accuracy.rows, (x) => x.lang === r.lang && x.judge === r.judge, `${r.lang} ${r.judge}`);
      for (const key of Object.keys(r.values) as Accuracy[]) figure(row[key], r.values[key], `${r.judge} ${key}`);
      assert.equal(row.noReference, r.noReference);
    }
    assert.equal(bias.rows.length, fluency(reference.lengthBias).length);
    for (const r of fluency(reference.lengthBias)) {
      const row = only(bias.rows, (x) => x.lang === r.lang && x.rater === r.rater, `${r.lang} ${r.rater}`);
      figure(row.prefersLonger, r.prefersLonger, `${r.lang} ${r.rater} prefers longer`);
    }
    assert.equal(ratings.rows.length, fluency(reference.bradleyTerry).length);
    for (const r of fluency(reference.bradleyTerry)) {
      const row = only(
        ratings.rows,
        (x) => x.lang === r.lang && x.rater === r.rater && x.system === r.system,
        `${r.lang} ${r.rater} ${r.system}`,
      );
      figure(row.rating, r.rating, `${r.lang} ${r.rater} ${r.system} rating`);
    }
  });

  it('--by criterion pools the languages within each criterion (and only when asked)', async () => {
    const by = { by: ['criterion' as const], byDefault: false };
    const accuracy = await build('judge-accuracy', { ...by, invalidAs: 'wrong' });
    assert.deepEqual(
      accuracy.columns.slice(0, 2).map((c) => c.label),
      ['Criterion', 'Judge'],
    );
    for (const criterion of ['coherence', 'fluency']) {
      for (const judge of ['judge-x', 'judge-y']) {
        const parts = reference.judgeAccuracy.wrong.filter((r) => r.criterion === criterion && r.judge === judge);
        assert.equal(parts.length, 2, 'one row per language in the reference');
        const row = only(accuracy.rows, (x) => x.criterion === criterion && x.judge === judge, `${criterion} ${judge}`);
        assert.equal(row.lang, undefined);
        assert.deepEqual(
          [row.nOriginal, row.pairs, row.noReference],
          [sum(parts, (p) => p.nOriginal), sum(parts, (p) => p.pairs), sum(parts, (p) => p.noReference)],
        );
        const right = sum(parts, (p) => p.values.original! * p.nOriginal);
        figure(row.original, right / sum(parts, (p) => p.nOriginal), `${criterion} ${judge} pooled original order`);
      }
    }
    const bias = await build('length-bias', by);
    for (const r of bias.rows) {
      const parts = reference.lengthBias.filter((p) => p.criterion === r.criterion && p.rater === r.rater);
      assert.equal(r.unit, 'graphemes, words', 'both languages’ units are named');
      assert.equal(
        r.decided,
        sum(parts, (p) => p.decided),
      );
      figure(
        r.prefersLonger,
        sum(parts, (p) => p.prefersLonger * p.decided) / sum(parts, (p) => p.decided),
        `${String(r.criterion)} ${String(r.rater)}`,
      );
    }
    assert.equal(bias.rows.length, 2 * 3);
    const ratings = await build('bradley-terry', by);
    assert.equal(ratings.rows.length, 2 * 3 * 3, 'criteria × raters × systems');
    for (const r of ratings.rows) {
      const parts = reference.bradleyTerry.filter(
        (p) => p.criterion === r.criterion && p.rater === r.rater && p.system === r.system,
      );
      assert.equal(
        r.n,
        sum(parts, (p) => p.n),
        'comparisons of both languages',
      );
    }
    // An explicit --by lang still keeps the criteria apart.
    const byLang = await build('bradley-terry', { by: ['lang'], byDefault: false });
    assert.deepEqual(
      byLang.columns.slice(0, 2).map((c) => c.key),
      ['lang', 'criterion'],
    );
    assert.equal(byLang.rows.length, reference.bradleyTerry.length);
  });
});
