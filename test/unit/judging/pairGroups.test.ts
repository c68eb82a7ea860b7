// The pairs' distinct grouping values: each run, language, turn and criterion once, so that choosing a table's
// grouping reads a few values instead of one per pair, and chooses the same grouping.
import { strict as assert } from 'node:assert';
import { distinctPairGroupValues, pairGroupValues } from '../../../src/core/metrics/judging';
import { groupByKind, PairKinds } from '../../../src/core/metrics/judging/pairGroups';
import { groupBy, sliceGrouping, type GroupField } from '../../../src/core/metrics/grouping';
import { createRandom } from '../../../src/core/util/random';

describe('judging: distinct grouping values of pairs', () => {
  const pair = (run: string, lang: string, turn: number, criterion?: string) => ({
    run,
    lang,
    turn,
    ...(criterion !== undefined ? { criterion } : {}),
  });

  it('keeps each combination once, in order of first appearance, across the lists', () => {
    const judged = [pair('r1', 'en', 1), pair('r1', 'de', 1), pair('r1', 'en', 1), pair('r1', 'en', 2)];
    const humans = [pair('r1', 'de', 1), pair('r1', 'de', 1, 'fluency'), pair('r1', 'de', 1, '')];
    assert.deepEqual(distinctPairGroupValues([judged, humans]), [
      { run: 'r1', lang: 'en', turn: 1, criterion: '' },
      { run: 'r1', lang: 'de', turn: 1, criterion: '' },
      { run: 'r1', lang: 'en', turn: 2, criterion: '' },
      { run: 'r1', lang: 'de', turn: 1, criterion: 'fluency' },
    ]);
  });

  it("gives the grouping that every pair's values give", () => {
    const cases = [
      [pair('r1', 'en', 1), pair('r1', 'de', 1)],
      [pair('r1', 'en', 1), pair('r2', 'en', 1)],
      [pair('r1', 'en', 1), pair('r1', 'en', 2, 'x')],
      [pair('r1', 'en', 1, 'x'), pair('r1', 'en', 1)],
    ];
    const groupings = cases.map((pairs) => {
      const every = sliceGrouping(pairs.map(pairGroupValues));
      assert.deepEqual(sliceGrouping(distinctPairGroupValues([pairs])), every);
      return every.join(',');
    });
    assert.deepEqual(groupings, ['lang', 'run,lang', 'lang,turn,criterion', 'lang,criterion']);
  });

  it('groups items through their kinds as groupBy groups them by their values, for every breakdown', () => {
    const random = createRandom(4);
    const pick = <T>(values: readonly T[]) => values[random.nextInt(values.length)]!;
    const items = Array.from({ length: 400 }, (_, id) => ({
      id,
      ...pair(pick(['r1', 'r2']), pick(['en', 'de', 'zh', 'he']), pick([1, 2]), pick([undefined, 'x', 'fluency'])),
    }));
    const kinds = new PairKinds();
    const kindOf = new Map(items.map((item) => [item, kinds.of(item.run, item.lang, item.turn, item.criterion)]));
    assert.equal(kinds.all.length, 2 * 4 * 2 * 3);
    for (const by of [[], ['lang'], ['criterion'], ['run', 'lang'], ['lang', 'turn', 'criterion']] as GroupField[][]) {
      const groups = groupByKind(items, (item) => kindOf.get(item)!, kinds.all, by);
      assert.deepEqual(groups, groupBy(items, pairGroupValues, by), by.join(','));
      assert.equal(
        groups.reduce((n, g) => n + g.items.length, 0),
        400,
      );
    }
  });
});
