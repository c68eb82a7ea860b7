// The one request/reply mechanism of the host and the webviews: two channels wired to each other as the panel
// wires them (messages go through JSON, as postMessage clones them).
import { strict as assert } from 'node:assert';
import {
  RequestChannel,
  RequestFailed,
  type NoRequests,
  type RequestMessage,
  type ResponseMessage,
} from '../../../shared/protocol/channel';

interface Sums {
  readonly add: { readonly params: { a: number; b: number }; readonly result: number };
  readonly fail: { readonly params: { why: string }; readonly result: null };
}

type Wire = RequestMessage<Sums> | ResponseMessage;

function pair(options: { hostAnswers?: boolean; timeoutMs?: number } = {}) {
  const posted: Wire[] = [];
  const failures: string[] = [];
  // Deliver on a later tick, as postMessage does, and through a copy.
  const deliver = (to: () => RequestChannel<NoRequests, Sums> | RequestChannel<Sums>, m: Wire) => {
    posted.push(m);
    setImmediate(() => void (to() as RequestChannel<Sums, Sums>).receive(JSON.parse(JSON.stringify(m)) as Wire));
  };
  const host: RequestChannel<NoRequests, Sums> = new RequestChannel<NoRequests, Sums>(
    (m) => deliver(() => webview, m),
    options.hostAnswers === false
      ? {}
      : {
          answers: {
            add: async ({ a, b }) => a + b,
            fail: async ({ why }) => {
              throw new Error(`SQLITE_BUSY: ${why}`);
            },
          },
          describeError: (err) => (err.message.startsWith('SQLITE_BUSY') ? 'the database is busy' : err.message),
          onAnswerFailed: (method, err) => failures.push(`${method}: ${err.message}`),
        },
  );
  const webview: RequestChannel<Sums> = new RequestChannel<Sums>((m) => deliver(() => host, m), {
    timeoutMs: options.timeoutMs ?? 2000,
  });
  return { host, webview, posted, failures };
}

describe('request channel (host ↔ webview)', () => {
  it('answers each request with its own result, matched by id when answers arrive out of order', async () => {
    const { webview, posted } = pair();
    const [x, y] = await Promise.all([webview.request('add', { a: 2, b: 3 }), webview.request('add', { a: 40, b: 2 })]);
    assert.equal(x, 5);
    assert.equal(y, 42);
    const requests = posted.filter((m) => m.type === 'request');
    assert.deepEqual(
      requests.map((m) => m.id),
      [1, 2],
    );
    const responses = posted.filter((m): m is Extract<ResponseMessage, { ok: true }> => m.type === 'response' && m.ok);
    assert.deepEqual(
      responses.map((m) => [m.id, m.result]),
      [
        [1, 5],
        [2, 42],
      ],
    );
  });

  it("turns the answering side's error into the described message, and tells the log the raw one", async () => {
    const { webview, failures } = pair();
    await assert.rejects(webview.request('fail', { why: 'locked' }), (err: Error) => {
      assert.ok(err instanceof RequestFailed);
      assert.equal(err.message, 'the database is busy');
      return true;
    });
    assert.deepEqual(failures, ['fail: SQLITE_BUSY: locked']);
  });

  it('answers a request the side has no answer for with an error naming the method, instead of never', async () => {
    const { webview } = pair({ hostAnswers: false });
    await assert.rejects(webview.request('add', { a: 1, b: 1 }), /answers no request "add"/);
  });

  it('fails a request nobody answers after the timeout, and drops the late answer', async () => {
    const posted: Wire[] = [];
    const webview = new RequestChannel<Sums>((m) => posted.push(m), { timeoutMs: 20 });
    await assert.rejects(webview.request('add', { a: 1, b: 2 }), /did not answer/);
    await webview.receive({ type: 'response', id: 1, ok: true, result: 3 });
    assert.equal(posted.length, 1);
  });

  it('fails the waiting requests when the panel is disposed', async () => {
    const webview = new RequestChannel<Sums>(() => undefined, { timeoutMs: 60_000 });
    const waiting = webview.request('add', { a: 1, b: 2 });
    webview.dispose();
    await assert.rejects(waiting, /panel was closed/);
  });
});
