// `npm run bench -- --scale N`: issue 11's targets on generated runs at N × Shaham et al.'s size (and at 1×, and a
// database of a million labels for the grid), each target measured in a child process of its own (bench/scale/
// target.ts), printed as a figure next to its target and the ratio of the two. The databases are generated once
// and cached (bench/scale/databases.ts).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { BASELINE, MILLION_LABELS, scaleShape } from './canonicalRun';
import { benchDatabase } from './databases';

interface Measure {
  /** What is measured, as the issue names it. */
  readonly what: string;
  readonly database: 'scale' | 'one' | 'million';
  readonly target: string;
  readonly args?: readonly string[];
  /** The figures compared with their targets: the field of the child's JSON, the limit and its unit. */
  readonly limits: readonly { field: string; limit: number; unit: 's' | 'MB' }[];
}

const MEASURES: readonly Measure[] = [
  {
    what: 'agreement --json (every table)',
    database: 'scale',
    target: 'cli',
    args: ['agreement', '--json'],
    limits: [
      { field: 'seconds', limit: 5, unit: 's' },
      { field: 'peakRssMb', limit: 500, unit: 'MB' },
    ],
  },
  {
    what: 'agreement --json at 1×',
    database: 'one',
    target: 'cli',
    args: ['agreement', '--json'],
    limits: [{ field: 'seconds', limit: 1.5, unit: 's' }],
  },
  {
    what: 'scores sxs --baseline (1,000 resamples)',
    database: 'scale',
    target: 'cli',
    args: ['scores', 'sxs', '--baseline', BASELINE, '--json'],
    limits: [{ field: 'seconds', limit: 3, unit: 's' }],
  },
  // The other score tables of pairwise verdicts (the generated run has no judge scores or ratings of responses).
  ...['if-matrix', 'judge-consistency', 'judge-accuracy', 'length-bias', 'bradley-terry', 'lc-winrate'].map(
    (table): Measure => ({
      what: `scores ${table} (1,000 resamples)`,
      database: 'scale',
      target: 'cli',
      args: ['scores', table, '--baseline', BASELINE, '--json'],
      limits: [{ field: 'seconds', limit: 3, unit: 's' }],
    }),
  ),
  {
    what: "dashboard's first figures (extension host)",
    database: 'scale',
    target: 'dashboard',
    // The panel shows the figures, then the same with intervals: both against the target, so neither hides.
    // heldSeconds: the longest the extension host's thread ran without a break (it serves the whole window), the
    // intervals being computed on the core's worker thread (dashboardThread.ts).
    limits: [
      { field: 'seconds', limit: 1.5, unit: 's' },
      { field: 'intervalsSeconds', limit: 1.5, unit: 's' },
      { field: 'heldSeconds', limit: 1.5, unit: 's' },
      { field: 'addedMb', limit: 400, unit: 'MB' },
      { field: 'filterSeconds', limit: 0.3, unit: 's' },
      { field: 'filterIntervalsSeconds', limit: 0.3, unit: 's' },
      { field: 'filterHeldSeconds', limit: 0.3, unit: 's' },
    ],
  },
  {
    what: 'grid: one prompt group, 1 M labels (median)',
    database: 'million',
    target: 'grid',
    limits: [{ field: 'seconds', limit: 0.02, unit: 's' }],
  },
  {
    what: "explorer's progress counts (rating, pairwise; first, and refreshed after labels)",
    database: 'scale',
    target: 'explorer',
    limits: [
      { field: 'seconds', limit: 0.1, unit: 's' },
      { field: 'refresh', limit: 0.1, unit: 's' },
    ],
  },
];

function format(value: number, unit: 's' | 'MB'): string {
  if (unit === 'MB') return `${value.toFixed(0)} MB`;
  return value < 1 ? `${(value * 1000).toFixed(1)} ms` : `${value.toFixed(2)} s`;
}

/**
 * Reads a database's files once, so that the target measures the tool's work and not the disk: this machine's
 * kernel pages out file pages left untouched for about a minute (DAMON's reclaim on the VM), and a cached database
 * used by an earlier target came back partly from disk (the same target 2.8 s in one run, 3.7 s in the next). A
 * user's database is in the page cache after its first query.
 */
function warm(database: string): void {
  const buffer = Buffer.allocUnsafe(4 * 2 ** 20);
  for (const path of [database, `${database}-wal`]) {
    if (!existsSync(path)) continue;
    const fd = openSync(path, 'r');
    try {
      while (readSync(fd, buffer, 0, buffer.length, null) > 0);
    } finally {
      closeSync(fd);
    }
  }
}

function measure(m: Measure, database: string): Record<string, number> {
  warm(database);
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(__dirname, 'target.ts'), m.target, database, ...(m.args ?? [])],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`${m.what} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!);
}

export async function benchScale(scale: number): Promise<void> {
  console.log(`\n## Scale: ${scale}× Shaham et al. (generated; cached in .langlens/bench-cache)`);
  const log = (line: string) => console.log(line);
  const databases = {
    scale: await benchDatabase(`scale-${scale}`, scaleShape(scale), log),
    one: await benchDatabase('scale-1', scaleShape(1), log),
    million: await benchDatabase('million-labels', MILLION_LABELS, log),
  };
  console.log(
    `(load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')} before measuring)`,
  );
  console.log("| what | figure | target | ratio | the child's CPU time |");
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const m of MEASURES) {
    // At 1× the 1× row measures the same command against its own target; the 4× targets stay said as such.
    const twin = MEASURES.some((o) => o.database === 'one' && o.args?.join(' ') === m.args?.join(' '));
    if (scale === 1 && m.database === 'scale' && twin) continue;
    const targetOf = m.database === 'scale' && scale !== 4 ? ' (the 4× target)' : '';
    const figures = measure(m, databases[m.database]);
    for (const { field, limit, unit } of m.limits) {
      const value = figures[field]!;
      const ratio = value / limit;
      console.log(
        `| ${m.what}${m.database === 'scale' ? ` at ${scale}×` : ''}${m.limits.length > 1 ? `: ${field}` : ''} | ${format(value, unit)} | ≤ ${format(limit, unit)}${targetOf} | ${ratio.toFixed(2)}${ratio <= 1 ? '' : ' MISSED'} | ${format(figures.cpuSeconds!, 's')} |`,
      );
    }
  }
}
