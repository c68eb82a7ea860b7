// A key reaches only its own server: a capture server on 127.0.0.1 records every Authorization header it is sent.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { judgeCommand } from '../../../src/cli/commands/judge';
import { UsageError, type CommandContext } from '../../../src/cli/command';
import { KeyOrigins } from '../../../src/core/judge/keyOrigins';
import { resolveApiKey } from '../../../src/core/judge/keys';
import { FakeOpenAIServer } from '../../support/openaiServer';
import { capture as output, judgeFile, storeWithRun, tempDir } from './helpers';

const OPENAI_KEY = 'sk-openai-MUST-NOT-LEAK';
const OTHER_KEY = 'sk-other-server';

describe('judge/keys: a key reaches only the server it is bound to', function () {
  this.timeout(20_000);
  let capture: FakeOpenAIServer;
  let dir: string;
  let db: string;
  let config: string;
  const saved = { ...process.env };

  before(async () => {
    capture = await FakeOpenAIServer.start(() => ({ content: '1' }));
    dir = tempDir();
    db = join(dir, 'langlens.db');
    await (await storeWithRun({ languages: ['es'], groups: ['g1'], systems: ['a', 'b'] }, db)).close();
  });
  beforeEach(() => {
    config = tempDir();
    process.env.LANGLENS_CONFIG_DIR = config;
    process.env.OPENAI_API_KEY = OPENAI_KEY;
    process.env.LANGLENS_TEST_OTHER_KEY = OTHER_KEY;
  });
  afterEach(() => {
    for (const name of ['LANGLENS_CONFIG_DIR', 'OPENAI_API_KEY', 'LANGLENS_TEST_OTHER_KEY']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });
  after(() => capture.close());

  let judges = 0;
  // A new temperature each time: a new judge hash, so that its requests are sent, not found answered.
  const judgeAt = (fields: Record<string, unknown>) =>
    judgeFile(
      {
        name: `k${++judges}`,
        model: 'm',
        baseURL: capture.baseURL,
        protocol: 'pairwise',
        allPairs: true,
        temperature: judges / 100,
        ...fields,
      },
      {},
      dir,
    ).file;
  const run = async (judge: string, values: CommandContext['values'] = {}) => {
    const stdout = output();
    const code = await judgeCommand.run({
      values: { judge, ...values },
      positionals: [],
      db,
      json: true,
      stdout,
      stderr: output(),
      signal: new AbortController().signal,
    });
    return { code, stdout: stdout.text() };
  };
  const authorizations = () =>
    capture.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => r.authorization);

  it('never sends OPENAI_API_KEY to another server when the definition names no variable', async () => {
    const before = capture.requests.length;
    const { code } = await run(judgeAt({}));
    assert.equal(code, 0);
    const sent = capture.requests.slice(before);
    assert.equal(sent.length, 2);
    assert.deepEqual(
      sent.map((r) => r.authorization),
      [undefined, undefined],
    );
  });

  it('refuses to send a named variable to a new origin until --allow-key-for, then remembers it for that variable only', async () => {
    const judge = judgeAt({ apiKeyEnv: 'OPENAI_API_KEY' });
    const before = capture.requests.length;
    await assert.rejects(
      run(judge),
      (err: Error) =>
        err instanceof UsageError &&
        err.message.includes(`would send the key in OPENAI_API_KEY to ${new URL(capture.baseURL).origin}`) &&
        err.message.includes(`--allow-key-for ${new URL(capture.baseURL).origin}`),
    );
    assert.equal(capture.requests.length, before, 'nothing was sent');

    const dry = JSON.parse((await run(judge, { 'dry-run': true })).stdout);
    assert.equal(
      dry.key,
      `environment variable OPENAI_API_KEY (not yet allowed for ${new URL(capture.baseURL).origin})`,
    );
    assert.equal(dry.server, new URL(capture.baseURL).origin);

    await assert.rejects(
      run(judge, { 'allow-key-for': ['https://elsewhere.example'] }),
      /this judge's server is http:\/\/127\.0\.0\.1/,
    );
    assert.equal(
      (await run(judgeAt({ apiKeyEnv: 'LANGLENS_TEST_OTHER_KEY' }), { 'allow-key-for': [capture.baseURL] })).code,
      0,
    );
    assert.equal(authorizations().at(-1), `Bearer ${OTHER_KEY}`);
    const remembered = JSON.parse(readFileSync(join(config, 'key-origins.json'), 'utf8'));
    assert.deepEqual(
      remembered.allowed.map((e: { key: string; origin: string }) => [e.key, e.origin]),
      [['env:LANGLENS_TEST_OTHER_KEY', new URL(capture.baseURL).origin]],
    );

    // Allowing one variable allows no other: OPENAI_API_KEY is still refused there.
    await assert.rejects(run(judgeAt({ apiKeyEnv: 'OPENAI_API_KEY' })), /would send the key in OPENAI_API_KEY/);
    // The allowed one goes again without the flag.
    assert.equal((await run(judgeAt({ apiKeyEnv: 'LANGLENS_TEST_OTHER_KEY' }))).code, 0);
    assert.equal(authorizations().at(-1), `Bearer ${OTHER_KEY}`);
    assert.ok(
      authorizations().every((a) => a === undefined || a === `Bearer ${OTHER_KEY}`),
      'OPENAI_API_KEY never reached the capture server',
    );
  });

  it('binds OPENAI_API_KEY to https://api.openai.com and a stored key to its own origin', () => {
    const allowed = new KeyOrigins(join(tempDir(), 'none.json'));
    const env = { OPENAI_API_KEY: OPENAI_KEY };
    const openai = judgeFile({ model: 'gpt-4o', protocol: 'likert' });
    assert.deepEqual(resolveApiKey(openai, { env, allowed }), {
      source: { kind: 'env', name: 'OPENAI_API_KEY' },
      key: OPENAI_KEY,
      origin: 'https://api.openai.com',
      needsApproval: false,
      approvalKey: 'env:OPENAI_API_KEY',
    });
    const plainHttp = judgeFile({ model: 'gpt-4o', protocol: 'likert', baseURL: 'http://api.openai.com/v1' });
    assert.equal(resolveApiKey(plainHttp, { env, allowed }).key, undefined, 'not over plain http');
    const other = judgeFile({ model: 'm', protocol: 'likert', baseURL: 'https://api.together.xyz/v1' });
    assert.deepEqual(resolveApiKey(other, { env, allowed }).source, { kind: 'none' });
    assert.deepEqual(resolveApiKey(other, { env, allowed, secret: 'stored' }), {
      source: { kind: 'secret', origin: 'https://api.together.xyz' },
      key: 'stored',
      origin: 'https://api.together.xyz',
      needsApproval: false,
    });
  });
});
