// Thirty annotators on one PostgreSQL store at once, each on their own connection: every label write is its own
// short transaction, none waits on a lock into a failure, none is lost, and each is seen by the others at once.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { appendLabel, queueResponses } from '../../../src/core/store/annotation';
import { connectionOf } from '../../../src/core/store/connection';
import { Store } from '../../../src/core/store/store';
import { PROJECT_ROOT } from '../../support/paths';
import { freshSchema, requirePostgres, type TestLocation } from '../../support/testDatabase';
import { ratingLabelOn } from '../../support/ratingLabel';

const ANNOTATORS = 30;

describe('30 annotators writing labels at once on PostgreSQL', function () {
  let schema: TestLocation;
  let lead: Store;
  before(async function () {
    schema = freshSchema(requirePostgres(this));
    lead = await Store.open(schema.location);
    for (const file of ['prompts.jsonl', 'responses.jsonl']) await importFile(lead, join(PROJECT_ROOT, 'demo', file));
  });
  after(async () => {
    await lead?.close();
    await schema?.drop();
  });

  it('loses no label, fails no write, and shows each to the others once committed', async () => {
    const responses = await queueResponses(lead, 'demo', []);
    // Each opens the store itself, as every editor does: the schema check must not race either.
    const stores = await Promise.all(Array.from({ length: ANNOTATORS }, () => Store.open(schema.location)));
    try {
      const written = await Promise.all(
        stores.map(async (store, a) => {
          let n = 0;
          for (const [i, r] of responses.entries()) {
            // Everyone labels every response, changing their mind on every third (history, not an overwrite).
            for (const value of i % 3 === 0 ? ['fail', 'pass'] : ['excellent']) {
              await appendLabel(
                store,
                ratingLabelOn(r, {
                  annotator: `annotator-${a}`,
                  fingerprint: `a${a}-${i}-${value}`,
                  value,
                  labelledAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
                }),
              );
              n++;
            }
          }
          return n;
        }),
      );
      const expected = written.reduce((s, n) => s + n, 0);
      const counts = await connectionOf(stores[0]!).get<{ rows: number; current: number; annotators: number }>(
        `SELECT (SELECT count(*) FROM labels) AS rows, (SELECT count(*) FROM current_labels) AS current,
                (SELECT count(*) FROM annotators) AS annotators`,
      );
      assert.deepEqual(counts, { rows: expected, current: ANNOTATORS * responses.length, annotators: ANNOTATORS });
      const latest = await connectionOf(stores[7]!).all<{ value: string; n: number }>(
        "SELECT value, count(*) AS n FROM current_labels WHERE kind = 'rating' GROUP BY value ORDER BY value",
      );
      const changed = responses.filter((_r, i) => i % 3 === 0).length;
      assert.deepEqual(latest, [
        { value: 'excellent', n: ANNOTATORS * (responses.length - changed) },
        { value: 'pass', n: ANNOTATORS * changed },
      ]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});

describe('a PostgreSQL connection that drops mid-labelling', function () {
  let schema: TestLocation;
  let lead: Store;
  before(async function () {
    schema = freshSchema(requirePostgres(this));
    lead = await Store.open(schema.location);
    for (const file of ['prompts.jsonl', 'responses.jsonl']) await importFile(lead, join(PROJECT_ROOT, 'demo', file));
  });
  after(async () => {
    await lead?.close();
    await schema?.drop();
  });

  it('connects again by itself, and the label written after the drop is stored, with every one before it', async () => {
    const annotator = await Store.open(schema.location);
    const label = (i: number) => ({
      kind: 'rating' as const,
      fingerprint: `drop-${i}`,
      annotator: 'noa',
      comment: null,
      labelledAt: `2026-01-01T00:00:0${i}Z`,
      run: 'demo',
      group: 'egg',
      lang: 'es',
      turn: 1,
      system: 'multi-3',
      seed: 0,
      value: 'pass',
    });
    try {
      await appendLabel(annotator, label(1));
      const { pid } = (await connectionOf(annotator).get<{ pid: number }>('SELECT pg_backend_pid() AS pid'))!;
      // What a server restart or a dropped network does to the connection.
      await connectionOf(lead).get('SELECT pg_terminate_backend(?)', [pid]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await appendLabel(annotator, label(2));
      const after = (await connectionOf(annotator).get<{ pid: number }>('SELECT pg_backend_pid() AS pid'))!;
      assert.notEqual(after.pid, pid, 'a new connection');
      const stored = await connectionOf(lead).all<{ fingerprint: string }>(
        'SELECT fingerprint FROM labels ORDER BY id',
      );
      assert.deepEqual(
        stored.map((r) => r.fingerprint),
        ['drop-1', 'drop-2'],
      );
    } finally {
      await annotator.close();
    }
  });
});
