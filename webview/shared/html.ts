// Building HTML as strings (fast for hundreds of cells) without ever interpolating unescaped text: every value
// in an html`` template is escaped unless it is Html: html`` results, and the host's rendered Markdown
// (shared/protocol/common.ts RenderedMarkdown), wrapped where it is inserted.

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < parts.length; i++) out += render(parts[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Text with its language and direction: lang for fonts and hyphenation, dir for right-to-left scripts. */
export function langAttrs(language: { tag: string; rtl: boolean }): Html {
  return html`lang="${language.tag}" dir="${language.rtl ? 'rtl' : 'ltr'}"`;
}

export function icon(name: string, label?: string): Html {
  return label
    ? html`<span class="codicon codicon-${name}" role="img" aria-label="${label}" title="${label}"></span>`
    : html`<span class="codicon codicon-${name}" aria-hidden="true"></span>`;
}
