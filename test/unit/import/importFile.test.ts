import { openTestStore } from '../../support/testDatabase';
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportError, UnrecognisedLayoutError } from '../../../src/core/import/errors';
import { importFile } from '../../../src/core/import/importFile';
import { loadPairwiseItems } from '../../../src/core/metrics/agreement';
import { connectionOf } from '../../../src/core/store/connection';
import { Store } from '../../../src/core/store/store';
import { temporaryFolder } from '../../support/paths';

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('importFile', () => {
  let folder: ReturnType<typeof temporaryFolder>;
  let store: Store;
  const file = (name: string, text: string) => {
    const path = join(folder.path, name);
    writeFileSync(path, text);
    return path;
  };
  const count = async (table: string) =>
    (await connectionOf(store).get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;

  beforeEach(async () => {
    folder = temporaryFolder();
    store = await openTestStore(join(folder.path, 'db', 'langlens.db'));
  });
  afterEach(async () => {
    await store.close();
    folder.remove();
  });

  const prompt = { kind: 'prompt', run: 'r', group: 'g1', lang: 'es', text: '¿Hola?' };
  const response = (system: string, text: string) => ({
    kind: 'response',
    run: 'r',
    group: 'g1',
    lang: 'es',
    system,
    text,
  });

  it('reports every problem with its file, line and field, and writes nothing from that file', async () => {
    const path = file(
      'bad.jsonl',
      jsonl([
        prompt,
        response('s1', 'Hola'),
        { kind: 'response', run: 'r', group: 'g1', lang: 'español', system: 's2', text: 'x' },
        {
          kind: 'pairwise-label',
          run: 'r',
          group: 'g1',
          lang: 'es',
          annotator: 'ana',
          system_a: 's1',
          system_b: 's1',
          verdict: 'A',
        },
        { kind: 'rating-label', run: 'r', group: 'g1', lang: 'es', annotator: 'ana', system: 's1', rating: 'great' },
      ]) + '{"kind": "prompt",\n',
    );
    const error = await importFile(store, path).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof ImportError);
    assert.deepEqual(
      error.problems.map((p) => [p.line, p.field]),
      [
        [3, 'lang'],
        [4, 'system_b'],
        [5, 'rating'],
        [6, undefined],
      ],
    );
    assert.match(error.message, /bad\.jsonl:3: field "lang": "español" is not a BCP-47 language tag/);
    assert.match(error.message, /bad\.jsonl:5: field "rating": "great" is not one of "fail", "pass", "excellent"/);
    for (const table of ['runs', 'prompts', 'responses', 'labels', 'sources'])
      assert.equal(await count(table), 0, table);
  });

  it('imports a file once: the second import changes nothing', async () => {
    const path = file(
      'run.jsonl',
      jsonl([
        prompt,
        response('s1', 'Hola'),
        response('s2', 'Hello'),
        {
          kind: 'pairwise-label',
          run: 'r',
          group: 'g1',
          lang: 'es',
          annotator: 'ana',
          system_a: 's1',
          system_b: 's2',
          verdict: 'A',
        },
      ]),
    );
    const first = await importFile(store, path);
    assert.deepEqual(first.records, { prompt: 1, response: 2, 'pairwise-label': 1 });
    assert.equal(first.written!.responses, 2);
    const second = await importFile(store, path);
    assert.ok(
      Object.values(second.written!).every((n) => n === 0),
      JSON.stringify(second.written),
    );
    assert.equal(await count('labels'), 1);
    assert.equal(await count('sources'), 1);
  });

  it('keeps the file and line every record came from', async () => {
    const path = file('run.jsonl', jsonl([prompt, response('s1', 'Hola')]));
    await importFile(store, path);
    const row = await connectionOf(store).get<{ path: string; line: number }>(
      'SELECT s.path, r.source_line AS line FROM responses r JOIN sources s ON s.id = r.source_id',
    );
    assert.deepEqual(row, { path, line: 2 });
  });

  it('refuses by default to change a response stored from another file; with --replace updates it, and says so', async () => {
    await importFile(store, file('a.jsonl', jsonl([response('s1', 'Hola')])));
    await assert.rejects(
      importFile(store, file('b.jsonl', jsonl([response('s1', 'Hola, ¿qué tal?')]))),
      /would replace 1 stored record\(s\)/,
    );
    assert.equal((await connectionOf(store).get<{ text: string }>('SELECT text FROM responses'))!.text, 'Hola');
    const report = await importFile(store, file('b.jsonl', jsonl([response('s1', 'Hola, ¿qué tal?')])), {
      onReplace: 'replace',
    });
    assert.equal(report.written!.responses, 1);
    const row = await connectionOf(store).get<{ text: string }>('SELECT text FROM responses');
    assert.equal(row!.text, 'Hola, ¿qué tal?');
  });

  it('keeps every label as history; the latest one of an annotator on an item counts', async () => {
    const label = (verdict: string, labelledAt: string) => ({
      kind: 'pairwise-label',
      run: 'r',
      group: 'g1',
      lang: 'es',
      annotator: 'ana',
      system_a: 's2',
      system_b: 's1',
      verdict,
      labelled_at: labelledAt,
    });
    await importFile(store, file('a.jsonl', jsonl([label('A', '2024-01-02T00:00:00Z')])));
    await importFile(
      store,
      file('b.jsonl', jsonl([label('tie', '2024-01-03T00:00:00Z'), label('B', '2024-01-01T00:00:00Z')])),
    );
    assert.equal(await count('labels'), 3);
    const items = await loadPairwiseItems(store, {});
    assert.equal(items.length, 1);
    assert.deepEqual(items[0]!.humans, [{ annotator: 'ana', verdict: 'tie' }]);
    const [summary] = await store.summary();
    assert.deepEqual(summary!.labels, [{ kind: 'pairwise', annotators: 1, current: 1, superseded: 2 }]);
  });

  it('treats the same pair named the other way round as the same item, flipping the verdict', async () => {
    await importFile(
      store,
      file(
        'a.jsonl',
        jsonl([
          {
            kind: 'pairwise-label',
            run: 'r',
            group: 'g1',
            lang: 'es',
            annotator: 'ana',
            system_a: 's1',
            system_b: 's2',
            verdict: 'A',
          },
          {
            kind: 'pairwise-label',
            run: 'r',
            group: 'g1',
            lang: 'es',
            annotator: 'bo',
            system_a: 's2',
            system_b: 's1',
            verdict: 'B',
          },
          {
            kind: 'pairwise-judgment',
            run: 'r',
            group: 'g1',
            lang: 'es',
            judge: 'j',
            system_a: 's2',
            system_b: 's1',
            order: 'AB',
            verdict: 'A',
          },
          {
            kind: 'pairwise-judgment',
            run: 'r',
            group: 'g1',
            lang: 'es',
            judge: 'j',
            system_a: 's1',
            system_b: 's2',
            order: 'AB',
            verdict: 'A',
          },
        ]),
      ),
    );
    const items = await loadPairwiseItems(store, {});
    assert.equal(items.length, 1);
    const [item] = items;
    // s1 was named first, so the store keeps the pair as (s1, s2): both annotators chose s1 = A.
    assert.deepEqual([item!.systemA, item!.systemB], ['s1', 's2']);
    assert.deepEqual(
      item!.humans.map((h) => h.verdict),
      ['A', 'A'],
    );
    // The judge preferred s2 when s2 was first and s1 when s1 was first: inconsistent across orders, so a tie.
    assert.equal(item!.judges.get('j'), 'tie');
  });

  it('validates without writing on a dry run', async () => {
    const report = await importFile(undefined, file('run.jsonl', jsonl([prompt, response('s1', 'Hola')])), {
      dryRun: true,
    });
    assert.deepEqual(report.records, { prompt: 1, response: 1 });
    assert.equal(report.written, undefined);
    assert.equal(await count('prompts'), 0);
  });

  it('reads the canonical layout from CSV, numbers as text included', async () => {
    const path = file(
      'labels.csv',
      'kind,run,group,lang,turn,annotator,system,rating\nrating-label,r,7,he,2,noa,s1,excellent\n',
    );
    const report = await importFile(store, path);
    assert.deepEqual(report.records, { 'rating-label': 1 });
    const row = await connectionOf(store).get<{ group_key: string; lang: string; turn: number; value: string }>(
      'SELECT p.group_key, p.lang, p.turn, l.value FROM labels l JOIN prompts p ON p.id = l.prompt_id',
    );
    assert.deepEqual(row, { group_key: '7', lang: 'he', turn: 2, value: 'excellent' });
  });

  it('says which layouts it knows when it recognises none', async () => {
    await assert.rejects(importFile(store, file('x.jsonl', jsonl([{ question: 'q', answer: 'a' }]))), (e: unknown) => {
      assert.ok(e instanceof UnrecognisedLayoutError);
      assert.match(
        e.message,
        /x\.jsonl:1: unrecognised layout \(fields: question, answer\)\. LangLens reads langlens, mt-bench/,
      );
      return true;
    });
  });

  it('refuses an unknown extension and an empty file with a message', async () => {
    await assert.rejects(
      importFile(store, file('x.txt', 'hi')),
      /unknown file type: expected \.jsonl, \.json, \.csv or \.tsv/,
    );
    await assert.rejects(importFile(store, file('e.jsonl', '')), /holds no records/);
  });

  it('reads FastChat pair judgments as two verdicts, one per order, in model terms', async () => {
    const path = file(
      'gpt-4_pair.jsonl',
      jsonl([
        {
          question_id: 81,
          model_1: 'vicuna',
          model_2: 'llama',
          g1_winner: 'model_1',
          g2_winner: 'model_2',
          judge: ['gpt-4', 'pair-v2'],
          g1_judgment: '[[A]]',
          g2_judgment: '[[A]]',
          turn: 1,
        },
        {
          question_id: 82,
          model_1: 'vicuna',
          model_2: 'llama',
          g1_winner: 'model_1',
          g2_winner: 'model_1',
          judge: ['gpt-4', 'pair-v2'],
          g1_judgment: '[[A]]',
          g2_judgment: '[[B]]',
          turn: 1,
        },
        {
          question_id: 83,
          model_1: 'vicuna',
          model_2: 'llama',
          g1_winner: 'error',
          g2_winner: 'model_1',
          judge: ['gpt-4', 'pair-v2'],
          g1_judgment: 'no verdict',
          g2_judgment: '[[B]]',
          turn: 1,
        },
      ]),
    );
    const report = await importFile(store, path);
    assert.equal(report.format, 'fastchat-pair');
    const verdicts = new Map((await loadPairwiseItems(store, {})).map((i) => [i.group, i.judges.get('gpt-4')]));
    // 81: model_1 won when shown first, model_2 won when shown first: inconsistent → tie. 82: vicuna both times.
    assert.equal(verdicts.get('81'), 'tie');
    assert.equal(verdicts.get('82'), 'A', 'vicuna (stored first) won in both orders');
    assert.equal(verdicts.get('83'), 'invalid');
  });
});
