// Chatbot Arena votes and MT-bench human judgments with their conversations (test/fixtures/votes, real shapes).
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { languageFromEnglishName } from '../../../../src/core/import/languageNames';
import { PROJECT_ROOT } from '../../../support/paths';
import { layoutStore, type LayoutStore } from './helpers';

const VOTES = join(PROJECT_ROOT, 'test/fixtures/votes');

describe('votes with conversations (Chatbot Arena, MT-bench human judgments)', () => {
  let db: LayoutStore;
  beforeEach(async () => (db = await layoutStore()));
  afterEach(() => db.close());

  it('Chatbot Arena: arena users are humans, conversations become prompts and responses, "English" is en', async () => {
    await db.importing(join(VOTES, 'chatbot_arena_conversations.jsonl'), { run: 'arena' });
    assert.deepEqual(
      await db.rows(`SELECT p.lang, count(DISTINCT l.id) AS votes FROM labels l JOIN prompts p ON p.id = l.prompt_id
      GROUP BY p.lang ORDER BY p.lang`),
      [
        { lang: 'en', votes: 2 },
        { lang: 'es', votes: 1 },
        { lang: 'ru', votes: 1 },
      ],
    );
    assert.deepEqual(await db.rows('SELECT count(*) AS prompts FROM prompts WHERE text IS NOT NULL'), [{ prompts: 5 }]);
    assert.deepEqual(await db.rows('SELECT count(*) AS responses FROM responses'), [{ responses: 10 }]);
    assert.deepEqual(await db.rows('SELECT count(*) AS n FROM pairwise_judgments'), [{ n: 0 }]);
    // vicuna-13b by hand: wins 2, a tie (both bad, at turn 2 of the haiku), loses 1.
    const votes = await db.rows<{ verdict: string; a: string; turn: number; labelled_at: string }>(`
      SELECT l.value AS verdict, sa.name AS a, p.turn, l.labelled_at FROM labels l JOIN prompts p ON p.id = l.prompt_id
      JOIN systems sa ON sa.id = l.system_a_id ORDER BY l.labelled_at`);
    const vicuna = votes.map((v) =>
      v.verdict === 'tie' ? 'tie' : (v.verdict === 'A') === (v.a === 'vicuna-13b') ? 'win' : 'loss',
    );
    assert.deepEqual(vicuna, ['win', 'win', 'tie', 'loss']);
    assert.deepEqual(
      votes.map((v) => v.turn),
      [1, 1, 2, 1],
    );
    assert.equal(votes[0]!.labelled_at, '2023-04-24T15:53:11.132Z');
  });

  it('MT-bench human judgments with conversations: experts and authors label, gpt4_pair is a judge', async () => {
    await db.importing(join(VOTES, 'mt_bench_human.jsonl'));
    assert.deepEqual(await db.rows(`SELECT p.turn, substr(p.text, 1, 9) AS text FROM prompts p ORDER BY p.turn`), [
      { turn: 1, text: 'Compose a' },
      { turn: 2, text: 'Rewrite y' },
    ]);
    assert.deepEqual(
      await db.rows(`SELECT s.name, p.turn, x.text FROM responses x JOIN systems s ON s.id = x.system_id
      JOIN prompts p ON p.id = x.prompt_id WHERE s.name = 'alpaca-13b' ORDER BY p.turn`),
      [
        { name: 'alpaca-13b', turn: 1, text: 'Aloha from alpaca.' },
        { name: 'alpaca-13b', turn: 2, text: 'A trip...' },
      ],
    );
    assert.deepEqual(
      await db.rows(`SELECT a.name, p.turn, l.value FROM labels l JOIN annotators a ON a.id = l.annotator_id
      JOIN prompts p ON p.id = l.prompt_id ORDER BY a.name, p.turn`),
      [
        { name: 'author_2', turn: 1, value: 'tie' },
        { name: 'expert_0', turn: 1, value: 'B' },
        { name: 'expert_0', turn: 2, value: 'A' },
      ],
    );
    assert.deepEqual(
      await db.rows('SELECT j.name, v.verdict FROM pairwise_judgments v JOIN judges j ON j.id = v.judge_id'),
      [{ name: 'gpt4_pair', verdict: 'B' }],
    );
  });

  it('maps English language names to tags, and unknown to und', () => {
    assert.deepEqual(
      ['English', 'Chinese', 'Norwegian Bokmål', 'Persian', 'unknown', 'Klingon'].map(languageFromEnglishName),
      ['en', 'zh', 'nb', 'fa', 'und', undefined],
    );
  });
});
