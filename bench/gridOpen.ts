// npm run bench -- grid: the grid's first open as a newcomer has it in `npm run try`: starts try.sh on its own
// port, opens the demo in Chromium, opens a prompt group from the explorer, prints when it was painted and where
// the time went (VS Code's webview start before our script's first line, the host's data, render, paint), five
// groups after it, the grid reopened after closing it, and stops. A minute or so once code-server is installed
// (try.sh installs it the first time).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { launch, openWorkbench, showLangLensView, treeRow, waitInFrame, webviewFrame } from '../test/e2e/workbench';

// The page functions below run in the webview, not in Node; this program has no DOM library, so the one global
// they use is declared here (as in test/e2e).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;

const PORT = process.env.BENCH_TRY_PORT ?? '8791';
const TARGET_MS = 300;
const PROJECT = join(__dirname, '..');

function startTry(): Promise<{ stop: () => void; codeServer: string }> {
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
      // try.sh's last lines: "LangLens in VS Code: http://… (code-server 4.103.2)".
      const ready = /LangLens in VS Code:.*\(code-server ([^)]+)\)/.exec(out);
      if (ready) resolve({ stop, codeServer: ready[1]! });
    });
    child.on('exit', (code) => reject(new Error(`try.sh ended (${code}) before code-server was ready:\n${out}`)));
  });
}

/** Where one open's time went, read from the grid's page (webview/grid/main.ts sets these on its body). */
interface OpenTiming {
  readonly painted: number;
  readonly scriptStarted: number;
  readonly received: number;
  readonly rendered: number;
  readonly from: string | undefined;
}

async function openGroupTimed(page: Page, row: string): Promise<{ grid: Frame; timing: OpenTiming }> {
  await treeRow(page, row).click();
  const grid = await webviewFrame(page, 'grid');
  const painted = Number(await waitInFrame(grid, 'the first paint', () => document.body.dataset.paintMs));
  const phases = JSON.parse((await grid.evaluate(() => document.body.dataset.phases)) ?? '{}') as Omit<
    OpenTiming,
    'painted' | 'from'
  >;
  const from = await grid.evaluate(() => document.body.dataset.viewFrom as string | undefined);
  return { grid, timing: { painted, ...phases, from } };
}

function printOpen(what: string, t: OpenTiming): void {
  const ours = t.painted - t.scriptStarted;
  console.log(
    `${what}, command → painted: ${t.painted} ms (target ${TARGET_MS} ms, ratio ${(t.painted / TARGET_MS).toFixed(2)})`,
  );
  console.log(
    `  VS Code's webview start (command → our script's first line): ${t.scriptStarted} ms; then the host's data ${t.received} ms (${t.from === 'page' ? 'written into the page' : 'posted'}), rendered ${t.rendered} ms`,
  );
  console.log(`  ours (script start → painted): ${ours} ms (${((100 * ours) / t.painted).toFixed(0)}% of the wait)`);
}

export async function benchGridOpen(): Promise<void> {
  console.log('\n## grid: first open in `npm run try` (code-server, Chromium, the demo run)');
  const server = await startTry();
  const { browser, page } = await launch();
  try {
    console.log(`code-server ${server.codeServer}`);
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
    const { grid, timing } = await openGroupTimed(page, 'egg');
    if (tracing) writeFileSync(process.env.BENCH_TRACE!, await tracing.stopTracing());
    printOpen('first open', timing);
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
    // A webview opened after another one in the same window (the grid again here; the grid after the dashboard is
    // the same): what it costs depends on the VS Code version, as scripts/vscode/try.sh says.
    await grid.locator('body').press('Control+w');
    await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 10_000 });
    printOpen('reopened after closing it', (await openGroupTimed(page, 'egg')).timing);
  } finally {
    await browser.close();
    server.stop();
  }
}
