// The prompts' item totals kept on write (migration 0018, for the runs explorer's totals): after an import, an
// import again, new responses, replaced texts, responses moved, and deleted responses, systems, prompts and runs,
// each prompt's stored count of responses and of distinct systems is what counting its responses says; a
// database that had responses before the migration gets them filled; and the explorer's totals are those counted
// from the responses, as they were before the counts were stored.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { connectionOf } from '../../../src/core/store/connection';
import { itemTotals } from '../../../src/core/store/explorerProgress';
import type { Store } from '../../../src/core/store/store';
import { PROJECT_ROOT, temporaryFolder } from '../../support/paths';
import { openTestStore, TEST_ENGINE } from '../../support/testDatabase';

type Counts = [prompt: number, responses: number, systems: number][];

/** What prompt_item_totals holds (a row of zeros is a prompt with no responses, as no row is). */
async function stored(store: Store): Promise<Counts> {
  const rows = await connectionOf(store).all<{ p: number; r: number; s: number }>(
    'SELECT prompt_id AS p, responses AS r, systems AS s FROM prompt_item_totals ORDER BY prompt_id',
  );
  return rows.filter((x) => Number(x.r) !== 0 || Number(x.s) !== 0).map((x) => [x.p, Number(x.r), Number(x.s)]);
}

/** The same counted from the responses. */
async function counted(store: Store): Promise<Counts> {
  const rows = await connectionOf(store).all<{ p: number; r: number; s: number }>(
    `SELECT prompt_id AS p, count(*) AS r, count(DISTINCT system_id) AS s FROM responses
     GROUP BY prompt_id ORDER BY prompt_id`,
  );
  return rows.map((x) => [x.p, Number(x.r), Number(x.s)]);
}

/** The explorer's totals per language and group against the responses counted per prompt, for both tasks. */
async function assertExplorerTotals(store: Store, run: string): Promise<void> {
  for (const task of ['rating', 'pairwise'] as const) {
    const items =
      task === 'rating' ? 'count(*)' : 'count(DISTINCT resp.system_id) * (count(DISTINCT resp.system_id) - 1) / 2';
    const expected = await connectionOf(store).all<{ lang: string; group: string; total: number }>(
      `
      SELECT lang, "group", sum(total) AS total FROM (
        SELECT p.lang, p.group_key AS "group", ${items} AS total
        FROM prompts p JOIN runs r ON r.id = p.run_id JOIN responses resp ON resp.prompt_id = p.id
        WHERE r.name = ? GROUP BY p.id, p.lang, p.group_key) per_prompt
      GROUP BY lang, "group" HAVING sum(total) > 0`,
      [run],
    );
    const key = (r: { lang: string; group: string; total: number }) => `${r.lang} ${r.group} ${Number(r.total)}`;
    const totals = await itemTotals(store, run, 'mei', task);
    assert.deepEqual(totals.map(key).sort(), expected.map(key).sort(), task);
  }
}

async function assertKept(store: Store, run = 'demo'): Promise<void> {
  assert.deepEqual(await stored(store), await counted(store));
  await assertExplorerTotals(store, run);
}

const response = (group: string, lang: string, system: string, text: string, seed?: number) =>
  JSON.stringify({ kind: 'response', run: 'demo', group, lang, system, text, ...(seed === undefined ? {} : { seed }) });

describe('prompt item totals kept on write', () => {
  const folder = temporaryFolder('langlens-item-totals-');
  const path = join(folder.path, 'totals.db');
  let store: Store;
  const demo = (file: string) => join(PROJECT_ROOT, 'demo', file);
  const write = (name: string, lines: string[]) => {
    const file = join(folder.path, name);
    writeFileSync(file, lines.join('\n') + '\n');
    return file;
  };
  const run = (sql: string, params: (string | number)[] = []) => connectionOf(store).run(sql, params);
  const one = async (sql: string, params: (string | number)[] = []) =>
    (await connectionOf(store).get<{ id: number }>(sql, params))!.id;

  before(async () => {
    store = await openTestStore(path);
  });
  after(async () => {
    await store.close();
    folder.remove();
  });

  it('counts what an import stores, and nothing more when the same files come again', async () => {
    for (const file of ['prompts.jsonl', 'responses.jsonl']) await importFile(store, demo(file));
    const first = await stored(store);
    assert.equal(first.length, 24);
    assert.ok(first.every(([, responses, systems]) => responses === 3 && systems === 3));
    await assertKept(store);
    for (const file of ['prompts.jsonl', 'responses.jsonl', 'human-labels.jsonl', 'judge-pairwise.jsonl'])
      await importFile(store, demo(file));
    assert.deepEqual(await stored(store), first);
    await assertKept(store);
  });

  it('counts new responses: another sample of a system, a new system, a prompt first named by a response', async () => {
    await importFile(
      store,
      write('more.jsonl', [
        response('capital', 'ar', 'mono-en', 'Canberra, again.', 1),
        response('capital', 'ar', 'newcomer', 'Canberra.'),
        response('capital', 'es', 'newcomer', 'Canberra.'),
        response('brand-new', 'es', 'mono-en', 'A prompt stored without its text.'),
      ]),
    );
    const capitalAr = await one(
      "SELECT p.id FROM prompts p WHERE p.group_key = 'capital' AND p.lang = 'ar' AND p.turn = 1",
    );
    const byPrompt = new Map((await stored(store)).map(([p, ...counts]) => [p, counts]));
    assert.deepEqual(byPrompt.get(capitalAr), [5, 4]);
    await assertKept(store);
  });

  it('keeps the counts when an import replaces texts of another file', async () => {
    const before = await stored(store);
    await importFile(
      store,
      write('replacing.jsonl', [
        response('capital', 'ar', 'mono-en', 'Canberra, said otherwise.'),
        response('capital', 'ar', 'newcomer', 'Canberra, said otherwise.'),
      ]),
      { onReplace: 'replace' },
    );
    const texts = await connectionOf(store).all<{ text: string }>(
      "SELECT text FROM responses WHERE text = 'Canberra, said otherwise.'",
    );
    assert.equal(texts.length, 2);
    assert.deepEqual(await stored(store), before);
    await assertKept(store);
  });

  it('counts an import of thousands of responses, and is back to counting each one after a refused import', async () => {
    // More responses than the writer buffers (2,000), so that some are written before the bad last line refuses
    // the file and its transaction is rolled back.
    const many = Array.from({ length: 2600 }, (_, i) =>
      response(`bulk-${i % 650}`, 'es', `bulk-${Math.floor(i / 650)}`, `R ${i}.`),
    );
    await assert.rejects(importFile(store, write('refused.jsonl', [...many, '{"kind": "response"'])));
    await assertKept(store);
    await importFile(store, write('bulk.jsonl', many));
    const bulk = await connectionOf(store).all<{ r: number; s: number }>(
      `SELECT t.responses AS r, t.systems AS s FROM prompt_item_totals t JOIN prompts p ON p.id = t.prompt_id
       WHERE p.group_key LIKE 'bulk-%'`,
    );
    assert.equal(bulk.length, 650);
    assert.ok(bulk.every((row) => Number(row.r) === 4 && Number(row.s) === 4));
    await assertKept(store);
    // A response written by hand afterwards is counted by the trigger, which the imports set aside and put back.
    const prompt = await one("SELECT id FROM prompts WHERE group_key = 'bulk-0' AND lang = 'es'");
    const system = await one("SELECT id FROM systems WHERE name = 'bulk-1'");
    await run('INSERT INTO responses (prompt_id, system_id, seed, text) VALUES (?, ?, 3, ?)', [prompt, system, 'x']);
    const byPrompt = new Map((await stored(store)).map(([p, ...counts]) => [p, counts]));
    assert.deepEqual(byPrompt.get(prompt), [5, 4]);
    await assertKept(store);
    await run('DELETE FROM responses WHERE prompt_id IN (SELECT id FROM prompts WHERE group_key LIKE ?)', ['bulk-%']);
    await run('DELETE FROM prompts WHERE group_key LIKE ?', ['bulk-%']);
    await run('DELETE FROM systems WHERE name LIKE ?', ['bulk-%']);
    await assertKept(store);
  });

  it('counts a response moved to another system or prompt', async () => {
    const sample = await one("SELECT id FROM responses WHERE text = 'Canberra, again.'");
    const newcomer = await one("SELECT id FROM systems WHERE name = 'newcomer'");
    // Onto a system the prompt has already: one system fewer there.
    await run('UPDATE responses SET system_id = ?, seed = 7 WHERE id = ?', [newcomer, sample]);
    await assertKept(store);
    const egg = await one("SELECT id FROM prompts WHERE group_key = 'egg' AND lang = 'en' AND turn = 1");
    await run('UPDATE responses SET prompt_id = ? WHERE id = ?', [egg, sample]);
    await assertKept(store);
    // The only response of a system on its prompt, to a prompt without that system: one system fewer, one more.
    const capitalAr = await one("SELECT id FROM prompts WHERE group_key = 'capital' AND lang = 'ar' AND turn = 1");
    const eggEs = await one("SELECT id FROM prompts WHERE group_key = 'egg' AND lang = 'es' AND turn = 1");
    const before = new Map((await stored(store)).map(([p, ...counts]) => [p, counts]));
    await run('UPDATE responses SET prompt_id = ? WHERE prompt_id = ? AND system_id = ?', [eggEs, capitalAr, newcomer]);
    const after = new Map((await stored(store)).map(([p, ...counts]) => [p, counts]));
    assert.deepEqual(after.get(capitalAr), [before.get(capitalAr)![0]! - 1, before.get(capitalAr)![1]! - 1]);
    assert.deepEqual(after.get(eggEs), [before.get(eggEs)![0]! + 1, before.get(eggEs)![1]! + 1]);
    await assertKept(store);
  });

  it('counts deleted responses, systems, prompts and a whole run, and a run imported again after', async () => {
    // A sample of a system that keeps another, then the only response of a system on its prompt.
    await run("DELETE FROM responses WHERE text = 'Canberra, again.'");
    await assertKept(store);
    const capitalEs = await one("SELECT id FROM prompts WHERE group_key = 'capital' AND lang = 'es' AND turn = 1");
    await run(
      "DELETE FROM responses WHERE prompt_id = ? AND system_id = (SELECT id FROM systems WHERE name = 'newcomer')",
      [capitalEs],
    );
    await assertKept(store);
    // A system, with its responses, verdicts and scores.
    await run("DELETE FROM systems WHERE name = 'newcomer'");
    await assertKept(store);
    // A prompt, with its responses and everything else about it.
    await run("DELETE FROM prompts WHERE group_key = 'brand-new'");
    await assertKept(store);
    // The run: nothing of it is counted; imported again, its prompts take ids the deleted ones had. (Its labels go
    // first: they name its systems, which PostgreSQL checks before the prompts' cascade has taken them.)
    await run(
      "DELETE FROM labels WHERE prompt_id IN (SELECT p.id FROM prompts p JOIN runs r ON r.id = p.run_id WHERE r.name = 'demo')",
    );
    await run("DELETE FROM runs WHERE name = 'demo'");
    assert.deepEqual(await stored(store), []);
    assert.equal((await connectionOf(store).all('SELECT prompt_id FROM prompt_item_totals')).length, 0);
    for (const file of ['prompts.jsonl', 'responses.jsonl']) await importFile(store, demo(file));
    assert.equal((await stored(store)).length, 24);
    await assertKept(store);
  });

  it('fills the counts of a database that had responses before them', async () => {
    const kept = await stored(store);
    // The database as it was before 0018, with its responses: the table and its triggers gone, the migration not had.
    if (TEST_ENGINE === 'postgres') {
      await connectionOf(store).exec(`
        DROP TABLE prompt_item_totals;
        DROP FUNCTION prompt_item_totals_recount() CASCADE;
        DROP FUNCTION prompt_item_totals_on_move() CASCADE;`);
    } else {
      await connectionOf(store).exec(`
        DROP TRIGGER prompt_item_totals_on_insert;
        DROP TRIGGER prompt_item_totals_on_delete;
        DROP TRIGGER prompt_item_totals_on_move;
        DROP TABLE prompt_item_totals;`);
    }
    await run("DELETE FROM schema_migrations WHERE id = '0018-prompt-item-totals'");
    await store.close();
    store = await openTestStore(path);
    assert.deepEqual(await stored(store), kept);
    await assertKept(store);
    // And the triggers keep them from then on.
    await importFile(store, write('after.jsonl', [response('capital', 'ar', 'late', 'Canberra.')]));
    await assertKept(store);
  });
});
