import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '../../../src/core/import/readers/csv';
import { readJsonArray } from '../../../src/core/import/readers/jsonArray';
import { readJsonLines } from '../../../src/core/import/readers/jsonLines';
import type { RawRow } from '../../../src/core/import/readers/row';
import { temporaryFolder } from '../../support/paths';

async function collect(rows: AsyncGenerator<RawRow>): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('readers', () => {
  let folder: ReturnType<typeof temporaryFolder>;
  const file = (name: string, text: string) => {
    const path = join(folder.path, name);
    writeFileSync(path, text);
    return path;
  };
  beforeEach(() => (folder = temporaryFolder()));
  afterEach(() => folder.remove());

  describe('JSON array', () => {
    const text =
      '\ufeff[\n  {"a": "x, [y] {z}", "n": 1},\n  {"a": "quote \\" and \\\\", "n": [2, {"k": "]"}]},\n\n  {"a": "中文 עברית", "n": 3}\n]\n';
    const expected = [
      { line: 2, value: { a: 'x, [y] {z}', n: 1 } },
      { line: 3, value: { a: 'quote " and \\', n: [2, { k: ']' }] } },
      { line: 5, value: { a: '中文 עברית', n: 3 } },
    ];

    it('yields each element with the line it starts on', async () => {
      assert.deepEqual(await collect(readJsonArray(file('a.json', text))), expected);
    });

    it('gives the same elements whatever the chunk size (elements and strings split across chunks)', async () => {
      const path = file('a.json', text);
      for (const size of [1, 2, 3, 5, 7, 16])
        assert.deepEqual(await collect(readJsonArray(path, { chunkSize: size })), expected, `chunk size ${size}`);
    });

    it('reads a single top-level object as one row', async () => {
      assert.deepEqual(await collect(readJsonArray(file('o.json', '{"idx": 1, "v": [1, 2]}'), { chunkSize: 4 })), [
        { line: 1, value: { idx: 1, v: [1, 2] } },
      ]);
    });

    it('names the line of a broken element and of a missing bracket', async () => {
      await assert.rejects(collect(readJsonArray(file('b.json', '[\n{"a": 1},\n{"a": tru}\n]'))), {
        line: 3,
        message: /not valid JSON/,
      });
      await assert.rejects(collect(readJsonArray(file('c.json', '[\n{"a": 1},\n'))), {
        message: /ends before its closing bracket/,
      });
    });
  });

  describe('JSON Lines', () => {
    it('gives the same rows whatever the chunk size, multi-byte characters split across chunks included', async () => {
      const path = file('m.jsonl', '\ufeff{"t":"中文"}\r\n{"t":"עברית"}\n\n{"t":"é"}');
      const expected = [
        { line: 1, value: { t: '中文' } },
        { line: 2, value: { t: 'עברית' } },
        { line: 4, value: { t: 'é' } },
      ];
      for (const size of [1, 2, 3, 5, 64])
        assert.deepEqual(await collect(readJsonLines(path, { chunkSize: size })), expected, `chunk size ${size}`);
    });

    it('skips blank lines, keeps line numbers, and names the broken line', async () => {
      const rows = await collect(readJsonLines(file('a.jsonl', '{"a":1}\n\n{"a":2}\r\n')));
      assert.deepEqual(rows, [
        { line: 1, value: { a: 1 } },
        { line: 3, value: { a: 2 } },
      ]);
      await assert.rejects(collect(readJsonLines(file('b.jsonl', '{"a":1}\n{"a":\n'))), { line: 2 });
    });
  });

  describe('CSV', () => {
    const text = '\ufeffkind,text,n\r\nprompt,"hello, ""world""",1\r\nprompt,"two\nlines",2\nprompt,,3\n';
    const expected = [
      { line: 2, value: { kind: 'prompt', text: 'hello, "world"', n: '1' } },
      { line: 3, value: { kind: 'prompt', text: 'two\nlines', n: '2' } },
      { line: 5, value: { kind: 'prompt', text: '', n: '3' } },
    ];

    it('handles quotes, doubled quotes, separators and newlines inside fields, CRLF and a BOM', async () => {
      assert.deepEqual(await collect(readCsv(file('a.csv', text))), expected);
    });

    it('gives the same rows whatever the chunk size', async () => {
      const path = file('a.csv', text);
      for (const size of [1, 2, 3, 4, 9])
        assert.deepEqual(await collect(readCsv(path, { chunkSize: size })), expected, `chunk size ${size}`);
    });

    it('reads tab-separated files by their extension', async () => {
      assert.deepEqual(await collect(readCsv(file('a.tsv', 'a\tb\n1\t2\n'))), [{ line: 2, value: { a: '1', b: '2' } }]);
    });

    it('names the line of a row with the wrong number of fields, and of an unclosed quote', async () => {
      await assert.rejects(collect(readCsv(file('b.csv', 'a,b\n1,2\n3\n'))), {
        line: 3,
        message: /1 fields, the header has 2/,
      });
      await assert.rejects(collect(readCsv(file('c.csv', 'a,b\n1,"2\n'))), { line: 2, message: /not closed/ });
    });
  });
});
