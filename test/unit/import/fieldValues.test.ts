// Field values the canonical importer must refuse or convert exactly: whole numbers for turn and seed, scores
// inside their scale, and times given as Unix seconds or milliseconds.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportError } from '../../../src/core/import/errors';
import { importFile } from '../../../src/core/import/importFile';
import { timestamp } from '../../../src/core/import/fields';
import { temporaryFolder } from '../../support/paths';

describe('import: field values', () => {
  let folder: ReturnType<typeof temporaryFolder>;
  before(() => (folder = temporaryFolder()));
  after(() => folder.remove());

  /** The problems of a dry-run import of one record, as "line field: message". */
  const problems = async (record: Record<string, unknown>): Promise<string[]> => {
    const path = join(folder.path, 'one.jsonl');
    writeFileSync(path, JSON.stringify(record) + '\n');
    const error = await importFile(undefined, path, { dryRun: true }).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (error === undefined) return [];
    assert.ok(error instanceof ImportError, String(error));
    return error.problems.map((p) => `${p.line} ${p.field}: ${p.message}`);
  };
  const response = { kind: 'response', run: 'r', group: 'g1', lang: 'es', system: 's', text: 'hola' };
  const score = (value: number) => ({
    ...response,
    kind: 'pointwise-judgment',
    judge: 'j',
    scale: 'likert-6',
    score: value,
  });

  it('accepts whole turns and seeds, as numbers or digit strings', async () => {
    assert.deepEqual(await problems({ ...response, turn: 2, seed: 3 }), []);
    assert.deepEqual(await problems({ ...response, turn: '2', seed: '3' }), []);
  });

  it('refuses a fractional turn or seed, naming the field', async () => {
    assert.deepEqual(await problems({ ...response, turn: 1.5 }), ['1 turn: expected a whole number, found 1.5']);
    assert.deepEqual(await problems({ ...response, seed: 0.5 }), ['1 seed: expected a whole number, found 0.5']);
    assert.deepEqual(await problems({ ...response, seed: '2.0' }), ['1 seed: expected a whole number, found "2.0"']);
  });

  it('accepts a score at either end of its scale and refuses one beyond it', async () => {
    assert.deepEqual(await problems(score(1)), []);
    assert.deepEqual(await problems(score(6)), []);
    assert.deepEqual(await problems(score(7)), ['1 score: 7 is outside the scale likert-6 (1 to 6)']);
    assert.deepEqual(await problems(score(0)), ['1 score: 0 is outside the scale likert-6 (1 to 6)']);
  });

  it('reads a labelled_at number as Unix seconds, and refuses milliseconds instead of guessing', () => {
    // 1714564800 s = 2024-05-01T12:00:00Z (19844 days × 86400 s + 12 h).
    assert.equal(timestamp({ labelled_at: 1714564800 }, 'labelled_at'), '2024-05-01T12:00:00.000Z');
    assert.equal(timestamp({ labelled_at: 1714564800.5 }, 'labelled_at'), '2024-05-01T12:00:00.500Z');
    assert.throws(
      () => timestamp({ labelled_at: 1714564800123 }, 'labelled_at'),
      /it looks like milliseconds: divide by 1000/,
    );
    assert.equal(timestamp({ labelled_at: '2024-05-01T14:00:00+02:00' }, 'labelled_at'), '2024-05-01T12:00:00.000Z');
  });
});
