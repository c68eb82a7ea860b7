// Language identification speed on realistic answers (test/unit/langid/longResponses.ts: 1,500-character responses
// of native-speaker text in an assistant's shape). Prints responses/s and characters/s on one thread and on the
// detection pool, and the wall time of a whole [SH]-scale run (88,848 responses of ~1,500 characters, Shaham et
// al.) through the store.
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LabelledText } from '../src/core/langid/evaluation';
import { realisticResponses, RESPONSE_CHARS } from '../test/unit/langid/longResponses';

export const SH_SCALE_RESPONSES = 88_848;

/** Responses per second of `detect` over `texts` for about `ms` milliseconds, and per CPU second of the process. */
async function rate(
  detect: (texts: readonly string[]) => Promise<unknown> | unknown,
  texts: readonly string[],
  ms: number,
): Promise<{ perSecond: number; perCpuSecond: number }> {
  let done = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  while (performance.now() - started < ms) {
    await detect(texts);
    done += texts.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { perSecond: done / seconds, perCpuSecond: done / ((used.user + used.system) / 1e6) };
}

/**
 * Responses/s and characters/s on one thread and on the detection pool (measured in turn, twice, in this process),
 * and a whole run through the store (import, then `detectResponseLanguages` on one thread and on the pool): the
 * [SH]-scale wall time.
 */
export async function benchLongResponses(samples: readonly LabelledText[]): Promise<void> {
  const { createLanguageIdentifier } = await import('../src/core/langid');
  const { DetectionPool } = await import('../src/core/languages/detectPool');
  const { sameLanguage, UNDETERMINED } = await import('../src/core/model/language');
  const { availableParallelism, loadavg } = await import('node:os');
  const responses = realisticResponses(samples, 50);
  const languages = [...new Set(responses.map((r) => r.lang))];
  const identifier = createLanguageIdentifier({ languages });
  const texts = responses.map((r) => r.text);
  const chars = texts.reduce((sum, t) => sum + t.length, 0) / texts.length;
  let right = 0;
  let und = 0;
  let mixed = 0;
  for (const r of responses) {
    const d = identifier.detect(r.text);
    if (sameLanguage(d.lang, r.lang)) right++;
    if (d.lang === UNDETERMINED) und++;
    if (d.lang === 'mul') mixed++;
  }
  console.log(
    `\nlong responses: ${responses.length} of ${RESPONSE_CHARS} characters (${languages.length} languages, hplt text in an answer's shape):` +
      ` ${right} right, ${und} und, ${mixed} mul`,
  );
  console.log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (other jobs share the cores)`,
  );

  const threads = availableParallelism();
  const pool = new DetectionPool(languages, threads);
  const batch = Array.from({ length: 6 }, () => texts).flat();
  await pool.detect(batch.slice(0, 400)); // warm-up: workers start and compile
  const one = { perSecond: 0, perCpuSecond: 0 };
  const pooled = { perSecond: 0, perCpuSecond: 0 };
  // Taking turns, so that a burst of load from other jobs falls on both; the best of two rounds each.
  for (let round = 0; round < 2; round++) {
    const single = await rate((t) => t.forEach((x) => identifier.detect(x)), texts, 1500);
    const many = await rate((t) => pool.detect(t), batch, 2000);
    if (single.perSecond > one.perSecond) Object.assign(one, single);
    if (many.perSecond > pooled.perSecond) Object.assign(pooled, many);
  }
  await pool.close();
  const line = (label: string, r: { perSecond: number; perCpuSecond: number }) =>
    `${label}: ${Math.round(r.perSecond)} responses/s, ${((r.perSecond * chars) / 1e6).toFixed(2)} M characters/s` +
    ` (${Math.round(r.perCpuSecond)} responses per CPU second)`;
  console.log(line('one thread', one));
  console.log(
    line(`${pool.threads} worker thread(s)`, pooled) + `, ${(pooled.perSecond / one.perSecond).toFixed(2)}× one thread`,
  );
  console.log(
    `[SH]-scale (${SH_SCALE_RESPONSES.toLocaleString('en')} responses of ~${RESPONSE_CHARS.toLocaleString('en')} characters) at these rates:` +
      ` ${(SH_SCALE_RESPONSES / pooled.perSecond).toFixed(1)} s on the pool, ${(SH_SCALE_RESPONSES / one.perSecond).toFixed(1)} s on one thread`,
  );
  await benchDetectionRun(texts, languages);
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

/** Responses in the run through the store: [SH] scale unless LANGLENS_BENCH_RUN_RESPONSES says otherwise. */
const RUN_RESPONSES = Number(process.env.LANGLENS_BENCH_RUN_RESPONSES ?? SH_SCALE_RESPONSES);

/**
 * A whole run as `langlens langid` detects it: RUN_RESPONSES responses imported into a new store, then detected on
 * the pool and, after the detections are deleted, on one thread (store reads and writes included).
 */
async function benchDetectionRun(texts: readonly string[], languages: readonly string[]): Promise<void> {
  const { importFile } = await import('../src/core/import/importFile');
  const { detectResponseLanguages } = await import('../src/core/languages');
  const { connectionOf } = await import('../src/core/store/connection');
  const { Store } = await import('../src/core/store/store');
  const folder = mkdtempSync(join(tmpdir(), 'langlens-langid-'));
  try {
    const file = join(folder, 'responses.jsonl');
    const out = createWriteStream(file);
    const systems = 12;
    for (let i = 0; i < RUN_RESPONSES; i++) {
      const text = texts[i % texts.length]!;
      const lang = languages[Math.floor((i % texts.length) / (texts.length / languages.length))];
      const record = {
        kind: 'response',
        run: 'sh',
        group: `p${Math.floor(i / systems)}`,
        lang,
        system: `s${i % systems}`,
        text,
      };
      if (!out.write(JSON.stringify(record) + '\n')) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const store = await Store.open(join(folder, 'langlens.db'));
    try {
      const imported = performance.now();
      await importFile(store, file);
      const importSeconds = (performance.now() - imported) / 1000;
      const timed = async (threads?: number) => {
        await connectionOf(store).run('DELETE FROM language_detections');
        const cpu = process.cpuUsage();
        const started = performance.now();
        const [report] = await detectResponseLanguages(store, { run: 'sh', ...(threads ? { threads } : {}) });
        const used = process.cpuUsage(cpu);
        return { seconds: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6, report: report! };
      };
      const pooled = await timed();
      const single = await timed(1);
      // The same report but for the threads it ran on.
      const same = JSON.stringify({ ...pooled.report, threads: 1 }) === JSON.stringify(single.report);
      console.log(
        `run through the store (${RUN_RESPONSES.toLocaleString('en')} responses, imported in ${importSeconds.toFixed(1)} s):` +
          ` ${pooled.seconds.toFixed(1)} s on the pool (${Math.round(RUN_RESPONSES / pooled.seconds)} responses/s, ${pooled.cpu.toFixed(1)} CPU s),` +
          ` ${single.seconds.toFixed(1)} s on one thread (${Math.round(RUN_RESPONSES / single.seconds)}/s, ${single.cpu.toFixed(1)} CPU s),` +
          ` ${(single.seconds / pooled.seconds).toFixed(2)}×; reports ${same ? 'identical' : 'DIFFER'}` +
          ` (${pooled.report.detected} detected, und ${JSON.stringify(pooled.report.undetermined)}, ${pooled.report.mixed} mul)`,
      );
      if (RUN_RESPONSES !== SH_SCALE_RESPONSES)
        console.log(
          `  [SH]-scale run estimated from it: ${((pooled.seconds * SH_SCALE_RESPONSES) / RUN_RESPONSES).toFixed(1)} s on the pool`,
        );
    } finally {
      await store.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
