// A panel's script and styles written into its page (webviewHtml.ts says why), kept apart from VS Code's API so
// that the escaping is tested in plain Node.
import { readFileSync, statSync } from 'node:fs';

/** A media file's text, read again only when the file changed (a development build rewrites media/). */
const mediaTexts = new Map<string, { readonly mtimeMs: number; readonly text: string }>();
export function mediaText(path: string): string {
  const { mtimeMs } = statSync(path);
  const known = mediaTexts.get(path);
  if (known?.mtimeMs === mtimeMs) return known.text;
  const text = readFileSync(path, 'utf8');
  mediaTexts.set(path, { mtimeMs, text });
  return text;
}

/** A stylesheet written into the page: its relative url()s (the icon font) now point into media/. */
export function inlineStyle(css: string, media: (file: string) => string): string {
  return css
    .replace(
      /url\(\s*(["']?)\.\/([^"'?#)]+)([^"')]*)\1\s*\)/g,
      (_, _quote: string, file: string, query: string) => `url("${media(file)}${query}")`,
    )
    .replace(/<\/style/gi, '<\\/style');
}

/**
 * A script written into the page. Inside <script>, "</script" would end it and "<!--" changes how the rest is
 * parsed; the first only occurs in strings, regular expressions and comments, where "<\/script" means the same.
 */
export function inlineScript(js: string, file: string): string {
  if (js.includes('<!--')) throw new Error(`${file} contains "<!--", which cannot be written into a page's <script>`);
  return js.replace(/<\/script/gi, '<\\/script');
}

/**
 * Messages written into a page as JSON inside `<script type="application/json">`: no "<" is left in it (each is
 * the string escape \u003c, the same JSON value), so model output in a message can neither end the element nor
 * start a comment.
 */
export function pageMessagesJson(messages: readonly unknown[]): string {
  return JSON.stringify(messages).replace(/</g, '\\u003c');
}
