// Overlap targets across annotators (migration 0014): k annotators per item, counted by the database for annotators
// who cannot read each other's labels; claims so that three annotators labelling at once never give an item more
// (or fewer) than k labels.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { importFile } from '../../../src/core/import/importFile';
import { appendLabel, queueResponses } from '../../../src/core/store/annotation';
import { connectionOf } from '../../../src/core/store/connection';
import {
  claimItem,
  fullItems,
  overlapTarget,
  setOverlapTarget,
  type OverlapItem,
} from '../../../src/core/store/overlap';
import { Store } from '../../../src/core/store/store';
import { teamInit, type TeamMember } from '../../../src/core/store/team';
import { AnnotationSession } from '../../../src/extension/annotate/session';
import { OverlapFollower } from '../../../src/extension/annotate/overlapFollow';
import { PROJECT_ROOT } from '../../support/paths';
import { freshSchema, requirePostgres, type TestLocation } from '../../support/testDatabase';

function loginUrl(location: string, member: TeamMember): string {
  const url = new URL(location);
  url.username = member.role;
  url.password = member.password!;
  return url.toString();
}

function ratingLabel(annotator: string, item: Extract<OverlapItem, { kind: 'rating' }>, fingerprint: string) {
  return {
    kind: 'rating' as const,
    fingerprint,
    annotator,
    comment: null,
    labelledAt: new Date().toISOString(),
    run: 'demo',
    group: item.group,
    lang: item.lang,
    turn: item.turn,
    system: item.system,
    seed: item.seed,
    value: 'pass',
  };
}

describe('overlap targets on PostgreSQL: three annotators, two labels per item', function () {
  this.timeout(120_000);
  let server: string;
  let schema: TestLocation;
  let lead: Store;
  let members: TeamMember[] = [];
  const prefix = `lo${Date.now().toString(36)}_`;

  before(async function () {
    server = requirePostgres(this);
    schema = freshSchema(server);
    lead = await Store.open(schema.location);
    for (const file of ['prompts.jsonl', 'responses.jsonl']) await importFile(lead, join(PROJECT_ROOT, 'demo', file));
    members = await teamInit(lead, { annotators: ['noa', 'ilan', 'mei'], rolePrefix: prefix });
    await setOverlapTarget(lead, 'demo', 'rating', 2);
  });
  after(async () => {
    await lead?.close();
    await schema?.drop();
    if (!server) return;
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    for (const role of [...members.map((m) => m.role), `${prefix}annotators`]) {
      await client.query(`DROP ROLE IF EXISTS "${role}"`);
    }
    await client.end();
  });

  it('labels each item exactly twice when three annotators label concurrently, counted afterwards', async () => {
    const stores = await Promise.all(members.map((m) => Store.open(loginUrl(schema.location, m))));
    try {
      // Everyone walks the same queue in the same order: the worst case for the last slot of each item.
      const items = (await queueResponses(stores[0]!, 'demo', [])).map(
        (r): Extract<OverlapItem, { kind: 'rating' }> => ({ ...r, kind: 'rating' }),
      );
      assert.ok(items.length >= 20, `${items.length} items`);
      const given = await Promise.all(
        members.map(async (member, a) => {
          let n = 0;
          for (const [i, item] of items.entries()) {
            if (!(await claimItem(stores[a]!, member.annotator, 'demo', item))) continue;
            await appendLabel(stores[a]!, ratingLabel(member.annotator, item, `${member.annotator}-${i}`));
            n++;
          }
          return n;
        }),
      );
      assert.equal(
        given.reduce((s, n) => s + n, 0),
        2 * items.length,
      );
      const perItem = await connectionOf(lead).all<{ n: number; items: number }>(
        `SELECT n, count(*) AS items FROM (SELECT count(DISTINCT annotator_id) AS n FROM labels
           WHERE kind = 'rating' GROUP BY prompt_id, target) c GROUP BY n ORDER BY n`,
      );
      assert.deepEqual(perItem, [{ n: 2, items: items.length }]);
      // Each annotator's queue now skips what the two others filled: all items, less their own.
      for (const [a, member] of members.entries()) {
        const full = await fullItems(stores[a]!, member.annotator, 'demo', 'rating');
        assert.equal(full.length, items.length - given[a]!, member.annotator);
      }
      // An annotator cannot ask on another's behalf.
      await assert.rejects(fullItems(stores[0]!, 'ilan', 'demo', 'rating'), /speaks for the annotator noa, not ilan/);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it("shows an item as full to the third annotator as soon as the second's label is committed", async () => {
    await setOverlapTarget(lead, 'demo', 'pairwise', 2);
    const [noa, ilan, mei] = await Promise.all(members.map((m) => Store.open(loginUrl(schema.location, m))));
    try {
      const item: OverlapItem = {
        kind: 'pairwise',
        group: 'egg',
        lang: 'es' as OverlapItem['lang'],
        turn: 1,
        systemA: 'mono-en',
        systemB: 'multi-3',
      };
      const names = await connectionOf(noa!).all<{ name: string }>('SELECT name FROM system_names ORDER BY id');
      // Blind: the annotators know the systems by alias only.
      const aliased = { ...item, systemA: names[0]!.name, systemB: names[1]!.name };
      assert.equal(await claimItem(noa!, 'noa', 'demo', aliased, 1), true);
      assert.equal(await claimItem(ilan!, 'ilan', 'demo', aliased, 1), true);
      assert.equal(await claimItem(mei!, 'mei', 'demo', aliased, 1), false, 'two claims fill it');
      assert.equal((await fullItems(mei!, 'mei', 'demo', 'pairwise')).length, 1);
      // Claims expire: after a second the slots are free again.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      assert.deepEqual(await fullItems(mei!, 'mei', 'demo', 'pairwise'), []);
      const pair = (who: string) => ({
        kind: 'pairwise' as const,
        fingerprint: `${who}-pair`,
        annotator: who,
        comment: null,
        labelledAt: new Date().toISOString(),
        run: 'demo',
        group: 'egg',
        lang: 'es',
        turn: 1,
        systemA: aliased.systemA,
        systemB: aliased.systemB,
        value: 'A' as const,
        presentation: 'AB' as const,
      });
      await appendLabel(noa!, pair('noa'));
      await appendLabel(ilan!, pair('ilan'));
      const started = Date.now();
      const full = await fullItems(mei!, 'mei', 'demo', 'pairwise');
      assert.ok(Date.now() - started < 1000);
      assert.deepEqual(full, [aliased]);
      assert.equal(await claimItem(mei!, 'mei', 'demo', aliased), false);
      // The lead, as the annotators' labels say, sees the real names.
      assert.deepEqual(
        (await fullItems(lead, 'lead-check', 'demo', 'pairwise')).map((i) => i.kind === 'pairwise' && i.systemA),
        ['mono-en'],
      );
      // mei's queue skips it.
      const session = await AnnotationSession.open(mei!, {
        run: 'demo',
        task: 'pairwise',
        annotator: 'mei',
        languages: [],
        seed: '',
        blind: true,
        restrictedTo: null,
      });
      const egg = session.items.filter((i) => i.group === 'egg' && i.lang === 'es' && i.turn === 1);
      const ilanSession = await AnnotationSession.open(ilan!, {
        run: 'demo',
        task: 'pairwise',
        annotator: 'ilan',
        languages: [],
        seed: '',
        blind: true,
        restrictedTo: null,
      });
      const ilanEgg = ilanSession.items.filter((i) => i.group === 'egg' && i.lang === 'es' && i.turn === 1);
      assert.equal(egg.length, ilanEgg.length - 1, 'the full pair is not in her queue; it is in ilan, who labelled it');

      // Her panel, open on that queue under her own login, is told when noa and ilan fill another pair of it.
      const told: number[][] = [];
      const follower = (await OverlapFollower.start(
        session,
        mei!,
        (m) => m.type === 'taken' && told.push([...m.indices]),
        { info: () => undefined, warn: (m) => assert.fail(m) },
      ))!;
      try {
        const next = session.items.find((i) => i.task === 'pairwise' && i.group !== 'egg')!;
        assert.ok(next.task === 'pairwise');
        for (const who of ['noa', 'ilan'])
          await appendLabel(who === 'noa' ? noa! : ilan!, {
            ...pair(who),
            fingerprint: `${who}-next`,
            group: next.group,
            lang: next.lang,
            turn: next.turn,
            systemA: next.systemA,
            systemB: next.systemB,
          });
        const started = Date.now();
        while (told.length === 0 && Date.now() - started < 3000) await new Promise((r) => setTimeout(r, 20));
        assert.deepEqual(told.at(-1), [session.items.indexOf(next)], 'told within 3 s under an annotator login');
      } finally {
        await follower.close();
      }
    } finally {
      await Promise.all([noa, ilan, mei].map((s) => s?.close()));
    }
  });
});

describe('overlap targets on SQLite (one person)', () => {
  let dir: string;
  let store: Store;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'langlens-overlap-'));
    store = await Store.open(join(dir, 'langlens.db'));
    for (const file of ['prompts.jsonl', 'responses.jsonl']) await importFile(store, join(PROJECT_ROOT, 'demo', file));
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts labels and claims the same way: the item two others labelled is full for a third', async () => {
    const [first] = await queueResponses(store, 'demo', []);
    const item: Extract<OverlapItem, { kind: 'rating' }> = { ...first!, kind: 'rating' };
    assert.equal(await claimItem(store, 'noa', 'demo', item), true, 'no target: always free');
    await setOverlapTarget(store, 'demo', 'rating', 2);
    await appendLabel(store, ratingLabel('noa', item, 'n1'));
    assert.equal(await claimItem(store, 'ilan', 'demo', item), true);
    assert.deepEqual(await fullItems(store, 'mei', 'demo', 'rating'), [item]);
    assert.equal(await claimItem(store, 'mei', 'demo', item), false);
    assert.equal(await claimItem(store, 'noa', 'demo', item), true, 'noa labelled it: hers to label again');
    await setOverlapTarget(store, 'demo', 'rating', 3);
    assert.deepEqual(await fullItems(store, 'mei', 'demo', 'rating'), []);
    await assert.rejects(setOverlapTarget(store, 'demo', 'rating', 0), /at least 1/);
    await setOverlapTarget(store, 'demo', 'rating', null);
    assert.equal(await overlapTarget(store, 'demo', 'rating'), undefined);
    assert.equal(await claimItem(store, 'mei', 'demo', item), true, 'no target any more');
  });
});
