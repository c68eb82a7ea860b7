// Batch API mode against the test server's files and batches endpoints: submit, poll, import, half price;
// nothing submitted twice across cancels and crashes; requests a batch never ran are sent again.
import assert from 'node:assert/strict';
import OpenAI, { toFile } from 'openai';
import { itemVerdict } from '../../../src/core/model/verdicts';
import { requestBody } from '../../../src/core/judge/client';
import type { JudgeDefinition } from '../../../src/core/judge/definition';
import {
  planJudgeJob,
  runJudgeJob,
  type JudgePlan,
  type JudgeSelection,
  type RunJudgeOptions,
} from '../../../src/core/judge/job';
import { messagesFor } from '../../../src/core/judge/tasks';
import { recordBatchUpload } from '../../../src/core/store/judgeRequests';
import type { Store } from '../../../src/core/store/store';
import { FakeOpenAIServer, type ChatCall, type Reply } from '../../support/openaiServer';
import { groupOf, judgeFile, requestRows, shownOrder, storedPairs, storeWithRun } from './helpers';

const FAST: RunJudgeOptions = {
  via: 'batch',
  retry: { baseDelayMs: 5, maxDelayMs: 20 },
  batchLimits: { pollIntervalMs: 10 },
};
const selection: JudgeSelection = { run: 'r', baseline: { kind: 'system', system: 'base' } };

/** g1 prefers multi in both orders; every other group prefers whatever is shown first. g9 fails with a 400. */
function script(call: ChatCall): Reply {
  const { group } = groupOf(call.prompt);
  if (group === 'g9') return { status: 400, message: 'invalid request' };
  if (group === 'g1') return { content: shownOrder(call.prompt)[0] === 'multi' ? '1' : '2' };
  return { content: 'Verdict: 1' };
}

/** Uploads a job's requests and records the upload, as the runner does just before it creates the batch. */
async function uploadAsACrashedRunWould(
  server: FakeOpenAIServer,
  store: Store,
  judge: JudgeDefinition,
  plan: JudgePlan,
): Promise<string> {
  const client = new OpenAI({ baseURL: server.baseURL, apiKey: 'x' });
  const lines = plan.toSend.map((t) =>
    JSON.stringify({
      custom_id: t.key,
      method: 'POST',
      url: '/v1/chat/completions',
      body: requestBody(judge, messagesFor(judge, t)),
    }),
  );
  const file = await client.files.create({
    file: await toFile(Buffer.from(lines.join('\n')), 'in.jsonl'),
    purpose: 'batch',
  });
  await recordBatchUpload(store, {
    inputFileId: file.id,
    judgeHash: judge.hash,
    jobId: null,
    baseURL: judge.baseURL,
    keys: plan.toSend.map((t) => t.key),
  });
  return file.id;
}

const count = (server: FakeOpenAIServer, method: string, path: string) =>
  server.requests.filter((r) => r.method === method && r.path === path).length;

describe('judge/batch: the Batch API', function () {
  this.timeout(20_000);
  let server: FakeOpenAIServer;
  let store: Store;

  beforeEach(async () => {
    store = await storeWithRun({ languages: ['es'], groups: ['g1', 'g2', 'g3'], systems: ['base', 'multi'] });
  });
  afterEach(async () => {
    await store.close();
    await server.close();
  });

  const judgeAt = () =>
    judgeFile({
      name: 'batched',
      model: 'gpt-4o',
      baseURL: server.baseURL,
      protocol: 'pairwise',
      price: { input: 2, output: 8 },
    });

  it('submits one batch, polls it, imports the verdicts at half price, and never sends a chat request', async () => {
    server = await FakeOpenAIServer.start(script);
    const summary = await runJudgeJob(store, await planJudgeJob(store, judgeAt(), selection), {
      ...FAST,
      apiKey: 'sk-test',
    });
    assert.equal(summary.outcome, 'completed');
    assert.equal(summary.answered, 6);
    assert.equal(count(server, 'POST', '/v1/files'), 1);
    assert.equal(count(server, 'POST', '/v1/batches'), 1);
    assert.equal(count(server, 'POST', '/v1/chat/completions'), 0);
    const pairs = await storedPairs(store);
    assert.equal(itemVerdict(pairs.filter((p) => p.group === 'g1')), 'B');
    assert.equal(itemVerdict(pairs.filter((p) => p.group === 'g2')), 'tie');
    const rows = await requestRows(store);
    assert.ok(rows.every((r) => r.via === 'batch' && r.status === 'done'));
    // (100 x $2 + 5 x $8) / 1M, halved
    for (const r of rows) assert.ok(Math.abs(r.cost_usd! - 0.00012) < 1e-12);
    assert.ok(Math.abs(summary.costUsd! - 6 * 0.00012) < 1e-12);

    const again = await runJudgeJob(store, await planJudgeJob(store, judgeAt(), selection), {
      ...FAST,
      apiKey: 'sk-test',
    });
    assert.equal(again.cached, 6);
    assert.equal(count(server, 'POST', '/v1/files'), 1, 'nothing uploaded again');
    assert.equal(count(server, 'POST', '/v1/batches'), 1);
  });

  it('after a cancel while waiting, the next run collects the same batch instead of submitting again', async () => {
    server = await FakeOpenAIServer.start(script, { batchPolls: 4 });
    const controller = new AbortController();
    const summary = await runJudgeJob(store, await planJudgeJob(store, judgeAt(), selection), {
      ...FAST,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'waiting-for-batch') controller.abort();
      },
    });
    assert.equal(summary.outcome, 'cancelled');
    assert.match(summary.message!, /batch batch_\d+ keeps running at the provider/);
    assert.equal((await storedPairs(store)).length, 0);

    const plan = await planJudgeJob(store, judgeAt(), selection);
    assert.equal(plan.awaitingBatch.length, 6);
    assert.equal(plan.toSend.length, 0);
    // An online run leaves them alone rather than paying twice.
    const online = await runJudgeJob(store, plan, { ...FAST, via: 'online' });
    assert.equal(online.leftInBatches, 6);
    assert.equal(count(server, 'POST', '/v1/chat/completions'), 0);

    const collected = await runJudgeJob(store, plan, FAST);
    assert.equal(collected.outcome, 'completed');
    assert.equal(collected.answered, 6);
    assert.equal(count(server, 'POST', '/v1/batches'), 1);
    assert.equal((await storedPairs(store)).length, 6);
  });

  it('after a crash between upload and batch creation, creates the batch from the uploaded file', async () => {
    server = await FakeOpenAIServer.start(script);
    const judge = judgeAt();
    const plan = await planJudgeJob(store, judge, selection);
    // What the runner had done when the process died: the file uploaded and recorded, no batch yet.
    await uploadAsACrashedRunWould(server, store, judge, plan);

    const resumed = await runJudgeJob(store, await planJudgeJob(store, judge, selection), FAST);
    assert.equal(resumed.outcome, 'completed');
    assert.equal(resumed.answered, 6);
    assert.equal(count(server, 'POST', '/v1/files'), 1, 'the file was not uploaded again');
    assert.equal(count(server, 'POST', '/v1/batches'), 1);
  });

  it('after a crash right after batch creation, finds the batch by its input file and does not create another', async () => {
    server = await FakeOpenAIServer.start(script);
    const judge = judgeAt();
    const plan = await planJudgeJob(store, judge, selection);
    const fileId = await uploadAsACrashedRunWould(server, store, judge, plan);
    await new OpenAI({ baseURL: server.baseURL, apiKey: 'x' }).batches.create({
      input_file_id: fileId,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    });

    const resumed = await runJudgeJob(store, await planJudgeJob(store, judge, selection), FAST);
    assert.equal(resumed.answered, 6);
    assert.equal(count(server, 'POST', '/v1/batches'), 1, 'the batch was found, not created again');
  });

  it('marks requests an expired batch never ran as failed, and submits only those next time', async () => {
    server = await FakeOpenAIServer.start(script, { batchFinalStatus: 'expired', batchAnswered: 4 });
    const first = await runJudgeJob(store, await planJudgeJob(store, judgeAt(), selection), FAST);
    assert.equal(first.answered, 4);
    assert.equal(first.failed, 2);
    assert.match(first.failures[0]!.error, /ended \(expired\) before this request was answered/);

    const plan = await planJudgeJob(store, judgeAt(), selection);
    assert.equal(plan.toSend.length, 2);
    await runJudgeJob(store, plan, FAST);
    assert.equal(count(server, 'POST', '/v1/batches'), 2);
    const secondInput = server.requests.filter((r) => r.path === '/v1/files').length;
    assert.equal(secondInput, 2);
  });

  it('stores per-request errors from the error file without verdicts', async () => {
    await store.close();
    store = await storeWithRun({ languages: ['es'], groups: ['g1', 'g9'], systems: ['base', 'multi'] });
    server = await FakeOpenAIServer.start(script);
    const summary = await runJudgeJob(store, await planJudgeJob(store, judgeAt(), selection), FAST);
    assert.equal(summary.answered, 2);
    assert.equal(summary.failed, 2);
    assert.deepEqual(summary.failures, [{ error: 'invalid request', count: 2 }]);
    assert.equal((await storedPairs(store)).length, 2);
  });

  it('says so when the server has no Batch API', async () => {
    server = await FakeOpenAIServer.start(script);
    const noBatch = judgeFile({
      name: 'nb',
      model: 'm',
      baseURL: `${server.baseURL}/nothing-here`,
      protocol: 'pairwise',
    });
    const summary = await runJudgeJob(store, await planJudgeJob(store, noBatch, selection), FAST);
    assert.equal(summary.outcome, 'failed');
    assert.match(
      summary.message!,
      /cannot upload the batch input file: .* answered 404 \(it may not offer the Batch API; run without batch mode\)/,
    );
  });
});
