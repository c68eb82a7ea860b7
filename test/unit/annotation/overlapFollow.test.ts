// The panel's side of overlap targets (issue 15: "an annotator's queue reflects labels others gave within a
// second"): a queue already open is told which of its items others have filled since, the item shown is claimed
// (others' queues then pass over it), and an item others claimed first is told as soon as it is shown. Two
// connections to one database, on the engine the suite runs on (SQLite polled, PostgreSQL notified).
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { appendLabel } from '../../../src/core/store/annotation';
import { claimItem, fullItems, setOverlapTarget, type OverlapItem } from '../../../src/core/store/overlap';
import { Store } from '../../../src/core/store/store';
import type { QueueItem } from '../../../src/core/annotation/queue';
import { OverlapFollower } from '../../../src/extension/annotate/overlapFollow';
import { AnnotationSession } from '../../../src/extension/annotate/session';
import type { AnnotateToWebview } from '../../../shared/protocol/annotate';
import { PROJECT_ROOT, temporaryFolder } from '../../support/paths';
import { testDatabaseLocation, type TestLocation } from '../../support/testDatabase';
import { waitFor } from '../../support/waitFor';

function ratingItem(item: QueueItem): Extract<OverlapItem, { kind: 'rating' }> {
  if (item.task !== 'rating') throw new Error('a rating queue was expected');
  return { kind: 'rating', group: item.group, lang: item.lang, turn: item.turn, system: item.system, seed: item.seed };
}

function labelBy(annotator: string, item: QueueItem) {
  const at = ratingItem(item);
  return {
    kind: 'rating' as const,
    fingerprint: `${annotator}-${item.key}`,
    annotator,
    comment: null,
    labelledAt: new Date().toISOString(),
    run: 'demo',
    group: at.group,
    lang: at.lang,
    turn: at.turn,
    system: at.system,
    seed: at.seed,
    value: 'pass',
  };
}

describe('annotation panel: following an overlap target live', function () {
  this.timeout(60_000);
  const folder = temporaryFolder('langlens-follow-');
  let database: TestLocation;
  let mine: Store;
  let others: Store;

  before(async () => {
    database = testDatabaseLocation(folder.path);
    mine = await Store.open(database.location);
    for (const file of ['prompts.jsonl', 'responses.jsonl']) await importFile(mine, join(PROJECT_ROOT, 'demo', file));
    others = await Store.open(database.location);
  });
  after(async () => {
    await others?.close();
    await mine?.close();
    await database?.drop();
    folder.remove();
  });

  it('tells the open queue what others fill, claims what it shows, and says at once when others hold it', async () => {
    const spec = { run: 'demo', task: 'rating' as const, annotator: 'mei', languages: [], seed: '', blind: true };
    const without = await AnnotationSession.open(mine, { ...spec, restrictedTo: null });
    assert.equal(without.overlap, undefined);
    const log = { info: () => undefined, warn: (m: string) => assert.fail(m) };
    assert.equal(
      await OverlapFollower.start(without, mine, () => assert.fail('no target: nothing told'), log),
      undefined,
    );

    await setOverlapTarget(others, 'demo', 'rating', 1);
    const session = await AnnotationSession.open(mine, { ...spec, restrictedTo: null });
    assert.equal(session.overlap, 1);
    const items = session.items;
    assert.ok(items.length >= 10, `${items.length} items`);
    const told: number[][] = [];
    const post = (message: AnnotateToWebview) => {
      assert.equal(message.type, 'taken');
      if (message.type === 'taken') told.push([...message.indices]);
    };
    const follower = (await OverlapFollower.start(session, mine, post, log))!;
    try {
      assert.deepEqual(told, [], 'nothing filled yet: nothing told');

      // noa labels the 4th item of mei's queue on another connection: mei's panel is told within a second or so.
      await appendLabel(others, labelBy('noa', items[3]!));
      const after = await waitFor('the label noa gave', () => told.length > 0, 3000);
      assert.deepEqual(told.at(-1), [3]);
      assert.ok(after < 2000, `told after ${after} ms`);

      // mei is shown the 6th: her claim fills its one slot, so noa's queue passes over it.
      await follower.shown(items[5]!.key);
      assert.equal(await claimItem(others, 'noa', 'demo', ratingItem(items[5]!)), false);
      const sixth = ratingItem(items[5]!);
      const fullForNoa = await fullItems(others, 'noa', 'demo', 'rating');
      assert.ok(
        fullForNoa.some(
          (i) =>
            i.kind === 'rating' &&
            i.group === sixth.group &&
            i.lang === sixth.lang &&
            i.system === sixth.system &&
            i.seed === sixth.seed,
        ),
        `mei's claim fills the item for noa: ${JSON.stringify(fullForNoa)}`,
      );

      // ilan claimed the 8th first: shown to mei, it is told at once, with the 4th.
      assert.equal(await claimItem(others, 'ilan', 'demo', ratingItem(items[7]!)), true);
      const before = told.length;
      await follower.shown(items[7]!.key);
      assert.equal(told.length, before + 1);
      assert.deepEqual(told.at(-1), [3, 7]);
    } finally {
      await follower.close();
    }
    const closed = told.length;
    await appendLabel(others, labelBy('noa', items[9]!));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(told.length, closed, 'nothing told after close');
  });
});
