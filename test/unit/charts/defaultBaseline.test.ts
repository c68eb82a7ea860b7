// The heatmap's baseline when the user names none: mono-{lang} when every language has its monolingual system,
// else the one system in every judged pair, else none (the panel asks).
import { strict as assert } from 'node:assert';
import { baselineOfPairs, defaultBaseline } from '../../../src/core/charts/defaultBaseline';
import type { JudgedPair } from '../../../src/core/metrics/scores';
import type { LanguageTag } from '../../../src/core/model/language';
import { openTestStore } from '../scores/support';

const pair = (lang: string, systemA: string, systemB: string): JudgedPair => ({
  run: 'r',
  group: 'g',
  lang: lang as LanguageTag,
  turn: 1,
  systemA,
  systemB,
  judge: 'j',
  orders: [{ order: 'AB', verdict: 'A' }],
});

describe('charts: the default baseline', () => {
  it('is mono-{lang} when every language has its monolingual system, else the system in every pair', () => {
    assert.equal(baselineOfPairs([pair('es', 'mono-es', 'multi'), pair('he', 'mono-he', 'multi')]), 'mono-{lang}');
    // mono-he is missing: the one system in every pair is multi.
    assert.equal(baselineOfPairs([pair('es', 'mono-es', 'multi'), pair('he', 'en-only', 'multi')]), 'multi');
    assert.equal(baselineOfPairs([pair('es', 'a', 'b'), pair('es', 'b', 'c'), pair('es', 'a', 'c')]), null);
    assert.equal(baselineOfPairs([]), null);
  });

  it("reads a run's judged pairs from the store", async () => {
    const test = await openTestStore();
    try {
      const verdict = (group: string, systemA: string) => ({
        kind: 'pairwise-judgment',
        run: 'c',
        group,
        lang: 'ar',
        judge: 'j',
        system_a: systemA,
        system_b: 'base',
        order: 'AB',
        verdict: 'A',
      });
      await test.importRecords('pairs', [verdict('g1', 'x'), verdict('g2', 'y')]);
      assert.equal(await defaultBaseline(test.store, 'c'), 'base');
      assert.equal(await defaultBaseline(test.store, 'no-such-run'), null);
    } finally {
      await test.close();
    }
  });
});
