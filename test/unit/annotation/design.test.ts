// The annotation queue of a project that declares its rating task (langlens.schema.json): one item per response and
// criterion, the declared scale's choices, labels stored with their criterion and scale and read back into the queue.
import { openTestStore } from '../../support/testDatabase';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import type { LanguageTag } from '../../../src/core/model/language';
import { loadHumanRatings } from '../../../src/core/metrics/ratings/humanRatings';
import { appendLabel } from '../../../src/core/store/annotation';
import { progressOf } from '../../../src/core/store/explorerProgress';
import { Store } from '../../../src/core/store/store';
import { AnnotationSession, type SessionSpec } from '../../../src/extension/annotate/session';
import { actionFor, bindings } from '../../../webview/annotate/keys';
import { RUN, writeFixture } from '../../e2e/fixture';

describe('annotation session with a declared rating task', () => {
  let dir: string;
  let store: Store;
  const spec: SessionSpec = {
    run: RUN,
    task: 'rating',
    annotator: 'rater',
    languages: ['he' as LanguageTag],
    seed: '',
    blind: true,
    restrictedTo: null,
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'langlens-design-'));
    writeFixture(join(dir, 'run'));
    store = await openTestStore(join(dir, 'test.db'));
    for (const file of ['prompts', 'responses']) await importFile(store, join(dir, 'run', `${file}.jsonl`));
    writeFileSync(
      join(dir, 'langlens.schema.json'),
      JSON.stringify({
        scales: [{ name: 'quality-5', min: 1, max: 5 }],
        criteria: [{ name: 'fluency', rubric: '5: native' }, { name: 'correctness' }],
        tasks: [{ name: 'quality', kind: 'rating', scale: 'quality-5', criteria: ['fluency', 'correctness'] }],
      }),
    );
    await importFile(store, join(dir, 'langlens.schema.json'));
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks about each response once per criterion, on the declared scale, keys 1…5', async () => {
    const session = await AnnotationSession.open(store, spec);
    assert.equal(session.items.length, 6 * 12 * 2);
    const view = session.view();
    assert.deepEqual(view.design, {
      task: 'quality',
      scale: { name: 'quality-5', description: null, choices: ['1', '2', '3', '4', '5'] },
      criteria: [
        { name: 'fluency', description: null, rubric: '5: native' },
        { name: 'correctness', description: null, rubric: null },
      ],
    });
    assert.deepEqual(actionFor('rating', '4', view.design), { kind: 'label', value: 'scale:4' });
    assert.equal(actionFor('rating', 'e', view.design), undefined, 'excellent / pass / fail keys are not bound');
    assert.deepEqual(
      bindings('rating', view.design)
        .slice(0, 5)
        .map((b) => b.keys[0]),
      ['1', '2', '3', '4', '5'],
    );
    const views = await session.itemViews(store, 0, 2);
    assert.deepEqual(
      views.map((v) => v.criterion?.name),
      ['fluency', 'correctness'],
    );
  });

  it('stores the rating with its criterion and scale, and shows it again in a new session', async () => {
    const session = await AnnotationSession.open(store, spec);
    const [fluency, correctness] = session.items;
    await appendLabel(
      store,
      session.labelWrite({
        id: 'd1',
        itemKey: fluency!.key,
        value: 'scale:4',
        comment: null,
        labelledAt: '2025-01-05T00:00:00.000Z',
      }),
    );
    await appendLabel(
      store,
      session.labelWrite({
        id: 'd2',
        itemKey: correctness!.key,
        value: 'scale:2',
        comment: null,
        labelledAt: '2025-01-05T00:00:01.000Z',
      }),
    );
    assert.throws(
      () =>
        session.labelWrite({
          id: 'd3',
          itemKey: fluency!.key,
          value: 'scale:6',
          comment: null,
          labelledAt: '2025-01-05T00:00:02.000Z',
        }),
      /not on the scale quality-5/,
    );
    assert.throws(
      () =>
        session.labelWrite({
          id: 'd4',
          itemKey: fluency!.key,
          value: 'excellent',
          comment: null,
          labelledAt: '2025-01-05T00:00:02.000Z',
        }),
      /not on the scale/,
    );
    const ratings = (await loadHumanRatings(store, { run: RUN })).ratings;
    assert.deepEqual(
      ratings.map((r) => [r.criterion, r.value, r.scale.name]),
      [
        ['fluency', 4, 'quality-5'],
        ['correctness', 2, 'quality-5'],
      ],
    );
    const again = await AnnotationSession.open(store, spec);
    const [first] = await again.itemViews(store, 0, 1);
    assert.equal(first!.label?.value, 'scale:4');
    assert.equal(again.view().labelledMask.slice(0, 3), '110');
    // The explorer's progress counts the response once, however many of its criteria are rated.
    const progress = (await progressOf(store, RUN, 'rater', 'rating')).filter(
      (p) => p.lang === 'he' && p.group === fluency!.group,
    );
    assert.deepEqual(
      progress.map((p) => [p.total, p.labelled]),
      [[12, 1]],
    );
  });
});
