// A judge that rates one criterion (issue 10 §1): the criterion and its rubric reach the prompt, its results carry
// the criterion, and a judge without one keeps the hash (and so the paid answers) it had.
import assert from 'node:assert/strict';
import { JudgeDefinitionError } from '../../../src/core/judge/definition';
import { judgeFile } from './helpers';

describe('judge/criterion', () => {
  const base = { name: 'flu', model: 'm', protocol: 'likert', baseURL: 'http://127.0.0.1:9/v1' };

  it('puts the criterion and its rubric last in the system message, and into the hash', () => {
    const plain = judgeFile(base);
    const rated = judgeFile({ ...base, criterion: 'fluency', rubric: '6: native; 1: unreadable' });
    assert.deepEqual(rated.criterion, { name: 'fluency', rubric: '6: native; 1: unreadable' });
    assert.equal(
      rated.templates.system,
      `${plain.templates.system}\n\nJudge only this criterion: fluency.\n6: native; 1: unreadable`,
    );
    assert.equal(rated.templates.user, plain.templates.user);
    assert.notEqual(rated.hash, plain.hash);
    assert.equal(plain.criterion, undefined);
    assert.doesNotMatch(plain.fingerprint, /criterion/);
  });

  it('refuses a rubric without a criterion', () => {
    assert.throws(
      () => judgeFile({ ...base, rubric: 'x' }),
      (err: unknown) =>
        err instanceof JudgeDefinitionError && /field "rubric": a rubric belongs to a criterion/.test(err.message),
    );
  });
});
