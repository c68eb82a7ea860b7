// The direction of a block and the runs isolated inside it (webview/shared/bidi.ts): the majority of strong
// letters decides, not the first one, and the language decides a tie.
import assert from 'node:assert/strict';
import { bidiText, blockDirection, oppositeRuns, strongLetters } from '../../../webview/shared/bidi';

describe('bidi: block direction', () => {
  it('takes a Hebrew paragraph that starts with a Latin word as right to left', () => {
    const text = 'Python היא שפת תכנות פופולרית.';
    assert.deepEqual(strongLetters(text), { ltr: 6, rtl: 19 });
    assert.equal(blockDirection(text, 'ltr'), 'rtl');
  });

  it('takes an Arabic paragraph that starts with an English name as right to left', () => {
    assert.equal(blockDirection('OpenAI هي شركة أبحاث في مجال الذكاء الاصطناعي.', 'rtl'), 'rtl');
  });

  it('keeps an English sentence with one Hebrew word left to right, even in a Hebrew answer', () => {
    assert.equal(blockDirection('The word שלום means peace and hello.', 'rtl'), 'ltr');
  });

  it("falls back to the prompt language's direction on a tie or without letters", () => {
    assert.equal(blockDirection('1. 2. 3. — 42%', 'rtl'), 'rtl');
    assert.equal(blockDirection('1. 2. 3. — 42%', 'ltr'), 'ltr');
    assert.equal(blockDirection('ab אב', 'rtl'), 'rtl');
    assert.equal(blockDirection('ab אב', 'ltr'), 'ltr');
  });

  it('counts Arabic-script letters of Persian and Urdu as right to left, digits and marks as neither', () => {
    assert.deepEqual(strongLetters('چائے ۱۲۳ 123 !'), { ltr: 0, rtl: 4 });
  });
});

describe('bidi: isolated runs and control characters', () => {
  it('isolates a Latin run with its digits, leaving the space and comma to the block', () => {
    const text = 'Python 3.12, היא שפה';
    assert.deepEqual(oppositeRuns(text, 'rtl'), [{ start: 0, end: 11 }]);
    assert.equal(bidiText(text, 'rtl').value, '<bdi>Python 3.12</bdi>, היא שפה');
  });

  it('isolates each Hebrew run in an English sentence', () => {
    assert.equal(bidiText('say שלום or תודה rabbah', 'ltr').value, 'say <bdi>שלום</bdi> or <bdi>תודה</bdi> rabbah');
  });

  it('shows each bidi control as a named mark and never leaves the character in the text', () => {
    const out = bidiText('if (admin\u202E \u2066) {', 'ltr').value;
    assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(out), out);
    assert.match(out, /data-code="U\+202E"[^>]*>RLO<\/span>/);
    assert.match(out, /data-code="U\+2066"[^>]*>LRI<\/span>/);
    for (const c of [
      '\u200E',
      '\u200F',
      '\u061C',
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u2067',
      '\u2068',
      '\u2069',
    ]) {
      assert.match(bidiText(`a${c}b`, 'ltr').value, /class="bidi-control"/, `U+${c.charCodeAt(0).toString(16)}`);
    }
  });

  it('escapes the text it returns', () => {
    assert.equal(bidiText('<b>x</b> & "q"', 'ltr').value, '&lt;b&gt;x&lt;/b&gt; &amp; &quot;q&quot;');
  });
});
