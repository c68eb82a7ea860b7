// Label schemas at import: a rating on a declared scale is checked against it, a name keeps its meaning, and ratings
// with criteria, scales and rounds travel through export-labels and merge without loss.
import { openTestStore } from '../../support/testDatabase';
import { connectionOf } from '../../../src/core/store/connection';
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { ImportError } from '../../../src/core/import/errors';
import { loadHumanRatings } from '../../../src/core/metrics/ratings/humanRatings';
import { labelRecords } from '../../../src/core/store/labelExport';
import { declaredSchema } from '../../../src/core/store/schemaEntries';
import { Store } from '../../../src/core/store/store';
import { PROJECT_ROOT, temporaryFolder } from '../../support/paths';

const STUDY = join(PROJECT_ROOT, 'test/fixtures/study/run');
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const base = { kind: 'rating-label', run: 'study', group: 'd00', lang: 'de', system: 'sys-a', annotator: 'x' };

describe('label schemas at import', () => {
  let folder: ReturnType<typeof temporaryFolder>;
  let store: Store;
  before(async () => {
    folder = temporaryFolder();
    store = await openTestStore(join(folder.path, 'a.db'));
    await importFile(store, join(STUDY, 'langlens.schema.json'));
  });
  after(async () => {
    await store.close();
    folder.remove();
  });

  it('declares scales, criteria and tasks once; the same declaration again changes nothing', async () => {
    const schema = await declaredSchema(store);
    assert.deepEqual(
      schema.scales.map((s) => [s.name, s.kind]),
      [['quality-5', 'numeric']],
    );
    assert.deepEqual(
      schema.criteria.map((c) => c.name),
      ['coherence', 'fluency'],
    );
    assert.deepEqual(
      schema.tasks.map((t) => [t.name, t.scale, t.criteria]),
      [['summary-quality', 'quality-5', ['coherence', 'fluency']]],
    );
    await importFile(store, join(STUDY, 'langlens.schema.json'));
    assert.equal((await connectionOf(store).get<{ n: number }>('SELECT count(*) AS n FROM schema_entries'))!.n, 4);
  });

  it('refuses to give a declared name another meaning, naming the file and line', async () => {
    const file = join(folder.path, 'other.schema.json');
    writeFileSync(file, JSON.stringify({ scales: [{ name: 'quality-5', min: 0, max: 10 }] }));
    await assert.rejects(
      importFile(store, file),
      /other\.schema\.json:1: the scale "quality-5" is already declared as .*"max":5/,
    );
  });

  it('checks ratings against their declared scale, and ordinal levels against the schema in the same file', async () => {
    const file = join(folder.path, 'bad.jsonl');
    writeFileSync(
      file,
      jsonl([
        { ...base, scale: 'quality-5', rating: 7 },
        { ...base, scale: 'quality-5', scale_min: 0, scale_max: 10, rating: 3 },
        { ...base, scale: 'adequacy', rating: 'most' },
        { kind: 'schema', scales: [{ name: 'adequacy', levels: ['none', 'some', 'all'] }] },
        { ...base, scale: 'adequacy', rating: 'most' },
        { ...base, scale: 'adequacy', rating: 'some', round: 0 },
      ]),
    );
    const error = await importFile(store, file).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof ImportError);
    assert.deepEqual(
      error.problems.map((p) => [p.line, p.field]),
      [
        [1, 'rating'],
        [2, 'scale_max'],
        [3, 'scale'],
        [5, 'rating'],
        [6, 'round'],
      ],
    );
    assert.match(error.message, /bad\.jsonl:1: field "rating": 7 is outside the scale quality-5 \(1 to 5\)/);
    assert.match(error.message, /bad\.jsonl:3: field "scale": "adequacy" is not a declared scale/);
    assert.equal(
      (await connectionOf(store).get<{ n: number }>('SELECT count(*) AS n FROM labels'))!.n,
      0,
      'nothing half-imported',
    );
  });

  it('carries criterion, scale and round through export-labels; merging again adds nothing', async () => {
    for (const file of ['responses.jsonl', 'ratings.jsonl']) await importFile(store, join(STUDY, file));
    const exported = join(folder.path, 'export.jsonl');
    writeFileSync(exported, jsonl(await labelRecords(store)));
    const other = await openTestStore(join(folder.path, 'b.db'));
    try {
      await importFile(other, join(STUDY, 'langlens.schema.json'));
      await importFile(other, exported);
      const second = await importFile(other, exported);
      assert.equal(second.written!.labels, 0);
      const key = (r: {
        group: string;
        lang: string;
        system: string;
        annotator: string;
        criterion: string;
        value: number;
        scale: { name: string };
      }) => [r.group, r.lang, r.system, r.annotator, r.criterion, r.value, r.scale.name].join('|');
      for (const asOf of [{}, { round: 1 }]) {
        const here = (await loadHumanRatings(store, asOf)).ratings.map(key).sort();
        const there = (await loadHumanRatings(other, asOf)).ratings.map(key).sort();
        assert.ok(here.length > 400);
        assert.deepEqual(there, here, JSON.stringify(asOf));
      }
      const count = async (s: Store) =>
        (await connectionOf(s).get<{ n: number }>('SELECT count(*) AS n FROM labels'))!.n;
      assert.equal(await count(other), await count(store), 'the history too');
    } finally {
      await other.close();
    }
  });
});
