// Never over budget: 16 requests in flight against the test server, with prices, and answers whose usage the server
// counts from what it was sent. Each request's worst case is reserved before it goes out.
import assert from 'node:assert/strict';
import { planJudgeJob, runJudgeJob } from '../../../src/core/judge/job';
import { costOf, worstCaseInputTokens } from '../../../src/core/judge/prices';
import { messagesFor } from '../../../src/core/judge/tasks';
import { FakeOpenAIServer, type ChatCall } from '../../support/openaiServer';
import { judgeFile, requestRows, storeWithRun } from './helpers';

/** About a token per four bytes, as a real tokenizer counts English; one answer token. */
const usageOf = (call: ChatCall) => ({
  prompt_tokens: Math.ceil(call.messages.reduce((n, m) => n + Buffer.byteLength(m.content, 'utf8'), 0) / 4),
  completion_tokens: 1,
});

describe('judge/budget: the spent cost never exceeds --max-cost', function () {
  this.timeout(30_000);
  let server: FakeOpenAIServer;
  before(async () => {
    server = await FakeOpenAIServer.start((call) => ({ content: '1', usage: usageOf(call) }), { latencyMs: 20 });
  });
  after(() => server.close());

  it('stops before a request whose worst case no longer fits, at concurrency 16', async () => {
    const store = await storeWithRun({
      languages: ['es', 'ru'],
      groups: Array.from({ length: 40 }, (_, i) => `g${i}`),
      systems: ['a', 'b'],
    });
    const price = { input: 10, output: 30 };
    const judge = judgeFile({
      name: 'budget',
      model: 'm',
      baseURL: server.baseURL,
      protocol: 'pairwise',
      concurrency: 16,
      price,
    });
    const plan = await planJudgeJob(store, judge, { run: 'r', baseline: { kind: 'system', system: 'a' } });
    assert.equal(plan.toSend.length, 160);
    const worst = Math.max(
      ...plan.toSend.map((t) => costOf(worstCaseInputTokens(messagesFor(judge, t)), judge.maxTokens, price, 'online')),
    );
    const worstOfAll = plan.toSend.reduce(
      (n, t) => n + costOf(worstCaseInputTokens(messagesFor(judge, t)), judge.maxTokens, price, 'online'),
      0,
    );
    assert.ok(
      Math.abs(plan.estimate.maxOnlineUsd! - worstOfAll) < 1e-12,
      "the plan's ceiling is what a budget reserves",
    );
    assert.ok(plan.estimate.onlineUsd! < plan.estimate.maxOnlineUsd!);
    const budget = 0.05;
    const summary = await runJudgeJob(store, plan, { maxCostUsd: budget });
    assert.equal(summary.outcome, 'cancelled');
    assert.match(
      summary.message!,
      /^the budget of \$0\.05 is spent \(\$0\.0\d{3}\): the next request could cost up to \$0\.00\d\d; every answer received is stored$/,
    );
    const rows = await requestRows(store);
    const spent = rows.reduce((n, r) => n + r.cost_usd!, 0);
    assert.ok(Math.abs(summary.costUsd! - spent) < 1e-12);
    assert.ok(spent <= budget, `spent ${spent} of ${budget}`);
    // It used the budget: what is left is less than the last request's worst case.
    assert.ok(spent > budget - worst, `spent ${spent}, worst case ${worst}`);
    assert.ok(summary.answered > 16 && summary.answered < 160, `answered ${summary.answered}`);
    assert.equal(server.chatRequests, summary.answered, 'no request was sent that was not answered and paid for');
    await store.close();
  });

  it('refuses a budget for a model without a price', async () => {
    const store = await storeWithRun({ languages: ['es'], groups: ['g1'], systems: ['a', 'b'] });
    const judge = judgeFile({ model: 'unpriced', baseURL: 'https://judge.example/v1', protocol: 'pairwise' });
    const summary = await runJudgeJob(
      store,
      await planJudgeJob(store, judge, { run: 'r', baseline: { kind: 'all-pairs' } }),
      { maxCostUsd: 1 },
    ).catch((err: Error) => err.message);
    assert.match(String(summary), /a budget needs a price, and unpriced has none/);
    await store.close();
  });
});

describe('judge/budget: the Batch API', function () {
  this.timeout(20_000);
  it('submits only the requests whose worst cases fit, at the batch price, and says how many were left', async () => {
    const server = await FakeOpenAIServer.start((call) => ({ content: '1', usage: usageOf(call) }));
    const store = await storeWithRun({
      languages: ['es'],
      groups: Array.from({ length: 10 }, (_, i) => `g${i}`),
      systems: ['a', 'b'],
    });
    try {
      const price = { input: 10, output: 30 };
      const judge = judgeFile({ model: 'gpt-4o', baseURL: server.baseURL, protocol: 'pairwise', price });
      const plan = await planJudgeJob(store, judge, { run: 'r', baseline: { kind: 'system', system: 'a' } });
      const worst = plan.toSend.map((t) =>
        costOf(worstCaseInputTokens(messagesFor(judge, t)), judge.maxTokens, price, 'batch'),
      );
      // Room for the worst cases of the first 7 requests, not 8.
      const budget = worst.slice(0, 7).reduce((a, b) => a + b, 0) + worst[7]! / 2;
      const summary = await runJudgeJob(store, plan, {
        via: 'batch',
        apiKey: 'sk-test',
        maxCostUsd: budget,
        batchLimits: { pollIntervalMs: 10 },
      });
      assert.equal(summary.answered, 7);
      assert.equal(summary.outcome, 'cancelled');
      assert.match(
        summary.message!,
        /covers the worst case of 7 of 20 requests; 13 were not submitted \(run again with a larger budget\)/,
      );
      assert.ok(summary.costUsd! <= budget);
    } finally {
      await store.close();
      await server.close();
    }
  });
});
