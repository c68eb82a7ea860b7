// The repeat check of one import (import/duplicates.ts): records that name the same thing are one identity whatever
// their names' spelling as numbers, and records that differ in any part of what names them are not; a repeat
// with other content is a conflict naming the earlier line, an identical repeat is none.
import { strict as assert } from 'node:assert';
import { DuplicateCheck } from '../../../src/core/import/duplicates';
import type { CanonicalRecord, PairwiseJudgmentRecord, ResponseRecord } from '../../../src/core/model/records';
import { parseLanguageInput } from '../../../src/core/model/language';

const source = { file: 'f.jsonl', line: 0 };
const en = parseLanguageInput('en')!;

const response = (over: Partial<ResponseRecord> = {}): ResponseRecord => ({
  kind: 'response',
  run: 'r',
  group: 'g',
  lang: en,
  turn: 1,
  system: 's',
  seed: 0,
  text: 'an answer',
  source,
  ...over,
});

const verdict = (over: Partial<PairwiseJudgmentRecord> = {}): PairwiseJudgmentRecord => ({
  kind: 'pairwise-judgment',
  run: 'r',
  group: 'g',
  lang: en,
  turn: 1,
  judge: 'j',
  systemA: 'a',
  systemB: 'b',
  order: 'AB',
  verdict: 'A',
  raw: 'A',
  source,
  ...over,
});

/** The line each record conflicts with, or undefined, checking them in order on lines 1, 2, ... */
function conflicts(records: readonly CanonicalRecord[]): (number | undefined)[] {
  const check = new DuplicateCheck();
  return records.map((record, i) => check.check(record, i + 1)?.earlierLine);
}

describe('import: repeats within a file', () => {
  it('tells apart records that differ in any part of their identity, and a name from a number spelt the same', () => {
    const differing: CanonicalRecord[] = [
      response(),
      response({ seed: 1 }),
      response({ seed: 10 }),
      response({ seed: 65_537 }),
      response({ turn: 2 }),
      response({ system: '1', seed: 1 }),
      response({ system: 's1' }),
      response({ group: 'g', system: 's', run: 'r2' }),
      response({ group: 'g2' }),
      response({ lang: parseLanguageInput('es')! }),
      verdict(),
      verdict({ order: 'BA' }),
      verdict({ order: 'combined' }),
      verdict({ criterion: 'fluency' }),
      verdict({ judgeHash: 'h1' }),
      verdict({ judge: 'j2' }),
      verdict({ systemB: 'c' }),
    ];
    // Each once, then each again with other content: every repeat names the line of its first.
    const changed = differing.map((r) =>
      r.kind === 'response'
        ? { ...r, text: 'another answer' }
        : { ...(r as PairwiseJudgmentRecord), verdict: 'B' as const },
    );
    assert.deepEqual(
      conflicts(differing),
      differing.map(() => undefined),
    );
    assert.deepEqual(conflicts([...differing, ...changed]), [
      ...differing.map(() => undefined),
      ...differing.map((_, i) => i + 1),
    ]);
  });

  it('takes a pair named the other way round, its verdict and order flipped, as the same verdict', () => {
    const flipped = verdict({ systemA: 'b', systemB: 'a', order: 'BA', verdict: 'B' });
    assert.deepEqual(conflicts([verdict(), flipped]), [undefined, undefined]);
    assert.deepEqual(conflicts([verdict(), { ...flipped, verdict: 'A' }]), [undefined, 1]);
  });

  it('finds no conflict in an identical repeat, and compares long texts by their hash', () => {
    const long = 'x'.repeat(500);
    assert.deepEqual(conflicts([response({ text: long }), response({ text: long }), response({ text: `${long}y` })]), [
      undefined,
      undefined,
      2,
    ]);
    // A raw answer that looks like the next part of the content is not taken for it.
    assert.deepEqual(
      conflicts([
        verdict({ raw: 'A', reasoning: 'j;' }),
        verdict({ raw: 'A', reasoning: 'j;' }),
        verdict({ raw: 'Aj;' }),
      ]),
      [undefined, undefined, 2],
    );
  });
});
