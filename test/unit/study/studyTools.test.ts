// The lead's study tools on a committed fixture (test/fixtures/study-tools, generate.py: every figure and interval
// computed independently with numpy and the product's bootstrap draws ported to Python): judge minus humans with
// its own interval and verdict, and each annotator's accuracy on known answers, agreement with the others and with
// their majority, and time on item. The fixture is imported through the real importer (annotator roles, times).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { loadPairwiseItems, type PairwiseItem } from '../../../src/core/metrics/agreement';
import { agreementDashboard } from '../../../src/core/metrics/audit';
import { annotatorScores, loadGoldVerdicts } from '../../../src/core/metrics/annotators';
import { judgeMinusHumans } from '../../../src/core/metrics/audit/judgeMinusHumans';
import type { Estimate } from '../../../src/core/metrics/estimate';
import { tableSource } from '../../../src/core/report/sources';
import { labelTimes } from '../../../src/core/store/studyQueries';
import { dashboardView, loadDashboard, withIntervals } from '../../../src/extension/dashboard/dashboardView';
import { annotatorSection } from '../../../src/extension/dashboard/studyView';
import { DEFAULT_DASHBOARD_FILTERS } from '../../../shared/protocol/dashboard';
import { PROJECT_ROOT } from '../../support/paths';
import { close, openTestStore, type TestStore } from '../scores/support';

const DIR = join(PROJECT_ROOT, 'test/fixtures/study-tools');
interface Expected {
  readonly value: number;
  readonly n?: number;
  readonly lower: number;
  readonly upper: number;
}
const REFERENCE = JSON.parse(readFileSync(join(DIR, 'reference.json'), 'utf8')) as {
  seed: number;
  resamples: number;
  level: number;
  judgeMinusHumans: Record<string, { groups: number; figures: Record<'withTie' | 'withoutTie' | 'lima', Expected> }>;
  annotators: {
    lang: string;
    annotator: string;
    items: number;
    goldAccuracy: Expected;
    withOthers: Expected;
    withMajority: Expected;
    medianTimeMs: number;
    fast: number;
  }[];
};
const INTERVALS = { seed: REFERENCE.seed, resamples: REFERENCE.resamples, level: REFERENCE.level };

function matches(actual: Estimate, expected: Expected, what: string): void {
  close(actual.value, expected.value, `${what} value`);
  close(actual.lower!, expected.lower, `${what} lower`);
  close(actual.upper!, expected.upper, `${what} upper`);
  if (expected.n !== undefined) assert.equal(actual.n, expected.n, `${what} n`);
}

describe('study tools against numpy (committed fixture)', () => {
  let test: TestStore;
  let items: PairwiseItem[];

  before(async () => {
    test = await openTestStore();
    await importFile(test.store, join(DIR, 'run.jsonl'));
    items = await loadPairwiseItems(test.store, { run: 'study' });
  });
  after(async () => test?.close());

  it('keeps adjudicated and gold labels apart from the raw labels', () => {
    assert.equal(items.length, 20);
    assert.deepEqual([...new Set(items.flatMap((i) => i.humans.map((h) => h.annotator)))].sort(), [
      'ann1',
      'ann2',
      'ann3',
    ]);
  });

  for (const lang of ['es', 'he']) {
    it(`gives judge − humans in ${lang} with the interval of the difference from the same draws`, () => {
      const inLang = items.filter((i) => i.lang === lang);
      const result = judgeMinusHumans(inLang, 'j', 'exclude', INTERVALS);
      const expected = REFERENCE.judgeMinusHumans[lang]!;
      for (const figure of ['withTie', 'withoutTie', 'lima'] as const) {
        matches(result[figure].difference, expected.figures[figure], `${lang} ${figure}`);
        assert.equal(result[figure].difference.n, expected.groups);
      }
    });
  }

  it('says "too few items to say" on 8 prompt groups even where the interval is wholly above 0', () => {
    const he = judgeMinusHumans(
      items.filter((i) => i.lang === 'he'),
      'j',
      'exclude',
      INTERVALS,
    );
    assert.ok(he.withTie.difference.lower! > 0);
    assert.deepEqual([he.withTie.verdict, he.withoutTie.verdict, he.lima.verdict], ['too-few', 'too-few', 'too-few']);
  });

  it('says "no difference shown" in Spanish, where the intervals hold 0, and flags no language', () => {
    const dashboard = agreementDashboard(items, { invalidAs: 'exclude', intervals: INTERVALS });
    const es = dashboard.groups.find((g) => g.group.lang === 'es')!;
    assert.deepEqual(
      (['withTie', 'withoutTie', 'lima'] as const).map((f) => es.judges[0]!.minusHumans![f].verdict),
      ['no-difference-shown', 'no-difference-shown', 'no-difference-shown'],
    );
    assert.equal(
      dashboard.groups.some((g) => g.flagged),
      false,
    );
  });

  it('scores each annotator per language as numpy does: gold accuracy, agreement, majority, time on item', async () => {
    const gold = await loadGoldVerdicts(test.store, { run: 'study' }, 'both');
    const times = await labelTimes(test.store, { run: 'study' });
    assert.equal(times.length, 60, 'every raw label has a time; adjudicated and gold labels have none');
    const rows = annotatorScores(items, times, { by: ['lang'], gold, intervals: INTERVALS });
    assert.deepEqual(
      rows.map((r) => `${r.group.lang} ${r.annotator}`),
      REFERENCE.annotators.map((r) => `${r.lang} ${r.annotator}`),
    );
    for (const [i, row] of rows.entries()) {
      const expected = REFERENCE.annotators[i]!;
      const what = `${expected.lang} ${expected.annotator}`;
      assert.equal(row.items, expected.items, `${what} items`);
      matches(row.goldAccuracy, expected.goldAccuracy, `${what} gold accuracy`);
      matches(row.withOthers, expected.withOthers, `${what} with others`);
      matches(row.withMajority, expected.withMajority, `${what} with majority`);
      assert.equal(row.medianTimeMs, expected.medianTimeMs, `${what} median time`);
      assert.equal(row.fast, expected.fast, `${what} fast labels`);
    }
    assert.ok(
      rows.filter((r) => r.annotator === 'ann3').every((r) => r.fast > 0),
      'the fast annotator is flagged',
    );
  });

  it('builds the annotator-scores table with --gold adjudicated, and refuses an annotator name there', async () => {
    const source = tableSource('annotator-scores')!;
    const base = { run: 'study', by: ['lang'] as const, invalidAs: 'exclude' as const, minItems: 1 };
    const table = await source.build(test.store, { ...base, gold: 'adjudicated' });
    const he = table.rows.filter((r) => r.lang === 'he');
    // Hebrew has gold labels but no adjudication: no known answer under --gold adjudicated.
    assert.deepEqual(
      he.map((r) => r.nGold),
      [0, 0, 0],
    );
    await assert.rejects(source.build(test.store, { ...base, gold: 'ann1' }), /annotator-scores takes adjudicated/);
  });
});

describe('the adjudication list', () => {
  let test: TestStore;

  before(async () => {
    test = await openTestStore();
    await importFile(test.store, join(DIR, 'run.jsonl'));
  });
  after(async () => test?.close());

  it('lists the items where annotators disagree with their votes, reasoning and adjudication', async () => {
    const records = readFileSync(join(DIR, 'run.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    // generate.py adjudicates exactly the Spanish items whose three votes are not all the same.
    const lead = new Map(records.filter((r) => r.annotator === 'lead').map((r) => [r.group!, r.verdict!]));
    const table = await tableSource('disagreements')!.build(test.store, {
      run: 'study',
      by: ['lang'],
      invalidAs: 'exclude',
      minItems: 1,
    });
    const es = table.rows.filter((r) => r.lang === 'es' && String(r.reasons).includes('annotators'));
    assert.deepEqual(es.map((r) => r.group).sort(), [...lead.keys()].sort());
    for (const row of es) {
      assert.equal(row.adjudicated, lead.get(String(row.group)));
      assert.equal(row.reasoning, `j: reasoning on es ${String(row.group)}`);
      assert.equal(String(row.votes).split('; ').length, 3, 'the three raw votes, not the lead nor the gold set');
    }
    assert.equal(table.notes[1]!.startsWith(`${lead.size} of ${table.rows.length} item(s) adjudicated`), true);
  });
});

describe('study tools on the dashboard (the views the host sends)', () => {
  let test: TestStore;

  before(async () => {
    test = await openTestStore();
    await importFile(test.store, join(DIR, 'run.jsonl'));
  });
  after(async () => test?.close());

  it('sends judge − humans with its verdict on each judge row, as the core computes it', async () => {
    const view = dashboardView(await withIntervals(await loadDashboard(test.store, 'study')));
    const judge = (lang: string) => view.groups.find((g) => g.language.tag === lang)!.judges[0]!;
    const es = judge('es').minusHumans!;
    assert.deepEqual(
      [es.withTie.verdict, judge('he').minusHumans!.withTie.verdict],
      ['no-difference-shown', 'too-few'],
    );
    // The dashboard's default intervals (1000 resamples, seed 20240101), not the fixture's seed: the value is the same.
    close(es.withTie.value!, REFERENCE.judgeMinusHumans.es!.figures.withTie.value, 'es w/ tie');
    assert.equal(es.withTie.n, 12);
  });

  it('sends each annotator per language with gold accuracy, agreement and fast labels', async () => {
    const section = await annotatorSection(test.store, 'study', DEFAULT_DASHBOARD_FILTERS);
    assert.equal(section.rows.length, 6);
    for (const row of section.rows) {
      const expected = REFERENCE.annotators.find((r) => r.lang === row.language.tag && r.annotator === row.annotator)!;
      close(row.goldAccuracy.value!, expected.goldAccuracy.value, `${row.annotator} gold`);
      assert.equal(row.goldAccuracy.n, expected.goldAccuracy.n);
      close(row.withMajority.value ?? NaN, expected.withMajority.value, `${row.annotator} majority`);
      assert.deepEqual([row.medianTimeMs, row.fast], [expected.medianTimeMs, expected.fast]);
    }
    const only = await annotatorSection(test.store, 'study', { ...DEFAULT_DASHBOARD_FILTERS, annotators: 'ann3' });
    assert.deepEqual(
      only.rows.map((r) => r.annotator),
      ['ann3', 'ann3'],
    );
  });
});
