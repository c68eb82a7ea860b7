// LLM Comparator's input JSON and promptfoo's output JSON, on the real files.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { judgedPairs, parseBaseline, sideBySideScores } from '../../../../src/core/metrics/scores';
import { layoutStore, realLayout, type LayoutStore } from './helpers';

describe('LLM Comparator and promptfoo', () => {
  let db: LayoutStore;
  beforeEach(async () => (db = await layoutStore()));
  afterEach(() => db.close());

  it("LLM Comparator: models[0] is A, the autorater's score a verdict; ABC v0.6 scores 0.7 against ABC v0.5", async function () {
    const path = realLayout(this, 'llm-comparator', 'example_tiny.json');
    assert.equal((await db.importing(path)).format, 'llm-comparator');
    // By hand from the file: scores 0.5 (A), -1.0 (B), 0.5 (A), 0.0 (tie), 1.5 (A): (3 + 0.5) / 5.
    const { rows } = sideBySideScores(judgedPairs(await db.store.judgeVerdicts()), {
      baseline: parseBaseline('ABC v0.5'),
      invalidAs: 'exclude',
    });
    const v6 = rows.find((r) => r.system === 'ABC v0.6')!;
    assert.deepEqual([v6.wins, v6.ties, v6.losses, v6.score.n], [3, 1, 1, 5]);
    assert.equal(v6.score.value, 0.7);
    const [first] = await db.rows<{
      reasoning: string;
      preference: number;
      sa: string;
    }>(`SELECT j.reasoning, j.preference, s.name AS sa
      FROM pairwise_judgments j JOIN systems s ON s.id = j.system_a_id JOIN prompts p ON p.id = j.prompt_id WHERE p.group_key = '1'`);
    assert.equal(first!.sa, 'ABC v0.6');
    assert.equal(first!.preference, (1.5 - 0.5) / 3, 'the score 0.5 as a preference for B');
    assert.match(
      first!.reasoning,
      /^\[A is better\] Response A is more detailed\.\n.*\n\[B is slightly better, shown flipped\] /,
    );
  });

  it('promptfoo: the rendered prompt is the prompt, the provider the system, the grading a 0–1 score', async function () {
    const path = realLayout(this, 'promptfoo', 'smoke.json');
    assert.equal((await db.importing(path)).format, 'promptfoo');
    assert.deepEqual(await db.rows('SELECT count(*) AS n FROM prompts'), [{ n: 4 }]);
    const scores = await db.rows<{ score: number; raw: string; system: string }>(
      'SELECT pw.score, pw.raw, s.name AS system FROM pointwise_judgments pw JOIN systems s ON s.id = pw.system_id ORDER BY pw.id',
    );
    assert.deepEqual(
      scores.map((s) => [s.system, s.score, s.raw]),
      [
        ['openai:gpt-3.5-turbo', 1, 'pass'],
        ['openai:gpt-3.5-turbo', 1, 'pass'],
        ['openai:gpt-3.5-turbo', 0, 'fail'],
        ['openai:gpt-3.5-turbo', 0, 'fail'],
      ],
    );
    // The pass rate is promptfoo's own stats: successes / (successes + failures).
    const { stats } = (
      JSON.parse(readFileSync(path, 'utf8')) as { results: { stats: { successes: number; failures: number } } }
    ).results;
    assert.equal(
      scores.reduce((s, r) => s + r.score, 0) / scores.length,
      stats.successes / (stats.successes + stats.failures),
    );

    // The viewer's manual grading lands on the same prompt and response, as a human pass / fail rating.
    assert.equal(
      (await db.importing(realLayout(this, 'promptfoo', 'smoke.scored.json'))).format,
      'promptfoo-manual-grading',
    );
    assert.deepEqual(
      await db.rows(`SELECT a.name AS annotator, l.value, x.text FROM labels l JOIN annotators a ON a.id = l.annotator_id
      JOIN responses x ON x.prompt_id = l.prompt_id AND x.system_id = l.system_id`),
      [
        {
          annotator: 'michael',
          value: 'fail',
          text: 'Jede hinreichend fortgeschrittene Technologie ist von Magie nicht zu unterscheiden.',
        },
      ],
    );
  });
});
