// The webview's only channel to the extension host (acquireVsCodeApi may be called once per page).
import { PAGE_MESSAGES_ID } from '../../shared/protocol/pageMessages';

interface VsCodeApi<State> {
  postMessage(message: unknown): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi<State>(): VsCodeApi<State>;

let api: VsCodeApi<unknown> | undefined;

export function vscodeApi<State>(): VsCodeApi<State> {
  api ??= acquireVsCodeApi<unknown>();
  return api as VsCodeApi<State>;
}

/**
 * Host messages: first those the host wrote into the page (shared/protocol/pageMessages.ts), handled now, then
 * window "message" events as they come; anything without a string type is not from the host.
 */
export function onHostMessage<T extends { type: string }>(handle: (message: T, from: MessageOrigin) => void): void {
  const take = (data: unknown, from: MessageOrigin) => {
    const message = data as { type?: unknown } | null;
    if (message && typeof message === 'object' && typeof message.type === 'string') handle(message as T, from);
  };
  window.addEventListener('message', (event: MessageEvent<unknown>) => take(event.data, 'posted'));
  for (const message of pageMessages()) take(message, 'page');
}

/** Where a host message came from: written into the page, or posted to it. */
export type MessageOrigin = 'page' | 'posted';

/** The messages written into the page, once (the element is removed: a second listener gets none). */
function pageMessages(): unknown[] {
  const element = document.getElementById(PAGE_MESSAGES_ID);
  if (!element) return [];
  element.remove();
  const messages = JSON.parse(element.textContent ?? '[]') as unknown;
  return Array.isArray(messages) ? messages : [];
}
