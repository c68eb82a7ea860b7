// `langlens langid`, `langlens scores` and `langlens export` of a score table, run as a user runs them.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { langlens, openTestStore, type TestStore } from './support';

describe('langlens langid / scores / export', function () {
  this.timeout(120_000);
  let test: TestStore;
  let db: string;

  before(async () => {
    test = await openTestStore();
    const texts: Record<string, string> = {
      en: 'Boil the water first, then lower the egg in gently and wait six minutes before you cool it down.',
      es: 'Primero hierve el agua, luego baja el huevo con cuidado y espera seis minutos antes de enfriarlo.',
    };
    await test.importRecords(
      'run',
      ['en', 'es'].flatMap((lang) =>
        ['a', 'b'].flatMap((group) => [
          { kind: 'response', run: 'c', group, lang, system: 'mono', text: texts[lang] },
          { kind: 'response', run: 'c', group, lang, system: 'english', text: texts.en },
          {
            kind: 'pointwise-judgment',
            run: 'c',
            group,
            lang,
            system: 'english',
            judge: 'lk',
            scale: 'likert-6',
            score: 6,
          },
          {
            kind: 'pointwise-judgment',
            run: 'c',
            group,
            lang,
            system: 'mono',
            judge: 'lk',
            scale: 'likert-6',
            score: 4,
          },
        ]),
      ),
    );
    db = test.db;
    await test.store.close();
  });
  after(() => test?.close().catch(() => undefined));

  it('detects once, then reports that nothing was left to detect', () => {
    const first = langlens(db, 'langid');
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /run c: 8 of 8 responses detected now/);
    assert.match(first.stdout, /detector: langlens-langid@\d+\+\w+ franc-all@7\.2\.0 \[en,es\]/);
    assert.match(langlens(db, 'langid').stdout, /run c: 0 of 8 responses detected now/);
  });

  it('prints the gated Likert means as JSON: an English answer to a Spanish prompt scores 1', () => {
    const result = langlens(db, 'scores', 'likert', '--json', '--seed', '3');
    assert.equal(result.status, 0, result.stderr);
    const [table] = JSON.parse(result.stdout) as {
      id: string;
      rows: { lang: string; system: string; mean: { value: number; n: number } }[];
    }[];
    const mean = (lang: string, system: string) =>
      table!.rows.find((r) => r.lang === lang && r.system === system)!.mean;
    assert.deepEqual([mean('es', 'english').value, mean('en', 'english').value, mean('es', 'mono').value], [1, 6, 4]);
    assert.equal(mean('es', 'english').n, 2);
  });

  it('exports a score table to a file in the format of its extension, and explains a missing baseline', () => {
    const file = join(test.folder, 'io.md');
    const result = langlens(db, 'export', 'io-agreement', '-o', file);
    assert.equal(result.status, 0, result.stderr);
    assert.match(readFileSync(file, 'utf8'), /\| es \| english \| 0\.0 \(0\.0–0\.0\) \| 2 \|/);
    const missing = langlens(db, 'scores', 'sxs');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /need --baseline/);
  });
});
