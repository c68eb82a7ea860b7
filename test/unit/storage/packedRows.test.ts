// Rows packed by the database into one JSON array per group and read back (store/packedRows.ts): every value comes
// back whole, whatever characters it holds, on both engines; a lost row or a value of the wrong kind is an error.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { connectionOf } from '../../../src/core/store/connection';
import { packedRows, unpackChunksById, unpackRows } from '../../../src/core/store/packedRows';
import type { Store } from '../../../src/core/store/store';
import { temporaryFolder } from '../../support/paths';
import { openTestStore } from '../../support/testDatabase';

// Texts with JSON's and the old packing's separators, characters outside the BMP, right-to-left text, controls.
const VALUES: readonly [string, number][] = [
  ['', 0],
  ['plain', 7],
  ['3,4:5', 12],
  ['"quoted" \\ back\nslash', 345],
  ['😀;:🇯🇵', 6],
  ['שלום, עולם', -4],
  ['零\u0001\u2028', 2 ** 40],
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

  /** The rows of a VALUES list packed by the database in one group (ordered by position). */
  async function packedByDatabase(
    rows: readonly (readonly [string | null, number | null])[],
    kinds: readonly ['text' | 'text?', 'int' | 'int?'],
  ) {
    const values = rows.map(() => '(?, ?, CAST(? AS BIGINT))').join(', ');
    const [packed] = await connectionOf(store).all<{ n: number; packed: unknown }>(
      `
      WITH v(position, label, amount) AS (VALUES ${values})
      SELECT count(*) AS n, ${packedRows([
        ['label', kinds[0]],
        ['amount', kinds[1]],
      ])} AS packed FROM (SELECT * FROM v ORDER BY position) ordered`,
      rows.flatMap(([label, amount], i) => [i, label, amount]),
    );
    return packed!;
  }

  it('reads back what the database packed, text and integers, in order', async () => {
    const packed = await packedByDatabase(VALUES, ['text', 'int']);
    assert.deepEqual(unpackRows(packed.packed, ['text', 'int'], packed.n), VALUES);
  });

  it('reads back nulls of the fields that may be null, and refuses a null where a value is required', async () => {
    const rows: readonly [string | null, number | null][] = [
      [null, null],
      [';', 3],
      ['', null],
      [null, -1],
    ];
    const packed = await packedByDatabase(rows, ['text?', 'int?']);
    assert.deepEqual(unpackRows(packed.packed, ['text?', 'int?'], packed.n), rows);
    assert.throws(() => unpackRows(packed.packed, ['text', 'int?'], packed.n), /row 0, field 0 is null/);
  });

  it('refuses a count it does not read, and a value of another kind', () => {
    assert.deepEqual(unpackRows('[["a,b:c",7]]', ['text', 'int'], 1), [['a,b:c', 7]]);
    assert.throws(() => unpackRows('[["a",7]]', ['text', 'int'], 2), /1 read of 2/);
    assert.throws(() => unpackRows('[["a",7.5]]', ['text', 'int'], 1), /row 0, field 1 is 7.5, not an integer/);
    assert.throws(() => unpackRows('[["a",[7]]]', ['text', 'text'], 1), /row 0, field 1 is \[7\], not a text/);
    assert.throws(() => unpackRows('[["a"]]', ['text', 'int'], 1), /row 0 is not 2 values/);
    // A number in a text field (SQLite keeps a value's own type) is the text it stands for.
    assert.deepEqual(unpackRows([[12, 3]], ['text', 'int'], 1), [['12', 3]]);
  });

  it('puts each chunk in id order and keeps the chunks in theirs', () => {
    const chunks = [
      { n: 3, packed: '[[5,"e"],[3,"c"],[4,"d"]]' },
      { n: 1, packed: [[9, '']] },
    ];
    assert.deepEqual(unpackChunksById(chunks, ['int', 'text']), [
      [3, 'c'],
      [4, 'd'],
      [5, 'e'],
      [9, ''],
    ]);
  });
});
