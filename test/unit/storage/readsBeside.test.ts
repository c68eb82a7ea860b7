// Reads beside the connection's others (Database.allBeside): on SQLite a second, read-only connection runs them at
// the same time as the first one's statements. They must read what the first connection committed, what its open
// transaction wrote (there they go to the first connection), and an in-memory database, which no second connection
// sees; and closing the store closes both connections.
import { strict as assert } from 'node:assert';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { connectionOf } from '../../../src/core/store/connection';
import { SqliteDatabase } from '../../../src/core/store/sqlite';
import { temporaryFolder } from '../../support/paths';
import { openTestStore } from '../../support/testDatabase';

describe('store: reads beside the connection', () => {
  const folder = temporaryFolder('langlens-beside-');
  after(() => folder.remove());

  it('sees committed rows, and an open transaction its own uncommitted ones', async () => {
    const store = await openTestStore(join(folder.path, 'beside.db'));
    const db = connectionOf(store);
    try {
      await db.exec('CREATE TABLE beside_t (n INTEGER)');
      await db.run('INSERT INTO beside_t (n) VALUES (1), (2)');
      assert.deepEqual(await db.allBeside('SELECT n FROM beside_t ORDER BY n'), [{ n: 1 }, { n: 2 }]);
      await db.exec('BEGIN');
      await db.run('INSERT INTO beside_t (n) VALUES (3)');
      assert.deepEqual(
        (await db.allBeside<{ n: number }>('SELECT n FROM beside_t ORDER BY n')).map((r) => r.n),
        [1, 2, 3],
        'inside the transaction the read goes to its connection',
      );
      await db.exec('ROLLBACK');
      // Side by side with a statement of the first connection, and after the rollback.
      const [beside, here] = await Promise.all([
        db.allBeside<{ total: number }>('SELECT sum(n) AS total FROM beside_t'),
        db.all<{ total: number }>('SELECT count(*) AS total FROM beside_t'),
      ]);
      assert.deepEqual([beside[0]?.total, here[0]?.total], [3, 2]);
    } finally {
      await store.close();
    }
  });

  it('reads an in-memory database on its one connection', async () => {
    const db = await SqliteDatabase.open(':memory:');
    try {
      await db.exec("CREATE TABLE m (s TEXT); INSERT INTO m VALUES ('only here')");
      assert.deepEqual(await db.allBeside('SELECT s FROM m'), [{ s: 'only here' }]);
    } finally {
      await db.close();
    }
  });

  it('closes its second connection with the first', async () => {
    const path = join(folder.path, 'closed.db');
    const db = await SqliteDatabase.open(path);
    await db.exec('PRAGMA journal_mode = WAL; CREATE TABLE c (n INTEGER); INSERT INTO c VALUES (5)');
    assert.deepEqual(await db.allBeside('SELECT n FROM c'), [{ n: 5 }]);
    await db.close();
    // With no connection left, SQLite folds the write-ahead log back into the file and removes it: a reader left
    // open would keep it.
    assert.equal(existsSync(`${path}-wal`), false, 'the last connection to close checkpoints and removes the log');
    const reopened = await SqliteDatabase.open(path, 'readonly');
    try {
      assert.deepEqual(await reopened.all('SELECT n FROM c'), [{ n: 5 }]);
    } finally {
      await reopened.close();
    }
    rmSync(path);
  });
});
