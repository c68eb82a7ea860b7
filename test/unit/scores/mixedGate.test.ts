// Mixed answers ("mul", issue 16) worked out by hand: their own column in io-agreement (neither agreement nor
// disagreement) and the language gate's setting (keep the judge's score, or gate them like another language).
import { strict as assert } from 'node:assert';
import { effectiveLanguages } from '../../../src/core/languages';
import { ioAgreement, languageIdSums, likertMeans } from '../../../src/core/metrics/scores';
import { tableSource } from '../../../src/core/report/sources';
import type { TableOptions } from '../../../src/core/report/tableSource';
import { pointwiseScores } from '../../../src/core/store/scoreQueries';
import { openTestStore, type TestStore } from './support';

const RESPONSES = [
  { group: 'g1', language: 'es', likert: 5, rating3: 3 }, // in the prompt's language
  { group: 'g2', language: 'mul', likert: 6, rating3: 2 }, // mixed
  { group: 'g3', language: 'en', likert: 2, rating3: 3 }, // another language: Likert 1, language id 0
];

describe('mixed answers (mul) in io-agreement and the language gate, by hand', () => {
  let test: TestStore;

  before(async () => {
    test = await openTestStore();
    const base = (group: string) => ({ run: 'm', group, lang: 'es', system: 's' });
    await test.importRecords(
      'mixed',
      RESPONSES.flatMap((r) => [
        { kind: 'response', ...base(r.group), text: 'texto' },
        { kind: 'language-label', ...base(r.group), annotator: 'a', language: r.language },
        { kind: 'pointwise-judgment', ...base(r.group), judge: 'lk', scale: 'likert-6', score: r.likert },
        { kind: 'pointwise-judgment', ...base(r.group), judge: 'r3', scale: 'rating-3', score: r.rating3 },
      ]),
    );
  });
  after(async () => test?.close());

  it('io-agreement: 1 match of 2 determined (mul apart), coverage 2 of 3, 1 mixed', async () => {
    const [row] = ioAgreement(await effectiveLanguages(test.store), {});
    assert.deepEqual([row!.matches, row!.mismatches, row!.mixed, row!.undetermined], [1, 1, 1, 0]);
    assert.deepEqual([row!.agreement.value, row!.agreement.n, row!.coverage.value], [0.5, 2, 2 / 3]);
  });

  it('keep (default): Likert (5 + 6 + 1) / 3 = 4, Σ 1–3 × language id 3 + 2 + 0 = 5', async () => {
    const [likert] = likertMeans(await pointwiseScores(test.store, { scale: 'likert-6' }), {});
    assert.deepEqual([likert!.mean.value, likert!.mixed, likert!.wrongLanguage], [4, 1, 1]);
    const [r3] = languageIdSums(await pointwiseScores(test.store, { scale: 'rating-3' }), {});
    assert.equal(r3!.gatedSum.value, 5);
  });

  it('mismatch: Likert (5 + 1 + 1) / 3 = 7/3, Σ 1–3 × language id 3 + 0 + 0 = 3', async () => {
    const [likert] = likertMeans(await pointwiseScores(test.store, { scale: 'likert-6' }), {
      mixedLanguage: 'mismatch',
    });
    assert.ok(Math.abs(likert!.mean.value - 7 / 3) < 1e-12, String(likert!.mean.value));
    const [r3] = languageIdSums(await pointwiseScores(test.store, { scale: 'rating-3' }), {
      mixedLanguage: 'mismatch',
    });
    assert.deepEqual([r3!.gatedSum.value, r3!.penalty.value], [3, 5]);
  });

  it('shows mul in its own column and says how the gate treated it', async () => {
    const options: TableOptions = { by: ['lang'], invalidAs: 'exclude', minItems: 1 };
    const io = await tableSource('io-agreement')!.build(test.store, options);
    assert.ok(
      io.columns.some((c) => c.key === 'mixed'),
      JSON.stringify(io.columns),
    );
    assert.equal(io.rows[0]!.mixed, 1);
    const kept = await tableSource('likert')!.build(test.store, options);
    assert.ok(
      kept.notes.some((n) => n.includes('--mul-gate keep')),
      kept.notes.join('\n'),
    );
    const gated = await tableSource('likert')!.build(test.store, { ...options, mixedLanguage: 'mismatch' });
    assert.ok(
      gated.notes.some((n) => n.includes('--mul-gate mismatch')),
      gated.notes.join('\n'),
    );
  });
});
