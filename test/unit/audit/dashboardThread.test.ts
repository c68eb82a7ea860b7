// The dashboard's figures with intervals on a worker thread: the same figures, to the bit, as on the calling
// thread, which meanwhile goes on serving (the extension host's other panels and commands).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { agreementDashboard } from '../../../src/core/metrics/audit';
import {
  agreementDashboardOffThread,
  DASHBOARD_WORKER_FROM_ITEMS,
} from '../../../src/core/metrics/audit/dashboardThread';
import { PROJECT_ROOT, temporaryFolder } from '../../support/paths';
import { generatedItems as items } from './generatedItems';

const OPTIONS = {
  invalidAs: 'exclude',
  intervals: { level: 0.95, resamples: 200, seed: 7 },
} as const;

describe('audit: the dashboard on a worker thread', () => {
  it('gives the calling thread’s figures and intervals, and leaves that thread free meanwhile', async () => {
    const many = items(DASHBOARD_WORKER_FROM_ITEMS + 500);
    const here = agreementDashboard(many, OPTIONS);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      const there = await agreementDashboardOffThread(many, OPTIONS);
      assert.deepEqual(there, here);
      assert.ok(ticks > 0, 'a timer of the calling thread fired while the worker computed');
    } finally {
      clearInterval(timer);
    }
    assert.equal(here.groups.length, 2);
    const withTie = here.groups[0]!.judges[0]!.row.withTie;
    assert.ok(typeof withTie.lower === 'number' && withTie.lower < withTie.value!, JSON.stringify(withTie));
    assert.ok(here.groups[0]!.judges[0]!.minusHumans, 'judge − humans has its interval');
  });

  it('computes a small dashboard on the calling thread, with the same figures', async () => {
    const few = items(300);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      assert.deepEqual(await agreementDashboardOffThread(few, OPTIONS), agreementDashboard(few, OPTIONS));
      assert.equal(ticks, 0, 'no round trip to a worker');
    } finally {
      clearInterval(timer);
    }
  });

  it('passes on an error of the worker’s computation as a rejection', async () => {
    const broken = items(DASHBOARD_WORKER_FROM_ITEMS);
    await assert.rejects(
      agreementDashboardOffThread(broken, { ...OPTIONS, intervals: { level: 0.95, resamples: -1, seed: 7 } }),
      (err: Error) => {
        assert.throws(
          () => agreementDashboard(broken, { ...OPTIONS, intervals: { level: 0.95, resamples: -1, seed: 7 } }),
          { message: err.message },
        );
        return true;
      },
    );
  });

  it('lets a process end by itself, with its worker started ahead and used, or started and never used', () => {
    const folder = temporaryFolder();
    try {
      const from = (path: string) => JSON.stringify(join(PROJECT_ROOT, path));
      const run = (name: string, body: string) => {
        const script = join(folder.path, `${name}.ts`);
        writeFileSync(
          script,
          `import { agreementDashboardOffThread, startDashboardWorker } from ${from('src/core/metrics/audit/dashboardThread')};
           import { generatedItems } from ${from('test/unit/audit/generatedItems')};
           void agreementDashboardOffThread;
           startDashboardWorker(generatedItems(3000));
           ${body}`,
        );
        const child = spawnSync(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, script], {
          encoding: 'utf8',
          timeout: 30_000,
        });
        assert.equal(child.signal, null, `${name}: ended by itself, not by the timeout`);
        assert.equal(child.status, 0, child.stderr);
        return child.stdout.trim();
      };
      const options = "{ invalidAs: 'exclude', intervals: { level: 0.95, resamples: 50, seed: 1 } }";
      assert.equal(
        run(
          'used',
          `agreementDashboardOffThread(generatedItems(3000), ${options}).then((d) => console.log(d.groups.length));`,
        ),
        '2',
      );
      assert.equal(run('unused', `console.log('figures of the first load only');`), 'figures of the first load only');
    } finally {
      folder.remove();
    }
  });
});
