// `npm run bench` part 1: import speed and memory at the scale of Shaham et al.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRun, SCALE } from './importRun';

export async function benchImport(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'langlens-bench-'));
  try {
    console.log(`\n## Import: ${SCALE.languages} languages × ${SCALE.prompts} prompts × ${SCALE.systems} systems`);
    const run = await generateRun(folder);
    console.log(`generated ${run.rows.toLocaleString('en')} records, ${(run.bytes / 1e6).toFixed(0)} MB of JSONL`);
    const worker = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'importWorker.ts'), folder, ...run.files],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    if (worker.status !== 0) throw new Error(`the import worker failed:\n${worker.stderr}`);
    const r = JSON.parse(worker.stdout.trim().split('\n').at(-1)!);
    const ratio: number = r.ratio;
    const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
    console.log(`(medians of ${r.rounds} rounds, LangLens and the baseline taking turns on fresh databases)`);
    console.log(
      `import:            ${r.seconds.toFixed(2)} s, ${Math.round(r.rows / r.seconds).toLocaleString('en')} rows/s   (target < 20 s: ${verdict(r.seconds < 20)})`,
    );
    console.log(
      `baseline:          ${r.baselineSeconds.toFixed(2)} s (JSON.parse + batched prepared INSERT, same process)`,
    );
    console.log(
      `ratio:             ${ratio.toFixed(2)}   (target ≤ 1.3: ${verdict(ratio <= 1.3)}; rounds: ${r.ratios.map((x: number) => x.toFixed(2)).join(', ')})`,
    );
    console.log(
      `peak RSS:          ${r.peakRssMb.toFixed(0)} MB (first import, whole process)   (target < 500 MB: ${verdict(r.peakRssMb < 500)})`,
    );
    console.log(`re-import (no-op): ${r.reimportSeconds.toFixed(2)} s`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module) benchImport();
