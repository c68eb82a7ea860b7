// FastChat's llm_judge files as FastChat reads them, on one user's real run and FastChat's own MT-bench data.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { judgedPairs, mtBenchScores, parseBaseline, sideBySideScores } from '../../../../src/core/metrics/scores';
import { tableSource } from '../../../../src/core/report/sources';
import { orphanedSystems } from '../../../../src/core/store/orphanedSystems';
import { pointwiseScores } from '../../../../src/core/store/scoreQueries';
import { PROJECT_ROOT } from '../../../support/paths';
import { layoutStore, realLayout, type LayoutStore } from './helpers';

describe('FastChat llm_judge layout', () => {
  let db: LayoutStore;
  beforeEach(async () => (db = await layoutStore()));
  afterEach(() => db.close());

  it('names systems by answer file, the run by the bench folder, and groups prompt variants under one judge', async function () {
    const run = realLayout(this, 'fastchat-phi3');
    for (const file of [
      'question.jsonl',
      'model_answer/phi-3.jsonl',
      'model_answer/phi-3-dpo.jsonl',
      'model_judgment/gpt-4_pair.jsonl',
      'model_judgment/gpt-4_single.jsonl',
    ])
      await db.importing(join(run, file));
    assert.deepEqual(await db.rows('SELECT name FROM runs'), [{ name: 'fastchat-phi3' }]);
    assert.deepEqual(await db.rows('SELECT name FROM judges'), [{ name: 'gpt-4' }]);
    assert.deepEqual(
      await db.rows('SELECT prompt_variant AS v, count(*) AS n FROM pairwise_judgments GROUP BY v ORDER BY v'),
      [
        { v: 'pair-math-v1', n: 50 },
        { v: 'pair-v2', n: 100 },
      ],
      '25 and 50 rows, two orders each',
    );
    assert.deepEqual(
      await db.rows('SELECT prompt_variant AS v, count(*) AS n FROM pointwise_judgments GROUP BY v ORDER BY v'),
      [
        { v: 'single-math-v1', n: 30 },
        { v: 'single-math-v1-multi-turn', n: 30 },
        { v: 'single-v1', n: 50 },
        { v: 'single-v1-multi-turn', n: 50 },
      ],
    );
    assert.deepEqual(await orphanedSystems(db.store), []);
    // Both orders combined (computed with Python from gpt-4_pair.jsonl): phi-3-dpo wins 20, ties 35 (tied or
    // order-inconsistent), loses 18; 2 rows have an "error" order.
    const { rows: sxs } = sideBySideScores(judgedPairs(await db.store.judgeVerdicts()), {
      baseline: parseBaseline('phi-3'),
      invalidAs: 'exclude',
    });
    const dpo = sxs.find((r) => r.system === 'phi-3-dpo')!;
    assert.deepEqual(
      [dpo.judge, dpo.wins, dpo.ties, dpo.losses, dpo.invalid, dpo.score.n],
      ['gpt-4', 20, 35, 18, 2, 73],
    );
    assert.equal(dpo.score.value, (20 + 35 / 2) / 73);

    // show_result on this file (computed with Python from gpt-4_single.jsonl): phi-3-dpo turn 1 8.3625 (80 answers),
    // turn 2 8.0375 (80), average 8.2 over all 160.
    const [row, ...others] = mtBenchScores(await pointwiseScores(db.store, { scale: 'mt-bench-10' }), {});
    assert.equal(others.length, 0);
    assert.equal(row!.system, 'phi-3-dpo');
    assert.equal(row!.judge, 'gpt-4');
    assert.equal(row!.turns.get(1)!.value, 8.3625);
    assert.equal(row!.turns.get(1)!.n, 80);
    assert.equal(row!.turns.get(2)!.value, 8.0375);
    assert.equal(row!.average.value, 8.2);
    assert.equal(row!.average.n, 160);
    const table = await tableSource('mt-bench')!.build(db.store, {
      invalidAs: 'exclude',
      by: [],
      minItems: 1,
    } as never);
    assert.deepEqual(
      table.columns.map((c) => c.key),
      ['lang', 'judge', 'system', 'turn1', 'n1', 'turn2', 'n2', 'average', 'n', 'invalid'],
    );
  });

  it("reads reference_answer/ as references, never as a system's answers", async function () {
    const bench = realLayout(this, 'fastchat-mt_bench');
    await db.importing(join(bench, 'question.jsonl'));
    const report = await db.importing(join(bench, 'reference_answer/gpt-4.jsonl'));
    assert.equal(report.format, 'fastchat-reference');
    // 30 questions (101-130) with two turns each.
    assert.deepEqual(
      await db.rows(
        'SELECT count(*) AS n, count(DISTINCT prompt_id) AS prompts, min(author) AS author FROM reference_answers',
      ),
      [{ n: 60, prompts: 60, author: 'gpt-4' }],
    );
    assert.deepEqual(await db.rows('SELECT count(*) AS n FROM responses'), [{ n: 0 }]);
    assert.deepEqual(await db.rows('SELECT count(*) AS n FROM systems'), [{ n: 0 }]);
    assert.deepEqual(await db.rows('SELECT name FROM runs'), [{ name: 'fastchat-mt_bench' }]);
  });

  it('keeps vicuna_bench and mt_bench apart and warns of verdicts naming a system with no responses', async () => {
    const write = (path: string, rows: object[]) => {
      const full = join(db.folder, path);
      mkdirSync(join(full, '..'), { recursive: true });
      writeFileSync(full, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
      return full;
    };
    const answer = (id: number, modelId: string) => ({
      question_id: id,
      answer_id: 'x',
      model_id: modelId,
      choices: [{ index: 0, turns: ['4'] }],
    });
    await db.importing(write('data/mt_bench/model_answer/llama-2-7b.jsonl', [answer(1, 'Llama-2-7b-chat-hf')]));
    await db.importing(write('data/vicuna_bench/model_answer/llama-2-7b.jsonl', [answer(1, 'llama-2-7b')]));
    await db.importing(
      write('data/mt_bench/model_judgment/gpt-4_single.jsonl', [
        {
          question_id: 1,
          model: 'llama-2-7b',
          judge: ['gpt-4', 'single-v1'],
          score: 7,
          judgment: 'Rating: [[7]]',
          turn: 1,
        },
        {
          question_id: 1,
          model: 'Llama-2-7b-chat-hf',
          judge: ['gpt-4', 'single-v1'],
          score: 3,
          judgment: 'Rating: [[3]]',
          turn: 1,
        },
      ]),
    );
    const responses = await db.rows<{ run: string; system: string }>(
      'SELECT r.name AS run, s.name AS system FROM responses x JOIN systems s ON s.id = x.system_id JOIN runs r ON r.id = s.run_id ORDER BY run',
    );
    assert.deepEqual(responses, [
      { run: 'mt-bench', system: 'llama-2-7b' },
      { run: 'vicuna_bench', system: 'llama-2-7b' },
    ]);
    assert.deepEqual(await orphanedSystems(db.store), [
      { run: 'mt-bench', system: 'Llama-2-7b-chat-hf', verdicts: 0, scores: 1 },
    ]);

    // langlens import says so after importing.
    const importing = (file: string) =>
      spawnSync(
        process.execPath,
        [
          '--import',
          pathToFileURL(require.resolve('tsx')).href,
          join(PROJECT_ROOT, 'src/cli/main.ts'),
          'import',
          join(db.folder, file),
          '--db',
          join(db.folder, 'cli.db'),
        ],
        { cwd: db.folder, encoding: 'utf8', env: { ...process.env, LANGLENS_DB: '' } },
      );
    const cli = importing('data/mt_bench/model_judgment/gpt-4_single.jsonl');
    assert.equal(cli.status, 0, cli.stderr);
    assert.doesNotMatch(cli.stderr, /warning/, 'a run without any responses is not warned about');
    const again = importing('data/mt_bench/model_answer/llama-2-7b.jsonl');
    assert.match(
      again.stderr,
      /warning: in run "mt-bench", verdicts or scores name system\(s\) with no responses: Llama-2-7b-chat-hf \(0 verdicts, 1 scores\)/,
    );
  });
});
