// `npm run bench -- team`: 30 simulated annotators, each on their own connection, labelling for 60 s against a
// PostgreSQL server (LANGLENS_BENCH_PG, else LANGLENS_TEST_PG): first at a person's pace (a label every 1-3 s),
// then in a burst (as fast as the server takes them). Prints labels written per second, p50/p99 write latency,
// errors, labels lost (acknowledged but not in the database, counted afterwards) and the time the lead's dashboard
// (loading the pairwise items and computing agreement per language) takes to refresh while they write.
// Not part of the default bench: it takes a minute and needs a server.
import { join } from 'node:path';
import { importFile } from '../src/core/import/importFile';
import { loadPairwiseItems } from '../src/core/metrics/agreement';
import { agreementDashboard } from '../src/core/metrics/audit/dashboard';
import { DEFAULT_INTERVALS } from '../src/core/metrics/estimate';
import { appendLabel, queueResponses } from '../src/core/store/annotation';
import { connectionOf } from '../src/core/store/connection';
import { Store } from '../src/core/store/store';
import { PROJECT_ROOT } from '../test/support/paths';
import { freshSchema } from '../test/support/testDatabase';

const ANNOTATORS = 30;
const SECONDS = Number(process.env.LANGLENS_BENCH_TEAM_SECONDS ?? 60);
/** The last sixth of the time is the burst. */
const BURST_SHARE = 1 / 6;

interface Phase {
  readonly name: string;
  readonly latencies: number[];
  errors: number;
  started: number;
  ended: number;
}

export async function benchTeam(): Promise<void> {
  console.log(`\n## Team store: ${ANNOTATORS} annotators on PostgreSQL for ${SECONDS} s (pace, then burst)`);
  const server = process.env.LANGLENS_BENCH_PG ?? process.env.LANGLENS_TEST_PG;
  if (!server) {
    console.log('skipped: set LANGLENS_BENCH_PG (or LANGLENS_TEST_PG) to a postgres:// URL of a test server');
    return;
  }
  const schema = freshSchema(server);
  const lead = await Store.open(schema.location);
  try {
    for (const file of ['prompts.jsonl', 'responses.jsonl', 'judge-pairwise.jsonl']) {
      await importFile(lead, join(PROJECT_ROOT, 'demo', file));
    }
    const pairs = (await queueResponses(lead, 'demo', [])).filter((r) => r.system === 'mono-en');
    const stores = await Promise.all(Array.from({ length: ANNOTATORS }, () => Store.open(schema.location)));
    const pace: Phase = { name: 'pace (1-3 s apart)', latencies: [], errors: 0, started: 0, ended: 0 };
    const burst: Phase = { name: 'burst (back to back)', latencies: [], errors: 0, started: 0, ended: 0 };
    const acknowledged = new Set<string>();
    const start = performance.now();
    const burstAt = start + SECONDS * 1000 * (1 - BURST_SHARE);
    const end = start + SECONDS * 1000;
    pace.started = start;
    burst.started = burstAt;
    const refreshes: number[] = [];
    // The lead's live watch (LISTEN/NOTIFY): how long after a label is acknowledged the lead is told of it.
    const told: number[] = [];
    let untoldSince: number | undefined;
    const watch = await lead.watchLabels(() => {
      if (untoldSince !== undefined) told.push(performance.now() - untoldSince);
      untoldSince = undefined;
    });
    const dashboard = (async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const items = await loadPairwiseItems(lead, { run: 'demo' });
        agreementDashboard(items, { invalidAs: 'exclude', intervals: DEFAULT_INTERVALS });
        refreshes.push(performance.now() - t);
        await sleep(1000);
      }
    })();
    await Promise.all(
      stores.map(async (store, a) => {
        for (let i = 0; performance.now() < end; i++) {
          const inBurst = performance.now() >= burstAt;
          if (!inBurst) await sleep(1000 + Math.random() * 2000);
          const phase = performance.now() >= burstAt ? burst : pace;
          const item = pairs[(a * 7 + i) % pairs.length]!;
          const fingerprint = `bench-${a}-${i}`;
          const t = performance.now();
          try {
            await appendLabel(store, {
              kind: 'pairwise',
              fingerprint,
              annotator: `annotator-${a}`,
              comment: null,
              labelledAt: new Date().toISOString(),
              run: 'demo',
              group: item.group,
              lang: item.lang,
              turn: item.turn,
              systemA: 'mono-en',
              systemB: i % 2 ? 'multi-3' : 'multi-40',
              value: (['A', 'B', 'tie'] as const)[i % 3]!,
              presentation: i % 2 ? 'AB' : 'BA',
            });
            phase.latencies.push(performance.now() - t);
            acknowledged.add(fingerprint);
            untoldSince ??= performance.now();
          } catch {
            phase.errors++;
          }
        }
      }),
    );
    pace.ended = burstAt;
    burst.ended = performance.now();
    await dashboard;
    await sleep(500);
    await watch.close();
    await Promise.all(stores.map((s) => s.close()));
    const stored = await connectionOf(lead).all<{ fingerprint: string }>(
      "SELECT fingerprint FROM labels WHERE fingerprint LIKE 'bench-%'",
    );
    const found = new Set(stored.map((r) => r.fingerprint));
    const lost = [...acknowledged].filter((f) => !found.has(f)).length;
    for (const phase of [pace, burst]) {
      const seconds = (phase.ended - phase.started) / 1000;
      console.log(
        `${phase.name}: ${(phase.latencies.length / seconds).toFixed(1)} labels/s, write latency p50 ` +
          `${quantile(phase.latencies, 0.5).toFixed(1)} ms, p99 ${quantile(phase.latencies, 0.99).toFixed(1)} ms, ` +
          `${phase.errors} errors`,
      );
    }
    console.log(
      `${acknowledged.size} labels acknowledged, ${found.size} in the database, ${lost} lost; dashboard refresh ` +
        `(${refreshes.length} while writing, up to ${stored.length} labels) p50 ${quantile(refreshes, 0.5).toFixed(0)} ms, ` +
        `max ${Math.max(...refreshes).toFixed(0)} ms`,
    );
    console.log(
      `live watch: told ${told.length} times, a label reached the lead p50 ${quantile(told, 0.5).toFixed(0)} ms, ` +
        `p99 ${quantile(told, 0.99).toFixed(0)} ms after it was acknowledged (changes coalesced over 250 ms)`,
    );
  } finally {
    await lead.close();
    await schema.drop();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
