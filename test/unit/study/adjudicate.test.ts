// The adjudication panel's write: the lead's verdict is an ordinary, append-only label of an annotator of the role
// adjudicator; it is listed by the one disagreements loader and counts as gold (--gold adjudicated) in the tables.
// Annotators' own writes are never refused.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { loadDisagreements } from '../../../src/core/metrics/annotators';
import { tableSource } from '../../../src/core/report/sources';
import { appendAdjudicatedLabel, appendLabel } from '../../../src/core/store/annotation';
import { connectionOf } from '../../../src/core/store/connection';
import { PROJECT_ROOT } from '../../support/paths';
import { openTestStore, type TestStore } from '../scores/support';

const RUN = join(PROJECT_ROOT, 'test/fixtures/study-tools/run.jsonl');

const verdictOn = (group: string, annotator: string, value: 'A' | 'B' | 'tie', at = '2026-02-01T10:00:00.000Z') => ({
  kind: 'pairwise' as const,
  run: 'study',
  group,
  lang: 'he',
  turn: 1,
  systemA: 'x',
  systemB: 'y',
  value,
  presentation: 'AB' as const,
  fingerprint: `${annotator}-${group}-${value}-${at}`,
  annotator,
  comment: null,
  labelledAt: at,
});

describe('adjudication: the lead records a verdict', () => {
  let test: TestStore;

  beforeEach(async () => {
    test = await openTestStore();
    await importFile(test.store, RUN);
  });
  afterEach(async () => test?.close());

  it('lists the Hebrew disagreements by kind, with every vote, its time and the judge', async () => {
    const all = await loadDisagreements(test.store, { run: 'study', languages: ['he'] });
    const humans = await loadDisagreements(test.store, { run: 'study', languages: ['he'], kind: 'human-human' });
    const judge = await loadDisagreements(test.store, { run: 'study', languages: ['he'], kind: 'human-judge' });
    assert.ok(humans.length > 0 && judge.length > 0);
    assert.ok(humans.every((d) => d.reasons.includes('annotators')));
    assert.ok(judge.every((d) => d.reasons.includes('judge')));
    assert.equal(new Set([...humans, ...judge].map((d) => d.group)).size, all.length);
    const p01 = all.find((d) => d.group === 'p01')!;
    assert.deepEqual(
      p01.votes.map((v) => [v.annotator, v.verdict, v.timeOnItemMs, v.labelledAt]),
      [
        ['ann1', 'B', 25138, '2026-01-01T00:00:00.000Z'],
        ['ann2', 'A', 4097, '2026-01-01T00:00:00.000Z'],
        ['ann3', 'A', 14177, '2026-01-01T00:00:00.000Z'],
      ],
    );
    assert.deepEqual(p01.judges, [{ judge: 'j', verdict: 'A', reasoning: ['reasoning on he p01'] }]);
    assert.equal(p01.adjudicated, null);
  });

  it('writes it append-only under the role adjudicator; the latest counts, the earlier stays in the history', async () => {
    await appendAdjudicatedLabel(test.store, verdictOn('p01', 'lead', 'B', '2026-02-01T10:00:00.000Z'));
    await appendAdjudicatedLabel(test.store, verdictOn('p01', 'lead', 'A', '2026-02-01T10:05:00.000Z'));
    // The same label sent twice (a retry) is stored once.
    await appendAdjudicatedLabel(test.store, verdictOn('p01', 'lead', 'A', '2026-02-01T10:05:00.000Z'));
    const rows = await connectionOf(test.store).all<{ value: string; role: string }>(
      `SELECT l.value, a.role FROM labels l JOIN annotators a ON a.id = l.annotator_id JOIN prompts p ON p.id = l.prompt_id
       WHERE a.name = 'lead' AND p.lang = 'he' ORDER BY l.id`,
    );
    assert.deepEqual(rows, [
      { value: 'B', role: 'adjudicator' },
      { value: 'A', role: 'adjudicator' },
    ]);
    const [p01] = (await loadDisagreements(test.store, { run: 'study', languages: ['he'] })).filter(
      (d) => d.group === 'p01',
    );
    assert.equal(p01!.adjudicated, 'A');
    assert.equal(p01!.votes.length, 3, 'the adjudication is not a vote');
  });

  it("makes a new name an adjudicator, and refuses a raw annotator's name (whose own labels still go in)", async () => {
    await appendAdjudicatedLabel(test.store, verdictOn('p02', 'new-lead', 'tie'));
    const role = await connectionOf(test.store).get<{ role: string }>(
      "SELECT role FROM annotators WHERE name = 'new-lead'",
    );
    assert.equal(role?.role, 'adjudicator');
    await assert.rejects(
      appendAdjudicatedLabel(test.store, verdictOn('p02', 'ann1', 'tie')),
      /"ann1" is stored as an annotator \(role annotator\).*langlens\.adjudicator\.id/,
    );
    // ann1 labels as before, and nothing of the refused write was stored.
    await appendLabel(test.store, verdictOn('p02', 'ann1', 'A', '2026-02-02T00:00:00.000Z'));
    const ann1 = await connectionOf(test.store).all<{ value: string }>(
      `SELECT l.value FROM labels l JOIN annotators a ON a.id = l.annotator_id JOIN prompts p ON p.id = l.prompt_id
       WHERE a.name = 'ann1' AND p.lang = 'he' AND p.group_key = 'p02' ORDER BY l.id`,
    );
    assert.deepEqual(
      ann1.map((r) => r.value),
      ['tie', 'A'],
    );
  });

  it('is gold for the tables: --gold adjudicated picks it up in annotator-scores and judge-accuracy', async () => {
    const base = { run: 'study', languages: ['he'], by: ['lang'] as const, invalidAs: 'exclude' as const, minItems: 1 };
    const before = await tableSource('annotator-scores')!.build(test.store, { ...base, gold: 'adjudicated' });
    assert.deepEqual(
      before.rows.map((r) => r.nGold),
      [0, 0, 0],
      'no Hebrew adjudication yet',
    );
    await assert.rejects(
      tableSource('judge-accuracy')!.build(test.store, { ...base, gold: 'adjudicated' }),
      /no pairwise label by this annotator/,
    );
    // p01: ann1 B, ann2 A, ann3 A, judge A. The lead says B.
    await appendAdjudicatedLabel(test.store, verdictOn('p01', 'lead', 'B'));
    const after = await tableSource('annotator-scores')!.build(test.store, { ...base, gold: 'adjudicated' });
    const gold = Object.fromEntries(after.rows.map((r) => [String(r.annotator), [r.nGold, r.goldAccuracy]]));
    assert.deepEqual(
      Object.fromEntries(Object.entries(gold).map(([a, [n, acc]]) => [a, [n, (acc as { value: number }).value]])),
      { ann1: [1, 1], ann2: [1, 0], ann3: [1, 0] },
    );
    const accuracy = await tableSource('judge-accuracy')!.build(test.store, { ...base, gold: 'adjudicated' });
    assert.equal(accuracy.rows.length, 1);
    const row = accuracy.rows[0]!;
    // Of the 8 Hebrew items the judge judged, p01 now has a reference (its adjudicated label); the fixture's verdicts
    // are combined ones, so it is counted apart rather than in an order's accuracy.
    assert.equal(row.noReference, 7);
    assert.ok(accuracy.notes.some((n) => n.startsWith('1 pair(s) came with an already combined verdict')));
  });
});
