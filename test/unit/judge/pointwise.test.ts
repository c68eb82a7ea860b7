// Likert 1-6 (JSON) and 1-3 rating ([[n]]) judges: one request per response and seed, the raw score stored as it is
// (the language gate is the scoring step's), unreadable answers stored as invalid with their raw text.
import assert from 'node:assert/strict';
import { planJudgeJob, runJudgeJob } from '../../../src/core/judge/job';
import type { Store } from '../../../src/core/store/store';
import { FakeOpenAIServer, type ChatCall, type Reply } from '../../support/openaiServer';
import { judgeFile, storedScores, storeWithRun } from './helpers';

const FAST = { retry: { baseDelayMs: 5, maxDelayMs: 20 } };

/** Answers by the system named in the response shown: <<good>> gets a clean answer, the others less so. */
function likertScript(call: ChatCall): Reply {
  const system = /<<([^>]+)>>/.exec(call.prompt)![1];
  const seed = Number(/#(\d+)/.exec(call.prompt)![1]);
  if (system === 'good') return { content: `{"reasoning": "Complete and accurate.", "score": ${5 + seed}}` };
  if (system === 'chatty')
    return { content: 'Sure! Here is my evaluation:\n```json\n{"reasoning": "Misses a part.", "score": 3}\n```' };
  if (system === 'over') return { content: '{"reasoning": "Amazing.", "score": 7}' };
  return { content: 'This response is fine, I suppose.' };
}

function ratingScript(call: ChatCall): Reply {
  const system = /<<([^>]+)>>/.exec(call.prompt)![1];
  if (system === 'good') return { content: 'Accurate, and written in the language of the question.\n\nRating: [[3]]' };
  if (system === 'chatty') return { content: 'Rating: [[2]]' };
  if (system === 'over') return { content: 'Rating: [[1]] or perhaps [[2]]' };
  return { content: 'I would rate it highly.' };
}

describe('judge/runner: pointwise judges', function () {
  this.timeout(20_000);
  let server: FakeOpenAIServer;
  let store: Store;

  beforeEach(async () => {
    store = await storeWithRun({
      languages: ['es'],
      groups: ['g1'],
      systems: ['good', 'chatty', 'over', 'vague'],
      seeds: [0, 1],
    });
  });
  afterEach(async () => {
    await store.close();
    await server.close();
  });

  it('Likert 1-6: one request per response and seed, JSON read through prose, out-of-range and prose invalid', async () => {
    server = await FakeOpenAIServer.start(likertScript);
    const judge = judgeFile({ name: 'ke', model: 'm', baseURL: server.baseURL, protocol: 'likert' });
    const summary = await runJudgeJob(store, await planJudgeJob(store, judge, { run: 'r' }), FAST);
    assert.equal(summary.answered, 8);
    assert.equal(summary.invalid, 4, 'over (score 7) and vague (no JSON), both seeds');
    const scores = await storedScores(store);
    const byResponse = Object.fromEntries(scores.map((s) => [`${s.system}#${s.seed}`, s.score]));
    assert.deepEqual(byResponse, {
      'chatty#0': 3,
      'chatty#1': 3,
      'good#0': 5,
      'good#1': 6,
      'over#0': null,
      'over#1': null,
      'vague#0': null,
      'vague#1': null,
    });
    assert.ok(scores.every((s) => s.scale === 'likert-6'));
    const good = scores.find((s) => s.system === 'good' && s.seed === 0)!;
    assert.equal(good.reasoning, 'Complete and accurate.');
    const over = scores.find((s) => s.system === 'over' && s.seed === 0)!;
    assert.equal(over.raw, '{"reasoning": "Amazing.", "score": 7}');
    assert.equal(over.reasoning, 'invalid: the score 7 is outside 1 to 6');
  });

  it('Likert: --seed narrows to one seed; the prompt does not mention language (the gate comes later)', async () => {
    server = await FakeOpenAIServer.start(likertScript);
    const judge = judgeFile({ name: 'ke', model: 'm', baseURL: server.baseURL, protocol: 'likert', jsonMode: true });
    const plan = await planJudgeJob(store, judge, { run: 'r', seed: 1 });
    assert.equal(plan.toSend.length, 4);
    await runJudgeJob(store, plan, FAST);
    assert.deepEqual(server.chatCalls[0]!.body.response_format, { type: 'json_object' });
    assert.doesNotMatch(server.chatCalls[0]!.prompt, /Spanish/);
  });

  it('1-3 rating: reads Rating: [[n]], tells the judge the language, refuses two ratings', async () => {
    server = await FakeOpenAIServer.start(ratingScript);
    const judge = judgeFile({ name: 'ch', model: 'm', baseURL: server.baseURL, protocol: 'rating' });
    await runJudgeJob(store, await planJudgeJob(store, judge, { run: 'r', seed: 0 }), FAST);
    const scores = await storedScores(store);
    assert.deepEqual(
      scores.map((s) => [s.system, s.score]),
      [
        ['chatty', 2],
        ['good', 3],
        ['over', null],
        ['vague', null],
      ],
    );
    assert.ok(scores.every((s) => s.scale === 'rating-3'));
    assert.equal(
      scores.find((s) => s.system === 'good')!.reasoning,
      'Accurate, and written in the language of the question.',
    );
    assert.match(scores.find((s) => s.system === 'over')!.reasoning!, /more than one score \(1 and 2\)/);
    assert.match(
      server.chatCalls[0]!.prompt,
      /written in Spanish, and the response must be written in the same\s+language/,
    );
  });
});
