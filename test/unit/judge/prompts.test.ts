// The built-in prompts, word for word, and the options that shape them: instructions in the prompt's language, the
// language of the reasoning, the sampling seed, local servers, the comparison named in the judge file.
import assert from 'node:assert/strict';
import { requestBody } from '../../../src/core/judge/client';
import { planJudgeJob } from '../../../src/core/judge/job';
import { parsePairwiseAnswer } from '../../../src/core/judge/parse';
import { messagesFor, type JudgeTask } from '../../../src/core/judge/tasks';
import { judgeFile, storeWithRun, tag } from './helpers';

const task = (lang: string, shown: string[]): JudgeTask => ({
  key: 'k',
  lang: tag(lang),
  instruction: 'INSTRUCTION',
  shown,
  earlier: [],
  targets: [],
});
const userMessage = (fields: Record<string, unknown>, t: JudgeTask) =>
  messagesFor(judgeFile({ model: 'm', ...fields }), t).find((m) => m.role === 'user')!.content;

const PAIRWISE = `Below is an instruction written in Spanish, followed by two responses to it.

Decide which response follows the instruction better.
Consider helpfulness, correctness, relevance and level of detail, and whether the response is written in the
language of the instruction unless the instruction asks for another one. The order in which the responses are
shown, their length and their style must not influence you.

[Instruction]
INSTRUCTION

[Response 1]
FIRST

[Response 2]
SECOND

Which response is better? Answer with a single digit: "1" if Response 1 is better, "2" if Response 2 is better. Do not write anything else.`;

const LIKERT = `Please act as an impartial judge and evaluate how helpful the response below is to the user's instruction.
Consider whether it follows the instruction, and its relevance, accuracy, depth and level of detail.
Rate it on a scale from 1 to 6:
1 = not helpful at all: irrelevant, nonsensical or refuses without reason
2 = barely helpful: mostly wrong or misses the point of the instruction
3 = somewhat helpful: addresses the instruction but with major errors or omissions
4 = helpful: follows the instruction with minor errors or omissions
5 = very helpful: accurate, complete and clear
6 = perfectly helpful: an excellent answer that could not reasonably be improved

[Instruction]
INSTRUCTION

[Response]
ANSWER

Answer with a JSON object and nothing else, with two keys: "reasoning", a short explanation of your
judgement, and "score", an integer from 1 to 6. For example:
{"reasoning": "The response answers the question but misses one of the two parts.", "score": 4}`;

const RATING = `Please act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the
question displayed below. The question is written in Russian, and the response must be written in the same
language as the question; a response in another language is not acceptable unless the question asks for one.
Consider helpfulness, relevance, accuracy, depth and level of detail. Begin with a short explanation and be as
objective as possible. Then rate the response on a scale of 1 to 3 (1 = poor (unhelpful, wrong, or not in the language of the question), 2 = acceptable, 3 = excellent) by strictly
following this format: "Rating: [[n]]", for example: "Rating: [[2]]".

[Question]
INSTRUCTION

[The Start of Assistant's Answer]
ANSWER
[The End of Assistant's Answer]`;

const SPANISH_PAIRWISE_END =
  '¿Qué respuesta es mejor? Responde con un solo dígito: "1" si la Respuesta 1 es mejor, "2" si la Respuesta 2 es mejor. No escribas nada más.';

describe('judge/prompts: the built-in wording', () => {
  it('asks a pairwise judge for the single digit its parser reads', () => {
    assert.equal(userMessage({ protocol: 'pairwise' }, task('es', ['FIRST', 'SECOND'])), PAIRWISE);
    assert.deepEqual(parsePairwiseAnswer('2', { first: '1', second: '2', tie: 'tie' }, false), {
      ok: true,
      choice: 'second',
    });
    assert.match(
      userMessage({ protocol: 'pairwise', answers: { first: 'A', second: 'B' } }, task('es', ['x', 'y'])),
      /Answer with a single label: "A" if Response 1/,
    );
    assert.match(
      userMessage({ protocol: 'pairwise', allowTie: true }, task('es', ['x', 'y'])),
      /Which response is better\? Answer with "1" if Response 1 is better, "2" if Response 2 is better, or "tie" if neither is better\. Do not write anything else\.$/,
    );
  });

  it('keeps the Likert and 1-3 rating prompts word for word', () => {
    assert.equal(userMessage({ protocol: 'likert' }, task('es', ['ANSWER'])), LIKERT);
    assert.equal(userMessage({ protocol: 'rating' }, task('ru', ['ANSWER'])), RATING);
    assert.deepEqual(messagesFor(judgeFile({ model: 'm', protocol: 'rating' }), task('ru', ['ANSWER']))[0], {
      role: 'system',
      content: 'You are a careful and impartial judge of the answers of AI assistants.',
    });
  });

  it('asks in each prompt\'s language with instructionsLanguage "prompt", and is another judge then', () => {
    const english = judgeFile({ model: 'm', protocol: 'pairwise' });
    const local = judgeFile({ model: 'm', protocol: 'pairwise', instructionsLanguage: 'prompt' });
    assert.notEqual(local.hash, english.hash);
    const spanish = messagesFor(local, task('es', ['FIRST', 'SECOND']));
    assert.equal(
      spanish[0]!.content,
      'Eres un juez cuidadoso e imparcial de las respuestas de asistentes de inteligencia artificial.',
    );
    assert.ok(
      spanish[1]!.content.startsWith(
        'A continuación hay una instrucción escrita en español, seguida de dos respuestas a ella.\n',
      ),
    );
    assert.ok(spanish[1]!.content.endsWith(`[Respuesta 2]\nSECOND\n\n${SPANISH_PAIRWISE_END}`));
    const openings: Record<string, string> = {
      ru: 'Ниже приведено задание на русском языке и два ответа на него.',
      he: 'להלן הוראה שנכתבה בעברית, ואחריה שתי תשובות לה.',
      ar: 'فيما يلي تعليمة مكتوبة باللغة العربية، تليها إجابتان عنها.',
      zh: '下面是一条用中文写的指令，以及针对它的两个回答。',
      'zh-Hant': '下面是一条用中文写的指令，以及针对它的两个回答。',
      en: 'Below is an instruction written in English, followed by two responses to it.',
    };
    for (const [lang, opening] of Object.entries(openings)) {
      const user = messagesFor(local, task(lang, ['FIRST', 'SECOND']))[1]!.content;
      assert.equal(user.split('\n')[0], opening, lang);
      // The labels the parser reads are never translated.
      assert.match(user, /"1".*"2"/, lang);
    }
    assert.throws(
      () => messagesFor(local, task('de', ['x', 'y'])),
      /judge "test" asks in each prompt's language \("instructionsLanguage": "prompt"\), but LangLens has no instructions in de \(it has en, es, ru, he, ar, zh\)/,
    );
  });

  it('refuses before sending anything when a selected language has no instructions', async () => {
    const store = await storeWithRun({ languages: ['es', 'de', 'fi'], groups: ['g1'], systems: ['a', 'b'] });
    const judge = judgeFile({
      model: 'm',
      protocol: 'pairwise',
      instructionsLanguage: 'prompt',
      baseURL: 'http://127.0.0.1:9/v1',
    });
    await assert.rejects(
      planJudgeJob(store, judge, { run: 'r', baseline: { kind: 'all-pairs' } }),
      /no instructions in de, fi \(it has/,
    );
    const plan = await planJudgeJob(store, judge, {
      run: 'r',
      languages: [tag('es')],
      baseline: { kind: 'all-pairs' },
    });
    assert.equal(plan.toSend.length, 2);
    await store.close();
  });

  it("asks for the reasoning in a given language, or the prompt's", () => {
    const inEnglish = userMessage({ protocol: 'likert', rationaleLanguage: 'en' }, task('es', ['ANSWER']));
    assert.ok(inEnglish.endsWith('"score": 4}\nWrite your explanation in English.'));
    const own = messagesFor(
      judgeFile({ model: 'm', protocol: 'rating', rationaleLanguage: 'prompt' }),
      task('he', ['A']),
    )[1]!.content;
    assert.match(own, /"Rating: \[\[2\]\]"\.\nWrite your explanation in Hebrew\.\n\n\[Question\]/);
    const hebrew = messagesFor(
      judgeFile({ model: 'm', protocol: 'likert', instructionsLanguage: 'prompt', rationaleLanguage: 'en' }),
      task('he', ['A']),
    )[1]!.content;
    assert.ok(hebrew.endsWith('\nיש לכתוב את ההסבר באנגלית.'));
    const arabic = messagesFor(
      judgeFile({ model: 'm', protocol: 'rating', instructionsLanguage: 'prompt', rationaleLanguage: 'prompt' }),
      task('ar', ['A']),
    )[1]!.content;
    assert.match(arabic, /\nاكتب الشرح باللغة العربية\.\n/);
    assert.notEqual(
      judgeFile({ model: 'm', protocol: 'likert', rationaleLanguage: 'en' }).hash,
      judgeFile({ model: 'm', protocol: 'likert' }).hash,
    );
    assert.throws(
      () => judgeFile({ model: 'm', protocol: 'pairwise', rationaleLanguage: 'en' }),
      /field "rationaleLanguage": a pairwise judge answers with a label only/,
    );
    assert.throws(
      () => judgeFile({ model: 'm', protocol: 'likert', rationaleLanguage: 'klingon!' }),
      /field "rationaleLanguage": must be "prompt"/,
    );
  });
});

describe('judge/definition: samplingSeed, local servers, the comparison in the file', () => {
  it('reads "samplingSeed", and the old "seed" with a deprecation note, as the same judge', () => {
    const current = judgeFile({ model: 'm', protocol: 'likert', samplingSeed: 7 });
    const old = judgeFile({ model: 'm', protocol: 'likert', seed: 7 });
    assert.equal(current.samplingSeed, 7);
    assert.equal(old.samplingSeed, 7);
    assert.equal(old.hash, current.hash);
    assert.deepEqual(current.notes, []);
    assert.deepEqual(old.notes, [
      'field "seed" is deprecated: it is the sampling seed sent to the server, now called "samplingSeed" (not to be confused with --seed, which picks the responses judged); rename it',
    ]);
    assert.equal(requestBody(old, messagesFor(old, task('es', ['A']))).seed, 7, 'sent as "seed", as before');
    assert.throws(
      () => judgeFile({ model: 'm', protocol: 'likert', seed: 1, samplingSeed: 2 }),
      /field "seed": and "samplingSeed" differ/,
    );
  });

  it('prices a local server at 0 and runs more requests at once there', async () => {
    const store = await storeWithRun({ languages: ['es'], groups: ['g1'], systems: ['a', 'b'] });
    const local = judgeFile({ model: 'llama3', protocol: 'likert', baseURL: 'http://localhost:11434/v1' });
    const remote = judgeFile({ model: 'llama3', protocol: 'likert', baseURL: 'https://api.together.xyz/v1' });
    assert.equal(local.concurrency, 16);
    assert.equal(remote.concurrency, 8);
    assert.equal(local.apiKeyEnv, undefined);
    assert.deepEqual((await planJudgeJob(store, local, { run: 'r' })).price, { input: 0, output: 0 });
    assert.equal((await planJudgeJob(store, local, { run: 'r' })).estimate.onlineUsd, 0);
    assert.equal((await planJudgeJob(store, remote, { run: 'r' })).price, undefined);
    // A local proxy serving a priced model is priced as that model.
    assert.deepEqual(
      (
        await planJudgeJob(
          store,
          judgeFile({ model: 'gpt-4o', protocol: 'likert', baseURL: 'http://127.0.0.1:4000/v1' }),
          { run: 'r' },
        )
      ).price,
      { input: 2.5, output: 10 },
    );
    await store.close();
  });

  it('takes a pairwise comparison from the file, and keeps it out of the hash', async () => {
    const store = await storeWithRun({ languages: ['es', 'ru'], groups: ['g1'], systems: ['a', 'b', 'c'] });
    const perLanguage = judgeFile({ model: 'm', protocol: 'pairwise', baseline: { es: 'a', ru: 'b' } });
    assert.equal(perLanguage.hash, judgeFile({ model: 'm', protocol: 'pairwise' }).hash);
    const plan = await planJudgeJob(store, perLanguage, { run: 'r' });
    assert.equal(plan.toSend.length, 8, '2 languages x 2 pairs x 2 orders');
    assert.deepEqual(plan.selection.baseline, {
      kind: 'per-language',
      systems: new Map([
        ['es', 'a'],
        ['ru', 'b'],
      ]),
    });
    const overridden = await planJudgeJob(store, perLanguage, { run: 'r', baseline: { kind: 'all-pairs' } });
    assert.equal(overridden.toSend.length, 12);
    assert.throws(
      () => judgeFile({ model: 'm', protocol: 'pairwise', baseline: 'a', allPairs: true }),
      /field "allPairs": give either "baseline" or "allPairs"/,
    );
    assert.throws(
      () => judgeFile({ model: 'm', protocol: 'likert', baseline: 'a' }),
      /field "baseline": does not apply to this protocol/,
    );
    await store.close();
  });
});
