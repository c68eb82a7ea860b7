// Response lengths per script: graphemes where words are not separated by spaces, words elsewhere.
import { strict as assert } from 'node:assert';
import { lengthUnitFor, ResponseLengths, ResponseLengthsById, textLength } from '../../../src/core/metrics/judging';
import { createRandom } from '../../../src/core/util/random';
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

  it('counts as the regular expression and the grapheme segmenter do, on text of every kind of character', () => {
    // The definitions the fast counts must agree with: runs of \\S, and non-blank extended grapheme clusters.
    const words = (text: string) => text.match(/\S+/gu)?.length ?? 0;
    const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
    const graphemes = (text: string) => [...segmenter.segment(text)].filter((s) => !/^\s+$/u.test(s.segment)).length;
    // Pieces that test each boundary rule: CR LF, combining marks after letters and after spaces, ideographic tone
    // marks and kana voicing marks (inside the fast ranges' blocks), Hangul jamo, ZWJ emoji, flags, every white space.
    const pieces = [
      'a',
      'Z',
      '.',
      '你',
      '好',
      '，',
      '。',
      '「',
      'カ',
      'か',
      '\u3099',
      '\u302a',
      '\uff01',
      '\uff9e',
      'น',
      '\u0e49',
      '\u0e33',
      'e\u0301',
      '\u0301',
      '\u1100',
      '\u1161',
      '\u11a8',
      '한',
      '👩\u200d💻',
      '🇯🇵',
      '\u00a0',
      '\u3000',
      ' ',
      '\t',
      '\n',
      '\r',
      '\r\n',
      '\u2028',
      '\u202f',
      '\ufeff',
      '\u0085',
      '\u180e',
      'ا',
      'ب',
      '\u064b',
    ];
    const random = createRandom(7);
    for (let i = 0; i < 3000; i++) {
      const length = random.nextInt(12);
      let text = '';
      for (let j = 0; j < length; j++) text += pieces[random.nextInt(pieces.length)];
      assert.equal(textLength(text, 'words'), words(text), `words in ${JSON.stringify(text)}`);
      assert.equal(textLength(text, 'graphemes'), graphemes(text), `graphemes in ${JSON.stringify(text)}`);
    }
  });

  it("uses the lowest seed's response of a system", () => {
    const lengths = new ResponseLengths([
      { run: 'r', group: 'g', lang: 'en', turn: 1, system: 's', seed: 2, text: 'one two three' },
      { run: 'r', group: 'g', lang: 'en', turn: 1, system: 's', seed: 0, text: 'one' },
    ]);
    assert.equal(lengths.of({ run: 'r', group: 'g', lang: 'en', turn: 1 }, 's'), 1);
    assert.equal(lengths.of({ run: 'r', group: 'g', lang: 'en', turn: 1 }, 'other'), undefined);
  });

  it("by ids too: the lowest seed's length of a system on a prompt, whichever seed comes first", () => {
    const lengths = new ResponseLengthsById();
    lengths.add(7, 3, 2, 30);
    lengths.add(7, 3, 0, 10);
    lengths.add(7, 3, 1, 20);
    lengths.add(7, 4, 5, 50);
    lengths.add(8, 3, 0, 80);
    assert.deepEqual(
      [lengths.of(7, 3), lengths.of(7, 4), lengths.of(8, 3), lengths.of(8, 4), lengths.of(9, 3)],
      [10, 50, 80, undefined, undefined],
    );
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
