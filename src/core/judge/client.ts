// One chat completion request through the `openai` package, with its failures sorted into what to do about them.
// The package's own retries are off: the runner retries itself, so that it can count retries, share a pause on
// 429 across all requests, and stop waiting the moment the user cancels.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { JudgeDefinition } from './definition';
import { type Message, msg } from '../util/message';

export interface ChatMessage {
  readonly role: 'system' | 'user';
  readonly content: string;
}

/** The body of a chat completion request, as sent online and written to Batch API input files. */
export type ChatRequestBody = Readonly<Record<string, unknown>> & {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
};

export interface ChatAnswer {
  readonly text: string;
  readonly finishReason: string | null;
  readonly promptTokens: number | null;
  readonly completionTokens: number | null;
  readonly responseId: string | null;
  readonly responseModel: string | null;
}

/**
 * retryable: try again after a pause (429, 408, 409, 5xx, timeouts, dropped connections).
 * request: this request cannot succeed as it is (400, 413, 422); other requests go on.
 * fatal: no request can succeed (401, 403, 404: key, permissions, model or URL); the job stops.
 */
export type FailureKind = 'retryable' | 'request' | 'fatal' | 'cancelled';

export class RequestFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: Message | string,
    readonly status?: number,
    /** What the server asked for in Retry-After / retry-after-ms, in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(String(message));
    this.text = message;
  }

  readonly text: Message | string;
}

export interface ClientSettings {
  readonly baseURL: string;
  /** Absent for local servers that need no key: no Authorization header is sent at all. */
  readonly apiKey?: string;
}

export function createClient(settings: ClientSettings): OpenAI {
  return new OpenAI({
    baseURL: settings.baseURL,
    apiKey: settings.apiKey ?? 'no-key',
    maxRetries: 0,
    defaultHeaders: settings.apiKey ? undefined : { Authorization: null },
    // The SDK's idle timeout is replaced by ours (it does not cover reading the body).
    timeout: 24 * 3600 * 1000,
  });
}

export function requestBody(definition: JudgeDefinition, messages: readonly ChatMessage[]): ChatRequestBody {
  return {
    model: definition.model,
    messages,
    [definition.maxTokensField]: definition.maxTokens,
    ...(definition.temperature === null ? {} : { temperature: definition.temperature }),
    ...(definition.samplingSeed === null ? {} : { seed: definition.samplingSeed }),
    ...(definition.jsonMode ? { response_format: { type: 'json_object' } } : {}),
  };
}

/**
 * Sends one request. `signal` cancels it (the user stopped the job); `timeoutMs` bounds the whole request,
 * headers and body, so that a server that stalls half-way is given up on as well.
 */
export async function sendChat(
  client: OpenAI,
  body: ChatRequestBody,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<ChatAnswer> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const completion = await client.chat.completions.create(
      body as unknown as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming,
      { signal: AbortSignal.any([signal, timeout]) },
    );
    return answerOf(completion);
  } catch (err) {
    if (signal.aborted) throw new RequestFailure('cancelled', msg('cancelled'));
    if (timeout.aborted || err instanceof APIConnectionTimeoutError) {
      throw new RequestFailure('retryable', msg('no answer within {0} s', timeoutMs / 1000));
    }
    throw classify(err);
  }
}

export function answerOf(completion: OpenAI.Chat.ChatCompletion): ChatAnswer {
  const choice = completion.choices?.[0];
  return {
    text: choice?.message?.content ?? '',
    finishReason: choice?.finish_reason ?? null,
    promptTokens: completion.usage?.prompt_tokens ?? null,
    completionTokens: completion.usage?.completion_tokens ?? null,
    responseId: completion.id ?? null,
    responseModel: completion.model ?? null,
  };
}

/** Sorts an error from the SDK (or from fetch) into a RequestFailure with a message a researcher can act on. */
export function classify(err: unknown): RequestFailure {
  if (err instanceof RequestFailure) return err;
  if (err instanceof APIUserAbortError) return new RequestFailure('retryable', msg('the request was aborted'));
  if (err instanceof APIConnectionError) {
    const cause = (err as { cause?: { cause?: { code?: string }; message?: string } }).cause;
    return new RequestFailure(
      'retryable',
      msg('connection failed ({0})', cause?.cause?.code ?? cause?.message ?? err.message),
    );
  }
  if (err instanceof APIError && typeof err.status === 'number')
    return classifyStatus(err.status, err.message, err.headers);
  const message = (err as Error)?.message ?? String(err);
  // A connection dropped while the body was being read surfaces as a plain TypeError / SyntaxError from fetch.
  if (/terminated|socket|ECONNRESET|other side closed|Unexpected end of JSON/i.test(message)) {
    return new RequestFailure('retryable', msg('connection dropped ({0})', message));
  }
  return new RequestFailure('request', message);
}

function classifyStatus(status: number, message: string, headers: Headers | undefined): RequestFailure {
  const detail = message.replace(/^\d{3}\s*/, '') || `HTTP ${status}`;
  if (status === 429 || status === 408 || status === 409 || status >= 500) {
    return new RequestFailure('retryable', msg('HTTP {0}: {1}', status, detail), status, retryAfterMs(headers));
  }
  if (status === 401 || status === 403) {
    return new RequestFailure(
      'fatal',
      msg(
        'the server refused the API key (HTTP {0}: {1}); set the key with "LangLens: Set API Key" in the editor or the environment variable named by "apiKeyEnv" for the CLI',
        status,
        detail,
      ),
      status,
    );
  }
  if (status === 404) {
    return new RequestFailure(
      'fatal',
      msg('not found (HTTP 404: {0}); check "baseURL" (it usually ends in /v1) and "model"', detail),
      status,
    );
  }
  return new RequestFailure('request', msg('HTTP {0}: {1}', status, detail), status);
}

/** Retry-After in seconds or as an HTTP date, or the non-standard retry-after-ms OpenAI also sends. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
