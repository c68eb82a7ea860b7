// Nothing is paid for twice after a crash: a real child process running a judge job against the test server is killed
// with SIGKILL at random points, again and again, and resumed; the server's log must show every request answered
// exactly once. The server holds its answers just before each kill until the child has counted every answer it was
// sent as done: an answer still on the wire when a process dies cannot be kept by any client, but one that arrived
// and was counted must never be lost (the old group commit lost 8–19 per kill).
import { connectionOf } from '../../../src/core/store/connection';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { planJudgeJob, runJudgeJob } from '../../../src/core/judge/job';
import { Store } from '../../../src/core/store/store';
import { FakeOpenAIServer } from '../../support/openaiServer';
import { PROJECT_ROOT } from '../../support/paths';
import { judgeFile, storedPairs, storeWithRun, tempDir } from './helpers';

const TRIALS = 20;
const KILLS_PER_TRIAL = 2;
const GROUPS = 12; // 3 systems: 3 pairs x 2 orders = 6 requests a group, 72 a trial

/** A seeded generator, so that a failing run can be repeated (the seed is printed with the failure). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Child {
  readonly process: ChildProcess;
  answered = 0;
  ready = false;
  readonly exited: Promise<void>;
  private readonly listeners: (() => void)[] = [];

  constructor(bundle: string, db: string, judge: string) {
    this.process = spawn(process.execPath, [bundle, db, judge], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_PATH: join(PROJECT_ROOT, 'node_modules') },
    });
    let buffer = '';
    this.process.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line === 'ready') this.ready = true;
        const m = /^answered (\d+)$/.exec(line);
        if (m) this.answered = Number(m[1]);
        for (const listener of this.listeners.splice(0)) listener();
      }
    });
    this.exited = new Promise((resolve) => this.process.once('exit', () => resolve()));
  }

  /** Resolves when `condition` holds, the child exits, or after `ms`. */
  async until(condition: () => boolean, ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    let running = true;
    void this.exited.then(() => {
      running = false;
    });
    while (running && !condition() && Date.now() < deadline) {
      await Promise.race([new Promise<void>((resolve) => this.listeners.push(resolve)), this.exited, sleep(20)]);
    }
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('judge/crash: SIGKILL at random points, then resume', function () {
  this.timeout(240_000);
  let server: FakeOpenAIServer;
  let folder: string;
  let bundle: string;

  before(async () => {
    folder = tempDir();
    bundle = join(folder, 'judgeChild.js');
    // Bundled once, so that each child starts in a fraction of a second (sqlite3 stays a native module).
    buildSync({
      entryPoints: [join(PROJECT_ROOT, 'test/support/judgeChild.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outfile: bundle,
      external: ['sqlite3'],
      logLevel: 'error',
    });
    server = await FakeOpenAIServer.start(() => ({ content: '1' }), { latencyMs: 30 });
  });
  after(async () => {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it(`answers no request twice over ${TRIALS} trials of ${KILLS_PER_TRIAL} kills each`, async () => {
    const seed = Number(process.env.LANGLENS_CRASH_SEED ?? Date.now() % 1_000_000);
    const rand = random(seed);
    let kills = 0;
    let recoveredByResume = 0;
    let interrupted = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const dir = join(folder, `trial-${trial}`);
      const db = join(dir, 'langlens.db');
      // Group names differ per trial, so every trial's requests are new to the server.
      const groups = Array.from({ length: GROUPS }, (_, i) => `t${trial}g${i}`);
      await (await storeWithRun({ languages: ['es'], groups, systems: ['a', 'b', 'c'] }, db)).close();
      const judge = judgeFile(
        { name: 'crash', model: 'm', baseURL: server.baseURL, protocol: 'pairwise', allPairs: true, concurrency: 4 },
        {},
        dir,
      );
      const deliveredBefore = server.answered.length;
      let counted = 0;
      for (let k = 0; k < KILLS_PER_TRIAL; k++) {
        const child = new Child(bundle, db, judge.file);
        const delivered = server.answered.length;
        // Random points: before the database is open (a fold in progress), or while answers pour in (from the
        // first answer on, so that a loaded machine, where 250 ms may pass before any answer, still kills mid-job).
        if (rand() < 0.2) await sleep(rand() * 150);
        else {
          await child.until(() => child.ready && child.answered > 0, 20_000);
          await sleep(rand() * 250);
        }
        server.hold();
        // Every answer the server wrote to this child must have been counted by it, unless the child is gone.
        await child.until(() => child.answered >= server.answered.length - delivered, 10_000);
        child.process.kill('SIGKILL');
        await child.exited;
        counted += child.answered;
        server.release(false);
        kills++;
      }
      // Opening the database folds in what the last child journaled: every answer counted has its verdict.
      const store = await Store.open(db);
      const folded = (await storedPairs(store)).length;
      assert.ok(
        folded >= counted && folded <= server.answered.length - deliveredBefore,
        `trial ${trial}: ${folded} verdicts, ${counted} counted`,
      );
      interrupted += (
        await connectionOf(store).all(
          `SELECT id FROM judge_jobs WHERE message LIKE 'interrupted: the process ended during the job;%'`,
        )
      ).length;
      const plan = await planJudgeJob(store, judge, { run: 'r' });
      recoveredByResume += plan.cached.length;
      const summary = await runJudgeJob(store, plan);
      assert.equal(summary.outcome, 'completed', `trial ${trial} (seed ${seed}): ${summary.message}`);
      assert.equal((await storedPairs(store)).length, GROUPS * 6, `trial ${trial}: every verdict stored`);
      await store.close();
    }
    const counts = new Map<string, number>();
    for (const hash of server.answered) counts.set(hash, (counts.get(hash) ?? 0) + 1);
    const twice = [...counts.values()].filter((n) => n > 1).length;
    assert.equal(counts.size, TRIALS * GROUPS * 6, 'every request was answered');
    assert.equal(twice, 0, `request hashes answered twice (seed ${seed})`);
    assert.equal(kills, TRIALS * KILLS_PER_TRIAL);
    assert.ok(recoveredByResume > 0, 'the kills left answers to resume from');
    assert.ok(interrupted > 0, 'killed jobs are marked interrupted when their journal is folded in');
  });
});
