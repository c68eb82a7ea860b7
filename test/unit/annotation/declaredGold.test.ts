// A study declares its share of gold items on its task (langlens.schema.json, tasks[].goldRate): every annotator's
// queue mixes them in at that rate whatever their own setting says, exactly as the setting would at that rate; a
// rate out of range, or a field the format does not have, is refused by name.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { parseSchema } from '../../../src/core/import/schema';
import type { Row } from '../../../src/core/import/fields';
import { Store } from '../../../src/core/store/store';
import { AnnotationSession, type SessionSpec } from '../../../src/extension/annotate/session';
import { PROJECT_ROOT, temporaryFolder } from '../../support/paths';
import { openTestStore } from '../../support/testDatabase';

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** Known answers on six Spanish responses (a gold set). */
const GOLD = ['capital', 'egg', 'haiku'].flatMap((group) =>
  ['mono-en', 'multi-3'].map((system) => ({
    kind: 'rating-label',
    run: 'demo',
    group,
    lang: 'es',
    system,
    annotator: 'gold-set',
    annotator_role: 'gold',
    rating: 'pass',
  })),
);

async function demoStore(folder: string, name: string, schema?: object): Promise<Store> {
  const store = await openTestStore(join(folder, `${name}.db`));
  for (const file of ['prompts.jsonl', 'responses.jsonl']) await importFile(store, join(PROJECT_ROOT, 'demo', file));
  writeFileSync(join(folder, 'gold.jsonl'), jsonl(GOLD));
  await importFile(store, join(folder, 'gold.jsonl'));
  if (schema) {
    writeFileSync(join(folder, `${name}.schema.json`), JSON.stringify(schema));
    await importFile(store, join(folder, `${name}.schema.json`));
  }
  return store;
}

describe('annotation: a gold rate the study declares', () => {
  const folder = temporaryFolder('langlens-declared-gold-');
  const stores: Store[] = [];
  after(async () => {
    for (const store of stores) await store.close();
    folder.remove();
  });

  const spec = (goldRate: number): SessionSpec => ({
    run: 'demo',
    task: 'rating',
    annotator: 'ana',
    languages: [],
    seed: '',
    blind: true,
    restrictedTo: null,
    goldRate,
  });

  it("mixes gold in at the task's rate over the annotator's setting, as the setting would at that rate", async () => {
    const declared = await demoStore(folder.path, 'declared', {
      tasks: [{ name: 'overall', kind: 'rating', goldRate: 0.25 }],
    });
    const plain = await demoStore(folder.path, 'plain');
    stores.push(declared, plain);
    const byDeclaration = (await AnnotationSession.open(declared, spec(0))).items.map((i) => i.key);
    const overSetting = (await AnnotationSession.open(declared, spec(0.5))).items.map((i) => i.key);
    const bySetting = (await AnnotationSession.open(plain, spec(0.25))).items.map((i) => i.key);
    const none = (await AnnotationSession.open(plain, spec(0))).items.map((i) => i.key);
    assert.deepEqual(byDeclaration, bySetting, 'the declared 0.25 gives the queue the setting 0.25 gives');
    assert.deepEqual(overSetting, bySetting, "the study's rate wins over the annotator's 0.5");
    assert.notDeepEqual(bySetting, none, 'gold mixed in changes the queue');
    const gold = new Set(GOLD.map((g) => JSON.stringify([g.group, g.lang, 1, g.system, 0])));
    const goldIn = (keys: string[]) => keys.filter((k) => gold.has(k)).length;
    // 72 responses, 6 of them gold: 66 regular; ⌊0.25 / 0.75 × 66⌋ = 22 wanted, the 6 known answers available.
    assert.equal(goldIn(byDeclaration), 6);
    assert.equal(byDeclaration.length, 72);
  });

  it('refuses a rate out of range and a field a task does not have, naming them', () => {
    const task = (extra: object): Row => ({ tasks: [{ name: 't', kind: 'rating', ...extra }] }) as unknown as Row;
    assert.equal(parseSchema(task({ goldRate: 0.1 })).tasks[0]!.goldRate, 0.1);
    assert.equal(parseSchema(task({})).tasks[0]!.goldRate, undefined);
    const refused = (row: Row, field: string, message: RegExp) =>
      assert.throws(
        () => parseSchema(row),
        (err: Error & { field?: string }) => err.field === field && message.test(err.message),
      );
    refused(task({ goldRate: 0.6 }), 'tasks[0].goldRate', /from 0 to 0\.5, not 0\.6/);
    refused(task({ goldrate: 0.1 }), 'tasks[0].goldrate', /not a field of a task/);
    refused(
      { criteria: [{ name: 'c', rubrik: 'x' }] } as unknown as Row,
      'criteria[0].rubrik',
      /not a field of a criterion/,
    );
  });
});
