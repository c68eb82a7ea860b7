// A database made before criteria and rating scales (schema changes 0001–0005, as released) opens with every label
// and judgment kept: the same current labels, the same verdicts and scores, and new criteria beside them.
import { connectionOf } from '../../../src/core/store/connection';
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { MIGRATIONS } from '../../../src/core/store/migrations';
import { humanRatings, pointwiseScores } from '../../../src/core/store/scoreQueries';
import { SqliteDatabase } from '../../../src/core/store/sqlite';
import { Store } from '../../../src/core/store/store';
import { temporaryFolder } from '../../support/paths';

const RELEASED = ['0001-core', '0002-judge-requests', '0003-annotation', '0004-flag-provenance', '0005-assignments'];

/** A database as the released code leaves it: its migrations only, and rows written the way its writer wrote them. */
async function releasedDatabase(path: string): Promise<void> {
  const db = await SqliteDatabase.open(path);
  await db.exec('CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  for (const id of RELEASED) {
    await db.exec(MIGRATIONS.find((m) => m.id === id)!.sql);
    await db.run('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)', [id, '2024-01-01T00:00:00Z']);
  }
  await db.exec(`
    INSERT INTO runs (id, name, created_at) VALUES (1, 'demo', 't');
    INSERT INTO systems (id, run_id, name) VALUES (1, 1, 'a'), (2, 1, 'b');
    INSERT INTO prompts (id, run_id, group_key, lang, turn, text) VALUES (1, 1, 'g1', 'he', 1, 'q');
    INSERT INTO judges (id, name, hash) VALUES (1, 'j', '');
    INSERT INTO annotators (id, name) VALUES (1, 'noa');
    INSERT INTO pairwise_judgments (prompt_id, judge_id, system_a_id, system_b_id, presentation, verdict, raw)
      VALUES (1, 1, 1, 2, 'AB', 'A', 'Response 1'), (1, 1, 1, 2, 'BA', 'B', 'Response 2');
    INSERT INTO pointwise_judgments (prompt_id, system_id, seed, judge_id, scale, scale_min, scale_max, score)
      VALUES (1, 1, 0, 1, 'likert-6', 1, 6, 5);
    INSERT INTO labels (fingerprint, kind, prompt_id, annotator_id, target, system_id, seed, value, labelled_at, recorded_at)
      VALUES ('r1', 'rating', 1, 1, 'response:1:0', 1, 0, 'pass', '2024-06-01T10:00:00Z', 't'),
             ('r2', 'rating', 1, 1, 'response:1:0', 1, 0, 'excellent', '2024-06-01T11:00:00Z', 't');
    INSERT INTO labels (fingerprint, kind, prompt_id, annotator_id, target, system_a_id, system_b_id, value, presentation, labelled_at, recorded_at)
      VALUES ('p1', 'pairwise', 1, 1, 'pair:1:2', 1, 2, 'A', 'AB', '2024-06-01T10:00:00Z', 't');`);
  await db.close();
}

describe('upgrading a database made before criteria and scales', () => {
  let folder: ReturnType<typeof temporaryFolder>;
  let store: Store;

  before(async () => {
    folder = temporaryFolder();
    const path = join(folder.path, 'old.db');
    await releasedDatabase(path);
    store = await Store.open(path);
  });
  after(async () => {
    await store.close();
    folder.remove();
  });

  it('keeps every label, its history and every judgment', async () => {
    assert.equal((await connectionOf(store).get<{ n: number }>('SELECT count(*) AS n FROM labels'))!.n, 3);
    const ratings = await humanRatings(store, {});
    assert.deepEqual(
      ratings.map((r) => [r.annotator, r.rating, r.criterion, r.scale]),
      [['noa', 'excellent', '', null]],
    );
    assert.deepEqual(
      (await store.humanPairwiseLabels()).map((r) => [r.annotator, r.verdict, r.order, r.criterion]),
      [['noa', 'A', 'AB', '']],
    );
    assert.deepEqual(
      (await store.judgeVerdicts()).map((r) => [r.order, r.verdict, r.raw, r.criterion]),
      [
        ['AB', 'A', 'Response 1', ''],
        ['BA', 'B', 'Response 2', ''],
      ],
    );
    assert.deepEqual(
      (await pointwiseScores(store, { scale: 'likert-6' })).map((r) => [r.judge, r.score, r.criterion]),
      [['j', 5, '']],
    );
  });

  it('takes new labels and verdicts on criteria beside the old ones, none superseding another', async () => {
    const file = join(folder.path, 'new.jsonl');
    const base = { run: 'demo', group: 'g1', lang: 'he', annotator: 'noa', system: 'a' };
    writeFileSync(
      file,
      [
        {
          kind: 'rating-label',
          ...base,
          criterion: 'fluency',
          scale: 'likert-5',
          rating: 2,
          labelled_at: '2024-06-02T10:00:00Z',
        },
        {
          kind: 'rating-label',
          ...base,
          criterion: 'faithfulness',
          scale: 'likert-5',
          rating: 4,
          labelled_at: '2024-06-02T10:00:00Z',
        },
        {
          kind: 'pointwise-judgment',
          run: 'demo',
          group: 'g1',
          lang: 'he',
          system: 'a',
          judge: 'j',
          scale: 'likert-6',
          score: 3,
          criterion: 'fluency',
        },
        {
          kind: 'pairwise-judgment',
          run: 'demo',
          group: 'g1',
          lang: 'he',
          judge: 'j',
          system_a: 'a',
          system_b: 'b',
          order: 'AB',
          verdict: 'tie',
          criterion: 'fluency',
        },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n',
    );
    await importFile(store, file);
    const ratings = await humanRatings(store, {});
    assert.deepEqual(ratings.map((r) => [r.criterion, r.rating, r.scale]).sort(), [
      ['', 'excellent', null],
      ['faithfulness', '4', 'likert-5'],
      ['fluency', '2', 'likert-5'],
    ]);
    assert.deepEqual(
      (await pointwiseScores(store, { scale: 'likert-6' })).map((r) => [r.criterion, r.score]),
      [
        ['', 5],
        ['fluency', 3],
      ],
    );
    assert.deepEqual(
      (await store.judgeVerdicts({ criteria: ['fluency'] })).map((r) => r.verdict),
      ['tie'],
    );
    assert.equal((await store.judgeVerdicts({ criteria: [''] })).length, 2);
  });
});
