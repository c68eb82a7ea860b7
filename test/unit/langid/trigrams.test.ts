// The trigram scoring is franc-all's, done on franc's own models: it must give franc's scores exactly.
import * as assert from 'node:assert/strict';
import { francAll } from 'franc-all';
import { trigramScores } from '../../../src/core/langid/trigrams';
import { keepScript } from '../../../src/core/langid/scripts';
import { loadHpltPrompts } from './hpltPrompts';

const GROUPS: Record<string, { script: string; codes: string[] }> = {
  Latin: {
    script: 'Latn',
    codes: ['eng', 'spa', 'cat', 'glg', 'por', 'fra', 'ces', 'slk', 'fin', 'ekk', 'nob', 'nno', 'dan', 'swe'],
  },
  Cyrillic: { script: 'Cyrl', codes: ['rus', 'bul', 'ukr', 'mkd', 'srp', 'bel'] },
  Devanagari: { script: 'Deva', codes: ['hin', 'mar', 'npi'] },
};

describe('langid trigram scores', function () {
  it('equal francAll with `only` on every hplt prompt, in its script, at 60 and 300 characters', function () {
    const data = loadHpltPrompts();
    if (!data) this.skip();
    let compared = 0;
    for (const sample of data!.samples) {
      for (const [group, { script, codes }] of Object.entries(GROUPS)) {
        for (const length of [60, 300]) {
          const text = keepScript(sample.text.slice(0, length), script).replace(/\s+/g, ' ').trim();
          if (text.replace(/\s/g, '').length < 10) continue;
          const expected = francAll(text, { only: codes, minLength: 1 });
          if (expected[0]![0] === 'und') continue;
          const mine = trigramScores(text, group, codes);
          const byCode = new Map(mine.map((s) => [s.code, s.score]));
          for (const [code, score] of expected)
            assert.ok(Math.abs(byCode.get(code)! - score) < 1e-12, `${sample.lang} ${code} ${text}`);
          assert.equal(mine.length, expected.length);
          compared++;
        }
      }
    }
    assert.ok(compared > 300, `${compared} texts compared`);
  });
});
