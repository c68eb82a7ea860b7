import { openTestStore } from '../../support/testDatabase';
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportError } from '../../../src/core/import/errors';
import { importFile } from '../../../src/core/import/importFile';
import { connectionOf } from '../../../src/core/store/connection';
import type { Store } from '../../../src/core/store/store';
import { TEXT } from '../../../src/core/util/message';
import { temporaryFolder } from '../../support/paths';

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const key = { run: 'r', group: 'g1', lang: 'es' };

// A large file's rows are converted and checked on a worker thread (rowPassThread.ts): whatever the thread, an
// import must say and write the same.
describe('importFile on a worker thread', () => {
  let folder: ReturnType<typeof temporaryFolder>;
  const stores: Store[] = [];
  const file = (name: string, text: string) => {
    const path = join(folder.path, name);
    writeFileSync(path, text);
    return path;
  };
  const open = async (name: string) => {
    const store = await openTestStore(join(folder.path, name, 'langlens.db'));
    stores.push(store);
    return store;
  };
  const rows = async (store: Store, sql: string) => connectionOf(store).all<Record<string, unknown>>(sql);

  beforeEach(() => {
    folder = temporaryFolder();
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    folder.remove();
  });

  it('reports the same records, notes and rows written as the calling thread', async () => {
    const path = file(
      'run.jsonl',
      jsonl([
        { kind: 'prompt', ...key, text: '¿Hola?' },
        ...['s1', 's2', 's3'].map((system) => ({
          kind: 'response',
          ...key,
          system,
          text: `Hola de ${system}`,
          mood: 'ok',
        })),
        { kind: 'pairwise-judgment', ...key, judge: 'j', system_a: 's2', system_b: 's1', order: 'AB', verdict: 'A' },
        { kind: 'pairwise-judgment', ...key, judge: 'j', system_a: 's1', system_b: 's3', order: 'BA', verdict: 'tie' },
        // A label's fingerprint is made of its file's name and line: the worker posts the file once a batch.
        { kind: 'pairwise-label', ...key, annotator: 'ana', system_a: 's1', system_b: 's2', order: 'AB', verdict: 'B' },
      ]),
    );
    const calling = await open('calling');
    const worker = await open('worker');
    const here = await importFile(calling, path, { thread: 'calling' });
    const there = await importFile(worker, path, { thread: 'worker' });
    assert.deepEqual(there, here);
    assert.equal(there.notes.length, 1); // "mood" is not a field of the layout
    assert.ok(there.notes[0]![TEXT], 'the note keeps its message for the editor');
    for (const sql of [
      'SELECT prompt_id, system_id, text, source_line FROM responses ORDER BY id',
      'SELECT system_a_id, system_b_id, presentation, verdict, source_line FROM pairwise_judgments ORDER BY id',
      'SELECT fingerprint, system_a_id, system_b_id, value, source_line FROM labels ORDER BY id',
    ])
      assert.deepEqual(await rows(worker, sql), await rows(calling, sql));
    const again = await importFile(worker, path, { thread: 'worker' });
    assert.equal(again.rows, 7);
    assert.ok(Object.values(again.written!).every((n) => n === 0));
  });

  it('refuses a file with problems as the calling thread does, naming line and field, and writes nothing', async () => {
    const path = file(
      'bad.jsonl',
      jsonl([
        { kind: 'prompt', ...key, text: '¿Hola?' },
        { kind: 'response', ...key, system: 's1', text: 'Hola' },
        { kind: 'response', ...key, lang: 'español', system: 's2', text: 'x' },
        { kind: 'response', ...key, system: 's1', text: 'Adiós' },
      ]) + '{"kind": \n',
    );
    const refusal = async (store: Store, thread: 'worker' | 'calling') => {
      const error = await importFile(store, path, { thread }).then(
        () => assert.fail('imported'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof ImportError);
      return error;
    };
    const worker = await open('worker');
    const there = await refusal(worker, 'worker');
    const here = await refusal(await open('calling'), 'calling');
    assert.deepEqual(
      there.problems.map((p) => [p.line, p.field]),
      [
        [3, 'lang'],
        [4, undefined],
        [5, undefined],
      ],
    );
    assert.equal(there.message, here.message);
    assert.equal(String(there.text), String(here.text));
    assert.ok(there.problems[0]![TEXT], 'the problem keeps its message for the editor');
    for (const table of ['runs', 'prompts', 'responses', 'sources'])
      assert.deepEqual(await rows(worker, `SELECT count(*) AS n FROM ${table}`), [{ n: 0 }], table);
  });
});
