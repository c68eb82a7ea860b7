// The score tables read judged pairs from the store's lean load (verdicts packed by ids, no raw answers): the same
// pairs, in the same order, as from every verdict row, across chunk boundaries and with criteria that hold the
// packing's own separators, digits and characters outside the BMP.
import { strict as assert } from 'node:assert';
import { judgedPairs, loadJudgedPairs } from '../../../src/core/metrics/scores';
import { judgedPairsOf } from '../../../src/core/metrics/scores/judgedPairs';
import type { LanguageTag } from '../../../src/core/model/language';
import { unpackVerdicts } from '../../../src/core/store/pairwiseVerdicts';
import { openTestStore, type TestStore } from './support';

const CRITERIA = ['', 'fluency', '3,4:5', 'tone: 😀 ok;', '12:ab,'];
const VERDICTS = ['A', 'B', 'tie', 'invalid'];

const ORDER_SETS = [['AB'], ['AB', 'BA'], ['combined'], ['BA']];

function verdicts(): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  // 2 judges × 520 groups × 5 criteria, a quarter of the pairs in both orders: 6,500 verdicts, two chunks of 4,096.
  for (let g = 0; g < 520; g++)
    ['j1', 'j2'].forEach((judge, j) =>
      CRITERIA.forEach((criterion, c) => {
        for (const order of ORDER_SETS[(g + c + j) % 4]!)
          records.push({
            kind: 'pairwise-judgment',
            run: 'lean',
            group: `g${g}`,
            lang: g % 2 ? 'he' : 'zh',
            judge,
            system_a: 'x',
            system_b: 'base',
            order,
            verdict: VERDICTS[(g * 7 + c + order.length) % 4],
            ...(criterion ? { criterion } : {}),
          });
      }),
    );
  return records;
}

describe('judged pairs from the lean verdict load', () => {
  let test: TestStore;
  before(async () => {
    test = await openTestStore();
    await test.importRecords('lean', verdicts());
  });
  after(async () => test?.close());

  it('gives the pairs of every verdict row, in order, criteria included', async () => {
    const full = judgedPairs(await test.store.judgeVerdicts({ run: 'lean' }));
    const lean = await loadJudgedPairs(test.store, { run: 'lean' });
    assert.ok(full.length > 4000, `${full.length} pairs`);
    assert.deepEqual(lean, full);
    assert.deepEqual(
      [...new Set(lean.map((p) => p.criterion ?? ''))].sort(),
      [...CRITERIA].sort(),
      'every criterion read back whole',
    );
  });

  it('reads a chunk verdict by verdict in id order, and refuses one whose count the packing does not match', () => {
    // Ids 40, 38, 39: the database may aggregate a chunk in any order.
    const rows = [
      [40, 9, 1, 2, 3, 1, 2, '😀;:'],
      [38, 7, 1, 2, 3, 0, 1, ''],
      [39, 8, 2, 2, 3, 2, 3, '3,4:5'],
    ];
    const expected = [
      { p: 7, j: 1, a: 2, b: 3, o: 0, v: 1, c: null },
      { p: 8, j: 2, a: 2, b: 3, o: 2, v: 3, c: '3,4:5' },
      { p: 9, j: 1, a: 2, b: 3, o: 1, v: 2, c: '😀;:' },
    ];
    // As SQLite hands it over (JSON text) and as PostgreSQL's driver does (the parsed array).
    assert.deepEqual(unpackVerdicts({ n: 3, packed: JSON.stringify(rows) }), expected);
    assert.deepEqual(unpackVerdicts({ n: 3, packed: structuredClone(rows) }), expected);
    assert.throws(() => unpackVerdicts({ n: 4, packed: JSON.stringify(rows) }), /3 read of 4/);
    assert.throws(
      () => unpackVerdicts({ n: 1, packed: '[[7,1,"x",2,3,0,1,""]]' }),
      /row 0, field 2 is "x", not an integer/,
    );
  });

  it('keys pairs by their ids whatever their size: small ids as one number, ids past 2^53 together as text', () => {
    for (const big of [false, true]) {
      const p = big ? 2 ** 40 : 3;
      const [a, b] = big ? [2999, 3000] : [1, 2];
      const row = (o: number, c: string | null) => ({ p, j: 4, a, b, o, v: o, c });
      const verdicts = {
        rows: [row(0, null), row(1, null), row(0, 'x:1'), row(1, 'x:1'), { ...row(0, null), j: 5 }],
        prompts: new Map([[p, { run: 'r', group: 'g', lang: 'he' as LanguageTag, turn: 1 }]]),
        systems: new Map([
          [a, 'x'],
          [b, 'y'],
        ]),
        judges: new Map([
          [4, { name: 'j', hash: 'h' }],
          [5, { name: 'k', hash: 'h' }],
        ]),
      };
      const pairs = judgedPairsOf(verdicts);
      assert.deepEqual(
        pairs.map((pair) => [pair.judge, pair.criterion ?? '', pair.orders.map((o) => o.order).join('+')]),
        [
          ['j', '', 'AB+BA'],
          ['j', 'x:1', 'AB+BA'],
          ['k', '', 'AB'],
        ],
        big ? 'ids past 2^53' : 'small ids',
      );
    }
  });
});
