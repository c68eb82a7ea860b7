// The concurrent runner against a real HTTP server on 127.0.0.1: verdicts in both orders, prose and garbage,
// 429 with Retry-After, 500s, timeouts, dropped connections, resume with zero new requests, cancellation.
import { openTestStore } from '../../support/testDatabase';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { itemVerdict } from '../../../src/core/model/verdicts';
import type { JudgeDefinition } from '../../../src/core/judge/definition';
import { planJudgeJob, runJudgeJob, type JudgeSelection, type RunJudgeOptions } from '../../../src/core/judge/job';
import { connectionOf } from '../../../src/core/store/connection';
import { Store } from '../../../src/core/store/store';
import { FakeOpenAIServer, type ChatCall, type Reply } from '../../support/openaiServer';
import { groupOf, judgeFile, requestRows, shownOrder, storedPairs, storeWithRun, tag, tempDir } from './helpers';

const FAST_RETRY: RunJudgeOptions = { retry: { baseDelayMs: 5, maxDelayMs: 20 } };

/** The first shown system is "base" in order AB (systemA = base, the baseline), "multi" in order BA. */
function pairwiseScript(call: ChatCall): Reply {
  const { group, lang } = groupOf(call.prompt);
  const [first] = shownOrder(call.prompt);
  const order = first === 'base' ? 'AB' : 'BA';
  const scripted = SCRIPT[`${lang}/${group}/${order}`] ?? SCRIPT[`*/${group}/${order}`];
  if (!scripted) throw new Error(`no script for ${lang}/${group}/${order}`);
  return scripted(call.attempt);
}

type Scripted = (attempt: number) => Reply;
const answer =
  (content: string): Scripted =>
  () => ({ content });
const SCRIPT: Record<string, Scripted> = {
  // g1: prefers multi in both orders -> B, B -> combined B
  '*/g1/AB': answer('2'),
  '*/g1/BA': answer('1'),
  // g2: always the first position (position bias): A in AB, B in BA -> combined tie
  '*/g2/AB': answer('1'),
  '*/g2/BA': answer('1'),
  // g3: prose around the verdict, preferring base both times -> A, A -> combined A
  '*/g3/AB': answer('Response 1 covers both parts of the question.\n\nFinal verdict: 1'),
  '*/g3/BA': answer('Response 1 is vague. I prefer Response 2.'),
  // g4: garbage in one order -> invalid, kept with its raw text
  '*/g4/AB': answer('Both have their merits; I cannot decide.'),
  '*/g4/BA': answer('**1**'),
  // German: the same verdicts, but every AB request first meets a transient failure
  'de/g1/AB': (n) =>
    n === 1 ? { status: 429, message: 'Rate limit reached', headers: { 'retry-after': '1' } } : { content: '2' },
  'de/g2/AB': (n) => (n <= 2 ? { status: 500, message: 'internal error' } : { content: '1' }),
  'de/g3/AB': (n) => (n === 1 ? { content: 'too late', delayMs: 1500 } : { content: 'Final verdict: 1' }),
  'de/g4/AB': (n) => (n === 1 ? { drop: true } : { content: 'Both have their merits; I cannot decide.' }),
};

const EXPECTED_PER_ORDER: Record<string, [string, string]> = {
  g1: ['B', 'B'],
  g2: ['A', 'B'],
  g3: ['A', 'A'],
  g4: ['invalid', 'B'],
};
const EXPECTED_COMBINED: Record<string, string> = { g1: 'B', g2: 'tie', g3: 'A', g4: 'invalid' };

describe('judge/runner: pairwise against an OpenAI-compatible server', function () {
  this.timeout(30_000);
  let server: FakeOpenAIServer;
  let store: Store;
  let judge: JudgeDefinition;
  const selection: JudgeSelection = { run: 'r', baseline: { kind: 'system', system: 'base' } };

  before(async () => {
    server = await FakeOpenAIServer.start(pairwiseScript);
    store = await storeWithRun({
      languages: ['es', 'de'],
      groups: ['g1', 'g2', 'g3', 'g4'],
      systems: ['base', 'multi'],
    });
    judge = judgeFile({
      name: 'pairwise-local',
      model: 'llama-3-70b',
      baseURL: server.baseURL,
      protocol: 'pairwise',
      concurrency: 4,
      timeoutSeconds: 0.4,
      price: { input: 1, output: 2 },
    });
  });
  after(async () => {
    await store.close();
    await server.close();
  });

  it('judges every pair in both orders and stores each verdict against the systems, not the positions', async () => {
    const plan = await planJudgeJob(store, judge, selection);
    assert.equal(plan.toSend.length, 16, '2 languages x 4 prompts x 1 pair x 2 orders');
    const summary = await runJudgeJob(store, plan, FAST_RETRY);

    assert.equal(summary.outcome, 'completed');
    assert.equal(summary.answered, 16);
    assert.equal(summary.failed, 0);
    assert.equal(summary.invalid, 2, 'g4 AB in both languages');
    // de: 1 (429) + 2 (500, 500) + 1 (timeout) + 1 (dropped connection)
    assert.equal(summary.retries, 5);
    assert.equal(server.chatRequests, 21);

    const pairs = await storedPairs(store);
    assert.equal(pairs.length, 16);
    for (const p of pairs) {
      assert.equal(p.systemA, 'base');
      assert.equal(p.systemB, 'multi');
      assert.equal(p.judgeHash, judge.hash);
      const [ab, ba] = EXPECTED_PER_ORDER[p.group]!;
      assert.equal(p.verdict, p.order === 'AB' ? ab : ba, `${p.lang}/${p.group}/${p.order}`);
    }
    const garbage = pairs.find((p) => p.lang === 'es' && p.group === 'g4' && p.order === 'AB')!;
    assert.equal(garbage.raw, 'Both have their merits; I cannot decide.');
    for (const lang of ['es', 'de']) {
      for (const group of ['g1', 'g2', 'g3', 'g4']) {
        const combined = itemVerdict(pairs.filter((p) => p.lang === lang && p.group === group));
        assert.equal(combined, EXPECTED_COMBINED[group], `${lang}/${group}`);
      }
    }
    // Retry-After: 1 was honoured before the 429'd request was sent again.
    const rateLimited = server.chatCalls.filter(
      (c) => groupOf(c.prompt).lang === 'de' && groupOf(c.prompt).group === 'g1' && shownOrder(c.prompt)[0] === 'base',
    );
    assert.equal(rateLimited.length, 2);
    const waited = rateLimited[1]!.receivedAt - rateLimited[0]!.receivedAt;
    assert.ok(waited >= 990, `waited ${waited} ms`);
  });

  it('records attempts, usage and cost per request', async () => {
    const rows = await requestRows(store);
    assert.equal(rows.length, 16);
    assert.ok(rows.every((r) => r.status === 'done' && r.via === 'online'));
    const attempts = rows.map((r) => r.attempts).sort();
    assert.deepEqual(attempts, [...Array(12).fill(1), 2, 2, 2, 3]);
    // 100 prompt tokens at $1/M + 5 completion tokens at $2/M per answer
    for (const r of rows) assert.ok(Math.abs(r.cost_usd! - 0.00011) < 1e-12);
  });

  it('sends zero requests when the finished job is run again, and keeps the verdicts', async () => {
    const before = server.chatRequests;
    const plan = await planJudgeJob(store, judge, selection);
    assert.equal(plan.cached.length, 16);
    assert.equal(plan.toSend.length, 0);
    const summary = await runJudgeJob(store, plan, FAST_RETRY);
    assert.equal(server.chatRequests, before);
    assert.equal(summary.cached, 16);
    assert.equal(summary.invalid, 2);
    assert.equal(summary.costUsd, 0);
    assert.equal((await storedPairs(store)).length, 16);
  });

  it('treats a changed definition as a new judge: new requests, old verdicts kept apart', async () => {
    const changed = judgeFile({
      name: 'pairwise-local',
      model: 'llama-3-70b',
      baseURL: server.baseURL,
      protocol: 'pairwise',
      temperature: 0.5,
      timeoutSeconds: 0.4,
    });
    assert.notEqual(changed.hash, judge.hash);
    const plan = await planJudgeJob(store, changed, { ...selection, languages: [tag('es')] });
    assert.equal(plan.toSend.length, 8);
    await runJudgeJob(store, plan, FAST_RETRY);
    const pairs = await storedPairs(store);
    assert.equal(pairs.filter((p) => p.judgeHash === judge.hash).length, 16);
    assert.equal(pairs.filter((p) => p.judgeHash === changed.hash).length, 8);
  });

  it('sends no Authorization header without a key, and never stores the key', async () => {
    const withoutKey = server.requests.filter((r) => r.path === '/v1/chat/completions');
    assert.ok(withoutKey.every((r) => r.authorization === undefined));
    const keyed = judgeFile({ name: 'keyed', model: 'm', baseURL: server.baseURL, protocol: 'pairwise' });
    const plan = await planJudgeJob(store, keyed, { ...selection, languages: [tag('es')], limit: 2 });
    await runJudgeJob(store, plan, { ...FAST_RETRY, apiKey: 'sk-test-SECRET-123' });
    assert.equal(server.requests.at(-1)!.authorization, 'Bearer sk-test-SECRET-123');
    const everything =
      JSON.stringify(await connectionOf(store).all(`SELECT * FROM judge_requests`)) +
      JSON.stringify(await connectionOf(store).all(`SELECT * FROM judge_jobs`)) +
      JSON.stringify(await connectionOf(store).all(`SELECT * FROM judges`));
    assert.ok(!everything.includes('SECRET'));
  });
});

describe('judge/runner: failures, cancellation and resume', function () {
  this.timeout(30_000);
  let server: FakeOpenAIServer;
  let store: Store;

  beforeEach(async () => {
    store = await storeWithRun({
      languages: ['es'],
      groups: Array.from({ length: 20 }, (_, i) => `g${i + 1}`),
      systems: ['base', 'multi'],
    });
  });
  afterEach(async () => {
    await store.close();
    await server.close();
  });

  const judgeAt = (extra: Record<string, unknown> = {}) =>
    judgeFile({ name: 'j', model: 'm', baseURL: server.baseURL, protocol: 'pairwise', concurrency: 4, ...extra });
  const selection: JudgeSelection = { run: 'r', baseline: { kind: 'system', system: 'base' } };

  it('stores a request the server refuses as failed, goes on, and sends only that one again next time', async () => {
    server = await FakeOpenAIServer.start((call) =>
      groupOf(call.prompt).group === 'g7' && shownOrder(call.prompt)[0] === 'base'
        ? { status: 400, message: "This model's maximum context length is 8192 tokens" }
        : { content: '1' },
    );
    const judge = judgeAt();
    const first = await runJudgeJob(store, await planJudgeJob(store, judge, selection), FAST_RETRY);
    assert.equal(first.outcome, 'completed');
    assert.equal(first.answered, 39);
    assert.equal(first.failed, 1);
    assert.deepEqual(first.failures, [
      { error: "HTTP 400: This model's maximum context length is 8192 tokens", count: 1 },
    ]);
    assert.equal(server.chatRequests, 40, 'a 400 is not retried');
    const failedRow = (await requestRows(store)).find((r) => r.status === 'failed')!;
    assert.equal(failedRow.attempts, 1);
    // No verdict for a request that got no answer: it is missing, not invalid.
    assert.equal((await storedPairs(store)).length, 39);

    server.script = () => ({ content: '2' });
    const plan = await planJudgeJob(store, judge, selection);
    assert.equal(plan.toSend.length, 1);
    assert.equal(plan.previouslyFailed, 1);
    await runJudgeJob(store, plan, FAST_RETRY);
    assert.equal(server.chatRequests, 41);
    assert.equal((await storedPairs(store)).length, 40);
  });

  it('gives up after maxRetries and says how often it tried', async () => {
    server = await FakeOpenAIServer.start(() => ({ status: 503, message: 'overloaded' }));
    const summary = await runJudgeJob(
      store,
      await planJudgeJob(store, judgeAt({ maxRetries: 2 }), { ...selection, limit: 1 }),
      FAST_RETRY,
    );
    assert.equal(summary.failed, 1);
    assert.equal(summary.retries, 2);
    assert.equal(server.chatRequests, 3);
    assert.deepEqual(summary.failures, [{ error: 'HTTP 503: overloaded (after 3 attempts)', count: 1 }]);
  });

  it('stops the whole job on a refused API key, with what to do about it', async () => {
    server = await FakeOpenAIServer.start(() => ({ status: 401, message: 'Incorrect API key provided' }));
    const summary = await runJudgeJob(store, await planJudgeJob(store, judgeAt(), selection), {
      ...FAST_RETRY,
      apiKey: 'sk-wrong',
    });
    assert.equal(summary.outcome, 'failed');
    assert.match(summary.message!, /refused the API key \(HTTP 401: Incorrect API key provided\).*Set API Key/);
    assert.ok(server.chatRequests <= 4, `at most one request per worker, got ${server.chatRequests}`);
  });

  /** Cancels the job when the server receives its n-th chat request (not after a time, which a loaded machine stretches). */
  const cancelOnRequest = (n: number, controller: AbortController) => () => {
    if (server.chatRequests === n) controller.abort();
  };

  it('on cancel, lets requests in flight finish, keeps every answer, and a re-run sends only the rest', async () => {
    const controller = new AbortController();
    const cancel = cancelOnRequest(6, controller);
    server = await FakeOpenAIServer.start(() => (cancel(), { content: '1' }), { latencyMs: 50 });
    const judge = judgeAt();
    const first = await runJudgeJob(store, await planJudgeJob(store, judge, selection), {
      ...FAST_RETRY,
      signal: controller.signal,
      cancelGraceMs: 5000,
    });
    assert.equal(first.outcome, 'cancelled');
    // The 6 requests received by then, and any already on their way, are answered during the grace; no more start.
    const answered = first.answered;
    assert.ok(answered >= 6 && answered < 40, `answered ${answered}`);
    assert.equal(server.chatRequests, answered, 'every request sent was answered and kept');
    assert.equal((await storedPairs(store)).length, answered);

    const plan = await planJudgeJob(store, judge, selection);
    assert.equal(plan.cached.length, answered);
    assert.equal(plan.toSend.length, 40 - answered);
    const second = await runJudgeJob(store, plan, FAST_RETRY);
    assert.equal(second.outcome, 'completed');
    assert.equal(server.chatRequests, 40, 'nothing was sent twice');
    assert.equal(new Set(server.chatCalls.map((c) => JSON.stringify(c.messages))).size, 40);
  });

  it('on cancel without grace, abandons the requests in flight and sends them next time', async () => {
    // The first 8 are answered at once; from the 9th on, the server keeps every worker waiting, and cancels on the
    // 12th: by then each of the 4 workers has one request in flight and all 8 earlier ones are answered.
    const controller = new AbortController();
    const cancel = cancelOnRequest(12, controller);
    server = await FakeOpenAIServer.start(
      () => (cancel(), server.chatRequests <= 8 ? { content: '1' } : { content: '1', delayMs: 3000 }),
    );
    const judge = judgeAt();
    const first = await runJudgeJob(store, await planJudgeJob(store, judge, selection), {
      ...FAST_RETRY,
      signal: controller.signal,
      cancelGraceMs: 0,
    });
    assert.equal(first.outcome, 'cancelled');
    assert.equal(first.answered, 8);
    assert.equal(server.chatRequests, 12, 'the 4 requests in flight were sent, then abandoned');
    const plan = await planJudgeJob(store, judge, selection);
    assert.equal(plan.toSend.length, 32);
  });

  it('stops sending once the budget is spent', async () => {
    server = await FakeOpenAIServer.start(
      () => ({ content: '1', usage: { prompt_tokens: 1000, completion_tokens: 0 } }),
      { latencyMs: 20 },
    );
    // $1 per million input tokens: $0.001 per answer; a budget of $0.005 is spent after 5 answers.
    const judge = judgeAt({ concurrency: 1, price: { input: 1, output: 1 } });
    const summary = await runJudgeJob(store, await planJudgeJob(store, judge, selection), {
      ...FAST_RETRY,
      maxCostUsd: 0.005,
    });
    assert.equal(summary.outcome, 'cancelled');
    assert.match(summary.message!, /budget of \$0.005 is spent/);
    assert.equal(summary.answered, 5);
    assert.ok(Math.abs(summary.costUsd! - 0.005) < 1e-12);
  });

  it('keeps every answer while another connection holds the write lock (an import in another window)', async () => {
    server = await FakeOpenAIServer.start(() => ({ content: '1' }), { latencyMs: 20 });
    const path = join(tempDir(), 'locked.db');
    await store.close();
    store = await storeWithRun(
      { languages: ['es'], groups: Array.from({ length: 20 }, (_, i) => `g${i + 1}`), systems: ['base', 'multi'] },
      path,
    );
    const other = await openTestStore(path);
    await connectionOf(other).exec('BEGIN IMMEDIATE');
    const released = sleep(600).then(() => connectionOf(other).exec('COMMIT'));
    const summary = await runJudgeJob(store, await planJudgeJob(store, judgeAt(), selection), FAST_RETRY);
    await released;
    await other.close();
    assert.equal(summary.outcome, 'completed');
    assert.equal(summary.answered, 40);
    assert.equal((await storedPairs(store)).length, 40);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    server = await FakeOpenAIServer.start(() => ({ content: '2' }), { latencyMs: 30 });
    await runJudgeJob(store, await planJudgeJob(store, judgeAt({ concurrency: 3 }), selection), FAST_RETRY);
    assert.equal(server.maxInFlight, 3);
  });
});
