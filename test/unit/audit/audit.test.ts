// The items behind an agreement figure and the judge-error audit, on a small run worked out by hand (the
// arithmetic is in the comments), through the real importer and store; and on MT-bench, the items behind
// GPT-4's agreement with the experts must give back the published figure exactly.
import { strict as assert } from 'node:assert';
import { loadPairwiseItems, raterAgreement, type PairwiseItem } from '../../../src/core/metrics/agreement';
import {
  agreementDashboard,
  itemsBehind,
  itemsInGroup,
  judgeErrorCount,
  judgeErrors,
  summarise,
} from '../../../src/core/metrics/audit';
import { dashboardTable } from '../../../src/core/report/dashboardTable';
import { renderTable } from '../../../src/core/report/render';
import type { Store } from '../../../src/core/store/store';
import type { temporaryFolder } from '../../support/paths';
import { MT_BENCH, storeOfSharedData, type TemporaryStore } from '../../support/sharedStores';
import { openHandRun } from './handRun';

describe('audit: the items behind the agreement figures, by hand', () => {
  let folder: ReturnType<typeof temporaryFolder>;
  let store: Store;
  let items: PairwiseItem[];
  let spanish: PairwiseItem[];

  before(async () => {
    ({ folder, store } = await openHandRun());
    items = await loadPairwiseItems(store, { run: 'audit' });
    spanish = itemsInGroup(items, { lang: 'es' }, ['lang']);
  });

  after(async () => {
    await store?.close();
    folder?.remove();
  });

  it('marks each Spanish item of the judge: disagreements first, then tie-involved, invalid, agree', () => {
    const behind = itemsBehind(spanish, { kind: 'judge-human', judge: 'j' }, { invalidAs: 'exclude' });
    assert.deepEqual(
      behind.map((i) => [i.group, i.outcome, i.judgeVerdict]),
      [
        ['p2', 'disagree', 'A'],
        ['p5', 'disagree', 'B'],
        ['p3', 'tie-involved', 'tie'],
        ['p6', 'tie-involved', 'tie'],
        ['p4', 'invalid', 'invalid'],
        ['p1', 'agree', 'A'],
      ],
    );
    assert.deepEqual(
      behind.find((i) => i.group === 'p5')!.pairs.map((p) => [p.raterY, p.y, p.outcome]),
      [
        ['ann1', 'A', 'opposite'],
        ['ann2', 'B', 'agree'],
        ['ann3', 'A', 'opposite'],
      ],
    );
    assert.deepEqual(behind.find((i) => i.group === 'p4')!.pairs, [], 'an invalid item contributes no pair');
  });

  it('sums back to raterAgreement: 4/11 with ties, 3/7 without, LIMA 5.5/11, 5 items and 1 invalid', () => {
    const summary = summarise(itemsBehind(spanish, { kind: 'judge-human', judge: 'j' }, { invalidAs: 'exclude' }));
    // Pairs: p1 2 + p2 2 + p3 2 + p5 3 + p6 2 = 11; agree p1 2 + p3 1 (tie = tie) + p5 1 = 4; tie-involved p3 1 +
    // p6 2 = 3; opposite p2 2 + p5 2 = 4. Without ties: 11 − 3 tie-involved − 1 tie = tie = 7, of which 3 agree.
    assert.deepEqual(summary, {
      items: 5,
      invalid: 1,
      agree: 4,
      bothTie: 1,
      tieInvolved: 3,
      opposite: 4,
      pairs: 11,
      pairsWithoutTie: 7,
      agreeWithoutTie: 3,
      byOutcome: { agree: 1, disagree: 2, 'tie-involved': 2, invalid: 1 },
    });
    const row = raterAgreement(spanish, { by: ['lang'], invalidAs: 'exclude' }).find((r) => r.kind === 'judge-human')!;
    assert.deepEqual([row.withTie.value, row.withTie.n], [4 / 11, 11]);
    assert.deepEqual([row.withoutTie.value, row.withoutTie.n], [3 / 7, 7]);
    assert.deepEqual([row.lima.value, row.lima.n], [5.5 / 11, 11]);
    assert.deepEqual([row.items, row.invalid], [summary.items, summary.invalid]);
  });

  it('counts an unparsable verdict as a tie when asked, as raterAgreement does', () => {
    const behind = itemsBehind(spanish, { kind: 'judge-human', judge: 'j' }, { invalidAs: 'tie' });
    const p4 = behind.find((i) => i.group === 'p4')!;
    assert.equal(p4.outcome, 'tie-involved');
    assert.equal(p4.judgeVerdict, 'invalid', 'the stored verdict is shown as it is');
    const summary = summarise(behind);
    const row = raterAgreement(spanish, { by: ['lang'], invalidAs: 'tie' }).find((r) => r.kind === 'judge-human')!;
    assert.deepEqual([summary.pairs, summary.agree / summary.pairs], [row.withTie.n, row.withTie.value]);
  });

  it('lists the human–human pairs: 7 pairs on 5 items, 4 agree', () => {
    const behind = itemsBehind(spanish, { kind: 'human-human' }, { invalidAs: 'exclude' });
    // p1 (A,A), p2 (B,B), p3 (A,tie), p5 (A,B) (A,A) (B,A), p6 (B,B); p4 has one vote only.
    assert.deepEqual(
      behind.map((i) => [i.group, i.outcome]),
      [
        ['p5', 'disagree'],
        ['p3', 'tie-involved'],
        ['p1', 'agree'],
        ['p2', 'agree'],
        ['p6', 'agree'],
      ],
    );
    const summary = summarise(behind);
    assert.deepEqual([summary.pairs, summary.agree, summary.tieInvolved, summary.opposite], [7, 4, 1, 2]);
    const row = raterAgreement(spanish, { by: ['lang'], invalidAs: 'exclude' }).find((r) => r.kind === 'human-human')!;
    assert.deepEqual([row.withTie.value, row.withTie.n, row.items], [4 / 7, 7, 5]);
  });

  it('audits the judge in Spanish: strongest disagreements first', () => {
    const audit = judgeErrors(spanish, 'j', { invalidAs: 'exclude' });
    assert.deepEqual([audit.checked, audit.invalid], [5, 1]);
    assert.deepEqual(
      audit.errors.map((e) => [e.group, e.verdict, e.majority ?? null, e.against, e.strength, e.opposite]),
      [
        ['p2', 'A', 'B', 'every-vote', 1, 2],
        ['p5', 'B', 'A', 'majority', 1 - 1 / 3, 2],
        ['p6', 'tie', 'B', 'every-vote', 0.5, 0],
      ],
    );
    assert.deepEqual(
      judgeErrors(itemsInGroup(items, { lang: 'he' }, ['lang']), 'j', { invalidAs: 'exclude' }).errors,
      [],
      'no error in Hebrew',
    );
  });

  it('flags a language where the judge is below the humans, and exports the table', async () => {
    const dashboard = agreementDashboard(items, {
      invalidAs: 'exclude',
      intervals: { resamples: 200, seed: 1, level: 0.95 },
    });
    assert.deepEqual(dashboard.by, ['lang']);
    assert.deepEqual(
      dashboard.groups.map((g) => g.group.lang),
      ['es', 'he'],
    );
    const es = dashboard.groups[0]!;
    assert.equal(es.judges[0]!.row.withTie.value, 4 / 11);
    assert.equal(es.humans!.withTie.value, 4 / 7);
    assert.equal(dashboard.groups[1]!.humans, undefined, 'one Hebrew vote per item: no human–human figure');
    assert.equal(dashboard.groups[1]!.flagged, false);
    const csv = renderTable(dashboardTable(dashboard), 'csv');
    assert.match(csv.split('\n')[0]!, /^lang,comparison,withTie,.*,belowHumans$/);
    assert.equal(csv.split('\n').filter((l) => l.startsWith('es,')).length, 2, 'the judge and the humans in Spanish');
  });
});

describe('audit: MT-bench, the items behind GPT-4 vs experts (turn 1)', function () {
  let database: TemporaryStore | undefined;
  let items: PairwiseItem[];

  before(async function () {
    database = await storeOfSharedData(this, ...MT_BENCH);
    items = await loadPairwiseItems(database.store, { annotatorPattern: 'expert_*', turns: [1] });
  });

  after(async () => {
    await database?.close();
  });

  it('disagreeing vote pairs = (1 − agreement with ties) × n, exactly: 0.660 × 1343', () => {
    const row = raterAgreement(items, { by: [], invalidAs: 'exclude' }).find((r) => r.kind === 'judge-human')!;
    const summary = summarise(
      itemsBehind(items, { kind: 'judge-human', judge: 'gpt4_pair' }, { invalidAs: 'exclude' }),
    );
    assert.equal(row.withTie.n, 1343);
    assert.equal(summary.pairs, 1343);
    const disagreeing = summary.tieInvolved + summary.opposite;
    assert.equal(disagreeing, summary.pairs - summary.agree);
    assert.equal(disagreeing, Math.round((1 - row.withTie.value) * row.withTie.n));
    assert.ok(
      Math.abs((1 - row.withTie.value) * row.withTie.n - disagreeing) < 1e-9,
      'an integer count, not a rounding',
    );
    assert.equal(summary.agree / summary.pairs, row.withTie.value);
    assert.deepEqual(
      [summary.pairsWithoutTie, summary.agreeWithoutTie],
      [row.withoutTie.n, row.withoutTie.value * row.withoutTie.n],
    );
    assert.equal((summary.agree + summary.tieInvolved / 2) / summary.pairs, row.lima.value);
    assert.equal(summary.items, row.items);
  });

  it('puts items where GPT-4 names one answer and every expert the other at the top of the audit', () => {
    const audit = judgeErrors(items, 'gpt4_pair', { invalidAs: 'exclude' });
    assert.ok(audit.errors.length > 0);
    const top = audit.errors[0]!;
    assert.equal(top.strength, 1);
    assert.ok(top.humans.every((h) => h.verdict !== 'tie' && h.verdict !== top.verdict));
    for (let i = 1; i < audit.errors.length; i++) assert.ok(audit.errors[i - 1]!.strength >= audit.errors[i]!.strength);
  });

  it("counts as many judge errors as it lists (the dashboard's count), invalid verdicts left out or as ties", () => {
    for (const invalidAs of ['exclude', 'tie'] as const) {
      const listed = judgeErrors(items, 'gpt4_pair', { invalidAs }).errors.length;
      assert.ok(listed > 100, `${listed} errors`);
      assert.equal(judgeErrorCount(items, 'gpt4_pair', { invalidAs }), listed, invalidAs);
    }
    assert.equal(judgeErrorCount(items, 'no-such-judge', { invalidAs: 'tie' }), 0);
  });
});
