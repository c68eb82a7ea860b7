// The detection pool gives, on worker threads, exactly what the identifier gives on the calling thread.
import { strict as assert } from 'node:assert';
import { createLanguageIdentifier } from '../../../src/core/langid';
import { toDetectionWrite } from '../../../src/core/languages/detectionResult';
import { DetectionPool } from '../../../src/core/languages/detectPool';
import { parseLanguageTag } from '../../../src/core/model/language';
import { CLOSE_TEXTS, HINDI_THEN_ENGLISH } from '../langid/closeLanguages';

describe('language detection pool', function () {
  it('detects on two worker threads what one thread detects, in order (mul parts included)', async function () {
    const languages = [...new Set(CLOSE_TEXTS.map((t) => t.lang)), 'en'].map((l) => parseLanguageTag(l)!);
    const texts = Array.from({ length: 5 }, () => [...CLOSE_TEXTS.map((t) => t.text), HINDI_THEN_ENGLISH]).flat();
    const identifier = createLanguageIdentifier({ languages });
    const pool = new DetectionPool(languages, 2);
    try {
      assert.equal(pool.threads, 2);
      const pooled = await pool.detect(texts);
      assert.deepEqual(
        pooled,
        texts.map((t) => toDetectionWrite(identifier.detect(t))),
      );
      assert.ok(pooled.some((d) => d.lang === 'mul' && d.parts?.length === 2));
    } finally {
      await pool.close();
    }
  });
});
