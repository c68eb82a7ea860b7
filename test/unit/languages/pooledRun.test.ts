// The detection pool on real text: hplt-prompts (native speakers, 11 languages) and long answers built from them,
// detected on two worker threads and on the calling thread, and a whole run through the store detected both ways.
// Every detection must be the same, to the last digit of its confidence.
import { strict as assert } from 'node:assert';
import { createLanguageIdentifier } from '../../../src/core/langid';
import { detectResponseLanguages } from '../../../src/core/languages';
import { toDetectionWrite } from '../../../src/core/languages/detectionResult';
import { BATCH_TEXTS, DetectionPool } from '../../../src/core/languages/detectPool';
import { connectionOf } from '../../../src/core/store/connection';
import { requireSharedData } from '../../support/paths';
import { loadHpltPrompts } from '../langid/hpltPrompts';
import { realisticResponses } from '../langid/longResponses';
import { openTestStore } from '../scores/support';

interface StoredDetection {
  readonly id: number;
  readonly lang: string;
  readonly confidence: number;
  readonly reason: string | null;
  readonly parts: string | null;
}

describe('language detection pool on real text', function () {
  it('detects hplt-prompts and 1,500-character answers on two threads exactly as on one', async function () {
    requireSharedData(this, 'hplt-prompts');
    const samples = loadHpltPrompts()!.samples;
    const languages = [...new Set(samples.map((s) => s.lang))];
    const texts = [...samples.map((s) => s.text), ...realisticResponses(samples, 10).map((r) => r.text)];
    assert.ok(texts.length > 20 * BATCH_TEXTS, 'enough texts for many batches on each worker');
    const identifier = createLanguageIdentifier({ languages });
    const pool = new DetectionPool(languages, 2);
    try {
      assert.equal(pool.threads, 2);
      // Two calls in flight at once, as a run queues its next page: each gets its own texts' detections, in order.
      const [first, second] = await Promise.all([pool.detect(texts), pool.detect(texts.slice(0, 100).reverse())]);
      const expected = texts.map((t) => toDetectionWrite(identifier.detect(t)));
      assert.deepEqual(first, expected);
      assert.deepEqual(second, expected.slice(0, 100).reverse());
      assert.ok(new Set(first.map((d) => d.lang)).size >= 11, 'all languages detected');
    } finally {
      await pool.close();
    }
  });

  it('stores the same detections for a run detected on the pool as on one thread', async function () {
    requireSharedData(this, 'hplt-prompts');
    const samples = loadHpltPrompts()!.samples;
    const answers = [...samples, ...realisticResponses(samples, 50)];
    const test = await openTestStore();
    try {
      await test.importRecords(
        'responses',
        answers.map((s, i) => ({
          kind: 'response',
          run: 'r',
          group: `g${i % 50}`,
          lang: s.lang,
          system: `s${i}`,
          text: s.text,
        })),
      );
      const stored = () =>
        connectionOf(test.store).all<StoredDetection>(
          'SELECT response_id AS id, lang, confidence, reason, parts FROM language_detections ORDER BY response_id',
        );
      // Pages of 100 on the pool: the next page is read and queued while one is detected and the one before stored.
      const [pooled] = await detectResponseLanguages(test.store, { threads: 2, pageSize: 100 });
      const onPool = await stored();
      await connectionOf(test.store).run('DELETE FROM language_detections');
      const [single] = await detectResponseLanguages(test.store, { threads: 1 });
      assert.equal(pooled!.detected, answers.length);
      assert.deepEqual([pooled!.threads, single!.threads], [2, 1]);
      assert.deepEqual({ ...pooled!, threads: 1 }, single);
      assert.deepEqual(onPool, await stored());
      assert.equal(onPool.length, answers.length);
    } finally {
      await test.close();
    }
  });
});
