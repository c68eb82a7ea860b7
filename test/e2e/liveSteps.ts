// The live dashboard (issue 15): with the agreement dashboard open, labels written from outside the editor (another
// annotator's machine, the CLI) show up in its figures by themselves, without Refresh: the store's watch (PRAGMA
// data_version polled on SQLite) tells the panel, which recomputes and says when.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { log, runCommandAndPick, runCommand, type Shots, waitInFrame, webviewFrame } from './workbench';

// The page functions run in the webview; the tests compile without the DOM library (as run.ts says).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;

/** What the dashboard counts on Russian: each figure's n, and the annotators scored. */
function ruCounts(): string {
  const ns = [...document.querySelectorAll('tbody[data-lang="ru"] .n')].map(
    (e: { textContent: string | null }) => e.textContent ?? '',
  );
  const annotators = [...document.querySelectorAll('tr.annotator-row[data-lang="ru"]')].map(
    (r: { dataset: { annotator?: string } }) => r.dataset.annotator ?? '',
  );
  return JSON.stringify({ ns, annotators });
}

export async function dashboardUpdatesLive(
  page: Page,
  shots: Shots,
  run: string,
  workspace: string,
  importIntoDatabase: (file: string) => Promise<void>,
): Promise<void> {
  await runCommand(page, 'View: Close All Editors');
  await runCommandAndPick(page, 'LangLens: Open Agreement Dashboard', run);
  const dashboard = await webviewFrame(page, 'dashboard');
  await waitInFrame(dashboard, 'the dashboard shown', () => document.body.dataset.dashboard === 'shown');
  const updatedBefore = await waitInFrame(dashboard, 'the time of its figures', () =>
    document.getElementById('updated')?.textContent?.trim(),
  );
  const before = await dashboard.evaluate(ruCounts);
  log('live dashboard before', updatedBefore, before);
  // A new annotator's labels on the Russian items, imported beside the editor (as another machine would write).
  const labels = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'].flatMap((group, g) =>
    ['mono-en', 'full-multi'].map((systemB) => ({
      kind: 'pairwise-label',
      run,
      group,
      lang: 'ru',
      annotator: 'lena',
      system_a: 'multi-3',
      system_b: systemB,
      verdict: g % 2 ? 'A' : 'B',
      time_on_item_ms: 15_000,
      labelled_at: '2025-01-05T10:00:00Z',
    })),
  );
  const file = join(workspace, '..', 'live-labels.jsonl');
  writeFileSync(file, labels.map((v) => JSON.stringify(v)).join('\n') + '\n');
  const written = Date.now();
  await importIntoDatabase(file);
  // No Refresh: the figures change by themselves.
  const after = await waitInFrame(
    dashboard,
    'the dashboard updated by itself',
    (old) => {
      const ns = [...document.querySelectorAll('tbody[data-lang="ru"] .n')].map(
        (e: { textContent: string | null }) => e.textContent ?? '',
      );
      const annotators = [...document.querySelectorAll('tr.annotator-row[data-lang="ru"]')].map(
        (r: { dataset: { annotator?: string } }) => r.dataset.annotator ?? '',
      );
      const now = JSON.stringify({ ns, annotators });
      return document.body.dataset.dashboard === 'shown' && now !== old && annotators.includes('lena') && now;
    },
    30_000,
    before,
  );
  const seconds = ((Date.now() - written) / 1000).toFixed(1);
  const updatedAfter = await dashboard.evaluate(() => document.getElementById('updated')?.textContent?.trim());
  log(`live dashboard after ${seconds} s`, updatedAfter, after);
  assert.notEqual(after, before);
  // VS Code in English: the time as English writes it ("12:31:03 AM"; Spanish's is 24-hour, displayLanguageSteps.ts).
  assert.match(updatedAfter ?? '', /^updated \d{1,2}:\d\d:\d\d\s[AP]M$/u);
  assert.notEqual(updatedAfter, updatedBefore, 'the time of the figures moved');
  await shots.take('dashboard-updated-live');
}
