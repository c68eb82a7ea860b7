// The explorer's prompt openings (src/extension/explorer/promptPreview.ts): cut from the logical start, so a Hebrew
// or Arabic prompt keeps its first words, at a word boundary, isolated for the tree's left-to-right line.
import assert from 'node:assert/strict';
import { promptPreview, readsRightToLeft } from '../../../src/extension/explorer/promptPreview';

const isolated = (s: string) => `\u2068${s}\u2069`;

describe('explorer: prompt previews', () => {
  it('keeps the first words of a long Hebrew prompt and cuts its end at a word boundary', () => {
    const he = 'הסבר איך מכינים כוס תה, צעד אחר צעד, ומה עושים אם המים כבר רתחו לפני שהכנתם את הכוס.';
    assert.equal(promptPreview(he), isolated('הסבר איך מכינים כוס תה…'));
    assert.equal(promptPreview(he, 36), isolated('הסבר איך מכינים כוס תה, צעד אחר צעד…'));
  });

  it('keeps the first words of a long Arabic prompt, dropping the Arabic comma before the ellipsis', () => {
    const ar = 'اشرح كيف تُحضّر كوبًا من الشاي، خطوة بخطوة، ولماذا يجب أن يكون الماء ساخنًا جدًا.';
    assert.equal(promptPreview(ar, 31), isolated('اشرح كيف تُحضّر كوبًا من الشاي…'));
  });

  it('lets a left-to-right prompt run longer (the tree clips its end, not its start)', () => {
    const en =
      'Explain how to make a cup of tea, step by step, and what to do if the water boiled before you were ready.';
    assert.equal(promptPreview(en), isolated('Explain how to make a cup of tea, step by step, and what to…'));
    assert.equal(readsRightToLeft('Python היא שפת תכנות'), true);
    assert.equal(readsRightToLeft('The word שלום means peace'), false);
  });

  it('cuts text without spaces (Chinese) at the limit, and leaves a short prompt whole', () => {
    assert.equal(
      promptPreview('请一步一步地解释如何泡一杯茶并说明每一步的理由', 10),
      isolated('请一步一步地解释如何…'),
    );
    assert.equal(promptPreview('  Explain\n tea. '), isolated('Explain tea.'));
    assert.equal(promptPreview(null), '');
  });
});
