// Batched writes on real SQLite files: an import that fails after batches were written leaves the file as it was,
// and a re-import writes nothing while counting what it read.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { connectionOf } from '../../../src/core/store/connection';
import { Store } from '../../../src/core/store/store';
import { temporaryFolder } from '../../support/paths';

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('an import transaction', function () {
  this.timeout(60_000);
  let folder: ReturnType<typeof temporaryFolder>;
  beforeEach(() => (folder = temporaryFolder()));
  afterEach(() => folder.remove());

  it('an import that fails after batches were written leaves the database file byte for byte as it was', async () => {
    const path = join(folder.path, 'langlens.db');
    const first = join(folder.path, 'first.jsonl');
    writeFileSync(first, jsonl([{ kind: 'prompt', run: 'r', group: 'g0', lang: 'en', text: 'kept' }]));
    const store = await Store.open(path);
    await importFile(store, first);
    await store.close();
    const before = readFileSync(path);

    // 5,000 responses (written in batches of 2,000 while the file is read), then a line that refuses the file.
    const rows: object[] = Array.from({ length: 5000 }, (_, i) => ({
      kind: 'response',
      run: 'r',
      group: `g${i % 50}`,
      lang: 'en',
      system: `s${Math.floor(i / 50)}`,
      text: `answer ${i}`,
    }));
    rows.push({ kind: 'response', run: 'r', group: 'g1', lang: 'en', text: 'no system' });
    const failing = join(folder.path, 'failing.jsonl');
    writeFileSync(failing, jsonl(rows));
    const again = await Store.open(path);
    await assert.rejects(importFile(again, failing), /failing\.jsonl:5001.*system/s);
    assert.deepEqual(await connectionOf(again).all('SELECT count(*) AS n FROM responses'), [{ n: 0 }]);
    await again.close();
    assert.ok(readFileSync(path).equals(before), 'the database file changed');
  });

  it('a re-import writes nothing and counts every record it read', async () => {
    const path = join(folder.path, 'langlens.db');
    const file = join(folder.path, 'run.jsonl');
    writeFileSync(
      file,
      jsonl([
        { kind: 'prompt', run: 'r', group: 'g', lang: 'en', text: 'question' },
        ...['a', 'b', 'c'].map((system) => ({
          kind: 'response',
          run: 'r',
          group: 'g',
          lang: 'en',
          system,
          text: system,
        })),
        ...['AB', 'BA'].map((order) => ({
          kind: 'pairwise-judgment',
          run: 'r',
          group: 'g',
          lang: 'en',
          judge: 'j',
          system_a: 'b',
          system_b: 'a',
          order,
          verdict: 'A',
        })),
        {
          kind: 'pairwise-label',
          run: 'r',
          group: 'g',
          lang: 'en',
          annotator: 'h',
          system_a: 'a',
          system_b: 'b',
          verdict: 'B',
        },
      ]),
    );
    const store = await Store.open(path);
    const once = await importFile(store, file);
    const twice = await importFile(store, file);
    await store.close();
    assert.deepEqual(once.records, twice.records);
    assert.deepEqual(twice.records, { prompt: 1, response: 3, 'pairwise-judgment': 2, 'pairwise-label': 1 });
    assert.equal(once.written!.responses, 3);
    assert.equal(once.written!.labels, 1);
    assert.ok(
      Object.values(twice.written!).every((n) => n === 0),
      JSON.stringify(twice.written),
    );
  });
});
