// npm run bench -- grid: the grid's first open as a newcomer has it in `npm run try`: starts try.sh on its own
// port, opens the demo in Chromium, opens a prompt group from the explorer, prints when it was painted and where
// the time went (VS Code's webview start before our script's first line, the host's data, render, paint), five
// groups after it, and stops. A minute or so once code-server is installed (try.sh installs it the first time).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openWorkbench, showLangLensView, treeRow, waitInFrame, webviewFrame } from '../test/e2e/workbench';

// The page functions below run in the webview, not in Node; this program has no DOM library, so the one global
// they use is declared here (as in test/e2e).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;

const PORT = process.env.BENCH_TRY_PORT ?? '8791';
const TARGET_MS = 300;
const PROJECT = join(__dirname, '..');

function startTry(): Promise<{ stop: () => void }> {
  const child = spawn('bash', ['scripts/vscode/try.sh'], {
    cwd: PROJECT,
    env: { ...process.env, PORT },
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  };
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('LangLens in VS Code:')) resolve({ stop });
    });
    child.on('exit', (code) => reject(new Error(`try.sh ended (${code}) before code-server was ready:\n${out}`)));
  });
}

export async function benchGridOpen(): Promise<void> {
  console.log('\n## grid: first open in `npm run try` (code-server, Chromium, the demo run)');
  const server = await startTry();
  const { browser, page } = await launch();
  try {
    await openWorkbench(page, `http://127.0.0.1:${PORT}`, join(PROJECT, 'demo'));
    await showLangLensView(page);
    await treeRow(page, 'demo').waitFor({ timeout: 60_000 });
    if ((await treeRow(page, 'Spanish').count()) === 0) await treeRow(page, 'demo').click();
    await treeRow(page, 'Spanish').click();
    // BENCH_TRACE=file.json: a Chromium trace of the first open, to see where its time goes.
    const tracing = process.env.BENCH_TRACE ? page.context().browser() : null;
    await tracing?.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink',
        'loading',
        'v8',
        'fonts',
        'disabled-by-default-v8.cpu_profiler',
      ],
    });
    await treeRow(page, 'egg').click();
    const grid = await webviewFrame(page, 'grid');
    const first = await waitInFrame(grid, 'the first paint', () => document.body.dataset.paintMs);
    if (tracing) writeFileSync(process.env.BENCH_TRACE!, await tracing.stopTracing());
    const phases = JSON.parse((await grid.evaluate(() => document.body.dataset.phases)) ?? '{}') as {
      scriptStarted: number;
      received: number;
      rendered: number;
    };
    const from = await grid.evaluate(() => document.body.dataset.viewFrom);
    const ours = Number(first) - phases.scriptStarted;
    console.log(
      `first open, command → painted: ${first} ms (target ${TARGET_MS} ms, ratio ${(Number(first) / TARGET_MS).toFixed(2)})`,
    );
    console.log(
      `  VS Code's webview start (command → our script's first line): ${phases.scriptStarted} ms; then the host's data ${phases.received} ms (${from === 'page' ? 'written into the page' : 'posted'}), rendered ${phases.rendered} ms`,
    );
    console.log(
      `  ours (script start → painted): ${ours} ms (${((100 * ours) / Number(first)).toFixed(0)}% of the wait)`,
    );
    const next: string[] = [];
    for (let i = 0; i < 5; i++) {
      const before = await grid.evaluate(() => document.body.dataset.group);
      // Back and forth through the demo's few groups: ] until the last, then [.
      const atLast = await grid.evaluate(() => document.getElementById('next')?.hasAttribute('disabled') ?? true);
      await grid.locator('body').press(atLast ? '[' : ']');
      next.push(
        await waitInFrame(
          grid,
          'the next group',
          (g: string | undefined) => document.body.dataset.group !== g && document.body.dataset.paintMs,
          30_000,
          before,
        ),
      );
    }
    console.log(`next or previous group ( ] / [ ) → painted: ${next.join(', ')} ms`);
  } finally {
    await browser.close();
    server.stop();
  }
}
