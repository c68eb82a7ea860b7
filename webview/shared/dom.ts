// Small DOM helpers the webviews share.

/** An error the user must see, above everything else in the page, read out by screen readers. */
export function showErrorBanner(app: HTMLElement, message: string): void {
  app.setAttribute('aria-busy', 'false');
  const banner = document.createElement('div');
  banner.className = 'error-banner';
  banner.setAttribute('role', 'alert');
  banner.textContent = message;
  app.prepend(banner);
}

/** Whether a key press is typing into a field rather than a command. */
export function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|VSCODE-TEXTAREA|VSCODE-TEXTFIELD)$/.test(target.tagName))
  );
}

/**
 * Sets --toolbar-height to the page's .toolbar height, for headers that stick just below it (through CSSOM: the
 * Content-Security-Policy forbids style attributes). Returns the toolbar, if there is one.
 */
export function setToolbarHeight(app: HTMLElement): HTMLElement | null {
  const bar = app.querySelector<HTMLElement>('.toolbar');
  if (bar) setRootProperty('--toolbar-height', `${bar.offsetHeight}px`);
  return bar;
}

/**
 * Sets a custom property on the page's root, only when its value changes: every element inherits it, so each set
 * (even of the same value) restyles the whole page, 50–90 ms for a grid of 144 responses.
 */
export function setRootProperty(name: string, value: string): void {
  const style = document.documentElement.style;
  if (style.getPropertyValue(name) !== value) style.setProperty(name, value);
}

/**
 * Replaces `root`'s content without losing what the user is typing: a field edited since its last render (marked
 * with data-edited by `markEdited`) keeps its text, and the focused field keeps focus and caret. A refresh the host
 * pushes in the background must never wipe a half-typed filter.
 */
export function replaceKeepingEdits(root: HTMLElement, markup: string): void {
  const edited = [...root.querySelectorAll<HTMLInputElement>('input[data-edited][id]')].map((field) => ({
    id: field.id,
    value: field.value,
  }));
  const focused =
    document.activeElement instanceof HTMLInputElement && root.contains(document.activeElement)
      ? document.activeElement
      : null;
  const caret = focused ? { id: focused.id, start: focused.selectionStart, end: focused.selectionEnd } : null;
  root.innerHTML = markup;
  for (const { id, value } of edited) {
    const field = root.querySelector<HTMLInputElement>(`#${CSS.escape(id)}`);
    if (!field) continue;
    field.value = value;
    field.dataset.edited = '';
  }
  const refocus = caret?.id ? root.querySelector<HTMLInputElement>(`#${CSS.escape(caret.id)}`) : null;
  if (refocus) {
    refocus.focus();
    if (caret!.start !== null && caret!.end !== null) refocus.setSelectionRange(caret!.start, caret!.end);
  }
}

/** Marks a text field as edited by the user, so that `replaceKeepingEdits` keeps its text. */
export function markEdited(event: Event): void {
  if (event.target instanceof HTMLInputElement) event.target.dataset.edited = '';
}

/** The user's edits were applied: the next render may show the host's values again. */
export function clearEdited(root: HTMLElement): void {
  for (const field of root.querySelectorAll<HTMLElement>('[data-edited]')) delete field.dataset.edited;
}
