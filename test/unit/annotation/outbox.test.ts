// The annotation panel's outbox: a label stays until the host confirms it, failures are retried and reported.
import assert from 'node:assert/strict';
import { Outbox, type OutboxStatus, type PendingWrite } from '../../../webview/annotate/outbox';

function label(id: string, itemKey = 'item-1'): PendingWrite {
  return {
    kind: 'label',
    params: { id, itemKey, value: 'pass', comment: null, labelledAt: '2025-01-01T00:00:00.000Z' },
  };
}

function harness(write: (w: PendingWrite) => Promise<void>, restored: PendingWrite[] = []) {
  const timers: { run: () => void; ms: number }[] = [];
  const persisted: PendingWrite[][] = [];
  const statuses: OutboxStatus[] = [];
  const outbox = new Outbox(
    {
      write,
      persist: (p) => persisted.push([...p]),
      onStatus: (s) => statuses.push(s),
      now: () => 0,
      setTimer: (run, ms) => timers.push({ run, ms }),
      clearTimer: () => undefined,
    },
    restored,
  );
  return { outbox, timers, persisted, statuses };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('annotation outbox', () => {
  it('keeps a label until its write is confirmed', async () => {
    let confirm!: () => void;
    const { outbox, persisted } = harness(
      () =>
        new Promise<void>((resolve) => {
          confirm = resolve;
        }),
    );
    outbox.add(label('a'));
    assert.deepEqual(
      persisted.at(-1)!.map((w) => w.params.id),
      ['a'],
    );
    assert.equal(outbox.stateOf('item-1'), 'saving');
    confirm();
    await settle();
    assert.deepEqual(persisted.at(-1), []);
    assert.equal(outbox.stateOf('item-1'), undefined);
    assert.equal(outbox.status().pending, 0);
  });

  it('reports a failed write, keeps the label and retries with a growing pause', async () => {
    let fail = true;
    const written: string[] = [];
    const { outbox, timers, persisted } = harness(async (w) => {
      if (fail) throw new Error('the database is busy');
      written.push(w.params.id);
    });
    outbox.add(label('a'));
    await settle();
    assert.equal(outbox.stateOf('item-1'), 'failed');
    assert.deepEqual(outbox.status(), { pending: 1, failed: 1, lastError: 'the database is busy', retryAt: 1000 });
    assert.deepEqual(
      persisted.at(-1)!.map((w) => w.params.id),
      ['a'],
    );
    timers.shift()!.run();
    await settle();
    assert.equal(timers[0]!.ms, 2000, 'the second pause is longer');
    fail = false;
    timers.shift()!.run();
    await settle();
    assert.deepEqual(written, ['a']);
    assert.deepEqual(outbox.status(), { pending: 0, failed: 0, lastError: null, retryAt: null });
  });

  it('sends what a previous page left unconfirmed', async () => {
    const written: string[] = [];
    const { outbox } = harness(
      async (w) => {
        written.push(w.params.id);
      },
      [label('left-over')],
    );
    outbox.start();
    await settle();
    assert.deepEqual(written, ['left-over']);
  });

  it('retries at once when asked', async () => {
    let fail = true;
    const { outbox } = harness(async () => {
      if (fail) throw new Error('locked');
    });
    outbox.add(label('a'));
    await settle();
    fail = false;
    outbox.retryNow();
    await settle();
    assert.equal(outbox.status().pending, 0);
  });
});
