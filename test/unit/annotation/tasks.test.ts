// Issue 13 and 10 in the annotation session: every declared task by name (a pairwise one asks each criterion),
// labels restored from the panel count before the database has them, the blind panel hides the detector's chip,
// the guidelines come rendered, and the time on item is stored, exported and imported with the label.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import type { LanguageTag } from '../../../src/core/model/language';
import { connectionOf } from '../../../src/core/store/connection';
import { appendLabel, savePosition } from '../../../src/core/store/annotation';
import { labelRecords } from '../../../src/core/store/labelExport';
import { Store } from '../../../src/core/store/store';
import { AnnotationSession, type SessionSpec } from '../../../src/extension/annotate/session';
import { RUN, writeFixture } from '../../e2e/fixture';

describe('annotation session: declared tasks, restored labels, time on item', () => {
  let dir: string;
  let store: Store;
  const spec = (over: Partial<SessionSpec> = {}): SessionSpec => ({
    run: RUN,
    task: 'rating',
    annotator: 'tasker',
    languages: ['he' as LanguageTag],
    seed: '',
    blind: true,
    restrictedTo: null,
    ...over,
  });
  const at = (s: number) => new Date(Date.UTC(2025, 0, 6, 0, 0, s)).toISOString();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'langlens-tasks-'));
    writeFixture(join(dir, 'run'));
    store = await Store.open(join(dir, 'test.db'));
    for (const file of ['prompts', 'responses']) await importFile(store, join(dir, 'run', `${file}.jsonl`));
    writeFileSync(
      join(dir, 'langlens.schema.json'),
      JSON.stringify({
        scales: [{ name: 'q-3', min: 1, max: 3 }],
        criteria: [
          { name: 'fluency', rubric: '3: native', examples: ['**Example.** "Tea is hot." is a 3.'] },
          { name: 'correctness' },
        ],
        tasks: [
          { name: 'b-overall', kind: 'rating', scale: 'q-3', criteria: [], guidelines: ['# Rate', '<i>x</i>'] },
          { name: 'a-fluency', kind: 'rating', scale: 'q-3', criteria: ['fluency'] },
          { name: 'pairs', kind: 'pairwise', criteria: ['fluency', 'correctness'] },
        ],
      }),
    );
    await importFile(store, join(dir, 'langlens.schema.json'));
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens any declared task by name, and refuses a name that is not declared', async () => {
    const overall = await AnnotationSession.open(store, spec({ declaredTask: 'b-overall' }));
    assert.equal(overall.view().design?.task, 'b-overall');
    assert.equal(overall.items.length, 6 * 12, 'no criteria: one item per response');
    const fluency = await AnnotationSession.open(store, spec({ declaredTask: 'a-fluency' }));
    assert.deepEqual(
      (await fluency.itemViews(store, 0, 1)).map((v) => v.criterion?.name),
      ['fluency'],
    );
    await assert.rejects(
      AnnotationSession.open(store, spec({ declaredTask: 'nope' })),
      /the rating task "nope" is not declared .*declared: a-fluency, b-overall/,
    );
  });

  it('renders the guidelines with raw HTML off, and each criterion with its rubric and examples', async () => {
    const overall = await AnnotationSession.open(store, spec({ declaredTask: 'b-overall' }));
    assert.equal(overall.view().guidelines, '<h1>Rate</h1>\n<p>&lt;i&gt;x&lt;/i&gt;</p>\n');
    const pairs = await AnnotationSession.open(store, spec({ task: 'pairwise', declaredTask: 'pairs' }));
    const text = pairs.view().guidelines ?? '';
    assert.match(text, /<h3>fluency<\/h3>/);
    assert.match(text, /<strong>Rubric.<\/strong> 3: native/);
    assert.match(text, /<strong>Example\.<\/strong> &quot;Tea is hot\.&quot; is a 3\./);
    assert.doesNotMatch(text, /correctness/, 'a criterion with nothing to say adds no section');
  });

  it('asks each criterion of a pair and stores each label with its criterion, read back on its own item', async () => {
    const pairs = await AnnotationSession.open(store, spec({ task: 'pairwise', declaredTask: 'pairs' }));
    assert.equal(pairs.items.length, 6 * 66 * 2, '66 pairs of 12 systems per prompt, two criteria each');
    const [first, second] = await pairs.itemViews(store, 0, 2);
    assert.deepEqual([first!.criterion?.name, second!.criterion?.name], ['fluency', 'correctness']);
    assert.equal(first!.responses.length, 2);
    await appendLabel(
      store,
      pairs.labelWrite({ id: 'p1', itemKey: first!.key, value: 'left', comment: null, labelledAt: at(1) }),
    );
    await appendLabel(
      store,
      pairs.labelWrite({ id: 'p2', itemKey: second!.key, value: 'tie', comment: null, labelledAt: at(2) }),
    );
    const rows = await connectionOf(store).all<{ criterion: string; value: string }>(
      "SELECT criterion, value FROM current_labels WHERE kind = 'pairwise' ORDER BY criterion",
    );
    assert.deepEqual(
      rows.map((r) => [r.criterion, r.value === 'tie' ? 'tie' : 'A or B']),
      [
        ['correctness', 'tie'],
        ['fluency', 'A or B'],
      ],
    );
    const again = await AnnotationSession.open(store, spec({ task: 'pairwise', declaredTask: 'pairs' }));
    const [a, b] = await again.itemViews(store, 0, 2);
    assert.deepEqual([a!.label?.value, b!.label?.value], ['left', 'tie'], 'each criterion keeps its own label');
    const builtIn = await AnnotationSession.open(store, spec({ task: 'pairwise', declaredTask: '' }));
    assert.equal(builtIn.view().design?.task, 'pairs', 'no name: the first declared pairwise task');
  });

  it('counts labels restored from the panel and resumes at the first unlabelled item after them', async () => {
    const s = spec({ annotator: 'crashed', declaredTask: 'b-overall' });
    const session = await AnnotationSession.open(store, s);
    const keys = session.items.map((i) => i.key);
    await appendLabel(
      store,
      session.labelWrite({ id: 'c1', itemKey: keys[0]!, value: 'scale:3', comment: null, labelledAt: at(3) }),
    );
    // The host died with the annotator on item 1: that position was saved, the labels of items 1 and 2 were not.
    await savePosition(store, 'crashed', session.queue, keys[1]!);
    const reopened = await AnnotationSession.open(store, s);
    const unsaved = [
      { itemKey: keys[1]!, labelled: true },
      { itemKey: keys[2]!, labelled: true },
      { itemKey: 'no longer in the queue', labelled: true },
    ];
    const view = reopened.view(unsaved);
    assert.equal(view.labelledMask.slice(0, 4), '1110');
    assert.equal([...view.labelledMask].filter((c) => c === '1').length, 3);
    assert.equal(view.startIndex, 3, 'the first item not labelled after the remembered one');
    assert.equal(reopened.view().startIndex, 1, 'without them: the remembered item');
    const undone = reopened.view([{ itemKey: keys[0]!, labelled: false }]);
    assert.equal(undone.labelledMask[0], '0', 'an unsaved undo clears the count too');
  });

  it('hides the detector chip in blind mode unless the setting shows it', async () => {
    await connectionOf(store).run(
      `INSERT OR REPLACE INTO language_detections (response_id, detector, lang, confidence, reason)
       SELECT id, 'test', 'en', 0.9, NULL FROM responses`,
    );
    const blind = await AnnotationSession.open(store, spec({ declaredTask: 'b-overall' }));
    assert.equal((await blind.itemViews(store, 0, 1))[0]!.responses[0]!.detected, null);
    const shown = await AnnotationSession.open(store, spec({ declaredTask: 'b-overall', showDetectedWhenBlind: true }));
    assert.equal((await shown.itemViews(store, 0, 1))[0]!.responses[0]!.detected?.mismatch, true);
    const open = await AnnotationSession.open(store, spec({ declaredTask: 'b-overall', blind: false }));
    assert.equal((await open.itemViews(store, 0, 1))[0]!.responses[0]!.detected?.language.tag, 'en');
  });

  it('stores the time on item with the label, exports it and imports it back', async () => {
    const session = await AnnotationSession.open(store, spec({ annotator: 'timed', declaredTask: 'b-overall' }));
    const key = session.items[0]!.key;
    await appendLabel(
      store,
      session.labelWrite({
        id: 't1',
        itemKey: key,
        value: 'scale:2',
        comment: null,
        labelledAt: at(4),
        timeOnItemMs: 8421,
      }),
    );
    await appendLabel(
      store,
      session.labelWrite({ id: 't2', itemKey: key, value: null, comment: null, labelledAt: at(5), timeOnItemMs: null }),
    );
    const exported = (await labelRecords(store)).filter((r) => r.annotator === 'timed');
    assert.deepEqual(
      exported.map((r) => r.time_on_item_ms),
      [8421, undefined],
    );
    const other = await Store.open(join(dir, 'other.db'));
    try {
      for (const file of ['prompts', 'responses']) await importFile(other, join(dir, 'run', `${file}.jsonl`));
      await importFile(other, join(dir, 'langlens.schema.json'));
      const file = join(dir, 'timed.jsonl');
      writeFileSync(file, exported.map((r) => JSON.stringify(r)).join('\n') + '\n');
      await importFile(other, file);
      const rows = await connectionOf(other).all<{ fingerprint: string; ms: number | null }>(
        'SELECT fingerprint, time_on_item_ms AS ms FROM labels ORDER BY labelled_at',
      );
      assert.deepEqual(rows, [
        { fingerprint: 't1', ms: 8421 },
        { fingerprint: 't2', ms: null },
      ]);
      const bad = join(dir, 'bad.jsonl');
      writeFileSync(bad, JSON.stringify({ ...exported[0], label_id: 't3', time_on_item_ms: -5 }) + '\n');
      await assert.rejects(importFile(other, bad), /bad\.jsonl:1.*time_on_item_ms.*0 or more/);
    } finally {
      await other.close();
    }
  });
});
