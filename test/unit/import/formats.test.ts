// The recognisers of layouts users already have, on small files written like the originals.
import { openTestStore } from '../../support/testDatabase';
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { connectionOf } from '../../../src/core/store/connection';
import { Store } from '../../../src/core/store/store';
import { temporaryFolder } from '../../support/paths';

describe('recognised layouts', () => {
  let folder: ReturnType<typeof temporaryFolder>;
  let store: Store;
  const file = (name: string, text: string) => {
    const path = join(folder.path, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return path;
  };
  const rows = <T>(sql: string) => connectionOf(store).all<T>(sql);

  beforeEach(async () => {
    folder = temporaryFolder();
    store = await openTestStore(join(folder.path, 'langlens.db'));
  });
  afterEach(async () => {
    await store.close();
    folder.remove();
  });

  it("alpaca_eval: groups the same instruction across systems' files by its text", async () => {
    const outputs = (generator: string) =>
      JSON.stringify([
        { instruction: 'Name a prime.', output: `${generator}: 7`, generator, dataset: 'helpful_base' },
        { instruction: 'Say hi.', output: 'hi', generator, dataset: 'oasst' },
      ]);
    assert.equal((await importFile(store, file('a/model_outputs.json', outputs('sys-a')))).format, 'alpaca-eval');
    await importFile(store, file('b/model_outputs.json', outputs('sys-b')));
    const groups = await rows<{ group_key: string; n: number }>(
      'SELECT p.group_key, count(*) AS n FROM responses r JOIN prompts p ON p.id = r.prompt_id GROUP BY p.group_key',
    );
    assert.equal(groups.length, 2);
    assert.ok(groups.every((g) => g.n === 2 && /^ae-[0-9a-f]{12}$/.test(g.group_key)));
    const [run] = await rows<{ name: string }>('SELECT name FROM runs');
    assert.equal(run!.name, 'alpaca-eval');
  });

  it('prompts per language: takes the language from test_<lang>.jsonl and the group from "id"', async () => {
    await importFile(store, file('test_zh.jsonl', '{"id": "q1", "prompt": "你好吗？"}\n'));
    await importFile(store, file('test_nb.jsonl', '{"id": "q1", "prompt": "Hvordan går det?"}\n'), { run: 'hplt' });
    const prompts = await rows<{ run: string; group_key: string; lang: string }>(
      'SELECT r.name AS run, p.group_key, p.lang FROM prompts p JOIN runs r ON r.id = p.run_id ORDER BY p.lang',
    );
    assert.deepEqual(prompts, [
      { run: 'hplt', group_key: 'q1', lang: 'nb' },
      { run: 'hplt-prompts', group_key: 'q1', lang: 'zh' },
    ]);
  });

  it('PandaLM judge file: says where the systems come from when the test set is not beside it', async () => {
    const judge = file('gpt-3.5-turbo-testset-v1.json', JSON.stringify([{ idx: 0, gpt_result: '1', gpt_reason: 'r' }]));
    await assert.rejects(
      importFile(store, judge),
      /names no systems; they come from the test set \(testset-v1\.json\) expected at .*testset-v1\.json: pass its path with --pairs-from/,
    );
    const testSet = file(
      'elsewhere/set.json',
      JSON.stringify([
        {
          idx: 0,
          cmp_key: 'a-7b_b-7b',
          instruction: 'Fix it.',
          input: '',
          response1: 'x',
          response2: true,
          annotator1: 2,
        },
      ]),
    );
    await importFile(store, testSet);
    const report = await importFile(store, judge, { pairsFrom: testSet });
    assert.equal(report.format, 'pandalm-judge');
    const [verdict] = await rows<{ judge: string; a: string; b: string; verdict: string; presentation: string }>(`
      SELECT j.name AS judge, sa.name AS a, sb.name AS b, pj.verdict, pj.presentation FROM pairwise_judgments pj
      JOIN judges j ON j.id = pj.judge_id JOIN systems sa ON sa.id = pj.system_a_id JOIN systems sb ON sb.id = pj.system_b_id`);
    assert.deepEqual(verdict, { judge: 'gpt-3.5-turbo', a: 'a-7b', b: 'b-7b', verdict: 'A', presentation: 'AB' });
    const [response2] = await rows<{ text: string }>(
      `SELECT r.text FROM responses r JOIN systems s ON s.id = r.system_id WHERE s.name = 'b-7b'`,
    );
    assert.equal(response2!.text, 'true', 'PandaLM stores an answer "True" as JSON true: kept as its text');
  });

  it('MT-bench: human votes become labels, GPT-4 rows verdicts with both orders merged', async () => {
    await importFile(
      store,
      file(
        'votes.jsonl',
        [
          { judge: 'expert_1', model_a: 'x', model_b: 'y', question_id: 81, turn: 2, winner: 'model_b' },
          { judge: 'gpt4_pair', model_a: 'y', model_b: 'x', question_id: 81, turn: 2, winner: 'tie (inconsistent)' },
        ]
          .map((r) => JSON.stringify(r))
          .join('\n'),
      ),
    );
    const labels = await rows<{ value: string; turn: number }>(
      'SELECT l.value, p.turn FROM labels l JOIN prompts p ON p.id = l.prompt_id',
    );
    assert.deepEqual(labels, [{ value: 'B', turn: 2 }]);
    const verdicts = await rows<{ verdict: string; raw: string; presentation: string }>(
      'SELECT verdict, raw, presentation FROM pairwise_judgments',
    );
    assert.deepEqual(verdicts, [{ verdict: 'tie', raw: 'tie (inconsistent)', presentation: 'combined' }]);
  });
});
