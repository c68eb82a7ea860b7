// A closed annotation panel's unsaved labels: kept in the webview's storage per panel and scope, taken over by the
// next panel of the same scope (never by one of another database, annotator, run or task), and sent once each.
import assert from 'node:assert/strict';
import { Outbox, type PendingWrite } from '../../../webview/annotate/outbox';
import { storeOutbox, takeOverOutboxes, type KeyValueStorage } from '../../../webview/annotate/storedOutbox';

class MemoryStorage implements KeyValueStorage {
  readonly map = new Map<string, string>();
  get length(): number {
    return this.map.size;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

function label(id: string, itemKey = 'item-1', value: 'pass' | 'fail' | null = 'pass'): PendingWrite {
  return { kind: 'label', params: { id, itemKey, value, comment: null, labelledAt: '2025-01-01T00:00:00.000Z' } };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

function outboxWriting(written: string[], fail = () => false) {
  return new Outbox({
    write: async (w) => {
      if (fail()) throw new Error('the database is busy');
      written.push(w.params.id);
    },
    persist: () => undefined,
    onStatus: () => undefined,
    now: () => 0,
    setTimer: () => 0,
    clearTimer: () => undefined,
  });
}

describe('annotation panel: unsaved labels kept in the webview storage', () => {
  it('a panel of the same scope takes over a closed panel’s entry, and only it', () => {
    const storage = new MemoryStorage();
    storeOutbox('closed-panel', 'scope-A', [label('a', 'k1'), label('b', 'k2')], storage);
    storeOutbox('other-run', 'scope-B', [label('c', 'k1')], storage);
    const taken = takeOverOutboxes('new-panel', 'scope-A', storage);
    assert.deepEqual(
      taken.map((w) => w.params.id),
      ['a', 'b'],
    );
    // Taken over: the entry is gone (the new panel keeps them under its own); the other scope's stays.
    assert.deepEqual([...storage.map.keys()], ['langlens.annotate.outbox.other-run']);
    assert.deepEqual(takeOverOutboxes('new-panel', 'scope-A', storage), []);
    assert.deepEqual(
      takeOverOutboxes('third', 'scope-B', storage).map((w) => w.params.id),
      ['c'],
    );
  });

  it('a panel never takes over its own entry, and an empty outbox removes it', () => {
    const storage = new MemoryStorage();
    storeOutbox('me', 'scope-A', [label('a')], storage);
    assert.deepEqual(takeOverOutboxes('me', 'scope-A', storage), []);
    assert.equal(storage.map.size, 1);
    storeOutbox('me', 'scope-A', [], storage);
    assert.equal(storage.map.size, 0);
  });

  it('skips entries it cannot read, and writes in them that are not writes, leaving unreadable entries in place', () => {
    const storage = new MemoryStorage();
    storage.setItem('langlens.annotate.outbox.broken', '{not json');
    storage.setItem(
      'langlens.annotate.outbox.mixed',
      JSON.stringify({ scope: 'scope-A', writes: [label('ok'), { kind: 'label', params: { id: 7 } }], savedAt: '' }),
    );
    assert.deepEqual(
      takeOverOutboxes('new', 'scope-A', storage).map((w) => w.params.id),
      ['ok'],
    );
    assert.ok(storage.map.has('langlens.annotate.outbox.broken'));
  });
});

describe('annotation outbox: taking over and discarding', () => {
  it('adopts only writes it does not hold (by id) and sends each once', async () => {
    const written: string[] = [];
    const outbox = outboxWriting(written, () => true);
    outbox.add(label('a'));
    await settle();
    const added = outbox.adopt([label('a'), label('b', 'k2'), label('b', 'k2'), label('c', 'k3', null)]);
    assert.deepEqual(
      added.map((w) => w.params.id),
      ['b', 'c'],
    );
    await settle();
    assert.equal(outbox.status().pending, 3);
    assert.deepEqual(written, []);
  });

  it('sends adopted writes at once when the host accepts them', async () => {
    const written: string[] = [];
    const outbox = outboxWriting(written);
    outbox.adopt([label('x', 'k1'), label('y', 'k2')]);
    await settle();
    assert.deepEqual(written, ['x', 'y']);
    assert.equal(outbox.status().pending, 0);
  });

  it('discard drops what waits, says how many, and a write failing afterwards is not retried', async () => {
    let reject!: (err: Error) => void;
    const outbox = new Outbox({
      write: () =>
        new Promise<void>((_resolve, rej) => {
          reject = rej;
        }),
      persist: () => undefined,
      onStatus: () => undefined,
      now: () => 0,
      setTimer: () => assert.fail('no retry is scheduled for a discarded write'),
      clearTimer: () => undefined,
    });
    outbox.add(label('a'));
    assert.equal(outbox.discard(), 1);
    reject(new Error('the database is busy'));
    await settle();
    assert.deepEqual(outbox.status(), { pending: 0, failed: 0, lastError: null, retryAt: null });
  });
});
