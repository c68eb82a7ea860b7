// Arena-Hard: the real questions and answers, and judgments in gen_judgment.py's shape (test/fixtures/arena-hard).
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { judgedPairs, parseBaseline, sideBySideScores } from '../../../../src/core/metrics/scores';
import { PROJECT_ROOT } from '../../../support/paths';
import { layoutStore, realLayout, type LayoutStore } from './helpers';

const JUDGMENTS = join(
  PROJECT_ROOT,
  'test/fixtures/arena-hard/arena-hard-v0.1/model_judgment/gpt-4-1106-preview/gpt-3.5-turbo-0125.jsonl',
);

describe('Arena-Hard layout', () => {
  let db: LayoutStore;
  beforeEach(async () => (db = await layoutStore()));
  afterEach(() => db.close());

  it('reads {content} turns of questions and answers, systems named by answer file', async function () {
    const root = realLayout(this, 'arena-hard');
    assert.equal((await db.importing(join(root, 'question.jsonl'))).format, 'arena-hard-question');
    assert.equal((await db.importing(join(root, 'model_answer/gpt-4-0314.jsonl'))).format, 'arena-hard-answer');
    await db.importing(join(root, 'model_answer/gpt-3.5-turbo-0125.jsonl'));
    assert.deepEqual(
      await db.rows(`SELECT r.name AS run, count(*) AS n FROM prompts p JOIN runs r ON r.id = p.run_id
      WHERE p.text IS NOT NULL GROUP BY r.name`),
      [{ run: 'arena-hard', n: 500 }],
    );
    assert.deepEqual(
      await db.rows(`SELECT s.name, count(*) AS n FROM responses x JOIN systems s ON s.id = x.system_id
      GROUP BY s.name ORDER BY s.name`),
      [
        { name: 'gpt-3.5-turbo-0125', n: 500 },
        { name: 'gpt-4-0314', n: 500 },
      ],
    );
    const [melody] = await db.rows<{ text: string }>(
      `SELECT p.text FROM prompts p WHERE p.group_key = '328c149ed45a41c0b9d6f14659e63599'`,
    );
    assert.equal(melody!.text, 'Use ABC notation to write a melody in the style of a folk tune.');
  });

  it('reads both games as both orders against gpt-4-0314: 0.625 over 4 pairs, 1 invalid (by hand, fixture README)', async () => {
    const report = await db.importing(JUDGMENTS);
    assert.equal(report.format, 'arena-hard-judgment');
    assert.deepEqual(await db.rows('SELECT name FROM runs'), [{ name: 'arena-hard-v0.1' }]);
    const { rows } = sideBySideScores(judgedPairs(await db.store.judgeVerdicts()), {
      baseline: parseBaseline('gpt-4-0314'),
      invalidAs: 'exclude',
    });
    const model = rows.find((r) => r.system === 'gpt-3.5-turbo-0125')!;
    assert.equal(model.judge, 'gpt-4-1106-preview');
    assert.deepEqual(
      [model.score.value, model.score.n, model.wins, model.ties, model.losses, model.invalid],
      [0.625, 4, 2, 1, 1, 1],
    );
    // The strength of each label is kept as the judge wrote it.
    const raw = await db.rows<{ raw: string }>(
      `SELECT raw FROM pairwise_judgments WHERE presentation = 'AB' ORDER BY source_line`,
    );
    assert.deepEqual(
      raw.map((r) => r.raw),
      ['A>>B', 'B>A', 'A=B', 'null', 'B>>A'],
    );
  });

  it('arena-hard-v2.0 rows: the question is "uid", the baseline the category\'s', async () => {
    const path = join(db.folder, 'v2.jsonl');
    const game = (score: string) => ({ user_prompt: 'p', judgment: `[[${score}]]`, score });
    writeFileSync(
      path,
      [
        { uid: 'u1', category: 'hard_prompt', model: 'm', judge: 'gpt-4.1', games: [game('A>B'), game('A>B')] },
        { uid: 'u2', category: 'creative_writing', model: 'm', judge: 'gpt-4.1', games: [game('B>A'), game('B>A')] },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    await db.importing(path);
    // u1: the baseline won shown first, the model won shown first: a tie. u2: the model won, then the baseline.
    assert.deepEqual(
      await db.rows(`SELECT p.group_key AS g, sa.name AS a, j.presentation AS o, j.verdict AS v FROM pairwise_judgments j
      JOIN prompts p ON p.id = j.prompt_id JOIN systems sa ON sa.id = j.system_a_id ORDER BY g, o`),
      [
        { g: 'u1', a: 'o3-mini-2025-01-31', o: 'AB', v: 'A' },
        { g: 'u1', a: 'o3-mini-2025-01-31', o: 'BA', v: 'B' },
        // The store keeps a pair with the system it met first as A: here m, so game 2 (m first) is AB.
        { g: 'u2', a: 'm', o: 'AB', v: 'B' },
        { g: 'u2', a: 'm', o: 'BA', v: 'A' },
      ],
    );
    assert.deepEqual(
      await db.rows(`SELECT DISTINCT sb.name AS b FROM pairwise_judgments j JOIN prompts p ON p.id = j.prompt_id
      JOIN systems sb ON sb.id = j.system_b_id WHERE p.group_key = 'u2'`),
      [{ b: 'gemini-2.0-flash-001' }],
    );
  });
});
