// Where a judge's requests go: the server's origin, whether it is OpenAI itself or a server on this machine. Keys,
// prices and the default concurrency depend on it.

/** "https://api.openai.com" for "https://api.openai.com/v1": scheme, host and port, the unit a key is bound to. */
export function originOf(baseURL: string): string {
  return new URL(baseURL).origin;
}

/** OpenAI itself (it needs a key and offers the Batch API), as opposed to a local or other compatible server. */
export function isOpenAI(baseURL: string): boolean {
  const url = new URL(baseURL);
  return url.protocol === 'https:' && url.hostname === 'api.openai.com';
}

/** A server on this machine (vLLM, Ollama, llama.cpp, LM Studio): loopback addresses and *.localhost. */
export function isLocalServer(baseURL: string): boolean {
  const host = new URL(baseURL).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === '::1' ||
    host === '0.0.0.0'
  );
}

/** Requests in flight when a definition sets no "concurrency": a local server is not rate-limited per account. */
export function defaultConcurrency(baseURL: string): number {
  return isLocalServer(baseURL) ? LOCAL_CONCURRENCY : REMOTE_CONCURRENCY;
}
export const REMOTE_CONCURRENCY = 8;
export const LOCAL_CONCURRENCY = 16;
