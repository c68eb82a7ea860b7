// Team annotation: labels given in one database travel as canonical JSONL and merge into another without loss,
// history, undos, blind order and language flags included, and a second merge adds nothing.
import { openTestStore } from '../../support/testDatabase';
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { connectionOf } from '../../../src/core/store/connection';
import { appendLabel, appendLanguageFlag } from '../../../src/core/store/annotation';
import { labelRecords } from '../../../src/core/store/labelExport';
import { Store } from '../../../src/core/store/store';
import { PROJECT_ROOT, temporaryFolder } from '../../support/paths';

const at = (minute: number) => `2024-06-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const target = { run: 'demo', group: 'egg', lang: 'he', turn: 1 };

describe("export-labels and merging annotators' labels", () => {
  let folder: ReturnType<typeof temporaryFolder>;
  let annotatorDb: Store;
  let leadDb: Store;
  const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const count = async (store: Store, table: string) =>
    (await connectionOf(store).get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;

  before(async () => {
    folder = temporaryFolder();
    annotatorDb = await openTestStore(join(folder.path, 'noa.db'));
    leadDb = await openTestStore(join(folder.path, 'lead.db'));
    for (const store of [annotatorDb, leadDb]) {
      await importFile(store, join(PROJECT_ROOT, 'demo/prompts.jsonl'));
      await importFile(store, join(PROJECT_ROOT, 'demo/responses.jsonl'));
    }
    // Noa rates, changes her mind, undoes a rating, labels a pair blind (mono-en shown left) and flags a response.
    const rating = (id: string, system: string, value: string | null, minute: number, comment: string | null = null) =>
      appendLabel(annotatorDb, {
        ...target,
        fingerprint: id,
        annotator: 'noa',
        comment,
        labelledAt: at(minute),
        kind: 'rating',
        system,
        seed: 0,
        value,
      });
    await rating('r1', 'multi-40', 'pass', 1);
    await rating('r2', 'multi-40', 'excellent', 2, 'reads naturally');
    await rating('r3', 'mono-en', 'fail', 3);
    await rating('r4', 'mono-en', null, 4);
    await appendLabel(annotatorDb, {
      ...target,
      fingerprint: 'p1',
      annotator: 'noa',
      comment: null,
      labelledAt: at(5),
      kind: 'pairwise',
      systemA: 'mono-en',
      systemB: 'multi-40',
      value: 'B',
      presentation: 'AB',
    });
    const flag = (id: string, flagged: boolean, minute: number) =>
      appendLanguageFlag(annotatorDb, {
        ...target,
        fingerprint: id,
        annotator: 'noa',
        system: 'mono-en',
        seed: 0,
        flagged,
        labelledAt: at(minute),
      });
    await flag('f1', true, 6);
    await flag('f2', false, 7);
    await flag('f3', true, 8);
  });

  after(async () => {
    await annotatorDb?.close();
    await leadDb?.close();
    folder?.remove();
  });

  it('writes the whole history as canonical records with their ids, times, order shown and undos', async () => {
    const rows = await labelRecords(annotatorDb, { run: 'demo' });
    assert.equal(rows.length, 8);
    assert.deepEqual(
      rows.find((r) => r.label_id === 'r4'),
      {
        kind: 'rating-label',
        run: 'demo',
        group: 'egg',
        lang: 'he',
        turn: 1,
        annotator: 'noa',
        label_id: 'r4',
        labelled_at: at(4),
        system: 'mono-en',
        seed: 0,
        cleared: true,
      },
    );
    const pair = rows.find((r) => r.label_id === 'p1')!;
    // The store keeps the pair as (multi-40, mono-en) by id order; the verdict and the order shown flip with it.
    const better = pair.verdict === 'A' ? pair.system_a : pair.system_b;
    const left = pair.order === 'AB' ? pair.system_a : pair.system_b;
    assert.deepEqual([better, left], ['multi-40', 'mono-en']);
    assert.deepEqual(
      rows.filter((r) => r.kind === 'language-flag').map((r) => r.flagged),
      [true, false, true],
    );
  });

  it('merges into another database with the same current labels and flags, and a second merge adds nothing', async () => {
    const file = join(folder.path, 'noa-labels.jsonl');
    writeFileSync(file, jsonl(await labelRecords(annotatorDb)));
    const first = await importFile(leadDb, file);
    assert.deepEqual(first.records, { 'rating-label': 4, 'pairwise-label': 1, 'language-flag': 3 });
    assert.deepEqual(
      await labelRecords(leadDb, { currentOnly: true }),
      await labelRecords(annotatorDb, { currentOnly: true }),
    );
    assert.equal(await count(leadDb, 'labels'), 5);
    assert.equal(await count(leadDb, 'language_flags'), 3);

    const again = await importFile(leadDb, file);
    assert.equal(again.written!.labels, 0);
    assert.equal(again.written!.language_flags, 0);
    // A later export of the lead's database, brought back to the annotator, adds nothing there either.
    const back = join(folder.path, 'lead-labels.jsonl');
    writeFileSync(back, jsonl(await labelRecords(leadDb)));
    const returned = await importFile(annotatorDb, back);
    assert.equal(returned.written!.labels, 0);
    assert.equal(returned.written!.language_flags, 0);
  });

  it('leaves taken-back labels out of a --current export', async () => {
    const current = await labelRecords(annotatorDb, { currentOnly: true });
    assert.deepEqual(
      current.filter((r) => r.kind === 'rating-label').map((r) => [r.system, r.rating, r.comment]),
      [['multi-40', 'excellent', 'reads naturally']],
    );
    assert.ok(!current.some((r) => r.cleared));
    // The summary agrees: one current rating (the undone one is history), the pairwise label, and the rest history.
    const [summary] = await annotatorDb.summary();
    assert.deepEqual(summary!.labels, [
      { kind: 'pairwise', annotators: 1, current: 1, superseded: 0 },
      { kind: 'rating', annotators: 1, current: 1, superseded: 3 },
    ]);
    assert.deepEqual(
      current.filter((r) => r.kind === 'language-flag').map((r) => r.label_id),
      ['f3'],
    );
  });

  it('refuses a cleared label that still has a value', async () => {
    const file = join(folder.path, 'bad.jsonl');
    writeFileSync(
      file,
      jsonl([{ kind: 'rating-label', ...target, annotator: 'x', system: 'multi-3', rating: 'pass', cleared: true }]),
    );
    await assert.rejects(importFile(leadDb, file), /bad\.jsonl:1: field "rating": a cleared label has no value/);
    assert.ok(readFileSync(file, 'utf8').includes('cleared'));
  });
});
