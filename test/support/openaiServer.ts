// A real HTTP server on 127.0.0.1 (ephemeral port) speaking the parts of the OpenAI API the judge runner uses:
// chat completions, files and batches. Each chat request is answered by a script, so that a test can decide, per
// prompt and per attempt, to answer, to fail with a status, to be slow, or to drop the connection.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatCall {
  readonly model: string;
  readonly messages: readonly { role: string; content: string }[];
  /** The user message's content. */
  readonly prompt: string;
  /** 1 for the first time this exact request is seen, 2 for its first retry, ... */
  readonly attempt: number;
  /** When the server received it (Date.now()). */
  readonly receivedAt: number;
  readonly body: Record<string, unknown>;
}

export type Reply =
  | {
      readonly content: string;
      readonly delayMs?: number;
      readonly usage?: { prompt_tokens: number; completion_tokens: number };
      readonly finishReason?: string;
    }
  | {
      readonly status: number;
      readonly message?: string;
      readonly headers?: Readonly<Record<string, string>>;
      readonly delayMs?: number;
    }
  /** Closes the connection without an answer (after delayMs). */
  | { readonly drop: true; readonly delayMs?: number };

export type Script = (call: ChatCall) => Reply;

export interface ServerOptions {
  /** Added before every chat answer (the benchmark's latency). */
  readonly latencyMs?: number;
  /** How many polls a batch takes from creation to its final status. */
  readonly batchPolls?: number;
  /** The status a batch ends in; with 'expired', only the first `batchAnswered` requests have results. */
  readonly batchFinalStatus?: 'completed' | 'expired' | 'failed';
  readonly batchAnswered?: number;
}

interface StoredFile {
  readonly id: string;
  readonly filename: string;
  readonly purpose: string;
  readonly content: string;
}

interface FakeBatch {
  readonly id: string;
  readonly input_file_id: string;
  status: string;
  polls: number;
  output_file_id?: string;
  error_file_id?: string;
  request_counts: { total: number; completed: number; failed: number };
  readonly metadata: unknown;
  readonly created_at: number;
  errors?: { data: { message: string }[] };
}

export const DEFAULT_USAGE = { prompt_tokens: 100, completion_tokens: 5 };

export class FakeOpenAIServer {
  /** Every request received, in order: method, path and the Authorization header. */
  readonly requests: { method: string; path: string; authorization: string | undefined }[] = [];
  readonly chatCalls: ChatCall[] = [];
  /** The hash of every chat request answered (a 200 written): what was paid for, once per answer. */
  readonly answered: string[] = [];
  maxInFlight = 0;
  /** While held, answers wait instead of being written (see hold). */
  private held: ((answer: boolean) => void)[] | undefined;
  private inFlight = 0;
  private readonly attempts = new Map<string, number>();
  private readonly files = new Map<string, StoredFile>();
  private readonly batches = new Map<string, FakeBatch>();
  private nextId = 1;

  private constructor(
    private readonly server: Server,
    public script: Script,
    private readonly options: ServerOptions,
  ) {}

  static async start(script: Script, options: ServerOptions = {}): Promise<FakeOpenAIServer> {
    const server = createServer();
    const fake = new FakeOpenAIServer(server, script, options);
    server.on('request', (req, res) => void fake.handle(req, res));
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get baseURL(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  /** Chat completion requests received (each attempt counts). */
  get chatRequests(): number {
    return this.chatCalls.length;
  }

  /** From now on no answer is written: each waits until `release`. */
  hold(): void {
    this.held ??= [];
  }

  /** Ends the hold: the waiting answers are written, or (`answer` false) their connections are closed unanswered. */
  release(answer: boolean): void {
    const waiting = this.held ?? [];
    this.held = undefined;
    for (const resume of waiting) resume(answer);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const path = (req.url ?? '').replace(/\?.*$/, '');
    this.requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization });
    try {
      if (req.method === 'POST' && path === '/v1/chat/completions')
        return await this.chat(JSON.parse(body.toString('utf8')), res);
      if (req.method === 'POST' && path === '/v1/files') return await this.upload(req, body, res);
      const content = /^\/v1\/files\/([^/]+)\/content$/.exec(path);
      if (req.method === 'GET' && content) return this.fileContent(content[1]!, res);
      if (req.method === 'POST' && path === '/v1/batches')
        return this.createBatch(JSON.parse(body.toString('utf8')), res);
      if (req.method === 'GET' && path === '/v1/batches')
        return json(res, 200, { object: 'list', data: [...this.batches.values()].reverse(), has_more: false });
      const batch = /^\/v1\/batches\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && batch) return this.retrieveBatch(batch[1]!, res);
      json(res, 404, { error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error' } });
    } catch (err) {
      json(res, 500, { error: { message: (err as Error).message } });
    }
  }

  private call(body: Record<string, unknown>): ChatCall {
    const messages = body.messages as { role: string; content: string }[];
    const id = JSON.stringify(body);
    const attempt = (this.attempts.get(id) ?? 0) + 1;
    this.attempts.set(id, attempt);
    const prompt = messages.find((m) => m.role === 'user')?.content ?? '';
    return { model: String(body.model), messages, prompt, attempt, receivedAt: Date.now(), body };
  }

  private async chat(body: Record<string, unknown>, res: ServerResponse): Promise<void> {
    const call = this.call(body);
    this.chatCalls.push(call);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const reply = this.script(call);
      await delay((this.options.latencyMs ?? 0) + (reply.delayMs ?? 0));
      if (this.held && !(await new Promise<boolean>((resolve) => this.held!.push(resolve)))) {
        res.socket?.destroy();
        return;
      }
      if (res.destroyed) return;
      if ('drop' in reply) {
        res.socket?.destroy();
        return;
      }
      if ('status' in reply) {
        json(
          res,
          reply.status,
          { error: { message: reply.message ?? `scripted ${reply.status}`, type: 'scripted' } },
          reply.headers,
        );
        return;
      }
      json(res, 200, completion(this.nextId++, call.model, reply));
      this.answered.push(createHash('sha256').update(JSON.stringify(body)).digest('hex'));
    } finally {
      this.inFlight--;
    }
  }

  private async upload(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
    const form = await new Request('http://fake/upload', {
      method: 'POST',
      headers: req.headers as Record<string, string>,
      body,
    }).formData();
    const file = form.get('file') as File;
    const stored: StoredFile = {
      id: `file-${this.nextId++}`,
      filename: file.name,
      purpose: String(form.get('purpose')),
      content: await file.text(),
    };
    this.files.set(stored.id, stored);
    json(res, 200, fileObject(stored));
  }

  private fileContent(id: string, res: ServerResponse): void {
    const file = this.files.get(id);
    if (!file) return json(res, 404, { error: { message: `no file ${id}` } });
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(file.content);
  }

  private createBatch(body: { input_file_id: string; metadata?: unknown }, res: ServerResponse): void {
    const input = this.files.get(body.input_file_id);
    if (!input) return json(res, 400, { error: { message: `no file ${body.input_file_id}` } });
    const total = input.content.split('\n').filter((l) => l.trim()).length;
    const batch: FakeBatch = {
      id: `batch_${this.nextId++}`,
      input_file_id: body.input_file_id,
      status: 'validating',
      polls: 0,
      request_counts: { total, completed: 0, failed: 0 },
      metadata: body.metadata ?? null,
      created_at: Math.floor(Date.now() / 1000),
    };
    this.batches.set(batch.id, batch);
    json(res, 200, batchObject(batch));
  }

  private retrieveBatch(id: string, res: ServerResponse): void {
    const batch = this.batches.get(id);
    if (!batch) return json(res, 404, { error: { message: `no batch ${id}` } });
    batch.polls++;
    if (batch.status === 'validating') batch.status = 'in_progress';
    else if (batch.status === 'in_progress' && batch.polls >= (this.options.batchPolls ?? 2)) this.finish(batch);
    json(res, 200, batchObject(batch));
  }

  /** Runs every line of the batch through the script, as the provider would, and writes the result files. */
  private finish(batch: FakeBatch): void {
    const final = this.options.batchFinalStatus ?? 'completed';
    if (final === 'failed') {
      batch.status = 'failed';
      batch.errors = { data: [{ message: 'scripted validation failure' }] };
      return;
    }
    const lines = this.files
      .get(batch.input_file_id)!
      .content.split('\n')
      .filter((l) => l.trim());
    const answered = final === 'expired' ? lines.slice(0, this.options.batchAnswered ?? 0) : lines;
    const outputs: string[] = [];
    const errors: string[] = [];
    for (const line of answered) {
      const request = JSON.parse(line) as { custom_id: string; body: Record<string, unknown> };
      const reply = this.script(this.call(request.body));
      if ('content' in reply) {
        outputs.push(
          JSON.stringify({
            id: `batch_req_${this.nextId}`,
            custom_id: request.custom_id,
            response: {
              status_code: 200,
              request_id: `req_${this.nextId}`,
              body: completion(this.nextId++, String(request.body.model), reply),
            },
            error: null,
          }),
        );
      } else {
        const status = 'status' in reply ? reply.status : 500;
        errors.push(
          JSON.stringify({
            id: `batch_req_${this.nextId++}`,
            custom_id: request.custom_id,
            response: {
              status_code: status,
              body: { error: { message: 'status' in reply ? (reply.message ?? `scripted ${status}`) : 'dropped' } },
            },
            error: null,
          }),
        );
      }
    }
    batch.request_counts = { total: lines.length, completed: outputs.length, failed: errors.length };
    if (outputs.length) batch.output_file_id = this.addFile('batch_output', outputs);
    if (errors.length) batch.error_file_id = this.addFile('batch_error', errors);
    batch.status = final;
  }

  private addFile(purpose: string, lines: readonly string[]): string {
    const file: StoredFile = {
      id: `file-${this.nextId++}`,
      filename: `${purpose}.jsonl`,
      purpose,
      content: lines.join('\n') + '\n',
    };
    this.files.set(file.id, file);
    return file.id;
  }
}

function completion(
  n: number,
  model: string,
  reply: { content: string; usage?: { prompt_tokens: number; completion_tokens: number }; finishReason?: string },
) {
  const usage = reply.usage ?? DEFAULT_USAGE;
  return {
    id: `chatcmpl-${n}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: reply.content },
        finish_reason: reply.finishReason ?? 'stop',
        logprobs: null,
      },
    ],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

function fileObject(file: StoredFile) {
  return {
    id: file.id,
    object: 'file',
    bytes: Buffer.byteLength(file.content),
    created_at: Math.floor(Date.now() / 1000),
    filename: file.filename,
    purpose: file.purpose,
    status: 'processed',
  };
}

function batchObject(batch: FakeBatch) {
  const { polls: _polls, ...visible } = batch;
  return { ...visible, object: 'batch', endpoint: '/v1/chat/completions', completion_window: '24h' };
}

function json(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
