// The annotation queue against a real database: blind order recorded, labels appended and resumed, pairs
// stored in the database's system order whatever the screen showed.
import { openTestStore } from '../../support/testDatabase';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import type { LanguageTag } from '../../../src/core/model/language';
import { connectionOf } from '../../../src/core/store/connection';
import { appendLabel, appendLanguageFlag, savePosition } from '../../../src/core/store/annotation';
import { flagCounts, progressOf } from '../../../src/core/store/explorerProgress';
import { promptGroup } from '../../../src/core/store/promptGroup';
import { Store } from '../../../src/core/store/store';
import { AnnotationSession, type SessionSpec } from '../../../src/extension/annotate/session';
import { gridView } from '../../../src/extension/grid/gridView';
import { displayLanguage, ENGLISH_DISPLAY } from '../../../src/extension/displayLanguage';
import { ENGLISH } from '../../../src/extension/localiser';
import { RUN, writeFixture } from '../../e2e/fixture';

describe('annotation session on a database', () => {
  let dir: string;
  let store: Store;
  const spec = (over: Partial<SessionSpec> = {}): SessionSpec => ({
    run: RUN,
    task: 'rating',
    annotator: 'tester',
    languages: ['he' as LanguageTag],
    seed: '',
    blind: true,
    restrictedTo: null,
    ...over,
  });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'langlens-session-'));
    writeFixture(join(dir, 'run'));
    store = await openTestStore(join(dir, 'test.db'));
    for (const file of ['prompts', 'responses', 'judgments', 'labels'])
      await importFile(store, join(dir, 'run', `${file}.jsonl`));
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('queues every Hebrew response, group by group, and starts at the first item', async () => {
    const session = await AnnotationSession.open(store, spec());
    assert.equal(session.items.length, 6 * 12);
    assert.ok(session.items.every((i) => i.lang === 'he'));
    assert.deepEqual([...new Set(session.items.map((i) => i.group))], ['q1', 'q2', 'q3', 'q4', 'q5', 'q6']);
    assert.equal(session.startIndex, 0);
    assert.equal(session.view().labelledMask, '0'.repeat(72));
  });

  it('gives the same order to the same annotator and another order to another', async () => {
    const a = (await AnnotationSession.open(store, spec())).items.map((i) => i.key);
    const again = (await AnnotationSession.open(store, spec())).items.map((i) => i.key);
    const other = (await AnnotationSession.open(store, spec({ annotator: 'someone-else' }))).items.map((i) => i.key);
    assert.deepEqual(a, again);
    assert.notDeepEqual(a, other);
    assert.deepEqual([...a].sort(), [...other].sort());
  });

  it('appends labels, shows the latest, treats a cleared label as unlabelled and resumes where it stopped', async () => {
    const session = await AnnotationSession.open(store, spec());
    const [first, second] = session.items;
    const at = (s: number) => new Date(Date.UTC(2025, 0, 3, 0, 0, s)).toISOString();
    await appendLabel(
      store,
      session.labelWrite({ id: 'l1', itemKey: first!.key, value: 'pass', comment: null, labelledAt: at(1) }),
    );
    await appendLabel(
      store,
      session.labelWrite({ id: 'l2', itemKey: first!.key, value: 'excellent', comment: 'clear', labelledAt: at(2) }),
    );
    await appendLabel(
      store,
      session.labelWrite({ id: 'l2', itemKey: first!.key, value: 'excellent', comment: 'clear', labelledAt: at(2) }),
    );
    await appendLabel(
      store,
      session.labelWrite({ id: 'l3', itemKey: second!.key, value: 'fail', comment: null, labelledAt: at(3) }),
    );
    await appendLabel(
      store,
      session.labelWrite({ id: 'l4', itemKey: second!.key, value: null, comment: null, labelledAt: at(4) }),
    );
    await savePosition(store, 'tester', session.queue, session.items[2]!.key);

    const rows = await connectionOf(store).all<{ n: number }>(
      "SELECT count(*) AS n FROM labels l JOIN annotators a ON a.id = l.annotator_id WHERE a.name = 'tester'",
    );
    assert.equal(rows[0]!.n, 4, 'retrying a label with the same id stores it once; the history keeps all others');
    const reopened = await AnnotationSession.open(store, spec());
    assert.equal(reopened.startIndex, 2);
    assert.equal(reopened.view().labelledMask.slice(0, 3), '100');
    const [view] = await reopened.itemViews(store, 0, 1);
    assert.deepEqual(view!.label, { value: 'excellent', comment: 'clear' });
    assert.equal(view!.responses.length, 1);
    assert.equal(view!.responses[0]!.system, null, 'blind: no system name reaches the webview');
  });

  it('stores a pairwise choice relative to the systems and records which side each was shown on', async () => {
    const session = await AnnotationSession.open(store, spec({ task: 'pairwise', annotator: 'pair-tester' }));
    assert.equal(session.items.length, 6 * 66);
    const item = session.items.find((i) => i.task === 'pairwise' && i.shown === 'BA')!;
    assert.ok(item && item.task === 'pairwise');
    await appendLabel(
      store,
      session.labelWrite({
        id: 'p1',
        itemKey: item.key,
        value: 'left',
        comment: null,
        labelledAt: new Date().toISOString(),
      }),
    );
    const labels = await store.humanPairwiseLabels({ run: RUN, annotators: ['pair-tester'] });
    assert.equal(labels.length, 1);
    const label = labels[0]!;
    // Left was systemB (shown BA), so systemB is better, whatever order the database keeps the pair in.
    const better = label.verdict === 'A' ? label.systemA : label.systemB;
    assert.equal(better, item.systemB);
    const leftShown = label.order === 'AB' ? label.systemA : label.systemB;
    assert.equal(leftShown, item.systemB);
    const reopened = await AnnotationSession.open(store, spec({ task: 'pairwise', annotator: 'pair-tester' }));
    const [view] = await reopened.itemViews(
      store,
      reopened.items.findIndex((i) => i.key === item.key),
      reopened.items.findIndex((i) => i.key === item.key) + 1,
    );
    assert.equal(view!.label?.value, 'left');
  });

  it("flags a response as not in the prompt's language in one write, and un-flags it with another", async () => {
    const session = await AnnotationSession.open(store, spec({ annotator: 'flagger' }));
    const item = session.items[0]!;
    assert.ok(item.task === 'rating');
    const flag = (id: string, flagged: boolean, second: number) =>
      session.flagWrite({
        id,
        itemKey: item.key,
        slot: 'only',
        flagged,
        labelledAt: new Date(Date.UTC(2025, 0, 4, 0, 0, second)).toISOString(),
      });
    await appendLanguageFlag(store, flag('f1', true, 1));
    let data = await promptGroup(store, { run: RUN, group: item.group, turn: 1 });
    assert.deepEqual(
      data.flags.map((f) => [f.lang, f.system, f.annotator]),
      [['he', item.system, 'flagger']],
    );
    assert.equal((await flagCounts(store, RUN)).find((r) => r.lang === 'he' && r.group === item.group)?.responses, 1);
    const [view] = await (await AnnotationSession.open(store, spec({ annotator: 'flagger' }))).itemViews(store, 0, 1);
    assert.equal(view!.responses[0]!.flagged, true);
    await appendLanguageFlag(store, flag('f2', false, 2));
    data = await promptGroup(store, { run: RUN, group: item.group, turn: 1 });
    assert.equal(data.flags.length, 0);
    const history = await connectionOf(store).all<{ flagged: number }>(
      'SELECT flagged FROM language_flags ORDER BY id',
    );
    assert.deepEqual(
      history.map((h) => h.flagged),
      [1, 0],
      'un-flagging appends; the history keeps both',
    );
  });

  it('counts progress per language and group for the explorer', async () => {
    const rows = await progressOf(store, RUN, 'tester', 'rating');
    const he = rows.filter((r) => r.lang === 'he');
    assert.equal(
      he.reduce((s, r) => s + r.total, 0),
      72,
    );
    assert.equal(
      he.reduce((s, r) => s + r.labelled, 0),
      1,
    );
    const pairs = await progressOf(store, RUN, 'pair-tester', 'pairwise');
    assert.equal(
      pairs.filter((r) => r.lang === 'he').reduce((s, r) => s + r.total, 0),
      6 * 66,
    );
  });

  it('loads one prompt group with everything on it for the grid', async () => {
    const data = await promptGroup(store, { run: RUN, group: 'q1', turn: 1 });
    const view = gridView(data, { index: 0, count: 7, focusLanguage: 'he' }, ENGLISH_DISPLAY);
    assert.equal(view.languages.length, 12);
    assert.equal(view.systems.length, 12);
    assert.equal(view.cells.length, 144);
    const he = view.languages.find((l) => l.language.tag === 'he')!;
    assert.equal(he.language.rtl, true);
    assert.equal(he.language.name, 'Hebrew');
    const spanish = gridView(data, { index: 0, count: 7, focusLanguage: 'he' }, displayLanguage('es', ENGLISH));
    assert.deepEqual(
      spanish.languages.map((l) => l.language.tag),
      view.languages.map((l) => l.language.tag),
      'the rows stay in the order of their tags',
    );
    assert.equal(spanish.languages.find((l) => l.language.tag === 'he')!.language.name, 'hebreo');
    assert.equal(spanish.languages.find((l) => l.language.tag === 'de')?.language.name, 'alemán');
    assert.equal(he.pairJudgments.length, 2);
    assert.equal(
      he.pairJudgments.find((p) => p.systemA === 'multi-3' || (p.systemB === 'multi-3' && p.orders.length === 2))
        ?.orders.length,
      2,
    );
    const cell = view.cells.find((c) => c.lang === 'he' && c.system === 'multi-3')!;
    assert.deepEqual(cell.samples[0]!.ratings.map((r) => r.annotator).sort(), ['alice', 'bob']);
    assert.equal(cell.samples[0]!.scores.length, 1);
  });
});
