// Issue 8 §1: nothing disappears silently. One test per class of silent loss seen on real and malformed files:
// each is now an error naming file, line and field, or a counted note in the import's report.
import { connectionOf } from '../../../src/core/store/connection';
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportError, ReplacementRefused } from '../../../src/core/import/errors';
import { importFile } from '../../../src/core/import/importFile';
import { requireSharedData } from '../../support/paths';
import { useTemporaryStore } from '../../support/temporaryStore';

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const key = { kind: 'response', run: 'r', lang: 'es', system: 's1' };

describe('import trust: no silent loss', () => {
  const test = useTemporaryStore();
  const file = (name: string, content: string | Buffer) => test.file(name, content);
  const refusal = async (path: string, options = {}) => {
    const error = await importFile(test.store, path, options).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof ImportError, `expected the import of ${path} to be refused, got ${String(error)}`);
    return error;
  };
  const count = async (table: string) =>
    (await connectionOf(test.store).get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;
  const texts = async () =>
    (await connectionOf(test.store).all<{ text: string }>('SELECT text FROM responses ORDER BY id')).map((r) => r.text);

  describe('the shape of a file comes from its content', () => {
    it('reads JSON Lines named .json as JSON Lines, every record, with a note', async () => {
      const path = file(
        'run.json',
        jsonl([
          { ...key, group: 'g1', text: 'uno' },
          { ...key, group: 'g2', text: 'dos' },
          { ...key, group: 'g3', text: 'tres' },
        ]),
      );
      const report = await importFile(test.store, path);
      assert.equal(report.rows, 3);
      assert.deepEqual(await texts(), ['uno', 'dos', 'tres']);
      assert.match(report.notes[0]!.message, /holds JSON Lines \(one object per line\), not one JSON document/);
    });

    it('refuses text after the closing ] of an array, at its line', async () => {
      const error = await refusal(
        file('run.json', `[${JSON.stringify({ ...key, group: 'g1', text: 'uno' })}]\n{"kind": "prompt"}\n`),
      );
      assert.deepEqual(
        error.problems.map((p) => [p.line, p.message]),
        [[2, 'text after the closing ] of the JSON array']],
      );
      assert.equal(await count('responses'), 0);
    });

    it('reads a JSON array in a .jsonl file as the array', async () => {
      const report = await importFile(
        test.store,
        file(
          'run.jsonl',
          JSON.stringify(
            [
              { ...key, group: 'g1', text: 'uno' },
              { ...key, group: 'g2', text: 'dos' },
            ],
            null,
            2,
          ),
        ),
      );
      assert.equal(report.rows, 2);
      assert.match(report.notes[0]!.message, /holds a JSON array, not JSON Lines/);
    });
  });

  describe('fields the layout does not read', () => {
    // `aspect` is no field of the canonical layout (its name is `criterion`).
    const rating = (aspect: string, rating: string) => ({
      kind: 'rating-label',
      run: 'r',
      group: 'g1',
      lang: 'es',
      annotator: 'ana',
      system: 's1',
      aspect,
      rating,
    });

    it('are reported with file, first line, field and count; records differing only in them are said to be one', async () => {
      const path = file(
        'labels.jsonl',
        jsonl([rating('fluency', 'pass'), rating('accuracy', 'fail'), { ...key, group: 'g1', text: 'x', tokens: 3 }]),
      );
      const report = await importFile(test.store, path);
      const notes = report.notes.map((n) => [n.file, n.line, n.field, n.count]);
      assert.deepEqual(notes, [
        [path, 1, 'aspect', 2],
        [path, 3, 'tokens', 1],
      ]);
      assert.match(
        report.notes[0]!.message,
        /not imported \(records that differ only in it are the same record here\)/,
      );
    });

    it('refuse the file with --strict, writing nothing', async () => {
      const error = await refusal(file('labels.jsonl', jsonl([rating('fluency', 'pass')])), { strict: true });
      assert.deepEqual(
        error.problems.map((p) => [p.line, p.field]),
        [[1, 'aspect']],
      );
      assert.equal(await count('labels'), 0);
    });

    it('count only what a converter never looked at: empty values and the fields it reads are not reported', async () => {
      const report = await importFile(
        test.store,
        file('run.csv', 'kind,run,group,lang,system,text,note\nresponse,r,g1,es,s1,hola,\n'),
      );
      assert.deepEqual(report.notes, []);
    });
  });

  describe('conflicting duplicates inside one import', () => {
    it('refuse the file naming the lines of both; identical repeats are harmless', async () => {
      const path = file(
        'run.jsonl',
        jsonl([
          { ...key, group: 'g1', text: 'uno' },
          { ...key, group: 'g1', text: 'uno' },
          { ...key, group: 'g1', text: 'otro' },
        ]),
      );
      const error = await refusal(path);
      assert.deepEqual(
        error.problems.map((p) => p.line),
        [3],
      );
      assert.match(
        error.message,
        /run\.jsonl:3: gives the response of s1 to run r, group g1, es again, differently from line 2/,
      );
      assert.equal(await count('responses'), 0);
      assert.equal(
        (
          await importFile(
            test.store,
            file(
              'same.jsonl',
              jsonl([
                { ...key, group: 'g1', text: 'uno' },
                { ...key, group: 'g1', text: 'uno' },
              ]),
            ),
          )
        ).notes.length,
        0,
      );
    });

    it('keep the later one with a counted note under --last-wins', async () => {
      const report = await importFile(
        test.store,
        file(
          'run.jsonl',
          jsonl([
            { ...key, group: 'g1', text: 'uno' },
            { ...key, group: 'g1', text: 'otro' },
          ]),
        ),
        { lastWins: true },
      );
      assert.deepEqual(await texts(), ['otro']);
      assert.equal(report.notes[0]!.count, 1);
    });

    it('catch a verdict given twice with the pair named the other way round', async () => {
      const verdict = (a: string, b: string, v: string) => ({
        kind: 'pairwise-judgment',
        run: 'r',
        group: 'g1',
        lang: 'es',
        judge: 'j',
        system_a: a,
        system_b: b,
        order: 'AB',
        verdict: v,
      });
      // s2 vs s1 in order BA, verdict B (= s1 better) is the same as s1 vs s2 in order AB, verdict A: consistent.
      assert.ok(
        await importFile(
          test.store,
          file('ok.jsonl', jsonl([verdict('s1', 's2', 'A'), { ...verdict('s2', 's1', 'B'), order: 'BA' }])),
        ),
      );
      const error = await refusal(
        file('bad.jsonl', jsonl([verdict('s1', 's3', 'A'), { ...verdict('s3', 's1', 'A'), order: 'BA' }])),
      );
      assert.match(
        error.message,
        /bad\.jsonl:2: gives j's verdict on s1 vs s3 \(order AB\) .* differently from line 1/,
      );
    });

    it('catch a PandaLM idx given twice with different content', async () => {
      const item = (response1: string) => ({
        idx: 7,
        cmp_key: 'a_b',
        instruction: 'Say hi',
        input: '',
        response1,
        response2: 'hey',
        annotator1: 1,
        annotator2: 1,
        annotator3: 0,
      });
      const error = await refusal(file('testset-v1.json', JSON.stringify([item('hi'), item('hello')])));
      assert.match(
        error.message,
        /testset-v1\.json:1: gives the response of a to run pandalm, group 7, en again, differently from line 1/,
      );
    });
  });

  describe('stored records from another file', () => {
    it('are never replaced without being asked: the refusal says what and from where', async () => {
      const first = file(
        'a.jsonl',
        jsonl([
          { ...key, group: 'g1', text: 'uno' },
          { ...key, group: 'g2', text: 'dos' },
        ]),
      );
      await importFile(test.store, first);
      const second = file(
        'b.jsonl',
        jsonl([
          { ...key, group: 'g1', text: 'UNO' },
          { ...key, group: 'g2', text: 'dos' },
        ]),
      );
      const error = await refusal(second, { onReplace: 'refuse' });
      assert.ok(error instanceof ReplacementRefused);
      assert.match(
        error.problems[0]!.message,
        /would replace 1 stored record\(s\) that came from other files \(1 from .*a\.jsonl\)/,
      );
      assert.equal(
        error.problems[1]!.message,
        `would replace the response of s1 for run r, group g1, es, stored from ${first}:1`,
      );
      assert.deepEqual(await texts(), ['uno', 'dos']);
      const replaced = await importFile(test.store, second, { onReplace: 'replace' });
      assert.deepEqual(await texts(), ['UNO', 'dos']);
      assert.equal(replaced.notes[0]!.count, 1);
      assert.match(replaced.notes[0]!.message, /replaced records that came from other files/);
    });

    it('cover prompts, verdicts and scores too', async () => {
      const judged = (verdict: string, score: number) =>
        jsonl([
          { kind: 'prompt', run: 'r', group: 'g1', lang: 'es', text: verdict === 'A' ? '¿Hola?' : '¿Qué tal?' },
          {
            kind: 'pairwise-judgment',
            run: 'r',
            group: 'g1',
            lang: 'es',
            judge: 'j',
            system_a: 's1',
            system_b: 's2',
            verdict,
          },
          {
            kind: 'pointwise-judgment',
            run: 'r',
            group: 'g1',
            lang: 'es',
            judge: 'j',
            system: 's1',
            scale: 'likert-6',
            score,
          },
        ]);
      await importFile(test.store, file('a.jsonl', judged('A', 5)));
      const error = await refusal(file('b.jsonl', judged('B', 2)), { onReplace: 'refuse' });
      assert.deepEqual(
        error.problems.slice(1).map((p) => [p.line, p.message.replace(/, stored from .*/, '')]),
        [
          [1, 'would replace the prompt of run r, group g1, es'],
          [2, "would replace j's verdict of s1 vs s2 for run r, group g1, es"],
          [3, "would replace j's score of s1 for run r, group g1, es"],
        ],
      );
    });

    it('are replaced freely by the same file edited', async () => {
      const path = file('a.jsonl', jsonl([{ ...key, group: 'g1', text: 'uno' }]));
      await importFile(test.store, path, { onReplace: 'refuse' });
      writeFileSync(path, jsonl([{ ...key, group: 'g1', text: 'UNO' }]));
      const report = await importFile(test.store, path, { onReplace: 'refuse' });
      assert.deepEqual([await texts(), report.notes], [['UNO'], []]);
    });

    it("FastChat's reference_answer/gpt-4.jsonl never silently replaces gpt-4's answers", async function () {
      const layouts = requireSharedData(this, 'real-layouts');
      // gpt-4's answers: the real phi-3 answer file under gpt-4's name, as FastChat's model_answer/gpt-4.jsonl would be.
      mkdirSync(join(test.folder, 'model_answer'));
      const answers = file(
        'model_answer/gpt-4.jsonl',
        readFileSync(join(layouts, 'fastchat-phi3/model_answer/phi-3.jsonl'), 'utf8').replace(
          /"model_id": *"[^"]*"/g,
          '"model_id": "gpt-4"',
        ),
      );
      await importFile(test.store, join(layouts, 'fastchat-phi3/question.jsonl'));
      await importFile(test.store, answers);
      const before = await texts();
      const reference = join(layouts, 'fastchat-mt_bench/reference_answer/gpt-4.jsonl');
      const error = await importFile(test.store, reference, { onReplace: 'refuse' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.deepEqual(await texts(), before, "gpt-4's answers are as they were");
      // Read as gpt-4's answers (as the fastchat-answer layout reads any answer file), the 30 questions × 2 turns would replace 60.
      if (error !== undefined) {
        assert.ok(error instanceof ReplacementRefused, String(error));
        assert.match(
          error.problems[0]!.message,
          new RegExp(
            `would replace 60 stored record\\(s\\) .*\\(60 from ${answers.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)`,
          ),
        );
        assert.match(
          error.problems[1]!.message,
          /^would replace the response of gpt-4 for run mt-bench, group 101, en, stored from .*gpt-4\.jsonl:21$/,
        );
      }
    });
  });

  describe('scales', () => {
    const score = (fields: object) => ({
      kind: 'pointwise-judgment',
      run: 'r',
      group: 'g1',
      lang: 'es',
      system: 's1',
      judge: 'j',
      ...fields,
    });

    it('refuse a known scale name with other bounds, and a score outside its scale, naming the field', async () => {
      let error = await refusal(
        file('a.jsonl', jsonl([score({ scale: 'likert-6', scale_min: 0, scale_max: 10, score: 9 })])),
      );
      assert.deepEqual(
        error.problems.map((p) => [p.line, p.field]),
        [[1, 'scale_min']],
      );
      assert.match(error.message, /the scale "likert-6" runs from 1 to 6, not 0 to 10/);
      error = await refusal(file('b.jsonl', jsonl([score({ scale: 'stars', scale_min: 1, scale_max: 5, score: 7 })])));
      assert.deepEqual(
        error.problems.map((p) => [p.line, p.field]),
        [[1, 'score']],
      );
      assert.equal(await count('pointwise_judgments'), 0);
    });

    it('refuse a scale name the database already holds with other bounds', async () => {
      await importFile(
        test.store,
        file('a.jsonl', jsonl([score({ scale: 'stars', scale_min: 1, scale_max: 5, score: 4 })])),
      );
      const error = await refusal(
        file('b.jsonl', jsonl([score({ system: 's2', scale: 'stars', scale_min: 1, scale_max: 10, score: 8 })])),
      );
      assert.deepEqual(
        error.problems.map((p) => p.field),
        ['scale'],
      );
      assert.match(error.message, /holds scores on the scale "stars" from 1 to 5; this one runs from 1 to 10/);
    });
  });

  describe('encodings', () => {
    it('refuse invalid UTF-8 with the byte offset and line, never turning it into U+FFFD', async () => {
      const good = Buffer.from(jsonl([{ ...key, group: 'g1', text: 'olé' }]));
      const latin1 = Buffer.concat([
        good,
        Buffer.from('{"kind":"response","run":"r","group":"g2","lang":"es","system":"s1","text":"caf'),
        Buffer.from([0xe9]),
        Buffer.from('"}\n'),
      ]);
      const error = await refusal(file('latin1.jsonl', latin1));
      const offset = latin1.indexOf(0xe9);
      assert.ok(offset > good.length);
      assert.deepEqual(
        error.problems.map((p) => p.line),
        [2],
      );
      assert.match(
        error.message,
        new RegExp(`latin1\\.jsonl:2: invalid UTF-8 at byte ${offset} \\(0xE9\\): the file is not UTF-8`),
      );
      assert.equal(await count('responses'), 0);
    });

    it('refuse UTF-16, naming it, in every syntax', async () => {
      const utf16 = Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(jsonl([{ ...key, group: 'g1', text: 'x' }]), 'utf16le'),
      ]);
      for (const name of ['u.jsonl', 'u.json', 'u.csv']) {
        const error = await refusal(file(name, utf16));
        assert.match(error.message, /the file is UTF-16LE \(little-endian, with a byte-order mark\), not UTF-8/, name);
      }
      const noMark = await refusal(
        file('n.jsonl', Buffer.from(jsonl([{ ...key, group: 'g1', text: 'x' }]), 'utf16le')),
      );
      assert.match(noMark.message, /UTF-16LE \(little-endian: every other byte is NUL\)/);
    });

    it('accept multi-byte characters split across reads', async () => {
      const path = file('split.jsonl', jsonl([{ ...key, group: 'g1', text: '中文 עברית 🙂' }]));
      for (const chunkSize of [1, 2, 3, 5]) {
        const { readRows } = await import('../../../src/core/import/readers');
        const rows = [];
        for await (const row of readRows(path, 'jsonl', { chunkSize })) rows.push(row);
        assert.equal((rows[0]!.value as { text: string }).text, '中文 עברית 🙂', `chunk size ${chunkSize}`);
      }
    });
  });

  describe('language tags', () => {
    it('normalise deprecated and three-letter codes, and refuse codes that are no language', async () => {
      const rows = ['iw', 'eng', 'ara', 'zho', 'rus_Cyrl', 'heb'].map((lang, i) => ({
        ...key,
        group: `g${i}`,
        lang,
        text: 'x',
      }));
      await importFile(test.store, file('langs.jsonl', jsonl(rows)));
      const langs = (await connectionOf(test.store).all<{ lang: string }>('SELECT lang FROM prompts ORDER BY id')).map(
        (r) => r.lang,
      );
      assert.deepEqual(langs, ['he', 'en', 'ar', 'zh', 'ru-Cyrl', 'he']);
      const error = await refusal(file('qq.jsonl', jsonl([{ ...key, group: 'g1', lang: 'qq', text: 'x' }])));
      assert.deepEqual(
        error.problems.map((p) => [p.line, p.field]),
        [[1, 'lang']],
      );
      assert.match(error.message, /"qq" is not a language \(not an ISO 639-1 code\)/);
    });
  });

  describe('times', () => {
    const label = (labelled_at: unknown) => ({
      kind: 'rating-label',
      run: 'r',
      group: 'g1',
      lang: 'es',
      annotator: 'ana',
      system: 's1',
      rating: 'pass',
      labelled_at,
    });

    it('accept ISO 8601 with a zone and Unix seconds; refuse "5", zone-less times and 1e16 at file, line and field', async () => {
      await importFile(test.store, file('ok.jsonl', jsonl([label('2024-05-01T14:00:00+02:00'), label(1714564800)])));
      const times = (
        await connectionOf(test.store).all<{ t: string }>('SELECT labelled_at AS t FROM labels ORDER BY id')
      ).map((r) => r.t);
      assert.deepEqual(times, ['2024-05-01T12:00:00.000Z', '2024-05-01T12:00:00.000Z']);
      const error = await refusal(
        file(
          'bad.jsonl',
          `${jsonl([label('5'), label('2024-05-01T12:00:00')])}${JSON.stringify(label(0)).replace('0}', '1e16}')}\n`,
        ),
      );
      assert.deepEqual(
        error.problems.map((p) => [p.line, p.field]),
        [
          [1, 'labelled_at'],
          [2, 'labelled_at'],
          [3, 'labelled_at'],
        ],
      );
      assert.match(error.message, /bad\.jsonl:2: field "labelled_at": "2024-05-01T12:00:00" has no time zone/);
      assert.match(
        error.message,
        /bad\.jsonl:3: field "labelled_at": 10000000000000000 is not a Unix time in seconds between 1970 and 9999/,
      );
    });
  });

  describe('CSV', () => {
    it('refuses a column named twice, and ids with spaces around them', async () => {
      let error = await refusal(file('dup.csv', 'kind,run,group,lang,system,text,text\nresponse,r,g1,es,s1,a,b\n'));
      assert.deepEqual(
        error.problems.map((p) => [p.line, p.message]),
        [[1, 'the header names the column "text" twice (columns 6 and 7); one would be lost']],
      );
      error = await refusal(file('space.csv', 'kind,run,group,lang,system,text\nresponse,r,g1,es, s1,a\n'));
      assert.deepEqual(
        error.problems.map((p) => [p.line, p.field]),
        [[2, 'system']],
      );
      assert.match(error.message, /" s1" has spaces around it/);
    });

    it('trims spaces around column names with a note', async () => {
      const report = await importFile(
        test.store,
        file('h.csv', 'kind, run, group, lang, system, text\nresponse,r,g1,es,s1,a\n'),
      );
      assert.deepEqual(
        [report.rows, report.notes.map((n) => [n.line, n.message])],
        [1, [[1, 'spaces around column names were trimmed: " run", " group", " lang", " system", " text"']]],
      );
    });
  });

  describe('locations', () => {
    it('a PandaLM judge file whose test set is broken names the test set, its line and field', async () => {
      const testSet = file(
        'testset-v1.json',
        JSON.stringify(
          [
            { idx: 0, cmp_key: 'a_b', instruction: 'i', response1: 'x', response2: 'y' },
            { idx: 1, cmp_key: 'a', instruction: 'i', response1: 'x', response2: 'y' },
          ],
          null,
          1,
        ),
      );
      const judge = file('judge-testset-v1.json', JSON.stringify([{ idx: 0, gpt_result: '1' }]));
      const error = await refusal(judge);
      assert.deepEqual(
        error.problems.map((p) => [p.file, p.line, p.field]),
        [[testSet, 9, 'cmp_key']],
      );
      assert.match(
        error.message,
        /"a" is not two different systems joined by "_" \(in the test set, which .*judge-testset-v1\.json needs\)/,
      );
    });
  });
});
