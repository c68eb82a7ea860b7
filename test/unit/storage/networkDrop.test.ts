// A network that drops without a word (issue 15: "a network drop is shown and recovers by itself"): between the
// store and a real PostgreSQL server sits a TCP proxy that, on demand, stops passing bytes while keeping every
// socket open, as a dead Wi-Fi or VPN does. The store's heartbeat must say "unreachable" within its interval, fail
// the statement hanging meanwhile (so that its writer retries), and be connected again once bytes flow.
import { strict as assert } from 'node:assert';
import net from 'node:net';
import { connectionOf } from '../../../src/core/store/connection';
import { Store, type ConnectionState } from '../../../src/core/store/store';
import { freshSchema, requirePostgres, type TestLocation } from '../../support/testDatabase';
import { waitFor } from '../../support/waitFor';

/** A proxy to host:port whose `silent` switch holds every byte back (both ways) without closing a socket. */
class SilentProxy {
  silent = false;
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();

  constructor(target: { host: string; port: number }) {
    this.server = net.createServer((client) => {
      const upstream = net.connect(target.port, target.host);
      for (const [from, to] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        this.sockets.add(from);
        from.on('data', (chunk) => {
          if (!this.silent) to.write(chunk);
        });
        from.on('error', () => to.destroy());
        from.on('close', () => {
          this.sockets.delete(from);
          to.destroy();
        });
      }
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as net.AddressInfo).port;
  }

  /** Connections that are open now (the store's, and any it makes later). */
  get openSockets(): number {
    return this.sockets.size;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

describe('storage: a network that drops silently (PostgreSQL)', function () {
  this.timeout(60_000);
  let schema: TestLocation | undefined;
  let proxy: SilentProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    await schema?.drop();
    schema = proxy = undefined;
  });

  it('is said unreachable within the heartbeat, fails the hanging statement, and reconnects by itself', async function () {
    const server = requirePostgres(this);
    schema = freshSchema(server);
    const direct = new URL(schema.location);
    proxy = new SilentProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(schema.location);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(await proxy.listen());
    const heartbeatMs = 500;
    const store = await Store.open(viaProxy.toString(), { heartbeatMs });
    try {
      const db = connectionOf(store);
      await db.exec('CREATE TABLE drop_probe (n integer)');
      const states: ConnectionState[] = [];
      store.onConnectionState((state) => states.push(state));
      // The live dashboard's listener has a connection of its own: it is checked too, connects again, and then
      // tells a change (labels may have come meanwhile).
      let told = 0;
      const watch = await store.watchLabels(() => told++, { coalesceMs: 10 });

      // Idle when the network goes: the heartbeat's SELECT 1 gets no answer.
      proxy.silent = true;
      const noticed = await waitFor('unreachable while idle', () => states.includes('unreachable'), 4 * heartbeatMs);
      assert.ok(noticed <= 3 * heartbeatMs, `noticed after ${noticed} ms`);
      assert.equal(store.connectionState, 'unreachable');
      proxy.silent = false;
      await waitFor('connected again', () => store.connectionState === 'connected', 10_000);
      assert.deepEqual(states, ['unreachable', 'connected']);
      await waitFor('the listener back, telling a change', () => told > 0, 10_000);
      await watch.close();
      await db.run('INSERT INTO drop_probe (n) VALUES (?)', [1]);

      // Busy when the network goes: the statement sent then fails (its writer retries), it does not hang.
      proxy.silent = true;
      const started = Date.now();
      await assert.rejects(
        db.run('INSERT INTO drop_probe (n) VALUES (?)', [2]),
        /connection .* was lost|did not answer/,
      );
      const failedAfter = Date.now() - started;
      assert.ok(failedAfter < 5 * heartbeatMs, `the hanging insert failed after ${failedAfter} ms`);
      assert.equal(states.at(-1), 'unreachable');
      proxy.silent = false;
      await waitFor('connected again after the busy drop', () => store.connectionState === 'connected', 10_000);
      await db.run('INSERT INTO drop_probe (n) VALUES (?)', [3]);
      const rows = await db.all<{ n: number }>('SELECT n FROM drop_probe ORDER BY n');
      // The insert that failed may or may not have reached the server before the silence: 1 and 3 are there.
      assert.deepEqual(
        rows.map((r) => r.n).filter((n) => n !== 2),
        [1, 3],
      );
      assert.deepEqual(states, ['unreachable', 'connected', 'unreachable', 'connected']);
    } finally {
      await store.close();
    }
  });

  it('a healthy connection running a long statement is not given up', async function () {
    const server = requirePostgres(this);
    schema = freshSchema(server);
    const heartbeatMs = 300;
    const store = await Store.open(schema.location, { heartbeatMs });
    try {
      const states: ConnectionState[] = [];
      store.onConnectionState((state) => states.push(state));
      // Ten heartbeats long: the server accepts the probe's connection, so the statement runs to its end.
      await connectionOf(store).get('SELECT pg_sleep(3)');
      assert.deepEqual(states, []);
      assert.equal(store.connectionState, 'connected');
    } finally {
      await store.close();
    }
  });
});
