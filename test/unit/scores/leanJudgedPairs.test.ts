// The score tables read judged pairs from the store's lean load (verdicts packed by ids, no raw answers): the same
// pairs, in the same order, as from every verdict row, across chunk boundaries and with criteria that hold the
// packing's own separators, digits and characters outside the BMP.
import { strict as assert } from 'node:assert';
import { judgedPairs, loadJudgedPairs } from '../../../src/core/metrics/scores';
import {
  judgedPairColumnsOf,
  judgedPairsOf,
  pairVerdict,
  pairVerdictAt,
} from '../../../src/core/metrics/scores/judgedPairs';
import type { LanguageTag } from '../../../src/core/model/language';
import { connectionOf } from '../../../src/core/store/connection';
import { pairwiseVerdicts, unpackVerdicts } from '../../../src/core/store/pairwiseVerdicts';
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

  it('gives the same pairs as columns: prompt, systems, judge, criterion and one verdict per pair for both policies', async () => {
    const objects = await loadJudgedPairs(test.store, { run: 'lean' });
    const columns = judgedPairColumnsOf(await pairwiseVerdicts(test.store, { run: 'lean' }));
    assert.equal(columns.count, objects.length);
    const asObjects = Array.from({ length: columns.count }, (_, p) => {
      const { run, group, lang, turn } = columns.prompts.get(columns.prompt[p]!)!;
      const criterion = columns.criterion[p];
      return {
        run,
        group,
        lang,
        turn,
        systemA: columns.systems.get(columns.systemA[p]!)!,
        systemB: columns.systems.get(columns.systemB[p]!)!,
        judge: columns.judge[p]!,
        ...(criterion ? { criterion } : {}),
      };
    });
    assert.deepEqual(
      asObjects,
      objects.map(({ orders: _orders, ...pair }) => pair),
    );
    for (const invalidAs of ['exclude', 'tie'] as const) {
      const verdicts = objects.map((pair, p) => [pairVerdict(pair, invalidAs), pairVerdictAt(columns, p, invalidAs)]);
      assert.deepEqual(
        verdicts.map(([, atColumns]) => atColumns),
        verdicts.map(([ofObject]) => ofObject),
        invalidAs,
      );
      // Every kind of verdict and pair occurs: the comparison is not of one case.
      assert.deepEqual(new Set(verdicts.map(([v]) => v)), new Set(invalidAs === 'tie' ? ['A', 'B', 'tie'] : VERDICTS));
    }
    assert.deepEqual(
      new Set(objects.map((pair) => pair.orders.map((o) => o.order).join())),
      new Set(ORDER_SETS.map((orders) => orders.join())),
    );
  });

  it('reads the same pairs when the ids lie far apart (one statement instead of a statement per chunk)', async () => {
    const before = await loadJudgedPairs(test.store, { run: 'lean' });
    const db = connectionOf(test.store);
    // The last verdicts moved far beyond the others: thousands of chunks would be empty.
    await db.run(
      'UPDATE pairwise_judgments SET id = id + 50000000 WHERE id > (SELECT max(id) - 10 FROM pairwise_judgments)',
    );
    try {
      assert.deepEqual(await loadJudgedPairs(test.store, { run: 'lean' }), before);
    } finally {
      await db.run('UPDATE pairwise_judgments SET id = id - 50000000 WHERE id > 50000000');
    }
  });

  it('reads chunks verdict by verdict in id order, and refuses one whose count the packing does not match', () => {
    // Ids 40, 38, 39: the database may aggregate a chunk in any order. Columns c0 … c7: id, prompt, judge, the
    // systems, the order's and the verdict's indexes, the criterion.
    const chunk = {
      n: 3,
      c0: [40, 38, 39],
      c1: [9, 7, 8],
      c2: [1, 1, 2],
      c3: [2, 2, 2],
      c4: [3, 3, 3],
      c5: [1, 0, 2],
      c6: [2, 1, 3],
      c7: ['😀;:', '', '3,4:5'],
    };
    const next = { n: 1, c0: [41], c1: [10], c2: [1], c3: [2], c4: [3], c5: [0], c6: [0], c7: [''] };
    const expected = {
      count: 4,
      prompt: Float64Array.of(7, 8, 9, 10),
      judge: Float64Array.of(1, 2, 1, 1),
      systemA: Float64Array.of(2, 2, 2, 2),
      systemB: Float64Array.of(3, 3, 3, 3),
      order: Uint8Array.of(0, 2, 1, 0),
      verdict: Uint8Array.of(1, 3, 2, 0),
      criterion: [null, '3,4:5', '😀;:', null],
    };
    // As PostgreSQL's driver hands the columns over (parsed) and as SQLite does (JSON text).
    assert.deepEqual(unpackVerdicts([structuredClone(chunk), next]), expected);
    const asText = Object.fromEntries(Object.entries(chunk).map(([k, v]) => [k, k === 'n' ? v : JSON.stringify(v)]));
    assert.deepEqual(unpackVerdicts([asText as typeof chunk, next]), expected);
    assert.throws(() => unpackVerdicts([{ ...chunk, n: 4 }]), /3 read of 4 in column 0/);
    assert.throws(() => unpackVerdicts([{ ...chunk, c2: [1, 'x', 2] }]), /row 1, field 2 is "x", not an integer/);
    assert.throws(() => unpackVerdicts([{ ...chunk, c6: [1, 4, 0] }]), /verdict is not one of A, B, tie, invalid/);
  });

  it('keys pairs by their ids whatever their size: small ids as one number, ids past 2^53 together as text', () => {
    for (const big of [false, true]) {
      const p = big ? 2 ** 40 : 3;
      const [a, b] = big ? [2999, 3000] : [1, 2];
      const verdicts = {
        columns: {
          count: 5,
          prompt: new Float64Array(5).fill(p),
          judge: Float64Array.of(4, 4, 4, 4, 5),
          systemA: new Float64Array(5).fill(a),
          systemB: new Float64Array(5).fill(b),
          order: Uint8Array.of(0, 1, 0, 1, 0),
          verdict: Uint8Array.of(0, 1, 0, 1, 0),
          criterion: [null, null, 'x:1', 'x:1', null],
        },
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
