// Later turns of a conversation (MT-bench turn 2): the judge sees the turns before, each system's own earlier answers,
// through the multi-turn template; a judge with its own wording and no multi-turn form refuses later turns.
import { openTestStore } from '../../support/testDatabase';
import assert from 'node:assert/strict';
import { planJudgeJob, runJudgeJob } from '../../../src/core/judge/job';
import { messagesFor } from '../../../src/core/judge/tasks';
import type { CanonicalRecord } from '../../../src/core/model/records';
import { Store } from '../../../src/core/store/store';
import { FakeOpenAIServer, type ChatCall } from '../../support/openaiServer';
import { judgeFile, tag } from './helpers';

const FAST = { retry: { baseDelayMs: 5, maxDelayMs: 20 } };
const QUESTION = ['Name three rivers of Spain.', 'Now only the longest one, in one sentence.'];
const answer = (system: string, turn: number) => `<<${system}>> answer to turn ${turn}`;

/** One group in Spanish, two turns; `onlySecondTurn` systems have no turn-1 answer (an incomplete import). */
async function conversationStore(systems: readonly string[], onlySecondTurn: readonly string[] = []): Promise<Store> {
  const store = await openTestStore(':memory:');
  const records: CanonicalRecord[] = [];
  let line = 1;
  for (const turn of [1, 2]) {
    const key = { run: 'r', group: 'g1', lang: tag('es'), turn };
    records.push({
      kind: 'prompt',
      ...key,
      text: QUESTION[turn - 1]!,
      source: { file: 'prompts.jsonl', line: line++ },
    });
    for (const system of systems) {
      if (turn === 1 && onlySecondTurn.includes(system)) continue;
      records.push({
        kind: 'response',
        ...key,
        system,
        seed: 0,
        text: answer(system, turn),
        source: { file: 'out.jsonl', line: line++ },
      });
    }
  }
  const writer = await store.beginWrite();
  for (const record of records) await writer.write(record, null);
  await writer.commit();
  return store;
}

/** The user message a call carried, cut into its two conversations (pairwise built-in template). */
function conversations(call: ChatCall): [string, string] {
  const m =
    /\[Conversation with Response 1\]\n([\s\S]*?)\n\n\[Conversation with Response 2\]\n([\s\S]*?)\n\nWhich response/.exec(
      call.prompt,
    );
  assert.ok(m, `a multi-turn prompt: ${call.prompt}`);
  return [m[1]!, m[2]!];
}

describe('judge: later turns of a conversation', function () {
  this.timeout(20_000);
  let server: FakeOpenAIServer;
  let store: Store;

  afterEach(async () => {
    await store.close();
    await server?.close();
  });

  it('shows each system its own earlier answers before the judged turn, in both orders', async () => {
    store = await conversationStore(['a', 'b']);
    server = await FakeOpenAIServer.start(() => ({ content: '1' }));
    const judge = judgeFile({ name: 'pw', model: 'm', baseURL: server.baseURL, protocol: 'pairwise' });
    const plan = await planJudgeJob(store, judge, { run: 'r', turns: [2] });
    assert.equal(plan.tasks.length, 2, 'one pair, both orders');
    const summary = await runJudgeJob(store, plan, FAST);
    assert.equal(summary.answered, 2);
    const calls = [...server.chatCalls].sort((x, y) => x.prompt.localeCompare(y.prompt));
    const [first, second] = calls.map(conversations);
    const conversationOf = (system: string) =>
      [
        `### User (turn 1):\n${QUESTION[0]}`,
        `### Assistant (turn 1):\n${answer(system, 1)}`,
        `### User (turn 2):\n${QUESTION[1]}`,
        `### Assistant (turn 2):\n${answer(system, 2)}`,
      ].join('\n\n');
    assert.deepEqual(first, [conversationOf('a'), conversationOf('b')]);
    assert.deepEqual(second, [conversationOf('b'), conversationOf('a')]);
    // "1" names the first shown: a in AB, b in BA, so the combined verdict is a tie and each order is kept.
    const verdicts = (await store.judgeVerdicts()).map((v) => `${v.turn}:${v.order}:${v.verdict}`).sort();
    assert.deepEqual(verdicts, ['2:AB:A', '2:BA:B']);
  });

  it('keeps turn 1 and turn 2 requests apart, and a re-run of either sends nothing', async () => {
    store = await conversationStore(['a', 'b']);
    server = await FakeOpenAIServer.start(() => ({ content: '2' }));
    const judge = judgeFile({ name: 'pw', model: 'm', baseURL: server.baseURL, protocol: 'pairwise' });
    await runJudgeJob(store, await planJudgeJob(store, judge, { run: 'r', turns: [2] }), FAST);
    const firstTurn = await planJudgeJob(store, judge, { run: 'r' });
    assert.equal(firstTurn.toSend.length, 2, 'turn 1 is not answered by the turn-2 requests');
    await runJudgeJob(store, firstTurn, FAST);
    assert.ok(
      server.chatCalls.slice(2).every((c) => c.prompt.includes('[Instruction]') && !c.prompt.includes('### User')),
      'a first turn is judged with the single-instruction template',
    );
    const both = await planJudgeJob(store, judge, { run: 'r', turns: [1, 2] });
    assert.deepEqual([both.tasks.length, both.cached.length, both.toSend.length], [4, 4, 0]);
    assert.equal(server.chatRequests, 4);
  });

  it('counts a later turn whose earlier answer was not imported, and sends nothing for it', async () => {
    store = await conversationStore(['a', 'b', 'c'], ['c']);
    server = await FakeOpenAIServer.start(() => ({ content: '1' }));
    const judge = judgeFile({ name: 'pw', model: 'm', baseURL: server.baseURL, protocol: 'pairwise' });
    const plan = await planJudgeJob(store, judge, { run: 'r', turns: [2] });
    assert.equal(plan.skipped.missingEarlierTurns, 2, 'a–c and b–c');
    assert.equal(plan.tasks.length, 2, 'only a–b, both orders');
    assert.ok(plan.tasks.every((t) => !t.shown.some((s) => s.includes('<<c>>'))));
  });

  it('renders an own multi-turn template with {{conversation}}, the last question and answer', async () => {
    store = await conversationStore(['a']);
    server = await FakeOpenAIServer.start(() => ({ content: 'Rating: [[2]]' }));
    const judge = judgeFile(
      {
        name: 'mt',
        model: 'm',
        baseURL: server.baseURL,
        protocol: 'rating',
        template: 'one.txt',
        multiTurnTemplate: 'multi.txt',
      },
      {
        'one.txt': 'Q: {{instruction}}\nA: {{response}}',
        'multi.txt': '{{conversation}}\n---\nLast: {{instruction}} => {{response}} ({{language_code}})',
      },
    );
    const plan = await planJudgeJob(store, judge, { run: 'r', turns: [2] });
    assert.equal(plan.tasks.length, 1);
    assert.deepEqual(messagesFor(judge, plan.tasks[0]!), [
      {
        role: 'user',
        content:
          `### User (turn 1):\n${QUESTION[0]}\n\n### Assistant (turn 1):\n${answer('a', 1)}\n\n### User (turn 2):\n${QUESTION[1]}\n\n` +
          `### Assistant (turn 2):\n${answer('a', 2)}\n---\nLast: ${QUESTION[1]} => ${answer('a', 2)} (es)`,
      },
    ]);
    const summary = await runJudgeJob(store, plan, FAST);
    assert.equal(summary.answered, 1);
    assert.equal(server.chatCalls[0]!.prompt, messagesFor(judge, plan.tasks[0]!)[0]!.content);
  });

  it('refuses a later turn with an own template and no multi-turn template, and says what to do', async () => {
    store = await conversationStore(['a', 'b']);
    const judge = judgeFile(
      { name: 'paper', model: 'm', protocol: 'pairwise', template: 't.txt' },
      { 't.txt': '{{instruction}} {{response_a}} {{response_b}}' },
    );
    assert.equal(judge.templates.multiTurnUser, null);
    await assert.rejects(
      planJudgeJob(store, judge, { run: 'r', turns: [1, 2] }),
      /judge "paper" has its own template but no "multiTurnTemplate", so it cannot judge a later turn .*judge --turn 1 only/,
    );
    assert.equal((await planJudgeJob(store, judge, { run: 'r', turns: [1] })).tasks.length, 2);
  });
});

describe('judge/definition: multi-turn templates', () => {
  const problems = (fields: Record<string, unknown>, templates: Record<string, string>) => {
    try {
      judgeFile({ model: 'm', ...fields }, templates);
      return '';
    } catch (err) {
      return (err as Error).message;
    }
  };

  it('checks the conversation placeholders where they belong', () => {
    assert.match(
      problems({ protocol: 'pairwise', multiTurnTemplate: 'mt.txt' }, { 'mt.txt': '{{conversation_a}} only' }),
      /field "multiTurnTemplate": template "mt\.txt": a multi-turn pairwise template must contain \{\{conversation_b\}\}/,
    );
    assert.match(
      problems(
        { protocol: 'likert', multiTurnTemplate: 'mt.txt' },
        { 'mt.txt': '{{conversation_a}} {{conversation}}' },
      ),
      /\{\{conversation_a\}\} has no value in a likert judge/,
    );
    assert.match(
      problems({ protocol: 'likert', template: 't.txt' }, { 't.txt': '{{instruction}} {{response}} {{conversation}}' }),
      /field "template": template "t\.txt": \{\{conversation\}\} belongs in the multi-turn template \("multiTurnTemplate"\)/,
    );
    assert.equal(
      problems({ protocol: 'rating', multiTurnTemplate: 'mt.txt' }, { 'mt.txt': '{{conversation}} in {{language}}' }),
      '',
    );
  });

  it('hashes the multi-turn wording: changing it makes a new judge', () => {
    const hash = (text: string) =>
      judgeFile({ name: 'j', model: 'm', protocol: 'rating', multiTurnTemplate: 'mt.txt' }, { 'mt.txt': text }).hash;
    const builtIn = judgeFile({ name: 'j', model: 'm', protocol: 'rating' }).hash;
    assert.notEqual(hash('{{conversation}}'), builtIn);
    assert.notEqual(hash('{{conversation}}!'), hash('{{conversation}}'));
    assert.equal(hash('{{conversation}}'), hash('{{conversation}}'));
  });
});
