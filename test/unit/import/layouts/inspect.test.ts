// Inspect AI eval logs as Inspect writes them: the .json form and the zipped .eval.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutStore, realLayout, type LayoutStore } from './helpers';

const JSON_LOG = '2024-11-05T13-31-45-05-00_input-task_8zXjbRzCWrL9GXiXo2vus9.json';
const EVAL_LOG = '2024-11-05T13-32-37-05-00_input-task_hxs4q9azL3ySGkjJirypKZ.eval';

/** The accuracy the log itself publishes for a scorer (results.scores[].metrics.accuracy). */
function publishedAccuracy(path: string, scorer: string): number {
  const log = JSON.parse(readFileSync(path, 'utf8')) as {
    results: { scores: { name: string; metrics: { accuracy: { value: number } } }[] };
  };
  return log.results.scores.find((s) => s.name === scorer)!.metrics.accuracy.value;
}

describe('Inspect AI eval logs', () => {
  let db: LayoutStore;
  beforeEach(async () => (db = await layoutStore()));
  afterEach(() => db.close());

  it('.json: the conversation before the answer is the prompt, the model is the system, each scorer a judge', async function () {
    const path = join(realLayout(this, 'inspect'), JSON_LOG);
    assert.equal((await db.importing(path)).format, 'inspect-log');
    const [prompt] = await db.rows<{ run: string; g: string; text: string }>(
      'SELECT r.name AS run, p.group_key AS g, p.text FROM prompts p JOIN runs r ON r.id = p.run_id',
    );
    assert.equal(prompt!.run, 'input_task');
    assert.equal(prompt!.g, '1');
    assert.equal(
      prompt!.text,
      'Hey there, hipster! Please answer any questions that I answer using the type of lingo that Gen Z would use.' +
        '\n\nWhat is average low temperature in St. Paul, Minnesota during the month of February?',
    );
    const scores = await db.rows<{
      system: string;
      seed: number;
      judge: string;
      score: number;
      raw: string;
      text: string;
    }>(`
      SELECT s.name AS system, pw.seed, j.name AS judge, pw.score, pw.raw, x.text FROM pointwise_judgments pw
      JOIN systems s ON s.id = pw.system_id JOIN judges j ON j.id = pw.judge_id
      JOIN responses x ON x.prompt_id = pw.prompt_id AND x.system_id = pw.system_id AND x.seed = pw.seed`);
    assert.equal(scores.length, 1);
    assert.deepEqual(
      { ...scores[0]!, text: scores[0]!.text.slice(0, 20) },
      {
        system: 'openai/gpt-4o-mini',
        seed: 0,
        judge: 'model_graded_fact',
        score: 1,
        raw: 'C',
        text: 'Yo, in February, St.',
      },
    );
    // The mean of the stored scores is the accuracy the log publishes for its scorer.
    assert.equal(scores.reduce((s, r) => s + r.score, 0) / scores.length, publishedAccuracy(path, 'model_graded_fact'));
  });

  it('.eval: reads header.json and samples/ from the zip as the same log', async function () {
    const path = join(realLayout(this, 'inspect'), EVAL_LOG);
    const report = await db.importing(path);
    assert.equal(report.format, 'inspect-log');
    assert.deepEqual(report.records, { prompt: 1, response: 1, 'pointwise-judgment': 1 });
    const [response] = await db.rows<{ text: string }>('SELECT text FROM responses');
    assert.match(response!.text, /^Yo, fam! So, in February, International Falls/);
  });

  it('a sample target is kept as a reference; a log without samples is refused', async function () {
    const path = join(realLayout(this, 'inspect'), 'log_read_sample.json');
    await db.importing(path);
    assert.deepEqual(await db.rows('SELECT author, text FROM reference_answers'), [{ author: 'target', text: ' Yes' }]);
    const log = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    const bare = join(db.folder, 'bare.json');
    writeFileSync(bare, JSON.stringify({ ...log, samples: undefined }));
    await assert.rejects(db.importing(bare), /field "samples": the log holds no samples/);
    const broken = join(db.folder, 'broken.eval');
    writeFileSync(broken, 'not a zip');
    await assert.rejects(db.importing(broken), /not a readable \.eval \(zip\) archive/);
  });
});
