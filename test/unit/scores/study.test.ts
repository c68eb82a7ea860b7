// A human-evaluation study beyond the three seeds (test/fixtures/study): 3 annotators rate every response 1–5 on two
// criteria in two languages, one of them revises ratings in a second round, and 2 judges score the same responses on
// the same scale. Every figure against what generate.py computes with numpy, sklearn, statsmodels and nltk:
//   /usr/bin/python3 test/fixtures/study/generate.py
import { connectionOf } from '../../../src/core/store/connection';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  chanceCorrectedAgreement,
  ratingUnits,
  scaleUnitSets,
  type ChanceCorrectedRow,
  type UnitSet,
} from '../../../src/core/metrics/chanceCorrected';
import { loadHumanRatings } from '../../../src/core/metrics/ratings/humanRatings';
import { ratingDistributionOf } from '../../../src/core/metrics/scores';
import { renderTable } from '../../../src/core/report/render';
import { tableSource } from '../../../src/core/report/sources';
import type { TableOptions } from '../../../src/core/report/tableSource';
import { humanRatings, pointwiseScores } from '../../../src/core/store/scoreQueries';
import { close, only, openFixtureStore, openStudyStore, STUDY_DIR as STUDY, type TestStore } from './support';

interface ChanceReference {
  lang: string;
  criterion: string;
  comparison: string;
  units: number;
  agreement: number;
  fleiss: number | null;
  fleissRaters: number;
  fleissUnits: number;
  alpha: Record<'nominal' | 'ordinal' | 'interval', number>;
  cohen?: number;
  leftOut: number;
}

const reference = JSON.parse(readFileSync(join(STUDY, 'reference.json'), 'utf8')) as {
  ratings: {
    lang: string;
    criterion: string;
    system: string;
    n: number;
    mean: number;
    shares: Record<string, number>;
  }[];
  chance: ChanceReference[];
  chanceRound1: ChanceReference[];
  revised: number;
  unparsable: number;
};

function checkChance(rows: readonly ChanceCorrectedRow[], refs: readonly ChanceReference[], label: string): void {
  assert.equal(
    rows.length,
    refs.length,
    `${label}: ${rows.map((r) => `${r.group.lang} ${r.group.criterion} ${r.comparison}`).join('; ')}`,
  );
  for (const ref of refs) {
    const what = `${label} ${ref.lang} ${ref.criterion} ${ref.comparison}`;
    const row = only(
      rows,
      (r) => r.group.lang === ref.lang && r.group.criterion === ref.criterion && r.comparison === ref.comparison,
      what,
    );
    close(row.agreement.value, ref.agreement, `${what} agreement`);
    close(row.fleiss.value, ref.fleiss ?? NaN, `${what} Fleiss`);
    assert.deepEqual(
      [row.fleissRaters, row.fleiss.n, row.leftOut],
      [ref.fleissRaters, ref.fleissUnits, ref.leftOut],
      `${what} m, units, left out`,
    );
    for (const level of ['nominal', 'ordinal', 'interval'] as const)
      close(row.alpha[level]!.value, ref.alpha[level], `${what} alpha ${level}`);
    if (ref.cohen !== undefined) close(row.cohen.value, ref.cohen, `${what} weighted Cohen`);
    else assert.ok(Number.isNaN(row.cohen.value), `${what}: Cohen's kappa needs two raters`);
    if (ref.comparison === 'humans' || ref.comparison === 'judges') assert.equal(row.units, ref.units, `${what} units`);
  }
}

describe('a study with numeric ratings on two criteria, against numpy, sklearn, statsmodels and nltk', () => {
  let test: TestStore;
  before(async () => {
    test = await openStudyStore();
  });
  after(() => test.close());

  it('ratings table: distribution over the 1–5 scale and the mean per language, criterion and system', async () => {
    const set = await loadHumanRatings(test.store, { run: 'study' });
    assert.equal(set.offScale.length, 0);
    assert.ok(set.ratings.every((r) => r.scale.kind === 'numeric' && r.scale.name === 'quality-5'));
    const rows = ratingDistributionOf(set, {});
    assert.equal(rows.length, reference.ratings.length);
    for (const ref of reference.ratings) {
      const what = `${ref.lang} ${ref.criterion} ${ref.system}`;
      const row = only(
        rows,
        (r) => r.slice.lang === ref.lang && r.slice.criterion === ref.criterion && r.system === ref.system,
        what,
      );
      assert.equal(row.ratings, ref.n, what);
      close(row.mean.value, ref.mean, `${what} mean`);
      for (const [level, share] of Object.entries(ref.shares))
        close(row.shares[level]!.value, share, `${what} ${level}`);
    }
  });

  it('chance-corrected agreement on the 1–5 scale: humans, judges, each judge against humans, leave-one-out', async () => {
    const humans = await loadHumanRatings(test.store, { run: 'study' });
    const sets = scaleUnitSets(humans, await pointwiseScores(test.store, { run: 'study' }), 'ratings');
    assert.equal(sets.length, 1, "the judges' scale is the humans' scale");
    assert.equal(sets[0]!.leftOut, reference.unparsable, 'unparsable judge scores are counted');
    const table = chanceCorrectedAgreement(sets[0]!.units, sets[0]!.scale, { by: ['lang', 'criterion'], minItems: 1 });
    checkChance(table.rows, reference.chance, 'study');
  });

  it('agreement before the adjudication round, by round and by time, from the same database', async () => {
    const judges = await pointwiseScores(test.store, { run: 'study' });
    for (const asOf of [{ round: 1 }, { asOf: '2024-03-01T09:00:00.000Z' }]) {
      const humans = await loadHumanRatings(test.store, { run: 'study', ...asOf });
      const set = scaleUnitSets(humans, judges, 'ratings')[0]!;
      const rows = chanceCorrectedAgreement(set.units, set.scale, { by: ['lang', 'criterion'], minItems: 1 }).rows;
      checkChance(
        rows.filter((r) => r.comparison === 'humans'),
        reference.chanceRound1,
        `as of ${JSON.stringify(asOf)}`,
      );
    }
    const history = await connectionOf(test.store).get<{ n: number }>(
      'SELECT count(*) AS n FROM labels WHERE round = 2',
    );
    assert.equal(history!.n, reference.revised, 'every revision is kept beside the first rating');
  });

  it('the tables show the criterion and the scale, and --criterion narrows to one', async () => {
    const options: TableOptions = { by: ['lang'], byDefault: true, invalidAs: 'exclude', minItems: 1 };
    const chance = await tableSource('chance-ratings')!.build(test.store, options);
    assert.deepEqual(
      chance.columns.slice(0, 3).map((c) => c.label),
      ['Language', 'Criterion', 'Comparison'],
    );
    assert.equal(chance.rows.length, reference.chance.length);
    assert.match(chance.title, /quality-5 \(1–5\)/);
    assert.ok(
      chance.notes.some((n) => n.startsWith(`${reference.unparsable} unparsable or off-scale`)),
      chance.notes.join('\n'),
    );
    const ratings = await tableSource('ratings')!.build(test.store, { ...options, criteria: ['fluency'] });
    assert.equal(ratings.rows.length, reference.ratings.filter((r) => r.criterion === 'fluency').length);
    assert.deepEqual(ratings.columns.map((c) => c.label).slice(0, 8), [
      'Language',
      'System',
      'Scale',
      '5 %',
      '4 %',
      '3 %',
      '2 %',
      '1 %',
    ]);
    assert.match(renderTable(ratings, 'text'), /quality-5 \(1–5\)/);
  });
});

describe('chance-ratings on excellent / pass / fail reads as it did before scales', () => {
  it('gives the rows of the lima-3 units on the scores fixture, figure for figure', async () => {
    const test = await openFixtureStore();
    try {
      const legacy = ratingUnits(await humanRatings(test.store, { run: 'fx' }));
      const sets = scaleUnitSets(await loadHumanRatings(test.store, { run: 'fx' }), [], 'ratings');
      assert.equal(sets.length, 1);
      assert.equal(sets[0]!.scale, legacy.scale);
      const options = { by: ['lang' as const], minItems: 1 };
      const rows = (set: UnitSet) =>
        chanceCorrectedAgreement(set.units, set.scale, options).rows.map((r) => ({
          lang: r.group.lang,
          comparison: r.comparison,
          units: r.units,
          leftOut: r.leftOut,
          values: [
            r.agreement.value,
            r.cohen.value,
            r.fleiss.value,
            r.alpha.nominal!.value,
            r.alpha.ordinal!.value,
            r.alpha.interval!.value,
          ],
        }));
      assert.deepEqual(rows(sets[0]!), rows(legacy));
    } finally {
      await test.close();
    }
  });
});
