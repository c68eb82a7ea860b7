// A mixed answer through the pipeline (issue 16): detected as "mul", stored with its languages' shares, and shown
// by the grid's detection view as mixed rather than as a wrong language.
import { connectionOf } from '../../../src/core/store/connection';
import { strict as assert } from 'node:assert';
import { detectResponseLanguages } from '../../../src/core/languages';
import { detectionView } from '../../../src/extension/languages';
import { ENGLISH_DISPLAY } from '../../../src/extension/displayLanguage';
import { HINDI_THEN_ENGLISH } from '../langid/closeLanguages';
import { openTestStore, type TestStore } from '../scores/support';

describe('mixed answers through the language pipeline', () => {
  let test: TestStore;
  before(async () => {
    test = await openTestStore();
    await test.importRecords('mixed', [
      { kind: 'response', run: 'mx', group: 'delhi', lang: 'hi', system: 's', text: HINDI_THEN_ENGLISH },
      {
        kind: 'response',
        run: 'mx',
        group: 'short',
        lang: 'hi',
        system: 's',
        text: 'भारत की राजधानी नई दिल्ली है और यह बहुत बड़ा शहर है।',
      },
    ]);
  });
  after(async () => test?.close());

  it('stores "mul" with the shares of Hindi and English, counts it, and the grid shows it as mixed', async () => {
    const [report] = await detectResponseLanguages(test.store, { run: 'mx' });
    assert.equal(report!.mixed, 1);
    const rows = await connectionOf(test.store).all<{ lang: string; parts: string | null }>(
      'SELECT lang, parts FROM language_detections ORDER BY response_id',
    );
    assert.deepEqual(
      rows.map((r) => r.lang),
      ['mul', 'hi'],
    );
    const parts = JSON.parse(rows[0]!.parts!) as { lang: string; share: number }[];
    assert.deepEqual(parts.map((p) => p.lang).sort(), ['en', 'hi']);
    assert.ok(Math.abs(parts[0]!.share + parts[1]!.share - 1) < 1e-9);
    assert.equal(rows[1]!.parts, null);
    const view = detectionView(
      'hi',
      { lang: 'mul', confidence: 1, detector: 'd', parts: rows[0]!.parts },
      ENGLISH_DISPLAY.language,
    );
    assert.equal(view!.mismatch, false);
    assert.deepEqual(view!.parts!.map((p) => p.language.tag).sort(), ['en', 'hi']);
  });
});
