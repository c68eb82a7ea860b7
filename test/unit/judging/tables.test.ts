// Every judging table of issue 10 on the fixture study of test/fixtures/judging, built through the real importer,
// store and table sources, against what generate.py computes independently (scipy, sklearn, statsmodels, R psych).
// Regenerate with /usr/bin/python3 test/fixtures/judging/generate.py
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { lengthUnitFor, textLength } from '../../../src/core/model/responseLength';
import { connectionOf } from '../../../src/core/store/connection';
import { forEachResponseLengthById, forEachResponseLengthPage } from '../../../src/core/store/judgingQueries';
import type { Estimate } from '../../../src/core/metrics/estimate';
import { tableSource } from '../../../src/core/report/sources';
import type { Cell, Table } from '../../../src/core/report/table';
import type { TableOptions } from '../../../src/core/report/tableSource';
import { PROJECT_ROOT } from '../../support/paths';
import { close, only, openTestStore, type TestStore } from '../scores/support';

const DIR = join(PROJECT_ROOT, 'test/fixtures/judging');
type Nullable = number | null;
type Correlation = Record<'pearson' | 'spearman' | 'tauB' | 'tauC', Nullable>;
interface Gwet {
  value: number;
  units: number;
}
interface Accuracy {
  lang: string;
  judge: string;
  original: Nullable;
  nOriginal: number;
  swapped: Nullable;
  nSwapped: number;
  mean: Nullable;
  bothRight: Nullable;
  combined: Nullable;
  positional: Nullable;
  pairs: number;
  invalid: number;
  noReference: number;
}
type Interval = [number, number] | null;
const reference = JSON.parse(readFileSync(join(DIR, 'reference.json'), 'utf8')) as {
  boot: { seed: number; resamples: number; level: number };
  judgeCorrelation: {
    lang: string;
    judge: string;
    n: number;
    systems: number;
    item: Correlation;
    system: Correlation;
    judgeOnly: number;
    humanOnly: number;
    intervals: Record<'itemPearson' | 'itemTauB' | 'systemSpearman', Interval>;
  }[];
  reliability: {
    lang: string;
    identity: Gwet;
    linear: Gwet;
    quadratic: Gwet;
    icc: Record<'icc21' | 'icc31' | 'icc2k' | 'icc3k', number>;
    iccUnits: number;
    incomplete: number;
  }[];
  kappaPairs: {
    lang: string;
    raterA: string;
    raterB: string;
    n: number;
    agreement: number;
    none: number;
    linear: number;
    quadratic: number;
  }[];
  judgeAccuracy: Record<'exclude' | 'tie' | 'wrong', Accuracy[]>;
  judgeAccuracyGold: Accuracy[];
  lengthBias: {
    lang: string;
    rater: string;
    prefersLonger: number;
    n: number;
    ties: number;
    clear: number;
    similar: number;
    invalid: number;
  }[];
  lcWinrate: {
    lang: string;
    judge: string;
    system: string;
    winRate: number;
    lengthControlled: number;
    lengthCoefficient: number;
    n: number;
  }[];
  bradleyTerry: { lang: string; rater: string; system: string; rating: number; n: number; interval: Interval }[];
  agreementWrong: {
    lang: string;
    judge: string;
    withTie: number;
    n: number;
    withoutTie: number;
    nWithoutTie: number;
    lima: number;
    invalid: number;
  }[];
};

const OPTIONS: TableOptions = { by: ['lang'], invalidAs: 'exclude', minItems: 1 };

function value(cell: Cell): number {
  return typeof cell === 'number' ? cell : (cell as Estimate).value;
}

function sameInterval(cell: Cell, expected: Interval, what: string): void {
  const e = cell as Estimate;
  assert.ok(expected && e.lower !== undefined && e.upper !== undefined, `${what}: no interval`);
  close(e.lower, expected[0], `${what} lower`);
  close(e.upper!, expected[1], `${what} upper`);
}

function sameValue(cell: Cell, expected: Nullable, what: string): void {
  if (expected === null) assert.ok(Number.isNaN(value(cell)), `${what}: expected undefined, got ${value(cell)}`);
  else close(value(cell), expected, what);
}

describe('judging tables on the fixture study (test/fixtures/judging)', () => {
  let test: TestStore;
  const build = (id: string, options: Partial<TableOptions> = {}): Promise<Table> =>
    tableSource(id)!.build(test.store, { ...OPTIONS, ...options });

  before(async () => {
    test = await openTestStore();
    await importFile(test.store, join(DIR, 'run.jsonl'));
  });
  after(() => test.close());

  it('judge-correlation: item and system level Pearson, Spearman, Kendall τ-b and τ-c (scipy), n and what was left out', async () => {
    const table = await build('judge-correlation');
    assert.equal(table.rows.length, reference.judgeCorrelation.length);
    for (const r of reference.judgeCorrelation) {
      const row = only(table.rows, (x) => x.lang === r.lang && x.judge === r.judge, `${r.lang} ${r.judge}`);
      for (const [level, prefix] of [
        ['item', 'item'],
        ['system', 'system'],
      ] as const) {
        for (const [key, column] of [
          ['pearson', 'Pearson'],
          ['spearman', 'Spearman'],
          ['tauB', 'TauB'],
          ['tauC', 'TauC'],
        ] as const) {
          sameValue(row[`${prefix}${column}`], r[level][key], `${r.lang} ${r.judge} ${level} ${key}`);
        }
      }
      assert.deepEqual(
        [row.responses, row.systems, row.judgeOnly, row.humanOnly],
        [r.n, r.systems, r.judgeOnly, r.humanOnly],
      );
    }
  });

  it("reliability: Gwet's AC1 / AC2 (irrCAC's formulas) and ICC(2,1), (3,1), (2,k), (3,k) (R psych) of the annotators", async () => {
    const table = await build('reliability');
    for (const r of reference.reliability) {
      const row = only(table.rows, (x) => x.lang === r.lang && String(x.kind).startsWith('humans'), r.lang);
      sameValue(row.ac1, r.identity.value, 'AC1');
      sameValue(row.ac2Linear, r.linear.value, 'AC2 linear');
      sameValue(row.ac2Quadratic, r.quadratic.value, 'AC2 quadratic');
      assert.equal(row.acUnits, r.identity.units);
      for (const key of ['icc21', 'icc31', 'icc2k', 'icc3k'] as const) sameValue(row[key], r.icc[key], key);
      assert.deepEqual([row.iccUnits, row.incomplete, row.k], [r.iccUnits, r.incomplete, 3]);
    }
  });

  it("kappa-pairs: Cohen's κ plain / linear / quadratic for every pair, a 1–3 judge with the annotators (sklearn)", async () => {
    const table = await build('kappa-pairs');
    assert.equal(table.rows.length, reference.kappaPairs.length);
    for (const r of reference.kappaPairs) {
      const row = only(
        table.rows,
        (x) => x.lang === r.lang && x.raterA === r.raterA && x.raterB === r.raterB,
        `${r.raterA}–${r.raterB}`,
      );
      sameValue(row.agreement, r.agreement, 'agreement');
      sameValue(row.kappa, r.none, 'kappa');
      sameValue(row.linear, r.linear, 'linear');
      sameValue(row.quadratic, r.quadratic, 'quadratic');
      assert.equal(row.n, r.n);
    }
  });

  const checkAccuracy = (table: Table, rows: readonly Accuracy[], mode: string) => {
    assert.match(table.title, new RegExp(`--invalid-as ${mode}`));
    assert.ok(
      table.notes.some((n) => n.startsWith(`--invalid-as ${mode}:`)),
      'the mode is in the notes',
    );
    for (const r of rows) {
      const row = only(table.rows, (x) => x.lang === r.lang && x.judge === r.judge, `${r.lang} ${r.judge}`);
      for (const key of ['original', 'swapped', 'mean', 'bothRight', 'combined', 'positional'] as const)
        sameValue(row[key], r[key], `${mode} ${r.judge} ${key}`);
      assert.deepEqual(
        [row.nOriginal, row.nSwapped, row.pairs, row.invalid, row.noReference, row.mode],
        [r.nOriginal, r.nSwapped, r.pairs, r.invalid, r.noReference, mode],
        `${mode} ${r.lang} ${r.judge} counts`,
      );
    }
  };

  for (const mode of ['exclude', 'tie', 'wrong'] as const) {
    it(`judge-accuracy --invalid-as ${mode}: per-order accuracy, mean, both right, combined, positional agreement`, async () => {
      checkAccuracy(await build('judge-accuracy', { invalidAs: mode }), reference.judgeAccuracy[mode], mode);
    });
  }

  it('judge-accuracy --gold: against one annotator, orders named from what that annotator saw', async () => {
    checkAccuracy(
      await build('judge-accuracy', { invalidAs: 'wrong', gold: 'gold' }),
      reference.judgeAccuracyGold,
      'wrong',
    );
    await assert.rejects(build('judge-accuracy', { gold: 'nobody' }), /--gold nobody: no pairwise label/);
  });

  it('agreement --invalid-as wrong: an unparsable verdict disagrees with every human vote and scores 0 (MT-bench pairing)', async () => {
    const table = await build('agreement', { invalidAs: 'wrong' });
    for (const r of reference.agreementWrong) {
      const row = only(table.rows, (x) => x.lang === r.lang && x.judge === r.judge, `${r.lang} ${r.judge}`);
      sameValue(row.withTie, r.withTie, 'with tie');
      sameValue(row.withoutTie, r.withoutTie, 'without tie');
      sameValue(row.lima, r.lima, 'LIMA');
      assert.deepEqual([row.nWithTie, row.nWithoutTie], [r.n, r.nWithoutTie]);
    }
    const invalid = reference.agreementWrong.reduce((n, r) => n + r.invalid, 0);
    assert.ok(invalid > 0);
    assert.ok(
      table.notes.includes(
        `--invalid-as wrong: ${invalid} item(s) with an unparsable judge verdict count as disagreeing with every vote (LIMA score 0).`,
      ),
    );
  });

  it('--invalid-as wrong is refused, naming the tables that take it, where there is no reference verdict', async () => {
    await assert.rejects(
      build('length-bias', { invalidAs: 'wrong' }),
      /applies to judge-accuracy, agreement; length-bias takes exclude or tie/,
    );
    await assert.rejects(build('sxs', { invalidAs: 'wrong', baseline: 'base' }), /applies to judge-accuracy/);
  });

  it('length-bias: P(prefers the longer) of judges and humans on clearly different pairs, words in English, graphemes in Chinese', async () => {
    const table = await build('length-bias');
    for (const r of reference.lengthBias) {
      const row = only(table.rows, (x) => x.lang === r.lang && x.rater === r.rater, `${r.lang} ${r.rater}`);
      sameValue(row.prefersLonger, r.prefersLonger, 'prefers longer');
      sameValue(row.ties, r.ties, 'ties');
      assert.deepEqual(
        [row.decided, row.clear, row.similar, row.invalid, row.unit],
        [r.n, r.clear, r.similar, r.invalid, r.lang === 'zh' ? 'graphemes' : 'words'],
      );
    }
  });

  it("reads a filtered selection's lengths as the whole run's, narrowed by run, language and system", async () => {
    const read = async (filter: Parameters<typeof forEachResponseLengthPage>[1]) => {
      const rows: string[] = [];
      await forEachResponseLengthPage(test.store, filter, (page) =>
        rows.push(...page.map((r) => `${r.run} ${r.group} ${r.lang} ${r.system} ${r.seed} ${r.length}`)),
      );
      return rows.sort();
    };
    const all = await read({});
    // The fixture: 16 prompt groups in English and Chinese, 4 systems, one seed.
    assert.equal(all.length, 128);
    const narrowed = await read({ run: 'jx', languages: ['zh'], systems: ['base', 'verbose'] });
    assert.deepEqual(
      narrowed,
      all.filter((r) => / zh (base|verbose) /.test(r)),
    );
    assert.equal(narrowed.length, 32);
    assert.deepEqual(await read({ run: 'no such run' }), []);
    // By ids: the same responses and lengths, with the ids the store gives their prompts and systems.
    const byIds = async (filter: Parameters<typeof forEachResponseLengthById>[1]) => {
      const rows: string[] = [];
      const names = await connectionOf(test.store).all<{ prompt: number; system: number; key: string }>(
        `SELECT p.id AS prompt, s.id AS system, r.name || ' ' || p.group_key || ' ' || p.lang || ' ' || s.name AS key
         FROM prompts p JOIN runs r ON r.id = p.run_id JOIN systems s ON s.run_id = r.id`,
      );
      const keyOf = new Map(names.map((n) => [`${n.prompt} ${n.system}`, n.key]));
      await forEachResponseLengthById(test.store, filter, (prompt, system, seed, length) =>
        rows.push(`${keyOf.get(`${prompt} ${system}`)} ${seed} ${length}`),
      );
      return rows.sort();
    };
    assert.deepEqual(await byIds({}), all);
    assert.deepEqual(await byIds({ run: 'jx', languages: ['zh'], systems: ['base', 'verbose'] }), narrowed);
  });

  it("lc-winrate: alpaca_eval's length-controlled win rate against the baseline (statsmodels GLM)", async () => {
    const table = await build('lc-winrate', { baseline: 'base' });
    assert.equal(table.rows.length, reference.lcWinrate.length);
    for (const r of reference.lcWinrate) {
      const row = only(
        table.rows,
        (x) => x.lang === r.lang && x.judge === r.judge && x.system === r.system,
        `${r.lang} ${r.judge} ${r.system}`,
      );
      sameValue(row.winRate, r.winRate, 'win rate');
      sameValue(row.lengthControlled, r.lengthControlled, 'LC win rate');
      sameValue(row.lengthCoefficient, r.lengthCoefficient, 'length coefficient');
      assert.equal(row.n, r.n);
    }
  });

  it('lc-winrate: --system takes patterns, as every table does', async () => {
    const table = await build('lc-winrate', { baseline: 'base', systems: ['m*'] });
    assert.deepEqual([...new Set(table.rows.map((r) => r.system))].sort(), ['mono', 'multi']);
    assert.equal(table.rows.length, reference.lcWinrate.filter((r) => r.system !== 'verbose').length);
  });

  it('bradley-terry: Chatbot Arena Elo ratings per language, from each judge and from the human votes (statsmodels GLM)', async () => {
    const table = await build('bradley-terry');
    assert.equal(table.rows.length, reference.bradleyTerry.length);
    for (const r of reference.bradleyTerry) {
      const row = only(
        table.rows,
        (x) => x.lang === r.lang && x.rater === r.rater && x.system === r.system,
        `${r.lang} ${r.rater} ${r.system}`,
      );
      sameValue(row.rating, r.rating, `${r.rater} ${r.system} rating`);
      assert.equal(row.n, r.n);
    }
  });

  it('the agreement table names the judge in a field of its own (JSON, CSV), null on human rows', async () => {
    const table = await build('agreement');
    const judges = table.rows.map((r) => [r.comparison, r.judge]);
    assert.ok(judges.some(([c, j]) => c === 'pj vs humans' && j === 'pj'));
    assert.ok(judges.some(([c, j]) => c === 'human vs human' && j === null));
    assert.ok(table.columns.find((c) => c.key === 'judge')?.machineOnly);
  });

  it("intervals are the product's draws of prompt groups, ported to Python: correlations recomputed, Bradley–Terry refitted", async () => {
    const correlation = await build('judge-correlation', { intervals: reference.boot });
    for (const r of reference.judgeCorrelation) {
      const row = only(correlation.rows, (x) => x.lang === r.lang && x.judge === r.judge, `${r.lang} ${r.judge}`);
      sameInterval(row.itemPearson, r.intervals.itemPearson, `${r.lang} ${r.judge} item r`);
      sameInterval(row.itemTauB, r.intervals.itemTauB, `${r.lang} ${r.judge} item tau-b`);
      sameInterval(row.systemSpearman, r.intervals.systemSpearman, `${r.lang} ${r.judge} system rho`);
    }
    const ratings = await build('bradley-terry', { intervals: reference.boot });
    const checked = reference.bradleyTerry.filter((r) => r.interval !== null);
    assert.ok(checked.length >= 16);
    for (const r of checked) {
      const row = only(
        ratings.rows,
        (x) => x.lang === r.lang && x.rater === r.rater && x.system === r.system,
        `${r.rater} ${r.system}`,
      );
      sameInterval(row.rating, r.interval, `${r.lang} ${r.rater} ${r.system} rating`);
    }
  });

  it('every figure has a seeded bootstrap interval around it, the same on a second run', async () => {
    const intervals = { resamples: 200, seed: 7, level: 0.95 };
    for (const [id, extra] of [
      ['judge-correlation', {}],
      ['reliability', {}],
      ['judge-accuracy', {}],
      ['bradley-terry', {}],
      ['lc-winrate', { baseline: 'base' }],
    ] as const) {
      const first = await build(id, { ...extra, intervals });
      const second = await build(id, { ...extra, intervals });
      assert.deepEqual(first.rows, second.rows, `${id} is reproducible`);
      const estimates = first.rows
        .flatMap((r) => Object.values(r))
        .filter((c): c is Estimate => typeof c === 'object' && c !== null && Number.isFinite((c as Estimate).value));
      assert.ok(estimates.length > 0);
      for (const e of estimates) {
        if (e.lower === undefined) continue;
        assert.ok(
          e.lower <= e.value + 1e-12 && e.value <= e.upper! + 1e-12,
          `${id}: ${e.value} outside [${e.lower}, ${e.upper}]`,
        );
      }
      assert.ok(
        estimates.some((e) => e.lower !== undefined && e.upper! > e.lower),
        `${id} has intervals`,
      );
    }
  });
});

describe('response lengths stored at import (migration 0017)', () => {
  let test: TestStore;
  const build = (id: string, options: Partial<TableOptions> = {}): Promise<Table> =>
    tableSource(id)!.build(test.store, { ...OPTIONS, ...options });
  const lengthTables = async () =>
    Promise.all([
      build('length-bias'),
      build('lc-winrate', { baseline: 'base', intervals: { resamples: 50, seed: 3, level: 0.95 } }),
    ]);

  before(async () => {
    test = await openTestStore();
    await importFile(test.store, join(DIR, 'run.jsonl'));
  });
  after(() => test.close());

  it("stores each response's length in its language's unit: words in English, graphemes in Chinese", async () => {
    const rows = await connectionOf(test.store).all<{ text: string; lang: string; text_length: number | null }>(
      'SELECT resp.text, p.lang, resp.text_length FROM responses resp JOIN prompts p ON p.id = resp.prompt_id',
    );
    assert.ok(rows.length > 20);
    for (const row of rows) assert.equal(row.text_length, textLength(row.text, lengthUnitFor(row.lang)), row.text);
    assert.deepEqual([...new Set(rows.map((r) => lengthUnitFor(r.lang)))].sort(), ['graphemes', 'words']);
    assert.ok(rows.some((r) => r.text_length! > 3));
  });

  it('gives the same length tables for responses stored before lengths were (measured from their text)', async () => {
    const stored = await lengthTables();
    const changed = await connectionOf(test.store).run('UPDATE responses SET text_length = NULL');
    assert.ok(changed.changes > 20);
    const measured = await lengthTables();
    assert.deepEqual(measured, stored);
    assert.ok(stored[0].rows.length > 0 && stored[1].rows.length > 0);
  });

  it('gives a response stored before lengths were its length when its file is imported again, provenance kept', async () => {
    const provenance = 'SELECT id, source_id, source_line FROM responses ORDER BY id';
    const sources = await connectionOf(test.store).all(provenance);
    await connectionOf(test.store).run('UPDATE responses SET text_length = NULL');
    await importFile(test.store, join(DIR, 'run.jsonl'));
    const unmeasured = await connectionOf(test.store).get<{ n: number }>(
      'SELECT count(*) AS n FROM responses WHERE text_length IS NULL',
    );
    assert.equal(Number(unmeasured!.n), 0);
    assert.deepEqual(await connectionOf(test.store).all(provenance), sources);
  });

  it('measures a response again when a later import changes its text', async () => {
    const [before] = await connectionOf(test.store).all<{ id: number; text: string; lang: string }>(
      "SELECT resp.id, resp.text, p.lang FROM responses resp JOIN prompts p ON p.id = resp.prompt_id WHERE p.lang = 'en' LIMIT 1",
    );
    const record = await connectionOf(test.store).get<Record<string, unknown>>(
      `SELECT r.name AS run, p.group_key AS "group", p.lang, p.turn, s.name AS system, resp.seed
       FROM responses resp JOIN prompts p ON p.id = resp.prompt_id JOIN runs r ON r.id = p.run_id
       JOIN systems s ON s.id = resp.system_id WHERE resp.id = ?`,
      [before!.id],
    );
    await test.importRecords(
      'longer',
      [{ kind: 'response', ...record, text: `${before!.text} one two three four five` }],
      {
        onReplace: 'replace',
      },
    );
    const after = await connectionOf(test.store).get<{ text_length: number }>(
      'SELECT text_length FROM responses WHERE id = ?',
      [before!.id],
    );
    assert.equal(after!.text_length, textLength(before!.text, 'words') + 5);
  });
});
