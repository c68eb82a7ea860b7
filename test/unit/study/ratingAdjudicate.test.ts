// Adjudicating ratings: the rated responses where two annotators' current ratings differ, or a judge's score on the
// same scale goes against an annotator's, listed by the one loader (the CLI's table and the review panel); the
// lead's rating is an append-only rating of the role adjudicator, never a vote, and the item's known answer.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { loadGoldRatings, loadRatingDisagreements, scaleReferenceOf } from '../../../src/core/metrics/annotators';
import { loadHumanRatings } from '../../../src/core/metrics/ratings/humanRatings';
import { LIMA_SCALE } from '../../../src/core/model/records';
import { tableSource } from '../../../src/core/report/sources';
import { appendAdjudicatedLabel } from '../../../src/core/store/annotation';
import { connectionOf } from '../../../src/core/store/connection';
import { knownAnswerTargets } from '../../../src/core/store/studyQueries';
import { temporaryFolder } from '../../support/paths';
import { ratingReviewTexts, reviewList } from '../../../src/extension/adjudicate/reviewView';
import { openTestStore, type TestStore } from '../scores/support';

const AT = '2026-01-05T09:00:00.000Z';
const base = { run: 'rt', lang: 'he', labelled_at: AT };
const rating = (group: string, system: string, annotator: string, value: string | number, extra = {}) => ({
  kind: 'rating-label',
  ...base,
  group,
  system,
  annotator,
  rating: value,
  ...extra,
});
const quality = { criterion: 'fluency', scale: 'quality-5', scale_min: 1, scale_max: 5 };

/** Four rated responses: two where annotators differ (lima-3), one where a judge differs, one all agree on. */
function fixture(folder: string): string {
  const rows: object[] = [];
  for (const group of ['p1', 'p2', 'p3']) {
    rows.push({ kind: 'prompt', ...base, group, text: `שאלה ${group}` });
    for (const system of ['x', 'y'])
      rows.push({ kind: 'response', ...base, group, system, text: `תשובה של ${system} ל-${group}` });
  }
  rows.push(
    // p1 x: pass / excellent, with a comment: annotators disagree.
    rating('p1', 'x', 'ann1', 'pass', { comment: 'חסר צעד', time_on_item_ms: 4200 }),
    rating('p1', 'x', 'ann2', 'excellent'),
    // p1 y: both fail: nothing to adjudicate.
    rating('p1', 'y', 'ann1', 'fail'),
    rating('p1', 'y', 'ann2', 'fail'),
    // p2 x: fail / pass / fail.
    rating('p2', 'x', 'ann1', 'fail'),
    rating('p2', 'x', 'ann2', 'pass'),
    rating('p2', 'x', 'ann3', 'fail'),
    // p3 x on quality-5 (fluency): the annotators agree on 4, the judge says 2; p3 y: the judge agrees.
    rating('p3', 'x', 'ann1', 4, quality),
    rating('p3', 'x', 'ann2', 4, quality),
    rating('p3', 'y', 'ann1', 3, quality),
    {
      kind: 'pointwise-judgment',
      ...base,
      group: 'p3',
      system: 'x',
      judge: 'j',
      ...quality,
      score: 2,
      reasoning: 'לא שוטף',
    },
    { kind: 'pointwise-judgment', ...base, group: 'p3', system: 'y', judge: 'j', ...quality, score: 3 },
    // Imported known answers (a gold file): p2 x fail, p3 x 5 on fluency.
    rating('p2', 'x', 'checks', 'fail', { annotator_role: 'gold' }),
    rating('p3', 'x', 'checks', 5, { ...quality, annotator_role: 'gold' }),
    // A likert-6 score on p1 x is on another scale: never set against a lima-3 rating.
    { kind: 'pointwise-judgment', ...base, group: 'p1', system: 'x', judge: 'j', scale: 'likert-6', score: 1 },
  );
  const path = join(folder, 'rt.jsonl');
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}

const key = (group: string, system: string, criterion = '') => ({
  run: 'rt',
  group,
  lang: 'he',
  turn: 1,
  system,
  seed: 0,
  criterion,
});

describe('adjudicating ratings', () => {
  let test: TestStore;
  let folder: ReturnType<typeof temporaryFolder>;

  beforeEach(async () => {
    folder = temporaryFolder();
    test = await openTestStore();
    await importFile(test.store, fixture(folder.path));
  });
  afterEach(async () => {
    await test?.close();
    folder.remove();
  });

  it('lists the rated responses where annotators differ or a judge goes against them, with every rating', async () => {
    const items = await loadRatingDisagreements(test.store, { run: 'rt' });
    assert.deepEqual(
      items.map((d) => [d.group, d.system, d.criterion, d.scale.name, d.reasons]),
      [
        ['p1', 'x', '', 'lima-3', ['annotators']],
        ['p2', 'x', '', 'lima-3', ['annotators']],
        ['p3', 'x', 'fluency', 'quality-5', ['judge']],
      ],
    );
    const [p1, p2, p3] = items;
    assert.deepEqual(p1!.votes, [
      { annotator: 'ann1', label: 'pass', comment: 'חסר צעד', labelledAt: AT, timeOnItemMs: 4200 },
      { annotator: 'ann2', label: 'excellent', comment: null, labelledAt: AT, timeOnItemMs: null },
    ]);
    assert.deepEqual(p1!.judges, [], 'a likert-6 score is not a lima-3 rating');
    assert.deepEqual(
      p2!.votes.map((v) => [v.annotator, v.label]),
      [
        ['ann1', 'fail'],
        ['ann2', 'pass'],
        ['ann3', 'fail'],
      ],
    );
    assert.deepEqual(p3!.judges, [{ judge: 'j', label: '2', reasoning: ['לא שוטף'] }]);
    assert.deepEqual(
      p3!.votes.map((v) => v.label),
      ['4', '4'],
    );
    assert.ok(items.every((d) => d.adjudicated === null));

    const humans = await loadRatingDisagreements(test.store, { run: 'rt', kind: 'human-human' });
    assert.deepEqual(
      humans.map((d) => d.group),
      ['p1', 'p2'],
    );
    const judge = await loadRatingDisagreements(test.store, { run: 'rt', kind: 'human-judge' });
    assert.deepEqual(
      judge.map((d) => d.group),
      ['p3'],
    );
    // ann2 left out: p1 and p2 have one rating left each, or two that agree.
    const withoutAnn2 = await loadRatingDisagreements(test.store, { run: 'rt', annotatorPattern: '*,!ann2' });
    assert.deepEqual(
      withoutAnn2.map((d) => d.group),
      ['p3'],
    );
  });

  it('stores the lead’s rating append-only under the role adjudicator; the latest counts, never as a vote', async () => {
    const write = (value: string, at: string) =>
      appendAdjudicatedLabel(test.store, {
        kind: 'rating',
        ...key('p1', 'x'),
        value,
        fingerprint: `lead-${value}-${at}`,
        annotator: 'lead',
        comment: null,
        labelledAt: at,
      });
    const ratingsTable = () =>
      tableSource('ratings')!.build(test.store, { run: 'rt', by: ['lang'], invalidAs: 'exclude', minItems: 1 });
    const before = await ratingsTable();
    await write('excellent', '2026-02-01T10:00:00.000Z');
    await write('pass', '2026-02-01T10:05:00.000Z');
    const rows = await connectionOf(test.store).all<{
      value: string;
      role: string;
      kind: string;
      scale: string | null;
    }>(
      `SELECT l.value, a.role, l.kind, l.scale FROM labels l JOIN annotators a ON a.id = l.annotator_id
       WHERE a.name = 'lead' ORDER BY l.id`,
    );
    assert.deepEqual(rows, [
      { value: 'excellent', role: 'adjudicator', kind: 'rating', scale: null },
      { value: 'pass', role: 'adjudicator', kind: 'rating', scale: null },
    ]);
    const p1 = (await loadRatingDisagreements(test.store, { run: 'rt' })).find((d) => d.group === 'p1')!;
    assert.equal(p1.adjudicated, 'pass');
    assert.equal(p1.votes.length, 2, 'the adjudication is not a vote');
    // The rating tables read raw ratings only.
    const { ratings } = await loadHumanRatings(test.store, { run: 'rt' });
    assert.ok(ratings.every((r) => r.annotator !== 'lead'));
    assert.deepEqual((await ratingsTable()).rows, before.rows, 'the ratings table is as before the adjudication');
  });

  it('is the known answer: --gold adjudicated, known (over gold) and the queues’ gold items', async () => {
    const scale = scaleReferenceOf({ name: 'quality-5', kind: 'numeric', min: 1, max: 5 });
    assert.deepEqual(scale, { name: 'quality-5', min: 1, max: 5 });
    assert.equal(scaleReferenceOf(LIMA_SCALE), undefined);
    await appendAdjudicatedLabel(test.store, {
      kind: 'rating',
      ...key('p3', 'x', 'fluency'),
      value: '3',
      scale: scale!,
      fingerprint: 'lead-p3',
      annotator: 'lead',
      comment: null,
      labelledAt: '2026-02-01T10:00:00.000Z',
    });
    const p3 = (await loadRatingDisagreements(test.store, { run: 'rt', kind: 'human-judge' }))[0]!;
    assert.equal(p3.adjudicated, '3');
    // By responseKey: run, group, lang, turn, system, seed, criterion.
    const known = async (source: 'adjudicated' | 'gold' | 'both') =>
      [...(await loadGoldRatings(test.store, { run: 'rt' }, source)).verdicts]
        .map(([k, v]) => {
          const [, group, , , system] = k.split('\u0000');
          return `${group} ${system} ${v}`;
        })
        .sort();
    assert.deepEqual(await known('adjudicated'), ['p3 x 3']);
    assert.deepEqual(await known('gold'), ['p2 x fail', 'p3 x 5']);
    assert.deepEqual(await known('both'), ['p2 x fail', 'p3 x 3'], 'the adjudicated rating over the gold one');
    assert.deepEqual(
      (await knownAnswerTargets(test.store, 'rt', 'rating')).map((t) => [t.group, t.system, t.seed]).sort(),
      [
        ['p2', 'x', 0],
        ['p3', 'x', 0],
      ],
    );
    assert.deepEqual(await knownAnswerTargets(test.store, 'rt', 'pairwise'), []);
  });

  it('is what the review panel lists under Task: ratings, with the scale’s choices and the rated response', async () => {
    const filters = { task: 'rating' as const, kind: 'all' as const, lang: null, criterion: null };
    const view = await reviewList(test.store, 'rt', 'lead', filters);
    const core = await loadRatingDisagreements(test.store, { run: 'rt' });
    assert.equal(view.total, core.length);
    assert.deepEqual(
      view.items.map((i) => (i.task === 'rating' ? [i.key.group, i.key.system, i.scale.lima, i.scale.choices] : [])),
      [
        ['p1', 'x', true, ['fail', 'pass', 'excellent']],
        ['p2', 'x', true, ['fail', 'pass', 'excellent']],
        ['p3', 'x', false, ['1', '2', '3', '4', '5']],
      ],
    );
    const judged = await reviewList(test.store, 'rt', 'lead', { ...filters, kind: 'human-judge' });
    assert.deepEqual(
      judged.items.map((i) => [i.key.group, i.kinds, i.judges]),
      [['p3', ['human-judge'], [{ judge: 'j', label: '2', reasoning: ['לא שוטף'] }]]],
    );
    assert.deepEqual(judged.criteria, ['', 'fluency']);
    const pairwise = await reviewList(test.store, 'rt', 'lead', { ...filters, task: 'pairwise' });
    assert.equal(pairwise.total, 0);
    const texts = await ratingReviewTexts(test.store, key('p1', 'x'));
    assert.match(texts.response!, /תשובה של x ל-p1/);
    assert.match(texts.prompt!, /שאלה p1/);
  });

  it('makes the disagreements table of --task rating, and leaves the pairwise one as it was', async () => {
    const options = { run: 'rt', by: ['lang'] as const, invalidAs: 'exclude' as const, minItems: 1 };
    const rated = await tableSource('disagreements')!.build(test.store, { ...options, task: 'rating' });
    assert.deepEqual(
      rated.rows.map((r) => [r.group, r.system, r.criterion, r.scale, r.reasons, r.votes, r.judges, r.comments]),
      [
        ['p1', 'x', '', 'lima-3', 'annotators', 'ann1: pass; ann2: excellent', '', 'ann1: חסר צעד'],
        ['p2', 'x', '', 'lima-3', 'annotators', 'ann1: fail; ann2: pass; ann3: fail', '', ''],
        ['p3', 'x', 'fluency', 'quality-5', 'judge', 'ann1: 4; ann2: 4', 'j: 2', ''],
      ],
    );
    const pairwise = await tableSource('disagreements')!.build(test.store, options);
    assert.equal(pairwise.rows.length, 0, 'no pairwise labels in this run');
    assert.equal(pairwise.title, 'Items to adjudicate: annotators who disagree, or a judge against an annotator');
  });

  it('scores each annotator on ratings: known ratings, the others and their majority (annotator-scores --task rating)', async () => {
    const scores = async (gold: string) => {
      const table = await tableSource('annotator-scores')!.build(test.store, {
        run: 'rt',
        by: ['lang'],
        invalidAs: 'exclude',
        minItems: 1,
        task: 'rating',
        gold,
      });
      const value = (e: unknown) => {
        const v = (e as { value: number }).value;
        return Number.isNaN(v) ? 'none' : v;
      };
      return Object.fromEntries(
        table.rows.map((r) => [
          `${String(r.annotator)} ${String(r.criterion)}`,
          {
            items: r.items,
            gold: [r.nGold, value(r.goldAccuracy)],
            others: [r.nOthers, value(r.withOthers)],
            majority: [r.nMajority, value(r.withMajority)],
          },
        ]),
      );
    };
    // By hand from the fixture, a criterion's ratings apart from another's: lima-3 (no criterion): ann1 p1x pass,
    // p1y fail, p2x fail; ann2 p1x excellent, p1y fail, p2x pass; ann3 p2x fail. Fluency (quality-5): ann1 p3x 4,
    // p3y 3; ann2 p3x 4. Known (the gold file): p2x fail, p3x 5 on fluency.
    assert.deepEqual(await scores('gold'), {
      'ann1 (none)': { items: 3, gold: [1, 1], others: [4, 0.5], majority: [2, 0.5] },
      'ann2 (none)': { items: 3, gold: [1, 0], others: [4, 0.25], majority: [3, 1 / 3] },
      'ann3 (none)': { items: 1, gold: [1, 1], others: [2, 0.5], majority: [0, 'none'] },
      'ann1 fluency': { items: 2, gold: [1, 0], others: [1, 1], majority: [1, 1] },
      'ann2 fluency': { items: 1, gold: [1, 0], others: [1, 1], majority: [1, 1] },
    });
    // The lead settles p1x as excellent: the adjudicated known answers are that one only.
    await appendAdjudicatedLabel(test.store, {
      kind: 'rating',
      ...key('p1', 'x'),
      value: 'excellent',
      fingerprint: 'lead-p1x',
      annotator: 'lead',
      comment: null,
      labelledAt: '2026-02-01T10:00:00.000Z',
    });
    const adjudicated = await scores('adjudicated');
    assert.deepEqual(Object.fromEntries(Object.entries(adjudicated).map(([a, r]) => [a, r.gold])), {
      'ann1 (none)': [1, 0],
      'ann2 (none)': [1, 1],
      'ann3 (none)': [0, 'none'],
      'ann1 fluency': [0, 'none'],
      'ann2 fluency': [0, 'none'],
    });
    assert.ok(
      Object.keys(adjudicated).every((k) => !k.startsWith('lead')),
      'the adjudicator is the reference, never a scored annotator',
    );
  });
});
