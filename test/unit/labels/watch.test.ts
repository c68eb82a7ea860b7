// The live dashboard's source (issue 15): a label written by another connection is told to a store's watcher within
// 2 s, on both engines (SQLite: PRAGMA data_version polled; PostgreSQL: LISTEN/NOTIFY from migration 0015's
// triggers); and a PostgreSQL connection killed by the server is reported unreachable, then connected again by
// itself.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import pg from 'pg';
import { connectionOf } from '../../../src/core/store/connection';
import { Store, type ConnectionState } from '../../../src/core/store/store';
import { temporaryFolder } from '../../support/paths';
import { freshSchema, requirePostgres, type TestLocation } from '../../support/testDatabase';
import { waitFor } from '../../support/waitFor';

const SETUP = `
  INSERT INTO runs (id, name, created_at) VALUES (1, 'r', 't');
  INSERT INTO systems (id, run_id, name) VALUES (1, 1, 'a'), (2, 1, 'b');
  INSERT INTO prompts (id, run_id, group_key, lang, turn) VALUES (1, 1, 'g1', 'he', 1);
  INSERT INTO annotators (id, name) VALUES (1, 'noa');`;

function label(n: number): string {
  return `INSERT INTO labels (fingerprint, kind, prompt_id, annotator_id, target, system_a_id, system_b_id, value,
    labelled_at, recorded_at) VALUES ('w${n}', 'pairwise', 1, 1, 'pair:1:2', 1, 2, 'A', '2024-01-0${n}T00:00:00Z', 't')`;
}

async function writesAreTold(location: string): Promise<void> {
  const lead = await Store.open(location);
  const annotator = await Store.open(location);
  try {
    await connectionOf(annotator).exec(SETUP);
    let calls = 0;
    const watch = await lead.watchLabels(() => calls++);
    try {
      await connectionOf(annotator).exec(label(1));
      const took = await waitFor('the first label', () => calls >= 1, 2000);
      assert.ok(took < 2000);
      // Paused: nothing told; the label written meanwhile is told at resume.
      await new Promise((r) => setTimeout(r, 1300));
      const before = calls;
      watch.pause();
      await connectionOf(annotator).exec(label(2));
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(calls, before, 'nothing while paused');
      watch.resume();
      await waitFor('the label written while paused', () => calls > before, 2000);
      // A burst of labels is told once or a few times, not once per label.
      const burst = calls;
      for (let n = 3; n <= 9; n++) await connectionOf(annotator).exec(label(n));
      await waitFor('the burst', () => calls > burst, 2000);
      await new Promise((r) => setTimeout(r, 1200));
      assert.ok(calls - burst <= 3, `a burst of 7 labels told ${calls - burst} times`);
    } finally {
      await watch.close();
    }
    const closed = calls;
    await connectionOf(annotator).exec(label(10).replace("'w10'", "'w10b'"));
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(calls, closed, 'nothing after close');
  } finally {
    await annotator.close();
    await lead.close();
  }
}

describe('labels: watching others write them', function () {
  this.timeout(30_000);

  it('SQLite: a label committed by another connection is told within 2 s (PRAGMA data_version)', async () => {
    const folder = temporaryFolder();
    try {
      await writesAreTold(join(folder.path, 'langlens.db'));
    } finally {
      folder.remove();
    }
  });

  describe('PostgreSQL', () => {
    let schema: TestLocation | undefined;
    afterEach(async () => {
      await schema?.drop();
      schema = undefined;
    });

    it('a label committed by another connection is told within 2 s (LISTEN/NOTIFY), only in its own schema', async function () {
      const server = requirePostgres(this);
      schema = freshSchema(server);
      // Another study's schema on the same database: its labels are not ours.
      const other = freshSchema(server);
      try {
        const elsewhere = await Store.open(other.location);
        const lead = await Store.open((schema = freshSchema(server)).location);
        let calls = 0;
        const watch = await lead.watchLabels(() => calls++);
        try {
          await connectionOf(elsewhere).exec(SETUP);
          await connectionOf(elsewhere).exec(label(1));
          await new Promise((r) => setTimeout(r, 1000));
          assert.equal(calls, 0, "another schema's labels are not told");
        } finally {
          await watch.close();
          await lead.close();
          await elsewhere.close();
        }
        await writesAreTold(schema.location);
      } finally {
        await other.drop();
      }
    });

    it('a killed backend is reported unreachable, reconnects by itself, and the watcher goes on', async function () {
      const server = requirePostgres(this);
      schema = freshSchema(server);
      const store = await Store.open(schema.location);
      const writer = await Store.open(schema.location);
      const admin = new pg.Client({ connectionString: server });
      await admin.connect();
      try {
        await connectionOf(writer).exec(SETUP);
        const states: ConnectionState[] = [];
        store.onConnectionState((state) => states.push(state));
        let calls = 0;
        const watch = await store.watchLabels(() => calls++);
        const pid = (await connectionOf(store).get<{ pid: number }>('SELECT pg_backend_pid() AS pid'))!.pid;
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
        await waitFor('unreachable', () => states.includes('unreachable'), 3000);
        assert.equal(store.connectionState === 'unreachable' || states.at(-1) === 'connected', true);
        // Nothing asked of the store: it connects again in the background.
        await waitFor('connected again', () => states.at(-1) === 'connected', 5000);
        assert.deepEqual(states, ['unreachable', 'connected']);
        assert.equal(store.connectionState, 'connected');
        const newPid = (await connectionOf(store).get<{ pid: number }>('SELECT pg_backend_pid() AS pid'))!.pid;
        assert.notEqual(newPid, pid);
        // The watcher's own connection killed too: it connects again, tells a change (some may be missed), and
        // then tells the next label.
        const listeners = await admin.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE application_name = 'langlens' AND query LIKE 'LISTEN%'
             AND pid <> $1 AND backend_start > now() - interval '1 minute'`,
          [newPid],
        );
        assert.ok(listeners.rows.length >= 1, 'the listener is found');
        const before = calls;
        for (const row of listeners.rows) await admin.query('SELECT pg_terminate_backend($1)', [row.pid]);
        await waitFor('the listener back', () => calls > before, 5000);
        const after = calls;
        await connectionOf(writer).exec(label(1));
        await waitFor('a label after the listener came back', () => calls > after, 2000);
        await watch.close();
      } finally {
        await admin.end();
        await writer.close();
        await store.close();
      }
    });
  });
});
