// Response lengths per script: graphemes where words are not separated by spaces, words elsewhere.
import { strict as assert } from 'node:assert';
import { lengthUnitFor, ResponseLengths, textLength } from '../../../src/core/metrics/judging';
import { renderTable } from '../../../src/core/report/render';
import type { Table } from '../../../src/core/report/table';

describe('judging/lengths', () => {
  it('chooses graphemes for unspaced scripts and words for spaced ones, a script subtag first', () => {
    assert.deepEqual(
      ['zh', 'ja', 'th', 'km', 'my', 'en', 'ru', 'ko', 'ar', 'sr-Latn', 'zh-Hant', 'und-Thai'].map(lengthUnitFor),
      [
        'graphemes',
        'graphemes',
        'graphemes',
        'graphemes',
        'graphemes',
        'words',
        'words',
        'words',
        'words',
        'words',
        'graphemes',
        'graphemes',
      ],
    );
  });

  it('counts Thai grapheme clusters (a consonant with its vowel and tone marks is one), not code points', () => {
    // "น้ำ" (water): น + ้ (tone mark) + ำ (vowel) is one grapheme cluster of three code points; "ดี" two code points, one cluster.
    assert.equal(textLength('น้ำดี', 'graphemes'), 2);
    assert.equal([...'น้ำดี'].length, 5);
    assert.equal(textLength('你好，世界\n', 'graphemes'), 5);
    assert.equal(textLength('  The cat  sat.\n', 'words'), 3);
    assert.equal(textLength('', 'words'), 0);
  });

  it("uses the lowest seed's response of a system", () => {
    const lengths = new ResponseLengths([
      { run: 'r', group: 'g', lang: 'en', turn: 1, system: 's', seed: 2, text: 'one two three' },
      { run: 'r', group: 'g', lang: 'en', turn: 1, system: 's', seed: 0, text: 'one' },
    ]);
    assert.equal(lengths.of({ run: 'r', group: 'g', lang: 'en', turn: 1 }, 's'), 1);
    assert.equal(lengths.of({ run: 'r', group: 'g', lang: 'en', turn: 1 }, 'other'), undefined);
  });
});

describe('report: machine-only columns', () => {
  const table: Table = {
    id: 't',
    title: 'T',
    notes: [],
    columns: [
      { key: 'comparison', label: 'Comparison', kind: 'text' },
      { key: 'judge', label: 'Judge', kind: 'text', machineOnly: true },
    ],
    rows: [
      { comparison: 'gpt-4 vs humans', judge: 'gpt-4' },
      { comparison: 'human vs human', judge: null },
    ],
  };
  it('are fields of the JSON and CSV exports and not columns of the text, Markdown and LaTeX tables', () => {
    const json = JSON.parse(renderTable(table, 'json')) as { rows: { judge: string | null }[] };
    assert.deepEqual(
      json.rows.map((r) => r.judge),
      ['gpt-4', null],
    );
    assert.match(renderTable(table, 'csv'), /^comparison,judge\ngpt-4 vs humans,gpt-4\nhuman vs human,\n$/);
    for (const format of ['text', 'markdown', 'latex'] as const)
      assert.doesNotMatch(renderTable(table, format), /Judge/, format);
  });
});
