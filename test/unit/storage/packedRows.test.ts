// Rows packed by the database into one string and read back (store/packedRows.ts): every value comes back whole,
// whatever characters it holds, on both engines; a lost row or a stray character is an error.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { connectionOf } from '../../../src/core/store/connection';
import { packedRecord, unpackChunksById, unpackRows } from '../../../src/core/store/packedRows';
import type { Store } from '../../../src/core/store/store';
import { temporaryFolder } from '../../support/paths';
import { openTestStore } from '../../support/testDatabase';

// Texts with the packing's own separators, digits after a colon, characters outside the BMP, right-to-left text.
const VALUES: readonly [string, number][] = [
  ['', 0],
  ['plain', 7],
  ['3,4:5', 12],
  ['12:ab,', 345],
  ['😀;:🇯🇵', 6],
  ['שלום, עולם', -4],
  ['零', 2 ** 40],
];

describe('store: packed rows', () => {
  const folder = temporaryFolder('langlens-packed-');
  let store: Store;
  before(async () => {
    store = await openTestStore(join(folder.path, 'packed.db'));
  });
  after(async () => {
    await store?.close();
    folder.remove();
  });

  it('reads back what the database packed, text and integers, in order', async () => {
    const values = VALUES.map(() => '(?, ?, CAST(? AS BIGINT))').join(', ');
    const [packed] = await connectionOf(store).all<{ n: number; packed: string }>(
      `
      WITH v(position, label, amount) AS (VALUES ${values})
      SELECT count(*) AS n, group_concat(${packedRecord([
        ['label', 'text'],
        ['amount', 'int'],
      ])}, '' ORDER BY position) AS packed FROM v`,
      VALUES.flatMap(([label, amount], i) => [i, label, amount]),
    );
    assert.deepEqual(unpackRows(packed!.packed, ['text', 'int'], packed!.n), VALUES);
  });

  it('reads back nulls of the fields that may be null, and no null where a value is required', async () => {
    const rows: readonly [string | null, number | null][] = [
      [null, null],
      [';', 3],
      ['', null],
      [null, -1],
    ];
    const values = rows.map(() => '(?, ?, CAST(? AS BIGINT))').join(', ');
    const [packed] = await connectionOf(store).all<{ n: number; packed: string }>(
      `
      WITH v(position, label, amount) AS (VALUES ${values})
      SELECT count(*) AS n, group_concat(${packedRecord([
        ['label', 'text?'],
        ['amount', 'int?'],
      ])}, '' ORDER BY position) AS packed FROM v`,
      rows.flatMap(([label, amount], i) => [i, label, amount]),
    );
    assert.deepEqual(unpackRows(packed!.packed, ['text?', 'int?'], packed!.n), rows);
    assert.throws(() => unpackRows(';;', ['text', 'int'], 1), /a digit expected at 0/);
  });

  it('refuses a count it does not read, and a character where a digit belongs', () => {
    assert.deepEqual(unpackRows('5:a,b:c7,', ['text', 'int'], 1), [['a,b:c', 7]]);
    assert.throws(() => unpackRows('5:a,b:c7,', ['text', 'int'], 2), /1 read of 2/);
    assert.throws(() => unpackRows('5:a,b:c7x', ['text', 'int'], 1), /a digit expected at 8/);
    assert.throws(() => unpackRows('9:a,b:c7,', ['text', 'int'], 1), /9 characters runs past the end/);
  });

  it('puts each chunk in id order and keeps the chunks in theirs', () => {
    const chunks = [
      { n: 3, packed: '5,1:e3,1:c4,1:d' },
      { n: 1, packed: '9,0:' },
    ];
    assert.deepEqual(unpackChunksById(chunks, ['int', 'text']), [
      [3, 'c'],
      [4, 'd'],
      [5, 'e'],
      [9, ''],
    ]);
  });
});
