// langlens copy between SQLite and PostgreSQL: every table, ids and label history kept, twice is once, and a target
// holding other content at the same ids is refused whole.
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { appendLabel } from '../../../src/core/store/annotation';
import { connectionOf } from '../../../src/core/store/connection';
import { copyStore } from '../../../src/core/store/copy';
import { Store } from '../../../src/core/store/store';
import { PROJECT_ROOT, temporaryFolder } from '../../support/paths';
import { freshSchema, requirePostgres, type TestLocation } from '../../support/testDatabase';

const TABLES = ['runs', 'sources', 'systems', 'prompts', 'responses', 'judges', 'pairwise_judgments'];
const MORE = ['pointwise_judgments', 'annotators', 'labels', 'language_flags', 'assignments', 'schema_entries'];

/** Every row of the tables, in id order, as plain values. */
async function dump(store: Store): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of [...TABLES, ...MORE]) {
    const key = table === 'schema_entries' ? 'entry, name' : 'id';
    out[table] = await connectionOf(store).all(`SELECT * FROM ${table} ORDER BY ${key}`);
  }
  return out;
}

async function demoStore(path: string): Promise<Store> {
  const store = await Store.open(path);
  const demo = join(PROJECT_ROOT, 'demo');
  for (const file of readdirSync(demo).sort()) await importFile(store, join(demo, file));
  // A label given, then changed: both rows are history to keep, in their order.
  for (const [value, at] of [
    ['A', '2026-01-01T10:00:00Z'],
    ['B', '2026-01-01T10:05:00Z'],
  ] as const) {
    await appendLabel(store, {
      kind: 'pairwise',
      fingerprint: `copy-${value}`,
      annotator: 'noa',
      comment: null,
      labelledAt: at,
      run: 'demo',
      group: 'egg',
      lang: 'es',
      turn: 1,
      systemA: 'mono-en',
      systemB: 'multi-3',
      value,
      presentation: 'BA',
    });
  }
  return store;
}

describe('langlens copy: SQLite to PostgreSQL and back', function () {
  let folder: ReturnType<typeof temporaryFolder>;
  let server: TestLocation;
  before(function () {
    server = freshSchema(requirePostgres(this));
    folder = temporaryFolder();
  });
  after(async () => {
    await server?.drop();
    folder?.remove();
  });

  it('copies every row with its id, copies nothing twice, and comes back identical', async () => {
    const original = await demoStore(join(folder.path, 'a.db'));
    const pg = await Store.open(server.location);
    const back = await Store.open(join(folder.path, 'b.db'));
    try {
      const first = await copyStore(original, pg);
      const expected = await dump(original);
      assert.ok(expected.labels!.length > 10, 'the demo has labels');
      for (const table of [...TABLES, ...MORE]) {
        assert.equal(first.find((t) => t.table === table)?.copied, expected[table]!.length, table);
      }
      assert.deepEqual(await dump(pg), expected);
      assert.deepEqual(await pg.summary(), await original.summary());
      assert.deepEqual(await pg.humanPairwiseLabels(), await original.humanPairwiseLabels());

      const again = await copyStore(original, pg);
      assert.equal(
        again.reduce((n, t) => n + t.copied, 0),
        0,
      );
      assert.equal(again.find((t) => t.table === 'labels')?.present, expected.labels!.length);

      await copyStore(pg, back);
      assert.deepEqual(await dump(back), expected);

      // The server numbers new rows after the copied ones.
      await appendLabel(pg, {
        kind: 'rating',
        fingerprint: 'after-copy',
        annotator: 'new-annotator',
        comment: null,
        labelledAt: '2026-01-02T00:00:00Z',
        run: 'demo',
        group: 'egg',
        lang: 'es',
        turn: 1,
        system: 'multi-3',
        seed: 0,
        value: 'pass',
      });
      const labels = (await dump(pg)).labels as { id: number }[];
      assert.equal(labels.length, expected.labels!.length + 1);
      assert.equal(labels.at(-1)!.id, Math.max(...(expected.labels as { id: number }[]).map((l) => l.id)) + 1);
    } finally {
      await Promise.all([original.close(), pg.close(), back.close()]);
    }
  });

  it('refuses, copying nothing, a target that holds other rows under the same ids', async () => {
    const other = await Store.open(join(folder.path, 'other.db'));
    const pg = await Store.open(server.location);
    try {
      await importFile(other, join(PROJECT_ROOT, 'demo', 'prompts.jsonl'));
      await connectionOf(other).run("UPDATE prompts SET text = 'edited elsewhere' WHERE id = 1");
      const before = await dump(pg);
      await assert.rejects(
        copyStore(other, pg),
        /already has runs id=1 with other content than .*other\.db: nothing was copied/,
      );
      assert.deepEqual(await dump(pg), before);
    } finally {
      await Promise.all([other.close(), pg.close()]);
    }
  });
});
