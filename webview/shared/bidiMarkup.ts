// The host's rendered Markdown made right for bidirectional text in the page (the rules are in bidi.ts): each
// block's direction from its letters, the other direction's runs isolated, bidi controls visible.
import { bidiText, blockDirection, CONTROL, visibleControls, type Direction } from './bidi';
import { escapeHtml, Html } from './html';

/** Elements that take their own direction: what markdown-it renders as a block (src/extension/markdown.ts). */
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, th, td, dt, dd';
/** Left to right whatever the text around: code, and the marks this module adds. */
const LEFT_TO_RIGHT = 'pre, code, kbd, samp, .bidi-control, bdi';

/**
 * The host's rendered Markdown with every block's direction set from its letters (the language's direction on a
 * tie), runs of the other direction isolated and bidi controls visible. Parsed and serialised once by the
 * browser, which never runs what it parses in a <template>.
 */
export function bidiMarkup(markup: string, language: Direction): Html {
  if (markup === '') return new Html('');
  const template = document.createElement('template');
  template.innerHTML = markup;
  const root = template.content;
  for (const block of root.querySelectorAll<HTMLElement>(BLOCKS)) {
    block.setAttribute('dir', blockDirection(block.textContent ?? '', language));
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  for (const text of texts) replaceText(text, language);
  return new Html(template.innerHTML);
}

function replaceText(text: Text, language: Direction): void {
  const value = text.data;
  const parent = text.parentElement;
  const inCode = !!parent?.closest(LEFT_TO_RIGHT);
  const hasControl = CONTROL.test(value);
  if (inCode && !hasControl) return;
  const base = inCode ? 'ltr' : ((parent?.closest('[dir]')?.getAttribute('dir') as Direction | null) ?? language);
  const markup = inCode ? visibleControls(value) : bidiText(value, base).value;
  if (markup === escapeHtml(value)) return;
  const holder = document.createElement('template');
  holder.innerHTML = markup;
  text.replaceWith(holder.content);
}
