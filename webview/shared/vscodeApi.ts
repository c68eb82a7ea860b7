// The webview's only channel to the extension host (acquireVsCodeApi may be called once per page).

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

/** Host messages arrive as window "message" events; anything without a string type is not from the host. */
export function onHostMessage<T extends { type: string }>(handle: (message: T) => void): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: unknown } | null;
    if (data && typeof data === 'object' && typeof data.type === 'string') handle(data as T);
  });
}
