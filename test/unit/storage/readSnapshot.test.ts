// Reads in one snapshot (Database.readSnapshot): many statements on a connection of their own see one state of the
// database, whatever the store's connection commits between them; inside a transaction they see its writes; the
// connection is gone afterwards, also when a read fails.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { connectionOf } from '../../../src/core/store/connection';
import { SqliteDatabase } from '../../../src/core/store/sqlite';
import { temporaryFolder } from '../../support/paths';
import { openTestStore } from '../../support/testDatabase';

describe('store: reads in one snapshot', () => {
  const folder = temporaryFolder('langlens-snapshot-');
  after(() => folder.remove());

  it('see the state of their first read, though the store commits rows between them', async () => {
    const store = await openTestStore(join(folder.path, 'snapshot.db'));
    const db = connectionOf(store);
    try {
      await db.exec('CREATE TABLE snap_t (n INTEGER)');
      await db.run('INSERT INTO snap_t (n) VALUES (1), (2)');
      const total = async (all: (sql: string) => Promise<{ total: number }[]>) =>
        Number((await all('SELECT sum(n) AS total FROM snap_t'))[0]!.total);
      const seen = await db.readSnapshot(async (all) => {
        const first = await total(all);
        await db.run('INSERT INTO snap_t (n) VALUES (40)');
        const later = await Promise.all([total(all), total(all)]);
        return [first, ...later];
      });
      assert.deepEqual(seen, [3, 3, 3], 'the committed row is not seen inside the snapshot');
      assert.equal(await db.readSnapshot(total), 43, 'a new snapshot sees it');
      await db.exec('BEGIN');
      await db.run('INSERT INTO snap_t (n) VALUES (500)');
      assert.equal(await db.readSnapshot(total), 543, 'inside a transaction: its own writes');
      await db.exec('ROLLBACK');
      await assert.rejects(
        db.readSnapshot((all) => all('SELECT no_such_column FROM snap_t')),
        /no_such_column/,
      );
      assert.equal(await db.readSnapshot(total), 43, 'a failed snapshot leaves the next one whole');
    } finally {
      await store.close();
    }
  });

  it('reads an in-memory database on its one connection', async () => {
    const db = await SqliteDatabase.open(':memory:');
    try {
      await db.exec("CREATE TABLE m (s TEXT); INSERT INTO m VALUES ('only here')");
      assert.deepEqual(await db.readSnapshot((all) => all('SELECT s FROM m')), [{ s: 'only here' }]);
    } finally {
      await db.close();
    }
  });
});
