// The pairs' distinct grouping values: each run, language, turn and criterion once, so that choosing a table's
// grouping reads a few values instead of one per pair, and chooses the same grouping.
import { strict as assert } from 'node:assert';
import { distinctPairGroupValues, pairGroupValues } from '../../../src/core/metrics/judging';
import { sliceGrouping } from '../../../src/core/metrics/grouping';

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
});
