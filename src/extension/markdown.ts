// Model output is Markdown written by a model: render code blocks, lists and tables, but never its raw HTML
// (html: false escapes it), never fetch anything (images become their alt text) and never follow a
// javascript: link (markdown-it's validateLink). A single newline is a line break (a haiku, an address, a
// model's line-per-step answer), as chat interfaces show it. Each block's direction is set in the webview
// (webview/shared/bidi.ts), from the majority of its letters, not here from its first one (dir="auto").
// Rendered in the extension host, while the webview is still starting, so that the webview only inserts it;
// the webview's Content-Security-Policy would stop a script even if one got through.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: true });

md.renderer.rules.image = (tokens, idx) => {
  const alt = tokens[idx]!.content;
  return `<span class="image-placeholder" title="images are not loaded">[image${alt ? `: ${md.utils.escapeHtml(alt)}` : ''}]</span>`;
};

// Code is left-to-right whatever the response's direction.
md.renderer.rules.fence = (
  (original) => (tokens, idx, options, env, self) =>
    original!(tokens, idx, options, env, self).replace(/^<pre/, '<pre dir="ltr"')
)(md.renderer.rules.fence);

// Links open through VS Code (which asks before leaving for the web); show where they go.
md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx]!;
  token.attrSet('title', token.attrGet('href') ?? '');
  return self.renderToken(tokens, idx, options);
};

/** The HTML of a Markdown text; "" for a text that is only white space. */
export function renderMarkdown(text: string): string {
  return text.trim() === '' ? '' : md.render(text);
}
