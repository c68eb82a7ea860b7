// Requests and replies between the extension host and a webview, the one mechanism both sides use (after
// microsoft/vscode-hexeditor's MessageHandler): a request carries an id and is settled by exactly one response
// with that id; notifications (every other message) get none. A panel's protocol file lists its requests as
// `{ method: { params; result } }`, so both the asking and the answering side are typed from one declaration.

/** A panel's requests: what each method takes and what it resolves to (an interface, checked against itself). */
export type RequestMap<M = Record<string, unknown>> = {
  readonly [K in keyof M]: { readonly params: unknown; readonly result: unknown };
};

export type RequestParams<M extends RequestMap<M>, K extends keyof M> = M[K]['params'];
export type RequestResult<M extends RequestMap<M>, K extends keyof M> = M[K]['result'];

export type RequestMessage<M extends RequestMap<M>> = {
  [K in keyof M & string]: {
    readonly type: 'request';
    readonly id: number;
    readonly method: K;
    readonly params: RequestParams<M, K>;
  };
}[keyof M & string];

export type ResponseMessage =
  | { readonly type: 'response'; readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly type: 'response'; readonly id: number; readonly ok: false; readonly error: string };

/** How the answering side resolves each method; a method missing here is a compile error, not a silent hang. */
export type RequestAnswers<M extends RequestMap<M>> = {
  readonly [K in keyof M & string]: (params: RequestParams<M, K>) => Promise<RequestResult<M, K>>;
};

/** A request the other side answered with an error, or never answered. */
export class RequestFailed extends Error {}

/** No requests in this direction. */
export type NoRequests = Record<never, never>;

export interface ChannelOptions<Answered extends RequestMap<Answered>> {
  /** How this side answers the other side's requests (absent: it answers none). */
  readonly answers?: RequestAnswers<Answered>;
  /** How long to wait for an answer: a crashed extension host never answers. */
  readonly timeoutMs?: number;
  /** The message the other side sees for a failed request (the host turns database errors into advice). */
  readonly describeError?: (err: Error) => string;
  /** Told of every request this side failed to answer, for the log. */
  readonly onAnswerFailed?: (method: string, err: Error) => void;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * One side's end: `request` asks the other side (Asked: the other side's requests map) and `receive` takes what
 * arrives, settling a waiting request or answering one of `Answered`.
 */
export class RequestChannel<Asked extends RequestMap<Asked>, Answered extends RequestMap<Answered> = NoRequests> {
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }
  >();

  constructor(
    private readonly post: (message: RequestMessage<Asked> | ResponseMessage) => void,
    private readonly options: ChannelOptions<Answered> = {},
  ) {}

  request<K extends keyof Asked & string>(
    method: K,
    params: RequestParams<Asked, K>,
  ): Promise<RequestResult<Asked, K>> {
    const id = this.nextId++;
    return new Promise<RequestResult<Asked, K>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new RequestFailed('the extension host did not answer (is it still running?)'));
      }, this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.post({ type: 'request', id, method, params } as RequestMessage<Asked>);
    });
  }

  /** Settles the request a response answers, or answers a request; a response to a forgotten request is dropped. */
  async receive(message: ResponseMessage | RequestMessage<Answered>): Promise<void> {
    if (message.type === 'response') this.settle(message);
    else await this.answer(message);
  }

  /** Fails every request still waiting (the panel closed): nobody is left to answer them. */
  dispose(): void {
    for (const [id, waiting] of this.waiting) {
      clearTimeout(waiting.timer);
      waiting.reject(new RequestFailed('the panel was closed'));
      this.waiting.delete(id);
    }
  }

  private settle(response: ResponseMessage): void {
    const waiting = this.waiting.get(response.id);
    if (!waiting) return;
    this.waiting.delete(response.id);
    clearTimeout(waiting.timer);
    if (response.ok) waiting.resolve(response.result);
    else waiting.reject(new RequestFailed(response.error));
  }

  private async answer(request: RequestMessage<Answered>): Promise<void> {
    const answer = this.options.answers?.[request.method];
    try {
      if (!answer) throw new Error(`this side answers no request "${request.method}"`);
      const result = await answer(request.params);
      this.post({ type: 'response', id: request.id, ok: true, result });
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      this.options.onAnswerFailed?.(request.method, error);
      this.post({
        type: 'response',
        id: request.id,
        ok: false,
        error: this.options.describeError?.(error) ?? error.message,
      });
    }
  }
}
