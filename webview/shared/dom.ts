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
  return target instanceof HTMLElement
    && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|VSCODE-TEXTAREA|VSCODE-TEXTFIELD)$/.test(target.tagName));
}

/**
 * Sets --toolbar-height to the page's .toolbar height, for headers that stick just below it (through CSSOM: the
 * Content-Security-Policy forbids style attributes). Returns the toolbar, if there is one.
 */
export function setToolbarHeight(app: HTMLElement): HTMLElement | null {
  const bar = app.querySelector<HTMLElement>('.toolbar');
  if (bar) document.documentElement.style.setProperty('--toolbar-height', `${bar.offsetHeight}px`);
  return bar;
}
