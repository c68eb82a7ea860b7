// Batched writes on real SQLite files: a packed batch (one JSON array unpacked by json_each) stores exactly what
// the same rows bound as VALUES store, and an import that fails after batches were written leaves the file as it was.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { BatchInsert } from '../../../src/core/store/batchInsert';
import { connectionOf } from '../../../src/core/store/connection';
import type { SqlValue } from '../../../src/core/store/database';
import { Store } from '../../../src/core/store/store';
import { temporaryFolder } from '../../support/paths';

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('batched inserts', function () {
  this.timeout(60_000);
  let folder: ReturnType<typeof temporaryFolder>;
  beforeEach(() => (folder = temporaryFolder()));
  afterEach(() => folder.remove());

  it('store the same values and types packed as JSON as bound as VALUES, a repeated key applied in order', async () => {
    const store = await Store.open(join(folder.path, 'batch.db'));
    const db = connectionOf(store);
    const rows: SqlValue[][] = [
      [1, 'plain', 3, 1.5, null],
      [2, 'é 中文 עברית 🙂 "quoted" \\ back\nslash', -7, 2, ''],
      [3, 'nul \u0000 inside', 0, -0.25, 'x'],
      [4, 'a lone surrogate \ud800 here', 9007199254740991, 1e-300, 'y'],
      [1, 'plain, again: the later row wins', 4, 0.5, null],
    ];
    const stored: Record<string, unknown[]> = {};
    for (const packed of [false, true]) {
      const table = packed ? 'packed' : 'bound';
      await db.exec(`CREATE TABLE ${table} (k INTEGER PRIMARY KEY, t TEXT, i INTEGER, r REAL, n TEXT)`);
      const batch = new BatchInsert(
        db,
        `INSERT INTO ${table} (k, t, i, r, n)`,
        5,
        'ON CONFLICT (k) DO UPDATE SET t = excluded.t, i = excluded.i, r = excluded.r',
        packed,
      );
      // The lone surrogate alone in a batch of its own (bound as VALUES), the others packed.
      for (const row of rows.filter((r) => r[0] !== 4)) batch.add(row);
      await batch.flush();
      batch.add(rows[3]!);
      await batch.flush();
      await batch.close();
      assert.equal(batch.written, 5, table);
      stored[table] = await db.all(
        `SELECT k, t, hex(t) AS bytes, i, typeof(i) AS ti, r, typeof(r) AS tr, n, typeof(n) AS tn FROM ${table} ORDER BY k`,
      );
    }
    assert.deepEqual(stored.packed, stored.bound);
    assert.equal((stored.packed![0] as { t: string }).t, 'plain, again: the later row wins');
    await store.close();
  });

  it('an import that fails after batches were written leaves the database file byte for byte as it was', async () => {
    const path = join(folder.path, 'langlens.db');
    const first = join(folder.path, 'first.jsonl');
    writeFileSync(first, jsonl([{ kind: 'prompt', run: 'r', group: 'g0', lang: 'en', text: 'kept' }]));
    const store = await Store.open(path);
    await importFile(store, first);
    await store.close();
    const before = readFileSync(path);

    // 5,000 responses (written in batches of 2,000 while the file is read), then a line that refuses the file.
    const rows: object[] = Array.from({ length: 5000 }, (_, i) => ({
      kind: 'response',
      run: 'r',
      group: `g${i % 50}`,
      lang: 'en',
      system: `s${Math.floor(i / 50)}`,
      text: `answer ${i}`,
    }));
    rows.push({ kind: 'response', run: 'r', group: 'g1', lang: 'en', text: 'no system' });
    const failing = join(folder.path, 'failing.jsonl');
    writeFileSync(failing, jsonl(rows));
    const again = await Store.open(path);
    await assert.rejects(importFile(again, failing), /failing\.jsonl:5001.*system/s);
    assert.deepEqual(await connectionOf(again).all('SELECT count(*) AS n FROM responses'), [{ n: 0 }]);
    await again.close();
    assert.ok(readFileSync(path).equals(before), 'the database file changed');
  });

  it('a re-import writes nothing and counts every record it read', async () => {
    const path = join(folder.path, 'langlens.db');
    const file = join(folder.path, 'run.jsonl');
    writeFileSync(
      file,
      jsonl([
        { kind: 'prompt', run: 'r', group: 'g', lang: 'en', text: 'question' },
        ...['a', 'b', 'c'].map((system) => ({
          kind: 'response',
          run: 'r',
          group: 'g',
          lang: 'en',
          system,
          text: system,
        })),
        ...['AB', 'BA'].map((order) => ({
          kind: 'pairwise-judgment',
          run: 'r',
          group: 'g',
          lang: 'en',
          judge: 'j',
          system_a: 'b',
          system_b: 'a',
          order,
          verdict: 'A',
        })),
        {
          kind: 'pairwise-label',
          run: 'r',
          group: 'g',
          lang: 'en',
          annotator: 'h',
          system_a: 'a',
          system_b: 'b',
          verdict: 'B',
        },
      ]),
    );
    const store = await Store.open(path);
    const once = await importFile(store, file);
    const twice = await importFile(store, file);
    await store.close();
    assert.deepEqual(once.records, twice.records);
    assert.deepEqual(twice.records, { prompt: 1, response: 3, 'pairwise-judgment': 2, 'pairwise-label': 1 });
    assert.equal(once.written!.responses, 3);
    assert.equal(once.written!.labels, 1);
    assert.ok(
      Object.values(twice.written!).every((n) => n === 0),
      JSON.stringify(twice.written),
    );
  });
});
