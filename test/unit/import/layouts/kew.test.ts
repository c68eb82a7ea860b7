// Kew et al.'s output and judge files (test/fixtures/kew, their real shape).
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { kewFileName, openLidTag } from '../../../../src/core/import/formats/kew';
import { likertMeans } from '../../../../src/core/metrics/scores';
import { pointwiseScores } from '../../../../src/core/store/scoreQueries';
import { PROJECT_ROOT } from '../../../support/paths';
import { layoutStore, type LayoutStore } from './helpers';

const FOLDER = join(PROJECT_ROOT, 'test/fixtures/kew/falcon_7b_bg_merged');
const STEM = 'alpaca_eval_instructions_bg-none-guanaco_prompt-s42-k50-p0.9-t0.8-b8';

describe("Kew et al.'s output files", () => {
  let db: LayoutStore;
  beforeEach(async () => (db = await layoutStore()));
  afterEach(() => db.close());

  it('takes the system from the folder, language and seed from the file name, scores from the judge file', async () => {
    assert.equal((await db.importing(join(FOLDER, `${STEM}.jsonl`))).format, 'kew-outputs');
    assert.equal((await db.importing(join(FOLDER, `${STEM}-gpt-3.5-turbo-1106.jsonl`))).format, 'kew-judge');
    assert.deepEqual(
      await db.rows(`SELECT p.group_key AS g, p.lang, s.name AS system, x.seed FROM responses x
      JOIN prompts p ON p.id = x.prompt_id JOIN systems s ON s.id = x.system_id ORDER BY x.id`),
      ['1', '2', '3', '4'].map((g) => ({ g, lang: 'bg', system: 'falcon_7b_bg_merged', seed: 42 })),
    );
    const [row, ...rest] = likertMeans(await pointwiseScores(db.store, { scale: 'likert-6' }), {});
    assert.equal(rest.length, 0);
    assert.equal(row!.judge, 'gpt-3.5-turbo-1106');
    // By hand (fixture README): (5 + 2 + 4) / 3 over 3 scored responses, 1 unparsable.
    assert.equal(row!.ungatedMean.value, 11 / 3);
    assert.deepEqual([row!.scored, row!.invalid], [3, 1]);
    const [reasoning] = await db.rows<{ reasoning: string }>(
      'SELECT reasoning FROM pointwise_judgments ORDER BY id LIMIT 1',
    );
    assert.equal(reasoning!.reasoning, 'Helpful and correct.');
  });

  it('reads OpenLID labels and the file name', () => {
    assert.deepEqual(['rus_Cyrl', 'bul_Cyrl', 'zho_Hans', 'eng_Latn', 'cmn'].map(openLidTag), [
      'ru',
      'bg',
      'zh-Hans',
      'en',
      undefined,
    ]);
    assert.deepEqual(kewFileName(`${STEM}-gpt-3.5-turbo-1106.jsonl`), {
      lang: 'bg',
      seed: 42,
      judge: 'gpt-3.5-turbo-1106',
    });
    assert.deepEqual(kewFileName(`${STEM}.jsonl`), { lang: 'bg', seed: 42 });
  });
});
