// Issue 10 §7, as a user meets it on the command line: agreement keeps runs and turns apart, --invalid-as tie leaves
// a trace, --system takes patterns (and says when one matches nothing), and 25 judges are summarised in text.
import { strict as assert } from 'node:assert';
import { langlens, openTestStore, type TestStore } from './support';

const JUDGES = Array.from({ length: 25 }, (_, i) => `j${String(i).padStart(2, '0')}`);

describe('agreement and scores: runs and turns apart, invalid as tie, system patterns, many judges', function () {
  this.timeout(120_000);
  let test: TestStore;
  let db: string;

  before(async () => {
    test = await openTestStore();
    const records: Record<string, unknown>[] = [];
    for (const run of ['r1', 'r2']) {
      for (const group of ['a', 'b', 'c']) {
        const key = { run, group, lang: 'en' };
        records.push({
          kind: 'pairwise-label',
          ...key,
          annotator: 'h1',
          system_a: 'mono-x',
          system_b: 'multi-y',
          verdict: 'A',
        });
        records.push({
          kind: 'pairwise-label',
          ...key,
          annotator: 'h2',
          system_a: 'mono-x',
          system_b: 'multi-y',
          verdict: group === 'c' ? 'B' : 'A',
        });
        // j00 says A in r1 (unparsable on c) and B in r2: agrees with all 4 votes on a, b in r1, with 1 of 6 in r2.
        JUDGES.forEach((judge, i) =>
          records.push({
            kind: 'pairwise-judgment',
            ...key,
            judge,
            system_a: 'mono-x',
            system_b: 'multi-y',
            order: 'combined',
            verdict:
              judge === 'j00' && run === 'r1' && group === 'c'
                ? 'invalid'
                : (i + (run === 'r1' ? 0 : 1)) % 2 === 0
                  ? 'A'
                  : 'B',
          }),
        );
      }
    }
    await test.importRecords('labels', records);
    db = test.db;
    await test.store.close();
  });
  after(() => test?.close().catch(() => undefined));

  it('gives each run its own rows by default instead of pooling them', () => {
    const out = langlens(db, 'agreement', '--table', 'agreement', '--judge', 'j00', '--no-ci', '--json');
    assert.equal(out.status, 0, out.stderr);
    const [table] = JSON.parse(out.stdout) as {
      rows: { run: string; comparison: string; withTie: { value: number; n: number } }[];
    }[];
    const j00 = table!.rows
      .filter((r) => r.comparison === 'j00 vs humans')
      .map((r) => [r.run, r.withTie.value, r.withTie.n]);
    assert.deepEqual(j00, [
      ['r1', 1, 4],
      ['r2', 1 / 6, 6],
    ]);
    const pooled = langlens(
      db,
      'agreement',
      '--table',
      'agreement',
      '--judge',
      'j00',
      '--by',
      'lang',
      '--no-ci',
      '--json',
    );
    const [one] = JSON.parse(pooled.stdout) as { rows: { comparison: string; withTie: { n: number } }[] }[];
    assert.equal(
      one!.rows.find((r) => r.comparison === 'j00 vs humans')!.withTie.n,
      10,
      'an explicit --by lang pools, as asked',
    );
  });

  it('says how many unparsable verdicts --invalid-as tie counted as ties', () => {
    const out = langlens(db, 'agreement', '--table', 'agreement', '--judge', 'j00', '--invalid-as', 'tie', '--no-ci');
    assert.equal(out.status, 0, out.stderr);
    assert.match(out.stdout, /1 unparsable judge verdict\(s\) were counted as ties \(--invalid-as tie\)/);
  });

  it('takes --system patterns and names a pattern that matches no system', () => {
    const out = langlens(
      db,
      'agreement',
      '--table',
      'agreement',
      '--judge',
      'j00',
      '--system',
      'mono-*,multi-*',
      '--no-ci',
      '--json',
    );
    assert.equal(out.status, 0, out.stderr);
    assert.ok((JSON.parse(out.stdout) as { rows: unknown[] }[])[0]!.rows.length > 0);
    const none = langlens(db, 'agreement', '--table', 'agreement', '--system', 'tuned-*', '--no-ci');
    assert.notEqual(none.status, 0);
    assert.match(none.stderr, /--system "tuned-\*" matches no system \(known: mono-x, multi-y\)/);
  });

  it('summarises 25 judges in text and keeps every row in JSON', () => {
    const text = langlens(db, 'agreement', '--table', 'agreement', '--no-ci');
    assert.equal(text.status, 0, text.stderr);
    assert.match(
      text.stdout,
      /25 judges: shown are the 5 with the highest and the 5 with the lowest mean Agree \(w\/ tie\) %/,
    );
    assert.match(text.stdout, /--judge NAME \(repeatable\)/);
    const shown = new Set([...text.stdout.matchAll(/(j\d\d) vs humans/g)].map((m) => m[1]));
    assert.equal(shown.size, 10);
    const json = langlens(db, 'agreement', '--table', 'agreement', '--no-ci', '--json');
    const [table] = JSON.parse(json.stdout) as { rows: { comparison: string }[] }[];
    assert.equal(new Set(table!.rows.map((r) => r.comparison)).size, 26, 'every judge and the humans');
  });
});
