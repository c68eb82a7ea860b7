// Multi-row inserts (store/batchInsert.ts): every row comes back as written, in order, however its columns repeat
// within a statement (on SQLite a column with one value in every row of a statement is bound once), on both engines.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { BatchInsert } from '../../../src/core/store/batchInsert';
import { connectionOf } from '../../../src/core/store/connection';
import type { Database, SqlValue } from '../../../src/core/store/database';
import type { Store } from '../../../src/core/store/store';
import { temporaryFolder } from '../../support/paths';
import { openTestStore } from '../../support/testDatabase';

type Row = [number, string | null, number | null, string, string | null, number];

/**
 * 1,000 rows, 60 a statement: a column that never changes, one null throughout, one that changes only in the
 * second half (shared in some statements, not in the statement it changes in), texts that repeat by chance, and
 * a number column that is the same in every row but the last.
 */
function rowsToWrite(): Row[] {
  return Array.from({ length: 1000 }, (_, i): Row => [
    i + 1,
    null,
    i < 500 ? 7 : i % 3,
    i % 10 === 0 ? 'ten' : `text ${i % 4} «שלום» 😀`,
    i === 730 ? 'only once' : null,
    i === 999 ? 2 : 1.5,
  ]);
}

describe('store: batched inserts', () => {
  const folder = temporaryFolder('langlens-batch-');
  let store: Store;
  let db: Database;
  before(async () => {
    store = await openTestStore(join(folder.path, 'batch.db'));
    db = connectionOf(store);
    await db.exec('CREATE TABLE batch_rows (id INTEGER PRIMARY KEY, a TEXT, b INTEGER, c TEXT, d TEXT, e REAL)');
  });
  after(async () => {
    await store?.close();
    folder.remove();
  });

  it('writes every row as given, in statements of 60 whose shared columns change from one to the next', async () => {
    const rows = rowsToWrite();
    const insert = new BatchInsert(db, 'INSERT INTO batch_rows (id, a, b, c, d, e)', 6, '', 60);
    for (const row of rows) insert.add(row);
    await insert.flush();
    await insert.close();
    assert.equal(insert.written, 1000);
    const stored = await db.all<Record<string, SqlValue>>('SELECT id, a, b, c, d, e FROM batch_rows ORDER BY id');
    assert.deepEqual(
      stored.map((r) => [Number(r.id), r.a, r.b === null ? null : Number(r.b), r.c, r.d, Number(r.e)]),
      rows,
    );
  });

  it('counts an upsert that changes nothing as no change, with shared columns in its statement', async () => {
    const insert = new BatchInsert(
      db,
      'INSERT INTO batch_rows (id, a, b, c, d, e)',
      6,
      'ON CONFLICT (id) DO UPDATE SET c = excluded.c WHERE batch_rows.c IS NOT excluded.c',
      60,
    );
    for (const row of rowsToWrite()) insert.add(row.map((v, i) => (i === 3 && row[0] === 500 ? 'changed' : v)));
    await insert.flush();
    await insert.close();
    assert.equal(insert.written, 1);
    const changed = await db.all<{ id: number }>("SELECT id FROM batch_rows WHERE c = 'changed'");
    assert.deepEqual(
      changed.map((r) => Number(r.id)),
      [500],
    );
  });

  it('writes every row as given when the shared columns change in every statement, past the statements it keeps', async () => {
    await db.exec('DELETE FROM batch_rows');
    // In block k of 60 rows, column c is the same in every row when bit c of k is set: 32 different sets.
    const rows: Row[] = Array.from({ length: 32 * 60 }, (_, i): Row => {
      const block = Math.floor(i / 60);
      const same = (bit: number) => (block & (1 << bit)) !== 0;
      return [
        i + 1,
        same(0) ? null : `a${i}`,
        same(1) ? 1 : i,
        same(2) ? 'c' : `c${i}`,
        same(3) ? null : String(i % 7),
        same(4) ? 0.5 : i / 4,
      ];
    });
    const insert = new BatchInsert(db, 'INSERT INTO batch_rows (id, a, b, c, d, e)', 6, '', 60);
    for (const row of rows) insert.add(row);
    await insert.flush();
    await insert.close();
    const stored = await db.all<Record<string, SqlValue>>('SELECT id, a, b, c, d, e FROM batch_rows ORDER BY id');
    assert.deepEqual(
      stored.map((r) => [Number(r.id), r.a, Number(r.b), r.c, r.d, Number(r.e)]),
      rows,
    );
  });
});
