// One target of the scale tier, measured in a process of its own so that its peak memory is its alone:
//   node --import tsx bench/scale/target.ts <target> <database> [arguments]
// Prints one line of JSON: seconds (from after the modules loaded to the result), peak RSS of the process, and
// the target's own figures. The work is what the CLI or the extension host does, through the same functions.
import { writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { COMMANDS } from '../../src/cli/commands';
import type { CommandContext } from '../../src/cli/command';
import { groupsOf, promptGroup } from '../../src/core/store/promptGroup';
import { Store } from '../../src/core/store/store';
import { afterWaitingWork } from '../../src/core/util/nextTurn';
import { dashboardView, loadDashboard, withIntervals } from '../../src/extension/dashboard/dashboardView';
import { runStats } from '../../src/extension/explorer/runStats';
import { itemTotals } from '../../src/core/store/explorerProgress';
import { DEFAULT_DASHBOARD_FILTERS } from '../../shared/protocol/dashboard';
import { RUN } from './canonicalRun';

type Figures = Record<string, number>;

const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const rssMb = () => process.memoryUsage().rss / 2 ** 20;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A `langlens` command as the CLI runs it, its output counted and dropped. */
async function cli(db: string, args: readonly string[]): Promise<Figures> {
  const [name, ...rest] = args;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new Error(`no command ${name}`);
  const { values, positionals } = parseArgs({
    args: [...rest],
    options: { json: { type: 'boolean', default: false }, ...command.options },
    allowPositionals: true,
  });
  let bytes = 0;
  // BENCH_OUTPUT=file keeps the output, to compare two versions' figures on the same data.
  const kept: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (process.env.BENCH_OUTPUT) kept.push(chunk);
      done();
    },
  });
  const context: CommandContext = {
    values,
    positionals,
    db,
    json: values.json === true,
    stdout: sink,
    stderr: process.stderr,
    signal: new AbortController().signal,
  };
  const started = process.hrtime.bigint();
  const code = await command.run(context);
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}`);
  if (process.env.BENCH_OUTPUT) writeFileSync(process.env.BENCH_OUTPUT, Buffer.concat(kept));
  return { seconds: seconds(started), peakRssMb: peakRssMb(), outputBytes: bytes };
}

/**
 * The longest the thread went without running a timer, until stop(): how long the extension host, which serves
 * every panel and command of the window, could not answer any of them.
 */
function longestHold(): { stop: () => number } {
  let last = process.hrtime.bigint();
  let longest = 0n;
  const timer = setInterval(() => {
    const now = process.hrtime.bigint();
    if (now - last > longest) longest = now - last;
    last = now;
  }, 1);
  return {
    stop: () => {
      clearInterval(timer);
      const now = process.hrtime.bigint();
      return Number(now - last > longest ? now - last : longest) / 1e9;
    },
  };
}

/** What the extension host does for the agreement dashboard: its first figures, then a change of filter. */
async function dashboard(db: string): Promise<Figures> {
  const store = await Store.open(db, { readonly: true });
  global.gc?.();
  const before = rssMb();
  const held = longestHold();
  const started = process.hrtime.bigint();
  // As the panel does: the figures first, then again with their intervals.
  const loaded = await loadDashboard(store, RUN);
  // The panel reads its annotators' section from the database before it builds the view: a turn in between.
  await afterWaitingWork();
  const first = dashboardView(loaded);
  const firstSeconds = seconds(started);
  dashboardView(await withIntervals(loaded));
  const intervalsSeconds = seconds(started);
  const addedMb = peakRssMb() - before;
  const heldSeconds = held.stop();
  const filterHeld = longestHold();
  const changed = process.hrtime.bigint();
  // The new filters with the load they replace.
  const changedLoad = await loadDashboard(store, RUN, { ...DEFAULT_DASHBOARD_FILTERS, invalidAs: 'tie' }, loaded);
  await afterWaitingWork();
  const second = dashboardView(changedLoad);
  const filterSeconds = seconds(changed);
  dashboardView(await withIntervals(changedLoad));
  const filterIntervalsSeconds = seconds(changed);
  const filterHeldSeconds = filterHeld.stop();
  await store.close();
  if (first.groups.length === 0 || second.groups.length !== first.groups.length) throw new Error('no dashboard rows');
  return {
    seconds: firstSeconds,
    intervalsSeconds,
    addedMb,
    filterSeconds,
    filterIntervalsSeconds,
    heldSeconds,
    filterHeldSeconds,
    peakRssMb: peakRssMb(),
  };
}

const GRID_GROUPS = Number(process.env.BENCH_GRID_GROUPS ?? 40);

/** The grid opening prompt groups spread over the run: each group's prompts, responses, verdicts and labels. */
async function grid(db: string): Promise<Figures> {
  const store = await Store.open(db, { readonly: true });
  const groups = await groupsOf(store, RUN);
  const times: number[] = [];
  let labels = 0;
  const cpu = process.cpuUsage();
  for (let i = 0; i < GRID_GROUPS; i++) {
    const started = process.hrtime.bigint();
    const group = groups[(i * 7919) % groups.length]!;
    const data = await promptGroup(store, { run: RUN, ...group });
    times.push(seconds(started));
    labels += data.labels.length;
  }
  const used = process.cpuUsage(cpu);
  await store.close();
  if (labels === 0) throw new Error('the grid found no labels');
  return {
    seconds: median(times.slice(1)),
    slowest: Math.max(...times.slice(1)),
    cpuPerGroup: (used.user + used.system) / 1e6 / GRID_GROUPS,
    labelsPerGroup: labels / GRID_GROUPS,
  };
}

/** The runs explorer's counts for one annotator: labelled / total per language and group, mismatches, flags. */
async function explorer(db: string): Promise<Figures> {
  const store = await Store.open(db, { readonly: true });
  const figures: Figures = {};
  for (const task of ['rating', 'pairwise'] as const) {
    const started = process.hrtime.bigint();
    const totals = itemTotals(store, RUN, 'es-annotator-0', task);
    const stats = await runStats(store, RUN, 'es-annotator-0', task, totals);
    figures[task] = seconds(started);
    if (stats.all.labelled === 0) throw new Error(`no ${task} labels counted`);
    // While labels come the explorer keeps the totals (RunsTree) and counts the annotator's labels again.
    const again = process.hrtime.bigint();
    const refreshed = await runStats(store, RUN, 'es-annotator-0', task, totals);
    figures[`${task}Refresh`] = seconds(again);
    if (refreshed.all.total !== stats.all.total) throw new Error('a refresh changed the totals');
  }
  await store.close();
  return {
    seconds: Math.max(figures.rating!, figures.pairwise!),
    refresh: Math.max(figures.ratingRefresh!, figures.pairwiseRefresh!),
    ...figures,
  };
}

async function main(): Promise<void> {
  const [target, db, ...args] = process.argv.slice(2);
  if (!target || !db) throw new Error('usage: target.ts <cli|dashboard|grid|explorer> <database> [arguments]');
  const run = {
    cli: () => cli(db, args),
    dashboard: () => dashboard(db),
    grid: () => grid(db),
    explorer: () => explorer(db),
  }[target];
  if (!run) throw new Error(`no target ${target}`);
  const cpu = process.cpuUsage();
  const figures = await run();
  const used = process.cpuUsage(cpu);
  // On a shared machine the wall time says how busy it was too; the CPU time is the work's own.
  const cpuSeconds = (used.user + used.system) / 1e6;
  process.stdout.write(JSON.stringify({ peakRssMb: peakRssMb(), cpuSeconds, ...figures }) + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
