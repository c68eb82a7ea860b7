// The canonical layout's fields added for the recognised layouts: references, prompt variants, preferences.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutStore, type LayoutStore } from './helpers';

describe('canonical layout: references, prompt variants and preferences', () => {
  let db: LayoutStore;
  beforeEach(async () => (db = await layoutStore()));
  afterEach(() => db.close());

  it("stores a reference apart from responses, and a judgment's variant and preference", async () => {
    const path = join(db.folder, 'records.jsonl');
    writeFileSync(
      path,
      [
        { kind: 'reference', run: 'r', group: 'q1', lang: 'de', author: 'gpt-4', text: '42' },
        {
          kind: 'pairwise-judgment',
          run: 'r',
          group: 'q1',
          lang: 'de',
          judge: 'j',
          system_a: 'x',
          system_b: 'y',
          verdict: 'B',
          prompt_variant: 'pair-math-v1',
          preference: 0.9,
        },
        {
          kind: 'pointwise-judgment',
          run: 'r',
          group: 'q1',
          lang: 'de',
          judge: 'j',
          system: 'x',
          scale: 'mt-bench-10',
          score: 7,
          prompt_variant: 'single-v1',
        },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    await db.importing(path);
    assert.deepEqual(await db.rows('SELECT author, text FROM reference_answers'), [{ author: 'gpt-4', text: '42' }]);
    assert.deepEqual(await db.rows('SELECT count(*) AS n FROM responses'), [{ n: 0 }]);
    assert.deepEqual(await db.rows('SELECT prompt_variant, preference, verdict FROM pairwise_judgments'), [
      { prompt_variant: 'pair-math-v1', preference: 0.9, verdict: 'B' },
    ]);
    assert.deepEqual(await db.rows('SELECT prompt_variant FROM pointwise_judgments'), [
      { prompt_variant: 'single-v1' },
    ]);
  });

  it('refuses a preference outside 0 to 1, naming the field', async () => {
    const path = join(db.folder, 'bad.jsonl');
    writeFileSync(
      path,
      JSON.stringify({
        kind: 'pairwise-judgment',
        group: 'q',
        lang: 'en',
        judge: 'j',
        system_a: 'x',
        system_b: 'y',
        verdict: 'A',
        preference: 1.5,
      }),
    );
    await assert.rejects(
      db.importing(path),
      /bad\.jsonl:1: field "preference": 1\.5 is outside 0 \(system_a\) to 1 \(system_b\)/,
    );
  });
});
