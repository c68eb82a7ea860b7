// A panel's script and styles written into its page: the icon font's url() points into media/ (its query kept, not
// encoded into the file name), and nothing in a bundle can end the <script> or <style> that holds it.
import { strict as assert } from 'node:assert';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inlineScript, inlineStyle, mediaText, pageMessagesJson } from '../../../src/extension/webviewAssets';

const media = (file: string) => `https://file+.vscode-resource.vscode-cdn.net/ext/media/${encodeURIComponent(file)}`;

describe('webview assets written into the page', () => {
  it("points a stylesheet's relative url() into media/, keeping its query", () => {
    const css = `@font-face { font-family: "codicon"; src: url("./codicon.ttf?721d4c") format("truetype"); }
      .a { background: url(./dot.svg); } .b { background: url('https://example.org/x.png'); }`;
    const out = inlineStyle(css, media);
    assert.match(out, /url\("https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/media\/codicon\.ttf\?721d4c"\)/);
    assert.match(out, /url\("https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/media\/dot\.svg"\)/);
    assert.match(out, /url\('https:\/\/example\.org\/x\.png'\)/, 'an absolute url is left as it is');
  });

  it('escapes "</style" and "</script" so that a bundle cannot close its element early', () => {
    assert.equal(inlineStyle('.a::after { content: "</style>"; }', media), '.a::after { content: "<\\/style>"; }');
    const js = 'const tag = "</script>"; const re = /<\\/script/i;';
    const out = inlineScript(js, 'media/grid.js');
    assert.equal(out, 'const tag = "<\\/script>"; const re = /<\\/script/i;');
    assert.equal(new Function(`${out}; return tag;`)(), '</script>', 'the string still means "</script>"');
  });

  it('refuses a script holding "<!--", naming the file', () => {
    assert.throws(() => inlineScript('const c = "<!-- x";', 'media/grid.js'), /media\/grid\.js contains "<!--"/);
  });

  it('writes messages into the page as JSON with no "<" in it, the same messages once parsed', () => {
    // A model's answer in a message: it must neither end the <script type="application/json"> nor open a comment.
    const messages = [
      { type: 'words', words: { lang: 'he', dir: 'rtl' } },
      { type: 'show', view: { html: '<p>a</p></script><script>alert(1)</script><!-- x -->\u2028</SCRIPT >' } },
    ];
    const json = pageMessagesJson(messages);
    assert.ok(!json.includes('<'), json);
    assert.match(json, /\\u003c\/script>\\u003cscript>alert\(1\)/);
    assert.deepEqual(JSON.parse(json), messages);
  });

  it('reads a media file again once it changed on disk', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'langlens-media-')), 'grid.js');
    writeFileSync(file, 'one');
    utimesSync(file, 1000, 1000);
    assert.equal(mediaText(file), 'one');
    writeFileSync(file, 'two');
    utimesSync(file, 2000, 2000);
    assert.equal(mediaText(file), 'two');
  });
});
