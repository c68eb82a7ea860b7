import assert from 'node:assert/strict';
import { parseBracketRating, parseJsonScore, parsePairwiseAnswer } from '../../../src/core/judge/parse';

const DIGITS = { first: '1', second: '2', tie: 'tie' };
const MT_BENCH = { first: 'A', second: 'B', tie: 'C' };
const LIKERT = { name: 'likert-6', min: 1, max: 6 };
const RATING = { name: 'rating-3', min: 1, max: 3 };

const choice = (raw: string, allowTie = false, answers = DIGITS) => {
  const parsed = parsePairwiseAnswer(raw, answers, allowTie);
  return parsed.ok ? parsed.choice : `invalid: ${parsed.problem}`;
};

describe('judge/parse: pairwise answers', () => {
  it('reads a bare label, with or without decoration', () => {
    assert.equal(choice('1'), 'first');
    assert.equal(choice('2'), 'second');
    assert.equal(choice('  **2**. \n'), 'second');
    assert.equal(choice('Response (1)'), 'first');
    assert.equal(choice('"Output 2"'), 'second');
  });

  it('reads the verdict out of prose around it', () => {
    assert.equal(choice('Both are fluent, but the first misses the second question.\n\nFinal verdict: 2'), 'second');
    assert.equal(choice('**Answer:** Response 1'), 'first');
    assert.equal(choice('Response 2 is clearly better because it follows the instruction.'), 'second');
    assert.equal(choice('After careful comparison I prefer Response 1.'), 'first');
    assert.equal(choice('Response 1 explains more.\nThe better response: 1'), 'first');
    assert.equal(choice('Looking at accuracy and depth...\n\n1'), 'first');
  });

  it('reads MT-bench style [[A]] / [[B]] / [[C]] labels', () => {
    assert.equal(choice('Assistant A is more detailed. [[A]]', true, MT_BENCH), 'first');
    assert.equal(choice('Neither stands out.\n[[C]]', true, MT_BENCH), 'tie');
    assert.equal(choice('[[B]]', false, MT_BENCH), 'second');
  });

  it('does not take the article "a" for the label A', () => {
    assert.equal(choice('The answer is a good one, but my verdict: [[B]]', false, MT_BENCH), 'second');
  });

  it('is invalid when the answer names both responses', () => {
    assert.match(choice('Response 1 is better. Final verdict: 2'), /invalid: .*more than one verdict \("1" and "2"\)/);
    assert.match(choice('[[1]] ... actually [[2]]'), /invalid/);
  });

  it('is invalid for garbage, empty answers and values outside the labels', () => {
    assert.match(choice('I cannot decide, both have merits.'), /invalid: no verdict found/);
    assert.match(choice(''), /invalid: the answer is empty/);
    assert.match(choice('[[3]]'), /invalid: \[\[3\]\] is not an allowed answer/);
    // "12" is not "1" or "2"
    assert.match(choice('12'), /invalid/);
  });

  it('accepts "tie" only where the judge may answer it', () => {
    assert.equal(choice('Verdict: tie', true), 'tie');
    assert.equal(choice('Tie.', true), 'tie');
    assert.match(choice('Tie.', false), /invalid: this judge may not answer "tie"/);
  });
});

describe('judge/parse: JSON scores (Likert)', () => {
  it('reads a bare JSON object, with its reasoning', () => {
    assert.deepEqual(parseJsonScore('{"reasoning": "Clear and correct.", "score": 5}', LIKERT), {
      ok: true,
      score: 5,
      reasoning: 'Clear and correct.',
    });
  });

  it('finds the object in a code fence with prose around it, braces inside strings included', () => {
    const raw = 'Here is my evaluation:\n```json\n{"reasoning": "uses {curly} braces", "score": 4}\n```\nThanks!';
    assert.deepEqual(parseJsonScore(raw, LIKERT), { ok: true, score: 4, reasoning: 'uses {curly} braces' });
  });

  it('accepts a score written as a digit string, and falls back to "score": n in broken JSON', () => {
    assert.deepEqual(parseJsonScore('{"score": "3"}', LIKERT), { ok: true, score: 3 });
    assert.deepEqual(parseJsonScore('{"score": " 6 "}', LIKERT), { ok: true, score: 6 });
    const broken = parseJsonScore('{"reasoning": "unterminated, "score": 2,}', LIKERT);
    assert.deepEqual(broken, { ok: true, score: 2 });
  });

  it('is invalid when out of range, fractional, missing or contradictory', () => {
    assert.deepEqual(parseJsonScore('{"score": 7}', LIKERT), { ok: false, problem: 'the score 7 is outside 1 to 6' });
    assert.deepEqual(parseJsonScore('{"score": 4.5}', LIKERT), {
      ok: false,
      problem: 'the score 4.5 is not a whole number',
    });
    assert.deepEqual(parseJsonScore('I would give it a four.', LIKERT), {
      ok: false,
      problem: 'no "score" found in the answer',
    });
    const two = parseJsonScore('{"score": 3} and on reflection {"score": 5}', LIKERT);
    assert.equal(two.ok, false);
    assert.match((two as { problem: string }).problem, /more than one score \(3 and 5\)/);
    assert.equal(parseJsonScore('{"score": "high"}', LIKERT).ok, false);
  });
});

describe('judge/parse: bracketed ratings', () => {
  it('reads "Rating: [[n]]" at the end of an explanation, keeping the explanation', () => {
    assert.deepEqual(parseBracketRating('The answer is correct and in Spanish.\n\nRating: [[3]]', RATING), {
      ok: true,
      score: 3,
      reasoning: 'The answer is correct and in Spanish.',
    });
    assert.deepEqual(parseBracketRating('[[2]]', RATING), { ok: true, score: 2 });
  });

  it('accepts "Rating: 2" without brackets', () => {
    assert.equal(parseBracketRating('Decent.\nRating: 2', RATING).ok, true);
  });

  it('is invalid when out of range, contradictory, not a number, or absent', () => {
    assert.deepEqual(parseBracketRating('Rating: [[4]]', RATING), {
      ok: false,
      problem: 'the score 4 is outside 1 to 3',
    });
    assert.equal(parseBracketRating('Rating: [[1]] ... or maybe [[3]]', RATING).ok, false);
    assert.equal(parseBracketRating('Rating: [[n]]', RATING).ok, false);
    assert.deepEqual(parseBracketRating('Good answer.', RATING), {
      ok: false,
      problem: 'no rating found (expected "Rating: [[n]]")',
    });
  });
});
