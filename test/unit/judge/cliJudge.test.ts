// `langlens judge` end to end: a database file, a definition file, the test server; JSON and text output, the
// progress bar only on a terminal, the key from the environment, usage errors.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { judgeCommand } from '../../../src/cli/commands/judge';
import { UsageError, type CommandContext } from '../../../src/cli/command';
import { FakeOpenAIServer } from '../../support/openaiServer';
import { capture, judgeFile, storeWithRun, tempDir } from './helpers';

describe('cli: langlens judge', function () {
  this.timeout(20_000);
  let server: FakeOpenAIServer;
  let dir: string;
  let db: string;
  let judgePath: string;

  before(async () => {
    // Where allowed key origins are remembered: a fresh folder, never the user's own configuration.
    process.env.LANGLENS_CONFIG_DIR = tempDir();
    server = await FakeOpenAIServer.start(() => ({ content: '2' }), { latencyMs: 5 });
    dir = tempDir();
    db = join(dir, 'langlens.db');
    await (
      await storeWithRun({ languages: ['es', 'ru'], groups: ['g1', 'g2'], systems: ['base', 'multi', 'other'] }, db)
    ).close();
    judgePath = judgeFile(
      {
        name: 'cli-judge',
        model: 'm',
        baseURL: server.baseURL,
        protocol: 'pairwise',
        apiKeyEnv: 'LANGLENS_TEST_JUDGE_KEY',
        price: { input: 1, output: 1 },
      },
      {},
      dir,
    ).file;
  });
  after(() => server.close());

  const run = async (
    values: CommandContext['values'],
    options: { json?: boolean; tty?: boolean; signal?: AbortSignal } = {},
  ) => {
    const stdout = capture();
    const stderr = capture(options.tty);
    const code = await judgeCommand.run({
      values: { judge: judgePath, ...values },
      positionals: [],
      db,
      json: options.json ?? false,
      stdout,
      stderr,
      signal: options.signal ?? new AbortController().signal,
    });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  };

  it('refuses a pairwise run without a baseline, and a language tag that is not one', async () => {
    await assert.rejects(
      run({}),
      (err: Error) => err instanceof UsageError && /needs --baseline NAME .* or --all-pairs/.test(err.message),
    );
    await assert.rejects(run({ baseline: ['base'], lang: ['español!'] }), /"español!" is not a language tag/);
    await assert.rejects(run({ baseline: ['nobody'] }), /run "r" has no system nobody \(systems: base, multi, other\)/);
  });

  it('--dry-run shows what would be sent and sends nothing', async () => {
    const { code, stdout } = await run({ baseline: ['base'], 'dry-run': true }, { json: true });
    assert.equal(code, 0);
    const plan = JSON.parse(stdout);
    // 2 languages x 2 prompts x 2 pairs (base-multi, base-other) x 2 orders
    assert.equal(plan.toSend, 16);
    assert.equal(plan.cached, 0);
    assert.ok(plan.estimate.onlineUsd > 0 && Math.abs(plan.estimate.batchUsd - plan.estimate.onlineUsd / 2) < 1e-12);
    assert.equal(server.chatRequests, 0);
  });

  it('runs the judge with the key from the environment, then resumes with zero requests', async () => {
    process.env.LANGLENS_TEST_JUDGE_KEY = 'sk-from-env';
    try {
      const first = await run(
        { baseline: ['es=base', 'ru=multi'], lang: ['es,ru'], 'allow-key-for': [server.baseURL] },
        { json: true },
      );
      assert.equal(first.code, 0);
      const summary = JSON.parse(first.stdout);
      assert.equal(summary.outcome, 'completed');
      // es: base vs multi, other; ru: multi vs base, other -> 2 languages x 2 prompts x 2 pairs x 2 orders
      assert.equal(summary.answered, 16);
      assert.equal(server.chatRequests, 16);
      assert.ok(server.requests.every((r) => r.authorization === 'Bearer sk-from-env'));
      assert.ok(Math.abs(summary.costUsd - 16 * 105e-6) < 1e-12);

      const again = await run({ baseline: ['es=base', 'ru=multi'] });
      assert.equal(again.code, 0);
      assert.equal(server.chatRequests, 16);
      assert.match(again.stdout, /requests {2}16: 16 already answered, 0 answered now, 0 failed/);
      assert.match(again.stdout, /cost {6}\$0\.00 \(this job/);
      assert.equal(again.stderr.includes('\r'), false, 'no progress bar when stderr is not a terminal');
    } finally {
      delete process.env.LANGLENS_TEST_JUDGE_KEY;
    }
  });

  it('draws a progress bar on stderr when it is a terminal', async () => {
    const { code, stderr } = await run({ 'all-pairs': true, lang: ['es'] }, { tty: true });
    assert.equal(code, 0);
    assert.match(stderr, /\r\x1b\[K\[#+\.*\] +\d+% \d+ \/ 12 · [\d.]+ req\/s · 0 errors/);
    assert.match(stderr, /\[#{24}\] 100% 12 \/ 12/);
  });
});
