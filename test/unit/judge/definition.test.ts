import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JudgeDefinitionError, loadJudgeDefinition } from '../../../src/core/judge/definition';
import { costOf, priceOf } from '../../../src/core/judge/prices';
import { messagesFor, type JudgeTask } from '../../../src/core/judge/tasks';
import { judgeFile, tag, tempDir } from './helpers';

function problemsOf(fields: Record<string, unknown>, templates: Record<string, string> = {}): string {
  try {
    judgeFile(fields, templates);
  } catch (err) {
    assert.ok(err instanceof JudgeDefinitionError, `expected a JudgeDefinitionError, got ${err}`);
    return err.message;
  }
  assert.fail('the definition was accepted');
}

describe('judge/definition', () => {
  it('fills defaults and names the judge after its file', () => {
    const d = judgeFile({ name: undefined, model: 'gpt-4o', protocol: 'pairwise' });
    assert.equal(d.name, 'test');
    assert.equal(d.baseURL, 'https://api.openai.com/v1');
    assert.equal(d.temperature, 0);
    assert.equal(d.maxTokens, 32);
    assert.equal(d.concurrency, 8);
    assert.equal(d.timeoutMs, 120_000);
    assert.equal(d.apiKeyEnv, 'OPENAI_API_KEY');
    assert.deepEqual(d.protocol, {
      kind: 'pairwise',
      allowTie: false,
      answers: { first: '1', second: '2', tie: 'tie' },
    });
    assert.equal(d.templateOrigin, 'built-in');
    assert.match(d.hash, /^[0-9a-f]{16}$/);
  });

  it('uses the known scale names for Likert 1-6 and rating 1-3', () => {
    const likert = judgeFile({ model: 'm', protocol: 'likert' });
    const rating = judgeFile({ model: 'm', protocol: 'rating' });
    assert.deepEqual(likert.protocol.kind === 'likert' && likert.protocol.scale, { name: 'likert-6', min: 1, max: 6 });
    assert.deepEqual(rating.protocol.kind === 'rating' && rating.protocol.scale, { name: 'rating-3', min: 1, max: 3 });
  });

  it('names the file and every wrong field in one error', () => {
    const message = problemsOf({
      name: 'bad',
      model: '',
      protocol: 'pairwise',
      temperature: 'hot',
      concurrency: 0,
      baseURL: 'localhost:8000',
      temprature: 1,
    });
    assert.match(message, /bad\.judge\.json: field "model": must be a non-empty string/);
    assert.match(message, /field "temperature": must be a number from 0 to 2 \(got "hot"\)/);
    assert.match(message, /field "concurrency": must be a whole number from 1 to 1024 \(got 0\)/);
    assert.match(message, /field "baseURL": must be an http\(s\) URL/);
    assert.match(message, /field "temprature": unknown field/);
  });

  it('reports the line and column of a JSON syntax error', () => {
    const dir = tempDir();
    const path = join(dir, 'broken.judge.json');
    writeFileSync(path, '{\n  "model": "gpt-4o",\n  "protocol": pairwise\n}');
    assert.throws(
      () => loadJudgeDefinition(path),
      (err: Error) =>
        err.message.includes('broken.judge.json: not valid JSON') && /line 3, column \d+/.test(err.message),
    );
  });

  it('refuses an API key in the file and says where keys go', () => {
    assert.match(
      problemsOf({ model: 'm', protocol: 'likert', apiKey: 'sk-secret' }),
      /field "apiKey": API keys do not belong in judge files.*Set API Key.*apiKeyEnv/,
    );
  });

  it('requires the protocol and rejects fields of other protocols', () => {
    assert.match(problemsOf({ model: 'm' }), /field "protocol": is required: one of pairwise, likert, rating/);
    assert.match(problemsOf({ model: 'm', protocol: 'likert', allowTie: true }), /field "allowTie": does not apply/);
    assert.match(
      problemsOf({ model: 'm', protocol: 'rating', jsonMode: true }),
      /field "jsonMode": only a likert judge/,
    );
  });

  it('checks the placeholders of a custom template and names the template', () => {
    const unknown = problemsOf(
      { model: 'm', protocol: 'pairwise', template: 't.txt' },
      { 't.txt': '{{question}} {{response_a}} {{response_b}}' },
    );
    assert.match(unknown, /field "template": template "t\.txt": unknown placeholder \{\{question\}\}/);
    assert.match(unknown, /must contain \{\{instruction\}\}/);
    const wrong = problemsOf(
      { model: 'm', protocol: 'likert', template: 't.txt' },
      { 't.txt': '{{instruction}} {{response_a}}' },
    );
    assert.match(wrong, /\{\{response_a\}\} has no value in a likert judge/);
    assert.match(
      problemsOf({ model: 'm', protocol: 'likert', template: 'missing.txt' }),
      /cannot read the template "missing\.txt"/,
    );
  });

  it('renders a custom template verbatim, without a system message unless one is given', () => {
    const d = judgeFile(
      { model: 'm', protocol: 'likert', template: 'ke.txt' },
      { 'ke.txt': 'In {{language}} ({{language_code}}): {{instruction}}\n---\n{{response}}\nJSON like {"score": 1}' },
    );
    const task: JudgeTask = {
      key: 'k',
      lang: tag('es'),
      instruction: '¿Qué es {{response}}?',
      shown: ['Una respuesta'],
      earlier: [],
      targets: [],
    };
    assert.deepEqual(messagesFor(d, task), [
      { role: 'user', content: 'In Spanish (es): ¿Qué es {{response}}?\n---\nUna respuesta\nJSON like {"score": 1}' },
    ]);
  });

  it('hashes what shapes the answers, and only that', () => {
    const base = { name: 'j', model: 'gpt-4o', protocol: 'pairwise' };
    const hash = (extra: Record<string, unknown>, templates: Record<string, string> = {}) =>
      judgeFile({ ...base, ...extra }, templates).hash;
    const reference = hash({});
    assert.equal(
      hash({ concurrency: 64, timeoutSeconds: 5, maxRetries: 2, price: { input: 1, output: 2 }, description: 'x' }),
      reference,
    );
    assert.notEqual(hash({ temperature: 0.7 }), reference);
    assert.notEqual(hash({ model: 'gpt-4o-mini' }), reference);
    assert.notEqual(hash({ allowTie: true }), reference);
    assert.notEqual(hash({ baseURL: 'http://localhost:8000/v1' }), reference);
    const custom = hash({ template: 't.txt' }, { 't.txt': '{{instruction}} {{response_a}} {{response_b}}' });
    assert.notEqual(custom, reference);
    assert.notEqual(hash({ template: 't.txt' }, { 't.txt': '{{instruction}}  {{response_a}} {{response_b}}' }), custom);
  });
});

describe('judge/prices', () => {
  it('prices a dated model name by its longest known prefix', () => {
    assert.deepEqual(priceOf('gpt-4o-mini-2024-07-18', undefined), { input: 0.15, output: 0.6 });
    assert.deepEqual(priceOf('gpt-4o-2024-08-06', undefined), { input: 2.5, output: 10 });
    assert.equal(priceOf('llama3.1:8b', undefined), undefined);
    assert.deepEqual(priceOf('llama3.1:8b', { input: 0, output: 0 }), { input: 0, output: 0 });
  });

  it('halves the price through the Batch API', () => {
    const price = { input: 2.5, output: 10 };
    assert.equal(costOf(1_000_000, 100_000, price, 'online'), 3.5);
    assert.equal(costOf(1_000_000, 100_000, price, 'batch'), 1.75);
  });
});
