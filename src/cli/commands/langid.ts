import { detectResponseLanguages, type RunDetectionReport } from '../../core/languages';
import { Store } from '../../core/store/store';
import type { Command } from '../command';
import { openExistingStore } from '../openStore';
import { progressBar } from '../progress';

export const langidCommand: Command = {
  name: 'langid',
  summary: 'detect the language of every response not detected yet, and store it (franc-all, run languages)',
  options: { run: { type: 'string' }, redetect: { type: 'boolean', default: false } },
  help: `usage: langlens langid [--run NAME] [--redetect]

Detects the language of each response that has no stored detection: new responses, and responses whose text
changed since. Each detection is stored with the detector's name, version and the run's languages, so it runs
once per response. A human language label (a language-label record) always wins over the detection.

  --run NAME     one run (default: every run with responses)
  --redetect     also redo detections another detector version or another set of run languages made

Then: langlens scores io-agreement, langlens scores io-mismatches.`,
  async run(context) {
    const store: Store = await openExistingStore(context);
    try {
      const bars = new Map<string, ReturnType<typeof progressBar>>();
      const reports = await detectResponseLanguages(store, {
        ...(context.values.run !== undefined ? { run: String(context.values.run) } : {}),
        redetect: context.values.redetect === true,
        signal: context.signal,
        onProgress: (run, done, total) => {
          let bar = bars.get(run);
          if (!bar) bars.set(run, (bar = progressBar(context.stderr, `langid ${run}`)));
          bar.update(total === 0 ? 1 : done / total);
        },
      });
      for (const bar of bars.values()) bar.done();
      if (context.json) context.stdout.write(JSON.stringify(reports, null, 2) + '\n');
      else
        context.stdout.write(reports.map(describe).join('\n') + (reports.length ? '\n' : 'no responses to detect\n'));
      return reports.some((r) => r.interrupted) ? 130 : 0;
    } finally {
      await store.close();
    }
  },
};

function describe(report: RunDetectionReport): string {
  const und = Object.entries(report.undetermined)
    .map(([reason, n]) => `${n} ${reason}`)
    .join(', ');
  const lines = [
    `run ${report.run}: ${report.detected} of ${report.responses} responses detected now` +
      (report.detected ? ` (${und ? `und: ${und}` : 'none undetermined'})` : ' (the others were detected before)') +
      (report.threads > 1 ? ` on ${report.threads} worker threads` : ''),
    `  detector: ${report.detector}`,
  ];
  if (report.mixed)
    lines.push(`  ${report.mixed} mixed answer(s) stored as "mul" (a second language holds ≥ 25% of the text)`);
  if (report.unsupported.length)
    lines.push(`  no model for ${report.unsupported.join(', ')}: responses in them will be "und"`);
  if (report.missingWorkerScript)
    lines.push(
      `  detected on one thread: the worker script ${report.missingWorkerScript} is missing (rebuild LangLens)`,
    );
  if (report.keptFromOtherDetector)
    lines.push(`  ${report.keptFromOtherDetector} detection(s) by another detector kept (--redetect to redo them)`);
  if (report.interrupted) lines.push('  interrupted: what was detected is stored; run again to continue');
  return lines.join('\n');
}
