// The end-to-end scenario (npm run test:e2e runs it through scripts/e2e.sh): import a run from the welcome
// view, open a prompt group of 12 languages × 12 systems, switch layouts and filters and themes, prove that a
// response's HTML never runs, label three items with the keyboard, reload the window and find the labels in
// the database and the queue at the next item, then survive a database write failure. Timings are printed.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import {
  currentRatings,
  holdWriteLock,
  pairwiseHistory,
  ratingHistory,
  simulateLanguageIdentification,
  withDatabase,
} from './database';
import {
  ARABIC_LATIN_FIRST,
  BIDI_GROUP,
  BIDI_RUN,
  bidiRunLines,
  ENGLISH_IN_HEBREW,
  HEBREW_LATIN_FIRST,
  HEBREW_PROMPT,
} from './bidiFixture';
import { fixtureRows, RUN, XSS_GROUP } from './fixture';
import { importFile } from '../../src/core/import/importFile';
import { detectResponseLanguages } from '../../src/core/languages';
import { Store } from '../../src/core/store/store';
import { FakeOpenAIServer } from '../support/openaiServer';
import { dashboardUpdatesLive } from './liveSteps';
import { extensionHosts } from './processes';
import { overlapTargetFollowedLive } from './overlapSteps';
import { rebindNextItemKey } from './keysSteps';
import { closedPanelKeepsUnsavedLabels } from './panelSteps';
import { annotationPanelInHebrew } from './l10nSteps';
import { reviewDisagreementsAndAdjudicate } from './adjudicateSteps';
import { type DisplayLanguageProfile, vsCodeInTranslatedDisplayLanguages } from './displayLanguageSteps';
import {
  confirmationOfJudgePicks,
  launch,
  log,
  openWorkbench,
  runCommandAndPick,
  reloadWindow,
  runCommand,
  showLangLensView,
  Shots,
  treeRow,
  waitInFrame,
  webviewFrame,
} from './workbench';

const CS_URL = required('CS_URL');
const WORKSPACE = required('WORKSPACE');
const ARTIFACTS = required('ARTIFACTS');
const DB = join(WORKSPACE, '.langlens', 'langlens.db');
const ANNOTATOR = 'e2e-annotator';

const timings: Record<string, string> = {};

// Functions given to frame.evaluate run in the webview, where the DOM exists; this project compiles without the
// DOM library, so the one global they use is declared here (locally: an import would not survive serialising).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const window: any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const getComputedStyle: any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type HTMLElementLike = any;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through scripts/e2e.sh (npm run test:e2e)`);
  return value;
}

/** The display-language part's own profile and port, which scripts/e2e.sh prepared (displayLanguageSteps.ts). */
function displayLanguageProfile(): DisplayLanguageProfile {
  return {
    codeServer: required('CS_BIN'),
    profile: required('DISPLAY_LANGUAGE_PROFILE'),
    port: Number(required('DISPLAY_LANGUAGE_PORT')),
    artifacts: ARTIFACTS,
  };
}

async function importFromWelcomeView(page: Page, shots: Shots): Promise<void> {
  await showLangLensView(page);
  const importButton = page.getByRole('button', { name: 'Import This Workspace' });
  await importButton.waitFor({ timeout: 60_000 });
  await shots.take('welcome-view');
  await importButton.click();
  await page.locator('.notifications-toasts', { hasText: 'Imported 4 file(s)' }).waitFor({ timeout: 60_000 });
  await treeRow(page, RUN).waitFor({ timeout: 30_000 });
  // What src/core/langid will store once it exists: the grid and the explorer must mark the mismatches.
  await simulateLanguageIdentification(DB);
  await runCommand(page, 'LangLens: Refresh');
  await treeRow(page, 'Hebrew').waitFor({ timeout: 30_000 });
  await shots.take('explorer-after-import');
}

/**
 * The host waits up to 500 ms (FIRST_VIEW_WAIT_MS in src/extension/grid/gridPanel.ts) for a new grid's first group
 * and writes it into the page; a slower load writes the page without it and posts it. A group posted is therefore
 * right only if it arrived after that wait: one that came sooner means the page was written without a view the host
 * had in time.
 */
async function firstGroupWrittenIntoPage(grid: Frame): Promise<void> {
  const from = await grid.evaluate(() => document.body.dataset.viewFrom);
  const phases = JSON.parse((await grid.evaluate(() => document.body.dataset.phases)) ?? '{}') as { received: number };
  log(`grid: first group ${from === 'page' ? 'written into the page' : 'posted'}, received ${phases.received} ms`);
  if (from === 'page') return;
  assert.equal(from, 'posted');
  assert.ok(
    phases.received >= 500,
    `the first group was posted, not written into the page, though it arrived ${phases.received} ms after the command`,
  );
}

async function openGroupFromExplorer(page: Page, shots: Shots): Promise<Frame> {
  await treeRow(page, 'Hebrew').click();
  const group = treeRow(page, 'q1');
  await group.waitFor({ timeout: 30_000 });
  const description = await group.locator('.label-description').textContent();
  assert.match(description ?? '', /0\/12/, "the group shows the annotator's progress (0 of 12)");
  assert.match(description ?? '', /⚠ 1/, 'the group marks its one response in another language');
  await shots.take('explorer-hebrew-groups');
  // E2E_TRACE=file.json: a Chromium trace of the first open, to see where its time goes (a developer's tool).
  const tracing = process.env.E2E_TRACE ? page.context().browser() : null;
  await tracing?.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'loading', 'v8', 'fonts'],
  });
  const clickedAt = Date.now();
  await group.click();
  const grid = await webviewFrame(page, 'grid');
  const hostMs = await waitInFrame(
    grid,
    'the first grid paint',
    () => document.body.dataset.group === 'q1' && document.body.dataset.paintMs,
  );
  await firstGroupWrittenIntoPage(grid);
  if (tracing) {
    writeFileSync(process.env.E2E_TRACE!, await tracing.stopTracing());
    // The page as painted, without its script: to try the grid's styles on in a browser alone.
    const page = await grid.evaluate(() =>
      document.documentElement.outerHTML.replace(/<script[\s\S]*?<\/script>/g, ''),
    );
    writeFileSync(`${process.env.E2E_TRACE!}.html`, page);
  }
  timings['grid: first open, command → painted (host clock)'] = `${hostMs} ms`;
  timings['grid: first open, click → painted (test clock)'] = `${Date.now() - clickedAt} ms`;
  timings['grid: first open, phases (ms after the command)'] = await grid.evaluate(() => document.body.dataset.phases);
  const cells = await grid.evaluate(() => document.querySelectorAll('.cell:not(.missing)').length);
  assert.equal(cells, 144, '12 languages × 12 systems');
  // Painted with the cells in the window rendered and (most of) the others still deferred; then every one of them
  // rendered while the page is idle (deferredCells.ts), so find-in-page and screen readers have them all.
  const atPaint = await grid.evaluate(() => ({
    deferred: document.querySelectorAll('.cell.deferred').length,
    firstInRow: document.querySelector('.row[data-lang="he"] > .cell')?.classList.contains('deferred'),
  }));
  assert.equal(atPaint.firstInRow, false, `the focused row's first cell is rendered at the first paint`);
  assert.ok(atPaint.deferred > 0, `cells outside the window wait: ${JSON.stringify(atPaint)}`);
  await waitInFrame(
    grid,
    'every cell rendered',
    () => document.querySelectorAll('.cell.deferred').length === 0,
    10_000,
  );
  // The cells laid out for the first paint (content-visibility: visible, deferredCells.ts FIRST_PAINT) are skipped
  // again when scrolled away, like every rendered cell.
  const visibility = await grid.evaluate(() => ({
    firstPaint: document.querySelectorAll('.cell.first-paint').length,
    focusedCell: getComputedStyle(document.querySelector('.row[data-lang="he"] > .cell')).contentVisibility,
  }));
  assert.deepEqual(
    visibility,
    { firstPaint: 0, focusedCell: 'auto' },
    'rendered cells back to content-visibility: auto',
  );
  // The styles are written into the page: the icon font they name must still load from media/ (no boxes).
  const iconFont = await grid.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'codicon').map((f) => f.status);
  });
  assert.deepEqual(iconFont, ['loaded'], 'the codicon font is loaded');
  await checkGridContent(grid);
  await page.waitForTimeout(300);
  await shots.take('grid-languages-as-rows');
  // Chinese, Hindi and Japanese rows: each block's lang attribute picks the script's font.
  await grid.locator('.row[data-lang="hi"] .row-header').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await shots.take('grid-cjk-and-devanagari-rows');
  await grid.evaluate(() => window.scrollTo(0, 0));
  return grid;
}

async function checkGridContent(grid: Frame): Promise<void> {
  // No helper functions inside: tsx names them with a __name() call that does not exist in the webview.
  const facts = await grid.evaluate(() => {
    const heCell = document.querySelector('.cell[data-lang="he"][data-system="multi-3"]');
    return {
      heDir: heCell?.querySelector('.response')?.getAttribute('dir'),
      heLang: heCell?.querySelector('.response')?.getAttribute('lang'),
      zhLang: document.querySelector('.cell[data-lang="zh"][data-system="multi-3"] .response')?.getAttribute('lang'),
      heTable: !!heCell?.querySelector('table, ol, ul, pre'),
      mismatch: !!document.querySelector('.cell[data-lang="he"][data-system="mono-en"] .language-mismatch'),
      ratings: [...(heCell?.querySelectorAll('.rating') ?? [])].map((e: { textContent: string | null }) =>
        e.textContent?.trim(),
      ),
      scores: heCell?.querySelectorAll('.score').length,
      promptDir: document.querySelector('.row[data-lang="ar"] .prompt')?.getAttribute('dir'),
    };
  });
  assert.equal(facts.heDir, 'rtl');
  assert.equal(facts.heLang, 'he');
  assert.equal(facts.zhLang, 'zh');
  assert.equal(facts.promptDir, 'rtl');
  assert.ok(facts.heTable, 'Markdown lists, tables or code render');
  assert.ok(facts.mismatch, 'an English answer to a Hebrew prompt carries a mismatch badge');
  assert.equal(facts.ratings.length, 2, "alice and bob's labels are shown");
  assert.equal(facts.scores, 1);
}

async function switchLayoutsAndFilters(page: Page, grid: Frame, shots: Shots): Promise<void> {
  await grid.locator('#layout-systems').click();
  await waitInFrame(grid, 'systems as rows', () => document.body.dataset.layout === 'systems-as-rows');
  await page.waitForTimeout(200);
  await shots.take('grid-systems-as-rows');
  await grid.locator('details.filters > summary').click();
  await grid.locator('vscode-checkbox.filter-system[value="mono-es"]').click();
  await grid.locator('vscode-checkbox.filter-language[value="ru"]').click();
  const cells = await waitInFrame(grid, 'filtered cells', () => {
    const n = document.querySelectorAll('.cell:not(.missing)').length;
    return n === 11 * 11 ? n : false;
  });
  assert.equal(cells, 121);
  await shots.take('grid-filtered');
  await grid.locator('#show-all').click();
  await focusGrid(page, grid);
  await grid.locator('body').press('l');
  await waitInFrame(
    grid,
    'languages as rows again',
    () =>
      document.body.dataset.layout === 'languages-as-rows' &&
      document.querySelectorAll('.cell:not(.missing)').length === 144,
  );
}

async function themeScreenshots(page: Page, shots: Shots): Promise<void> {
  const themes = [
    ['Light Modern', 'vs', 'grid-light-theme'],
    ['Dark High Contrast', 'hc-black', 'grid-high-contrast-theme'],
    ['Dark Modern', 'vs-dark', ''],
  ] as const;
  for (const [theme, workbenchClass, name] of themes) {
    await runCommandAndPick(page, 'Preferences: Color Theme', theme);
    // The workbench class changes once the theme is applied; the webviews get its colours right after.
    await page.locator(`.monaco-workbench.${workbenchClass}`).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(700);
    if (name) await shots.take(name);
  }
}

async function checkUnsafeHtmlDoesNotRun(page: Page, grid: Frame, shots: Shots): Promise<void> {
  await focusGrid(page, grid);
  await grid.locator('body').press('[');
  await waitInFrame(grid, 'the HTML group', () => document.body.dataset.group === 'q0-xss');
  await page.waitForTimeout(500);
  const facts = await grid.evaluate(() => {
    const responses = [...document.querySelectorAll('.response')];
    return {
      pwned: document.body.dataset.pwned ?? null,
      dangerous: responses.flatMap((r) => [
        ...r.querySelectorAll('script, img, iframe, object, embed, [onerror], [onload]'),
      ]).length,
      javascriptLinks: [...document.querySelectorAll('a')].filter((a) =>
        /^\s*javascript:/i.test(a.getAttribute('href') ?? ''),
      ).length,
      text: responses.map((r) => r.textContent ?? '').join('\n'),
    };
  });
  assert.equal(facts.pwned, null, 'no payload ran');
  assert.equal(facts.dangerous, 0, 'no <script>, <img>, <iframe> or event handler attribute was created');
  assert.equal(facts.javascriptLinks, 0, 'no javascript: link');
  assert.ok(facts.text.includes('<script>') && facts.text.includes('<iframe'), 'the HTML is shown as text');
  await shots.take('grid-unsafe-html-shown-as-text');
  assert.equal(XSS_GROUP, 'q0-xss');
}

async function warmNavigationTimings(grid: Frame): Promise<void> {
  for (const group of ['q1', 'q2']) {
    const pressedAt = Date.now();
    await grid.locator('body').press(']');
    const paintMs = await waitInFrame(
      grid,
      `group ${group}`,
      (g: string) => document.body.dataset.group === g && document.body.dataset.paintMs,
      30_000,
      group,
    );
    const phases = await grid.evaluate(() => document.body.dataset.phases);
    assert.equal(await grid.evaluate(() => document.body.dataset.viewFrom), 'posted', 'a later group is posted');
    timings[`grid: next group ${group}, key → painted (test clock)`] =
      `${Date.now() - pressedAt} ms (host request → paint ${paintMs} ms; ${phases})`;
  }
}

async function labelThreeItems(page: Page, shots: Shots): Promise<{ labelledKeys: string[]; nextKey: string }> {
  // No annotator id in the settings: the views, the grid and the explorer were used without being asked for one;
  // the first Start Annotating asks.
  const askedForId = page.locator('.quick-input-widget', { hasText: 'LangLens: your annotator id' });
  assert.equal(await askedForId.isVisible(), false, 'nobody is asked for an annotator id before annotating');
  await runCommand(page, 'LangLens: Start Annotating');
  await askedForId.waitFor({ timeout: 30_000 });
  await shots.take('annotate-asks-for-the-annotator-id');
  await askedForId.locator('input.input').fill(ANNOTATOR);
  await page.keyboard.press('Enter');
  await askedForId.waitFor({ state: 'hidden', timeout: 10_000 });
  log('the annotator id was asked at the first Start Annotating, not before');
  const annotate = await webviewFrame(page, 'annotate');
  await waitInFrame(annotate, 'the first item', () => document.body.dataset.itemKey);
  const start = await annotate.evaluate(() => Number(document.body.dataset.index));
  assert.equal(start, 0, 'a new annotator starts at the first item');
  await shots.take('annotate-first-item');
  // No click first: the panel has the keyboard as soon as the command opened it (once its page has the focus VS Code
  // gives it; a key pressed before then goes to the workbench).
  await waitInFrame(annotate, 'the panel to have the keyboard', () => document.hasFocus(), 10_000);
  const labelledKeys: string[] = [];
  for (const [i, key] of ['1', '2', '3'].entries()) {
    labelledKeys.push(await annotate.evaluate(() => document.body.dataset.itemKey!));
    await page.keyboard.press(key);
    await waitInFrame(
      annotate,
      `item ${i + 2}`,
      (n: number) =>
        document.body.dataset.index === String(n) &&
        !!document.body.dataset.itemKey &&
        document.body.dataset.nextItemMs,
      30_000,
      i + 1,
    );
    const ms = await annotate.evaluate(() => document.body.dataset.nextItemMs);
    timings[`annotate: label key ${key} → next item painted`] = `${ms} ms`;
    await shots.take(`annotate-after-label-${i + 1}`);
  }
  await waitInFrame(
    annotate,
    'all labels saved',
    () => document.getElementById('save-status')?.textContent === 'All labels saved',
  );
  const nextKey = await annotate.evaluate(() => document.body.dataset.itemKey!);
  return { labelledKeys, nextKey };
}

function keyToTarget(key: string): { group: string; lang: string; system: string } {
  const [group, lang, , system] = JSON.parse(key) as [string, string, number, string, number];
  return { group, lang, system };
}

async function reloadAndResume(page: Page, shots: Shots, labelled: string[], nextKey: string): Promise<Frame> {
  const labels = await currentRatings(DB, ANNOTATOR);
  assert.deepEqual(
    labels.map((l) => ({ group: l.group, lang: l.lang, system: l.system })),
    labelled.map(keyToTarget),
  );
  assert.deepEqual(
    labels.map((l) => l.value),
    ['excellent', 'pass', 'fail'],
  );
  // As an annotator would: the command saves the workbench state (open panels) and reloads the page.
  await reloadWindow(page);
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  const annotate = await webviewFrame(page, 'annotate', 90_000);
  const resumed = await waitInFrame(annotate, 'the resumed item', () => document.body.dataset.itemKey || false, 60_000);
  assert.equal(resumed, nextKey, 'the queue resumes at the item after the last label');
  assert.equal(await annotate.evaluate(() => document.body.dataset.index), '3');
  assert.equal(await annotate.evaluate(() => document.getElementById('labelled-count')?.textContent), '3');
  await page.waitForTimeout(300);
  await shots.take('annotate-resumed-after-reload');
  return annotate;
}

async function surviveWriteFailure(page: Page, annotate: Frame, shots: Shots): Promise<void> {
  const lock = await holdWriteLock(DB);
  let released = false;
  try {
    await annotate.locator('.prompt-block').click();
    await page.keyboard.press('1');
    await waitInFrame(
      annotate,
      'the write failure shown',
      () => document.getElementById('save-status')?.classList.contains('failing'),
      40_000,
    );
    await shots.take('annotate-write-failed-label-kept');
    await lock.release();
    released = true;
    // The outbox also retries by itself, on a timer: under load it may have saved before the click lands, and its
    // countdown re-renders the button each second, so the click is tried, not required.
    await annotate
      .locator('#save-status button')
      .click({ timeout: 10_000 })
      .catch(() => log('the outbox saved (or retried) before Retry could be clicked'));
    await waitInFrame(
      annotate,
      'the kept label saved',
      () => document.getElementById('save-status')?.textContent === 'All labels saved',
      40_000,
    );
  } finally {
    if (!released) await lock.release();
  }
  const current = await currentRatings(DB, ANNOTATOR);
  assert.equal(current.length, 4, 'the label given while the database was locked was written after all');
  await shots.take('annotate-saved-after-retry');
  await page.keyboard.press('u');
  await waitInFrame(
    annotate,
    'undo back to item 4',
    () =>
      document.body.dataset.index === '3' && document.getElementById('save-status')?.textContent === 'All labels saved',
  );
  const history = await ratingHistory(DB, ANNOTATOR);
  assert.equal(history.at(-1)?.value, null, 'undo appends a cleared label; the history keeps the label it undid');
  assert.equal((await currentRatings(DB, ANNOTATOR)).length, 3);
}

/** Switches the queue to pairwise, comments and labels one pair blind; the database knows which side was which. */
async function comparePairWithComment(page: Page, shots: Shots): Promise<void> {
  await runCommandAndPick(page, 'LangLens: Choose Annotation Task (Rating or Pairwise)…', 'Compare two responses');
  const annotate = await webviewFrame(page, 'annotate');
  await waitInFrame(
    annotate,
    'the pairwise queue',
    () => document.body.dataset.task === 'pairwise' && document.body.dataset.itemKey,
  );
  const names = await annotate.evaluate(() => document.querySelector('.responses')?.textContent ?? '');
  for (const system of ['mono-en', 'multi-3', 'full-multi'])
    assert.ok(!names.includes(system), 'blind: no system name is shown');
  await annotate.locator('.prompt-block').click();
  await page.keyboard.press('c');
  await waitInFrame(annotate, 'the comment box focused', () => document.activeElement?.id === 'comment');
  await page.keyboard.type('B skips a step');
  await page.keyboard.press('Enter');
  await waitInFrame(annotate, 'the comment kept for the label', () =>
    document.querySelector('.comment-view')?.textContent?.includes('B skips a step'),
  );
  await shots.take('annotate-pairwise-with-comment');
  const key = await annotate.evaluate(() => document.body.dataset.itemKey!);
  await page.keyboard.press('a');
  await waitInFrame(
    annotate,
    'the next pair',
    () =>
      document.body.dataset.index === '1' && document.getElementById('save-status')?.textContent === 'All labels saved',
  );
  const [label] = await pairwiseHistory(DB, ANNOTATOR);
  const [group, lang, , systemA, systemB] = JSON.parse(key) as [string, string, number, string, string];
  assert.ok(label, 'the pairwise label is in the database');
  assert.deepEqual(
    [label.group, label.lang, [label.systemA, label.systemB].sort()],
    [group, lang, [systemA, systemB].sort()],
  );
  assert.equal(label.comment, 'B skips a step');
  const left = label.presentation === 'AB' ? label.systemA : label.systemB;
  const better = label.value === 'A' ? label.systemA : label.systemB;
  assert.equal(better, left, '"A is better" (left) is stored as the system that was shown on the left');
  await shots.take('annotate-pairwise-next');
}

/**
 * Two native speakers per language vote on the judge's pairs (the fixture has the judge's verdicts only): in Hebrew
 * they side with the judge, in Russian they prefer the English-only system the judge ranks last, in Spanish they
 * split. Written through the core's importer into the workspace database, as another machine's import would.
 */
async function importHumanVotes(): Promise<void> {
  const votes: Record<string, unknown>[] = [];
  const annotators: Record<string, [string, string]> = {
    he: ['noa', 'dana'],
    ru: ['ivan', 'olga'],
    es: ['lucia', 'mateo'],
  };
  for (const [lang, pair] of Object.entries(annotators)) {
    for (const [g, group] of ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'].entries()) {
      // The judge: multi-3 over mono-en in both orders (A); multi-3 vs full-multi inconsistent across orders (tie).
      const monoEn =
        lang === 'ru' ? (g < 4 ? ['B', 'B'] : ['A', 'A']) : lang === 'es' && g % 2 ? ['A', 'B'] : ['A', 'A'];
      const fullMulti =
        lang === 'ru'
          ? g < 3
            ? ['A', 'A']
            : ['tie', 'tie']
          : lang === 'he'
            ? g < 4
              ? ['tie', 'tie']
              : ['A', 'A']
            : ['tie', g % 3 ? 'tie' : 'B'];
      for (const [i, annotator] of pair.entries()) {
        votes.push({
          kind: 'pairwise-label',
          run: RUN,
          group,
          lang,
          annotator,
          system_a: 'multi-3',
          system_b: 'mono-en',
          verdict: monoEn[i],
          labelled_at: '2025-01-03T10:00:00Z',
        });
        votes.push({
          kind: 'pairwise-label',
          run: RUN,
          group,
          lang,
          annotator,
          system_a: 'multi-3',
          system_b: 'full-multi',
          verdict: fullMulti[i],
          labelled_at: '2025-01-03T10:00:00Z',
        });
      }
    }
  }
  const file = join(WORKSPACE, '..', 'human-votes.jsonl');
  writeFileSync(file, votes.map((v) => JSON.stringify(v)).join('\n') + '\n');
  await importIntoDatabase(file);
}

/** Run files imported while annotating: the queue grows, the annotator stays on the same item and is told why. */
async function queueGrowsAfterImport(page: Page, shots: Shots): Promise<void> {
  const annotate = await webviewFrame(page, 'annotate');
  const before = await annotate.evaluate(() => ({
    key: document.body.dataset.itemKey!,
    total: Number(document.body.dataset.total),
  }));
  const systems = [...new Set(fixtureRows().responses.map((r) => String(r.system)))];
  assert.equal(systems.length, 12);
  const rows = [
    { kind: 'prompt', run: RUN, group: 'q7', lang: 'he', text: 'כתוב שיר קצר על תה. (q7)' },
    ...systems.map((system) => ({
      kind: 'response',
      run: RUN,
      group: 'q7',
      lang: 'he',
      system,
      text: `שיר על תה מאת ${system}.`,
    })),
  ];
  writeFileSync(join(WORKSPACE, 'late-group.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  await runCommand(page, "LangLens: Import This Workspace's Run Files");
  // The four files imported before write nothing again; the new one adds a prompt and 12 responses.
  await page
    .locator('.notifications-toasts', { hasText: /Imported 5 file\(s\), [\d,]+ rows \(13 new or changed\)/ })
    .waitFor({ timeout: 60_000 });
  // One more Hebrew group with 12 systems: 66 more pairs for this annotator (Hebrew is one of their languages).
  const after = await waitInFrame(
    annotate,
    'the queue rebuilt with the new group',
    (total: number) =>
      Number(document.body.dataset.total) === total &&
      document.body.dataset.itemKey &&
      document.querySelector('.notice')?.textContent,
    60_000,
    before.total + 66,
  );
  assert.match(
    after as string,
    new RegExp(`66 new items after an import: the queue now has ${before.total + 66} \\(was ${before.total}\\)`),
  );
  assert.equal(
    await annotate.evaluate(() => document.body.dataset.itemKey),
    before.key,
    'the annotator is still on the same item',
  );
  await page.waitForTimeout(300);
  await shots.take('annotate-queue-grew-after-import');
}

/** The agreement dashboard from the explorer's title bar: Russian is flagged, a number opens its items, an item the grid. */
async function dashboardToGrid(page: Page, shots: Shots): Promise<void> {
  await importHumanVotes();
  await showLangLensView(page);
  await treeRow(page, RUN).hover();
  await page.getByRole('button', { name: 'Open Agreement Dashboard' }).first().click();
  const dashboard = await webviewFrame(page, 'dashboard');
  await waitInFrame(
    dashboard,
    'the dashboard figures',
    () => document.body.dataset.dashboard === 'shown' && document.querySelector('tbody[data-lang="ru"]'),
  );
  const facts = await dashboard.evaluate(() => ({
    languages: [...document.querySelectorAll('tbody.group')].map((t: { dataset: { lang: string } }) => t.dataset.lang),
    flagged: [...document.querySelectorAll('tbody.group.flagged')].map(
      (t: { dataset: { lang: string } }) => t.dataset.lang,
    ),
    ruJudgeN: document.querySelector('tbody[data-lang="ru"] tr.judge .figure-button[data-list="withTie"] .n')
      ?.textContent,
    intervalsState: document.getElementById('intervals-state')?.dataset.pending,
  }));
  assert.equal(facts.intervalsState, 'false', 'the toolbar no longer says the intervals are being computed');
  assert.deepEqual(
    facts.languages.filter((l: string) => ['es', 'he', 'ru'].includes(l)),
    ['es', 'he', 'ru'],
  );
  // 6 prompt groups per language: the verdict of judge − humans is "too few items to say" (issue 13), never
  // "below" or "all fine"; the chart and the table's cells read the same rule (metrics/audit/belowHumans.ts).
  assert.deepEqual(facts.flagged, [], 'too few prompt groups to flag a language');
  assert.equal(facts.ruJudgeN, 'n = 24', 'Russian: 6 groups × 2 pairs × 2 votes');
  // The figures as a chart above the table: nothing marked below, as the verdict says (the old "interval entirely
  // below" rule marked Russian on all three figures).
  await waitInFrame(dashboard, 'the dashboard chart', () => document.body.dataset.chart === 'drawn');
  const belowMarks = await dashboard.evaluate(
    () =>
      [...document.querySelectorAll('#dashboard-chart text')].filter(
        (t: { textContent: string }) => t.textContent === 'below',
      ).length,
  );
  assert.equal(belowMarks, 0, 'too few items to say: the chart marks no judge below the humans');
  await page.waitForTimeout(300);
  await shots.take('dashboard');
  await dashboard.locator('tbody[data-lang="ru"] tr.judge .figure-button[data-list="withTie"]').click();
  const listed = await waitInFrame(
    dashboard,
    'the items behind the Russian figure',
    () => document.body.dataset.audit?.startsWith('withTie:') && document.body.dataset.audit,
  );
  assert.equal(listed, 'withTie:12', '6 groups × 2 pairs');
  const first = await dashboard.evaluate(() => document.querySelector('.audit-item .outcome')?.textContent);
  assert.equal(first, 'Disagree', 'disagreements come first');
  await page.waitForTimeout(300);
  await shots.take('dashboard-items-behind-a-number');
  await dashboard.locator('tbody[data-lang="ru"] .audit-errors').click();
  await waitInFrame(dashboard, 'the judge errors in Russian', () => document.body.dataset.audit?.startsWith('errors:'));
  const top = await dashboard.evaluate(() => ({
    group: document.querySelector('.audit-item')?.getAttribute('data-group'),
    strength: document.querySelector('.audit-item .strength')?.textContent,
  }));
  assert.equal(top.strength, '100%', 'the judge names one response and both annotators the other');
  await page.waitForTimeout(300);
  await shots.take('dashboard-judge-errors');
  await dashboard.locator('.audit-item .open-item').first().click();
  const grid = await webviewFrame(page, 'grid');
  await waitInFrame(
    grid,
    'the grid on the audited group',
    (g: string) => document.body.dataset.group === g && document.body.dataset.paintMs,
    30_000,
    top.group!,
  );
  assert.equal(
    await grid.evaluate(() => document.querySelector('.row.focus')?.getAttribute('data-lang')),
    'ru',
    'the grid highlights the audited language',
  );
  // The audited language's row is scrolled into view, below the sticky toolbar and column headers.
  const focus = await grid.evaluate(() => {
    const row = document.querySelector('.row.focus > .row-header')?.getBoundingClientRect();
    const header = document.querySelector('.response-grid .header > .corner')?.getBoundingClientRect();
    return { top: row?.top, bottom: row?.bottom, headerBottom: header?.bottom, height: window.innerHeight };
  });
  log('focused row', JSON.stringify(focus));
  assert.ok(
    focus.top !== undefined && focus.headerBottom !== undefined,
    'the focused row and the column headers are laid out',
  );
  assert.ok(
    focus.top >= focus.headerBottom - 1 && focus.top < focus.height,
    `the Russian row is in view below the headers (${JSON.stringify(focus)})`,
  );
  await page.waitForTimeout(500);
  await shots.take('grid-from-audit');
  await exportTable(page, dashboard);
}

/** Export… with VS Code's own save dialog (code-server's simple dialog): Enter accepts the proposed CSV path. */
async function exportTable(page: Page, dashboard: Frame): Promise<void> {
  await page.getByRole('tab', { name: /^Agreement · / }).click();
  await dashboard.locator('#export').click();
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  // The dialog fills in the proposed path a moment after it opens.
  for (let i = 0; i < 50 && !/agreement-e2e-run\.csv$/.test(await input.inputValue()); i++)
    await page.waitForTimeout(100);
  assert.match(await input.inputValue(), /agreement-e2e-run\.csv$/);
  await page.keyboard.press('Enter');
  await page
    .locator('.notifications-toasts', { hasText: 'wrote agreement-e2e-run.csv (csv)' })
    .waitFor({ timeout: 15_000 });
  const csv = readFileSync(join(WORKSPACE, 'agreement-e2e-run.csv'), 'utf8');
  assert.match(csv.split('\n')[0]!, /^lang,comparison,withTie,.*,belowHumans$/);
  // Six prompt groups a language: the one below-humans rule (judge − humans, its own interval) says "too few items to
  // say", as the dashboard's verdict and the chart do, although Russian's judge intervals lie below the humans'.
  assert.match(csv, /\nru,gpt-judge vs humans,.*,gpt-judge,too few items to say\n/);
}

/** Filters by annotator pattern and invalid-verdict handling, then a window reload brings the dashboard back with them. */
async function dashboardFiltersSurviveReload(page: Page, shots: Shots): Promise<void> {
  await page.getByRole('tab', { name: /^Agreement · / }).click();
  let dashboard = await webviewFrame(page, 'dashboard');
  // The tab was just revealed: let the panel settle (no render for half a second) before typing into it.
  await waitInFrame(dashboard, 'the dashboard settled', () => {
    const w = window as unknown as { settle?: { renders: string; since: number } };
    const renders = document.body.dataset.renders ?? '';
    if (w.settle?.renders !== renders) w.settle = { renders, since: performance.now() };
    return document.body.dataset.dashboard === 'shown' && performance.now() - w.settle!.since > 500;
  });
  await dashboard.locator('#annotator-pattern').fill('ivan,o*');
  // The figures recomputed in the background (here: Refresh clicked without taking focus) keep the half-typed pattern
  // and the caret in it. (VS Code may move focus after the tab click, so the field is focused again first.)
  const typing = () =>
    dashboard.evaluate(() => ({
      value: (document.getElementById('annotator-pattern') as unknown as { value: string }).value,
      focused: document.activeElement?.id,
    }));
  await dashboard.evaluate(() => document.getElementById('annotator-pattern')?.focus());
  assert.deepEqual(await typing(), { value: 'ivan,o*', focused: 'annotator-pattern' });
  const rendersBefore = await dashboard.evaluate(() => Number(document.body.dataset.renders));
  const clickedAt = await dashboard.evaluate(() => {
    document.getElementById('refresh')?.click();
    return performance.now();
  });
  await waitInFrame(
    dashboard,
    'the figures recomputed, with their intervals',
    (at: number) => Number(document.body.dataset.shownAt) > at && document.body.dataset.dashboard === 'shown',
    30_000,
    clickedAt,
  );
  // The open panel gets the figures first without intervals, then with them (at scale the bootstrap is most of the
  // wait); a panel still starting gets only the latest (panel.ts LatestWhenReady).
  const stages = await dashboard.evaluate(() => ({
    estimatesAt: Number(document.body.dataset.estimatesAt),
    shownAt: Number(document.body.dataset.shownAt),
    renders: Number(document.body.dataset.renders),
  }));
  assert.ok(
    clickedAt < stages.estimatesAt && stages.estimatesAt < stages.shownAt,
    `estimates first: clicked ${clickedAt}, estimates ${stages.estimatesAt}, intervals ${stages.shownAt}`,
  );
  assert.ok(stages.renders >= rendersBefore + 2, `two renders: ${rendersBefore} → ${stages.renders}`);
  assert.deepEqual(
    await typing(),
    { value: 'ivan,o*', focused: 'annotator-pattern' },
    'a refresh keeps what the user is typing',
  );
  await dashboard.locator('#annotator-pattern').press('Enter');
  await waitInFrame(
    dashboard,
    'the figures of Russian annotators only',
    () => document.body.dataset.filters?.includes('ivan,o*') && document.body.dataset.dashboard === 'shown',
  );
  await dashboard.locator('#invalid-as').selectOption('tie');
  await waitInFrame(
    dashboard,
    'invalid verdicts counted as ties',
    () =>
      JSON.parse(document.body.dataset.filters || '{}').invalidAs === 'tie' &&
      document.body.dataset.dashboard === 'shown',
  );
  const languagesOf = () =>
    dashboard.evaluate(() =>
      [...document.querySelectorAll('tbody.group')].map((t: { dataset: { lang: string } }) => t.dataset.lang),
    );
  assert.deepEqual(await languagesOf(), ['ru'], 'only ivan and olga voted, in Russian');
  assert.equal(
    await dashboard.evaluate(() => document.getElementById('annotators-used')?.textContent?.trim().split(' ')[0]),
    '2',
  );
  await page.waitForTimeout(300);
  await shots.take('dashboard-filtered');
  await reloadWindow(page);
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  dashboard = await webviewFrame(page, 'dashboard', 90_000);
  const restored = await waitInFrame(
    dashboard,
    'the dashboard restored after the reload',
    () => document.body.dataset.dashboard === 'shown' && document.body.dataset.filters,
    60_000,
  );
  assert.deepEqual(JSON.parse(restored), { annotators: 'ivan,o*', judges: null, invalidAs: 'tie' }, 'the same filters');
  assert.deepEqual(await languagesOf(), ['ru']);
  assert.equal(
    await dashboard.evaluate(() => document.querySelector('h1.title .muted')?.textContent),
    'e2e-run',
    'the same run',
  );
  await page.waitForTimeout(300);
  await shots.take('dashboard-restored-after-reload');
}

const CHART_IDS = [
  'judge-vs-humans',
  'if-heatmap',
  'ratings',
  'scale-ratings',
  'likert',
  'io-agreement',
  'language-penalty',
  'judge-consistency',
];

/** The demo run (every protocol) beside the test's run, its languages detected, as `npm run demo` has it. */
async function importDemoRun(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const store = await Store.open(DB);
  try {
    for (const file of readdirSync(join(root, 'demo')).sort()) await importFile(store, join(root, 'demo', file));
    await importFile(store, join(root, 'scripts', 'demo', 'judge-rating3.jsonl'));
    await detectResponseLanguages(store, { run: 'demo' });
  } finally {
    await store.close();
  }
}

/**
 * The Charts panel on the demo run: every chart drawn in light, dark and high-contrast themes (one screenshot of
 * each), a tooltip with the figure, n and interval, and a click on a mark opening the items behind it.
 */
async function chartsInThreeThemes(page: Page, shots: Shots): Promise<void> {
  await importDemoRun();
  await runCommand(page, 'LangLens: Refresh');
  await runCommandAndPick(page, 'LangLens: Open Charts', 'demo');
  const charts = await webviewFrame(page, 'charts');
  await waitInFrame(
    charts,
    'every chart drawn',
    (count: number) =>
      document.body.dataset.charts === String(count) && document.querySelectorAll('.vega[data-drawn]').length === count,
    60_000,
    CHART_IDS.length,
  );
  const baseline = await charts.evaluate(
    () => (document.getElementById('baseline') as unknown as { value: string }).value,
  );
  assert.equal(baseline, 'mono-en', 'the system every demo pair is judged against');
  const themes = [
    ['Light Modern', 'vs', 'light'],
    ['Dark Modern', 'vs-dark', 'dark'],
    ['Dark High Contrast', 'hc-black', 'high-contrast'],
  ] as const;
  for (const [theme, workbenchClass, kind] of themes) {
    const draws = await charts.evaluate(() => Number(document.body.dataset.draws));
    await runCommandAndPick(page, 'Preferences: Color Theme', theme);
    await page.locator(`.monaco-workbench.${workbenchClass}`).waitFor({ timeout: 30_000 });
    await waitInFrame(
      charts,
      `the charts redrawn in ${kind}`,
      (args: { kind: string; draws: number; count: number }) =>
        document.body.dataset.theme === args.kind &&
        Number(document.body.dataset.draws) > args.draws &&
        document.querySelectorAll('.vega[data-drawn]').length === args.count,
      60_000,
      { kind, draws, count: CHART_IDS.length },
    );
    for (const id of CHART_IDS) {
      const section = charts.locator(`#section-${id}`);
      await section.scrollIntoViewIfNeeded();
      await shots.element(section, `chart-${id}-${kind}`);
    }
  }
  // Hover a Russian judge mark of the forest plot: its figure, n and interval.
  const forest = charts.locator('#chart-judge-vs-humans');
  await forest.scrollIntoViewIfNeeded();
  const mark = forest.locator('g.mark-symbol.role-mark path').first();
  await mark.hover();
  const tip = await waitInFrame(charts, 'the tooltip', () => {
    const el = document.querySelector('.chart-tooltip');
    return el && !el.hidden && el.textContent;
  });
  assert.match(tip, /Agreement %/);
  assert.match(tip, /n\d+/);
  assert.match(tip, /Interval\[[\d.]+, [\d.]+\]/);
  await page.waitForTimeout(200);
  await shots.take('charts-tooltip');
  await mark.click();
  const audit = await waitInFrame(
    charts,
    'the items behind the mark',
    () => document.body.dataset.items?.startsWith('audit:') && document.body.dataset.items,
  );
  assert.ok(Number(audit.split(':')[1]) > 0, "the dashboard's list of vote pairs");
  await page.waitForTimeout(300);
  await shots.take('charts-items-behind-a-forest-mark');
  // A segment of the ratings bars: the ratings behind it, and from one the grid.
  const segment = charts
    .locator(
      '#chart-ratings path[aria-roledescription="bar"][aria-label*="Language: English"][aria-label*="Rating: excellent"]',
    )
    .first();
  await segment.scrollIntoViewIfNeeded();
  await segment.click({ position: { x: 6, y: 6 } });
  const items = await waitInFrame(
    charts,
    'the ratings behind the segment',
    () => document.body.dataset.items?.startsWith('items:') && document.body.dataset.items,
  );
  assert.ok(Number(items.split(':')[1]) > 0);
  await page.waitForTimeout(300);
  await shots.take('charts-items-behind-a-rating-segment');
  await charts.locator('.audit-item .open-item').first().click();
  const grid = await webviewFrame(page, 'grid');
  await waitInFrame(
    grid,
    'the grid on the rated group',
    () => document.body.dataset.paintMs && document.querySelector('.row.focus'),
  );
  await page.waitForTimeout(300);
  await shots.take('grid-from-a-chart');
}

/** A window reload brings the Charts panel back on the same run and baseline, every chart drawn again. */
async function chartsSurviveReload(page: Page, shots: Shots): Promise<void> {
  await page.getByRole('tab', { name: /^Charts · demo/ }).click();
  let charts = await webviewFrame(page, 'charts');
  await charts.locator('#baseline').fill('multi-40');
  await charts.locator('#baseline').press('Enter');
  await waitInFrame(
    charts,
    'the heatmap against multi-40',
    () => document.body.dataset.baseline === 'multi-40' && document.querySelectorAll('.vega[data-drawn]').length > 0,
    60_000,
  );
  await reloadWindow(page);
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  charts = await webviewFrame(page, 'charts', 90_000);
  await waitInFrame(
    charts,
    'the charts restored after the reload',
    (count: number) =>
      document.body.dataset.charts === String(count) && document.querySelectorAll('.vega[data-drawn]').length === count,
    90_000,
    CHART_IDS.length,
  );
  assert.equal(
    await charts.evaluate(() => document.querySelector('h1.title .muted')?.textContent),
    'demo',
    'the same run',
  );
  assert.equal(
    await charts.evaluate(() => (document.getElementById('baseline') as unknown as { value: string }).value),
    'multi-40',
    'the same baseline',
  );
  await page.waitForTimeout(300);
  await shots.take('charts-restored-after-reload');
}

/**
 * A project that declares its rating task (langlens.schema.json: a 1–5 scale, two criteria): the panel shows the
 * criterion, its rubric and the scale, keys 1…5 rate on it, and the label is stored with its criterion and scale.
 */
async function rateOnDeclaredScale(page: Page, shots: Shots): Promise<void> {
  // The demo's own schema: the charts step imports the demo later, and a declared name keeps its meaning.
  const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'demo', 'langlens.schema.json'), 'utf8'));
  const file = join(WORKSPACE, '..', 'langlens.schema.json');
  writeFileSync(file, JSON.stringify(schema));
  await importIntoDatabase(file);
  await runCommandAndPick(page, 'LangLens: Choose Annotation Task (Rating or Pairwise)…', 'Rate each response');
  await runCommand(page, 'LangLens: Start Annotating');
  const annotate = await webviewFrame(page, 'annotate');
  await waitInFrame(
    annotate,
    'the declared criterion',
    () =>
      document.body.dataset.task === 'rating' &&
      document.querySelector('.criterion h2')?.textContent?.startsWith('fluency'),
  );
  const keys = await annotate.evaluate(() =>
    [...document.querySelectorAll('.choices button')].map((b) => b.textContent?.replace(/\s+/g, ' ').trim()),
  );
  assert.deepEqual(keys, ['1 1', '2 2', '3 3', '4 4', '5 5'], "keys 1…5 are the scale's choices");
  await page.waitForTimeout(300);
  await shots.take('annotate-declared-scale-criterion');
  const key = await annotate.evaluate(() => document.body.dataset.itemKey!);
  await annotate.locator('.prompt-block').click();
  await page.keyboard.press('4');
  await waitInFrame(
    annotate,
    'the next criterion',
    () =>
      document.querySelector('.criterion h2')?.textContent?.startsWith('correctness') &&
      document.getElementById('save-status')?.textContent === 'All labels saved',
  );
  await shots.take('annotate-declared-scale-next-criterion');
  const rows = await withDatabase(DB, (db) =>
    db.all<{ value: string; criterion: string; scale: string; min: number }>(
      `
    SELECT l.value, l.criterion, l.scale, l.scale_min AS min FROM labels l JOIN annotators a ON a.id = l.annotator_id
    WHERE a.name = ? AND l.criterion <> ''`,
      [ANNOTATOR],
    ),
  );
  assert.deepEqual(
    rows,
    [{ value: '4', criterion: 'fluency', scale: 'quality-5', min: 1 }],
    `the rating of ${key} is stored on its criterion and scale`,
  );
}

/**
 * Run Judge against a local test server: the confirmation names the model, the server's origin, where the key comes
 * from, the requests and their cost; the judge file holds its baseline, so no baseline is asked for; no key is sent.
 */
async function runJudgeAgainstLocalServer(page: Page, shots: Shots): Promise<void> {
  const server = await FakeOpenAIServer.start(() => ({ content: '1' }));
  try {
    const origin = new URL(server.baseURL).origin;
    mkdirSync(join(WORKSPACE, 'judges'), { recursive: true });
    writeFileSync(
      join(WORKSPACE, 'judges', 'e2e-local.judge.json'),
      JSON.stringify(
        {
          model: 'llama-local',
          baseURL: server.baseURL,
          protocol: 'pairwise',
          baseline: { es: 'mono-es' },
        },
        null,
        2,
      ),
    );
    // A pick closes when a webview takes the focus (the annotation panel refreshing after the previous step's
    // labels, seen in CI): the command is run again if its first pick does not stay up.
    for (let attempt = 1; ; attempt++) {
      await runCommand(page, 'LangLens: Run Judge…');
      const shown = await page
        .locator('.quick-input-widget')
        .waitFor({ state: 'visible', timeout: attempt === 2 ? 30_000 : 15_000 })
        .then(() => true)
        .catch(() => false);
      if (shown) break;
      if (attempt === 2) throw new Error('"LangLens: Run Judge…" showed no pick, twice');
      log('"LangLens: Run Judge…" showed no pick (attempt 1); running it again');
    }
    const detail = await confirmationOfJudgePicks(page);
    const dialog = page.locator('.monaco-dialog-box');
    await shots.take('run-judge-confirmation');
    assert.match(detail, /Model: llama-local \(pairwise, hash [0-9a-f]{16}\)/);
    assert.ok(detail.includes(`Server: ${origin}`), detail);
    assert.match(detail, /API key: none \(a local server needs none\)/);
    // es: 6 groups × 11 pairs against mono-es × 2 orders = 132 verdicts; the fixture's identical responses make the
    // same request, asked once: 72. The other languages have no baseline.
    assert.match(detail, /Requests to send: 72 \(0 already answered\)/);
    assert.match(detail, /Verdicts: 132 \(each pair in both orders\)/);
    assert.match(detail, /Estimated cost: \$0\.00 \(at most \$0\.00\)/);
    assert.match(detail, /Budget: none/);
    await dialog.locator('.monaco-button', { hasText: /^Run Now/ }).click();
    const deadline = Date.now() + 60_000;
    while (server.chatRequests < 72 && Date.now() < deadline) await page.waitForTimeout(200);
    assert.equal(server.chatRequests, 72);
    assert.ok(
      server.requests.every((r) => r.authorization === undefined),
      'no key was sent',
    );
    await page
      .locator('.notifications-toasts', { hasText: 'judge e2e-local: 72 of 72 answered' })
      .waitFor({ timeout: 30_000 });
    await shots.take('run-judge-done');
    log('run judge: confirmed and answered');
    await runCommand(page, 'Notifications: Clear All Notifications'); // not over the charts' screenshots
  } finally {
    await server.close();
  }
}

/**
 * The lead's study tools on the dashboard: judge − humans says "too few items to say" with 6 prompt groups, and
 * the annotators' section shows each annotator's gold accuracy, agreement and time on item, with fast labels
 * flagged. Russian votes given again with their focus times (olga fast on half of them) and one gold label.
 */
async function dashboardStudyTools(page: Page, shots: Shots): Promise<void> {
  const labels: Record<string, unknown>[] = [];
  for (const [g, group] of ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'].entries()) {
    const monoEn = g < 4 ? ['B', 'B'] : ['A', 'A'];
    const fullMulti = g < 3 ? ['A', 'A'] : ['tie', 'tie'];
    for (const [i, annotator] of ['ivan', 'olga'].entries()) {
      const ms = annotator === 'olga' && g % 2 === 1 ? 500 : 20_000;
      for (const [systemB, verdict] of [
        ['mono-en', monoEn[i]],
        ['full-multi', fullMulti[i]],
      ] as const) {
        labels.push({
          kind: 'pairwise-label',
          run: RUN,
          group,
          lang: 'ru',
          annotator,
          system_a: 'multi-3',
          system_b: systemB,
          verdict,
          time_on_item_ms: ms,
          labelled_at: '2025-01-04T10:00:00Z',
        });
      }
    }
  }
  // The lead's gold set: on q1 the right answer is mono-en, as both annotators said.
  labels.push({
    kind: 'pairwise-label',
    run: RUN,
    group: 'q1',
    lang: 'ru',
    annotator: 'gold-set',
    annotator_role: 'gold',
    system_a: 'multi-3',
    system_b: 'mono-en',
    verdict: 'B',
  });
  const file = join(WORKSPACE, '..', 'study-labels.jsonl');
  writeFileSync(file, labels.map((v) => JSON.stringify(v)).join('\n') + '\n');
  await importIntoDatabase(file);
  // By the command: the explorer's title bar has a button of the same name, which asks for the run.
  await runCommand(page, 'View: Close All Editors');
  await runCommandAndPick(page, 'LangLens: Open Agreement Dashboard', RUN);
  const dashboard = await webviewFrame(page, 'dashboard');
  await waitInFrame(dashboard, 'the dashboard of e2e-run', () => document.body.dataset.dashboard === 'shown');
  await waitInFrame(dashboard, 'the annotators section with times', () =>
    document.querySelector('tr.annotator-row[data-lang="ru"][data-annotator="olga"].has-fast'),
  );
  const facts = await dashboard.evaluate(() => ({
    ruVerdicts: [...document.querySelectorAll('tbody[data-lang="ru"] .minus-list li')].map(
      (li: { dataset: { verdict: string } }) => li.dataset.verdict,
    ),
    tooFew: [...document.querySelectorAll('.verdict .too-few-lang')].map((e: { textContent: string }) => e.textContent),
    olgaFast: document.querySelector('tr.annotator-row[data-lang="ru"][data-annotator="olga"] .fast')?.textContent,
    ivanFast: document.querySelector('tr.annotator-row[data-lang="ru"][data-annotator="ivan"] .fast')?.textContent,
    ivanGold: document.querySelector('tr.annotator-row[data-lang="ru"][data-annotator="ivan"] .gold')?.textContent,
    goldSetShown: !!document.querySelector('tr.annotator-row[data-annotator="gold-set"]'),
  }));
  log('study tools', JSON.stringify(facts));
  assert.deepEqual(facts.ruVerdicts, ['too-few', 'too-few', 'too-few'], 'Russian: 6 prompt groups, too few to say');
  assert.ok(facts.tooFew.includes('Russian'), 'the verdict line names Russian as too few to say');
  // ru: 24 labels, 18 of 20 s and 6 of 0.5 s: the median is 20 s, the fast line 5 s; olga's 6 fast labels of 12.
  assert.match(facts.olgaFast ?? '', /6 of 12/);
  assert.match(facts.ivanFast ?? '', /0 of 12/);
  assert.match(facts.ivanGold ?? '', /^\s*100\.0 .*n = 1/);
  assert.equal(facts.goldSetShown, false, 'a gold label is a known answer, not an annotator');
  // The dashboard may render again (the chart in the theme's colours): scroll once it has settled.
  await page.waitForTimeout(1000);
  await dashboard.evaluate(() => document.querySelector('section.annotators')?.scrollIntoView());
  await page.waitForTimeout(300);
  await shots.take('dashboard-annotators-and-judge-minus-humans');
}

/**
 * Clicks into the grid as a user would before using its keys: they are VS Code keybindings that hold while the
 * grid's page has the focus (langlens.gridFocused, set by the host when the page says so).
 */
async function focusGrid(page: Page, grid: Frame): Promise<void> {
  await grid.locator('.toolbar .title').click();
  await page.waitForTimeout(300);
}

/**
 * The dashboard's judge filter offers only the judges with judge-vs-humans figures in its run: gpt-judge, not
 * e2e-local (pairwise verdicts on pairs no human voted on) nor the demo run's judges, all in the database by now.
 */
async function dashboardJudgeFilterListsOnlyJudgesWithFigures(page: Page, shots: Shots): Promise<void> {
  const store = await Store.open(DB);
  const everyJudge = await store.judgeNames().finally(() => store.close());
  assert.ok(everyJudge.includes('e2e-local') && everyJudge.length > 2, `judges in the database: ${everyJudge}`);
  await runCommand(page, 'View: Close All Editors');
  await runCommandAndPick(page, 'LangLens: Open Agreement Dashboard', RUN);
  const dashboard = await webviewFrame(page, 'dashboard');
  await waitInFrame(dashboard, 'the dashboard of e2e-run', () => document.body.dataset.dashboard === 'shown');
  const offered = await dashboard.evaluate(() =>
    [...document.querySelectorAll('vscode-checkbox.filter-judge')].map((c: { value: string }) => c.value),
  );
  assert.deepEqual(offered, ['gpt-judge'], 'only the judge with figures in e2e-run');
  await page.waitForTimeout(300);
  await shots.take('dashboard-judge-filter');
  log(`dashboard judge filter: ${offered.join(', ')} of ${everyJudge.length} judges in the database`);
}

/** The bidi run (test/e2e/bidiFixture.ts) imported beside the others. */
async function importBidiRun(page: Page): Promise<void> {
  const file = join(WORKSPACE, 'bidi', 'bidi.jsonl');
  mkdirSync(join(WORKSPACE, 'bidi'), { recursive: true });
  writeFileSync(file, bidiRunLines());
  await importIntoDatabase(file);
  await runCommand(page, 'LangLens: Refresh');
}

/** The explorer row of a prompt group of the bidi run, with every other run collapsed. */
async function bidiGroupRow(page: Page, language: string) {
  await treeRow(page, BIDI_RUN).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Collapse All' }).first().click();
  // The tree may still be refreshing after an import: expand the run until its languages are there.
  for (let attempt = 0; attempt < 5 && !(await treeRow(page, language).isVisible()); attempt++) {
    const run = treeRow(page, BIDI_RUN);
    if ((await run.getAttribute('aria-expanded')) !== 'true') await run.click();
    await treeRow(page, language)
      .waitFor({ timeout: 3_000 })
      .catch(() => undefined);
  }
  await treeRow(page, language).click();
  const row = treeRow(page, BIDI_GROUP);
  await row.waitFor({ timeout: 30_000 });
  return row;
}

/**
 * The explorer: a long Hebrew prompt's preview keeps its first words and fits (nothing clipped), its tooltip holds
 * the whole prompt, the view says which task its progress counts, and the open languages survive a reload.
 */
async function explorerPreviewsAndExpansion(page: Page, shots: Shots): Promise<void> {
  await importBidiRun(page);
  const row = await bidiGroupRow(page, 'Hebrew');
  const preview = await row.evaluate((el: HTMLElementLike) => {
    const description = el.querySelector('.label-description');
    const container = el.querySelector('.monaco-icon-label-container');
    return {
      text: description?.textContent ?? '',
      clipped: container ? container.scrollWidth > container.clientWidth + 1 : true,
    };
  });
  assert.ok(
    preview.text.includes('\u2068הסבר איך מכינים'),
    `the preview opens with the prompt's start: ${preview.text}`,
  );
  assert.ok(preview.text.includes('…'), 'the preview says it is cut');
  assert.equal(preview.clipped, false, 'the preview fits in the row: the tree clips nothing of it');
  await row.hover();
  const hover = page.locator('.monaco-hover', { hasText: HEBREW_PROMPT.slice(-20) });
  await hover.waitFor({ timeout: 15_000 });
  assert.ok((await hover.innerText()).replace(/\s+/g, ' ').includes(HEBREW_PROMPT), 'the tooltip has the whole prompt');
  await shots.take('explorer-hebrew-preview-and-tooltip');
  await page.mouse.move(800, 900);
  const counts = await treeRow(page, BIDI_RUN).locator('.label-description').innerText();
  assert.match(counts, /^0\/\d+ (rated|compared)/, `the run's progress says what it counts: ${counts}`);

  await reloadWindow(page);
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  await showLangLensView(page);
  await treeRow(page, BIDI_GROUP).waitFor({ timeout: 60_000 });
  const expanded = await page
    .locator('.pane-body .monaco-list-row[aria-expanded="true"]')
    .evaluateAll((rows: HTMLElementLike[]) => rows.map((r) => r.querySelector('.label-name')?.textContent ?? ''));
  assert.deepEqual(expanded, [BIDI_RUN, 'Hebrew'], 'the run and the language the annotator had open, and only them');
  await shots.take('explorer-expansion-after-reload');
  log('explorer: previews keep their start, the tooltip has the prompt, expansion survives a reload');
}

/**
 * The grid on the bidi run, opened under Russian (the 7th of 8 rows): its row is brought into view; each block's
 * direction is the majority of its letters; bidi controls are shown, not applied; a haiku keeps its lines; three
 * systems fit the 1,600-pixel window; in a narrower one the toolbar, header and first column stay put.
 */
async function gridBidiAndLayout(page: Page, shots: Shots): Promise<Frame> {
  await runCommand(page, 'View: Close All Editors');
  const row = await bidiGroupRow(page, 'Russian');
  await row.click();
  const grid = await webviewFrame(page, 'grid');
  await waitInFrame(
    grid,
    'the bidi group painted',
    () => document.body.dataset.group === 'b1' && document.body.dataset.paintMs,
  );
  if ((await grid.evaluate(() => document.body.dataset.layout)) !== 'languages-as-rows') {
    await grid.locator('#layout-languages').click();
    await waitInFrame(grid, 'languages as rows', () => document.body.dataset.layout === 'languages-as-rows');
  }
  await page.waitForTimeout(300);
  const place = await grid.evaluate(() => {
    const header = document.querySelector('.row[data-lang="ru"] > .row-header').getBoundingClientRect();
    const corner = document.querySelector('.response-grid .header > .corner').getBoundingClientRect();
    return { top: header.top, cornerBottom: corner.bottom, scrollY: window.scrollY, height: window.innerHeight };
  });
  assert.ok(place.top + place.scrollY > place.height, `Russian's row starts below the fold: ${JSON.stringify(place)}`);
  // Just below the sticky headers, or as near as the page's end lets it come.
  assert.ok(
    place.top >= place.cornerBottom - 3 && place.top < place.height / 2,
    `Russian's row in view below the headers: ${JSON.stringify(place)}`,
  );
  await shots.take('grid-opened-under-russian');

  // Inline code only: tsx names a helper function with a __name() call that does not exist in the webview.
  const blocks = await grid.evaluate(
    (starts: string[]) => {
      const paragraphs = [...document.querySelectorAll('.cell[data-system="sys-a"] .response p')];
      const found = starts.map((start) =>
        paragraphs.find((p: HTMLElementLike) => (p.textContent ?? '').startsWith(start)),
      );
      const en = document.querySelector('.cell[data-lang="en"][data-system="sys-a"] .response');
      return {
        directions: found.map((p: HTMLElementLike) => (p ? window.getComputedStyle(p).direction : 'missing')),
        isolated: found[0]?.querySelector('bdi')?.textContent,
        controlsLeft: /[\u202A-\u202E\u2066-\u2069]/.test(en?.textContent ?? ''),
        controls: [...(en?.querySelectorAll('.bidi-control') ?? [])].map((c: HTMLElementLike) => c.textContent),
        haikuBreaks: found[3]?.querySelectorAll('br').length,
      };
    },
    [
      HEBREW_LATIN_FIRST.slice(0, 10),
      ARABIC_LATIN_FIRST.slice(0, 10),
      ENGLISH_IN_HEBREW.slice(0, 10),
      'old silent pond',
    ],
  );
  const [he, ar, enInHe] = blocks.directions;
  assert.equal(he, 'rtl', '"Python היא…" is laid out right to left');
  assert.equal(ar, 'rtl', '"OpenAI هي…" is laid out right to left');
  assert.equal(enInHe, 'ltr', 'an English paragraph in a Hebrew answer is left to right');
  assert.equal(blocks.isolated, 'Python', 'the Latin run is isolated');
  assert.equal(blocks.controlsLeft, false, 'no bidi control character is applied');
  assert.deepEqual(blocks.controls, ['RLO', 'PDF'], 'each is shown by name');
  assert.equal(blocks.haikuBreaks, 2, 'the haiku keeps its three lines');
  await grid.evaluate(() => window.scrollTo(0, 0));
  await grid.locator('.row[data-lang="he"] .row-header').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await shots.take('grid-bidi-hebrew-arabic');
  await grid.locator('.row[data-lang="en"] .row-header').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await shots.take('grid-haiku-and-bidi-controls');

  const fits = await grid.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(fits.scrollWidth <= fits.clientWidth, `three systems fit the 1,600-pixel window: ${JSON.stringify(fits)}`);

  // A narrower window: the grid scrolls across, its toolbar, header row and first column stay where they are.
  await page.setViewportSize({ width: 1000, height: 1000 });
  await page.waitForTimeout(500);
  await grid.evaluate(() => window.scrollTo(document.documentElement.scrollWidth, window.scrollY));
  await page.waitForTimeout(300);
  const sticky = await grid.evaluate(() => {
    const toolbar = document.querySelector('.toolbar').getBoundingClientRect();
    return {
      scrollX: window.scrollX,
      toolbar: { left: toolbar.left, right: toolbar.right },
      corner: document.querySelector('.response-grid .header > .corner').getBoundingClientRect().left,
      firstColumn: document.querySelector('.row[data-lang="he"] > .row-header').getBoundingClientRect().left,
      lastCellRight: document.querySelector('.row[data-lang="he"] > .cell[data-system="sys-c"]').getBoundingClientRect()
        .right,
      clientWidth: document.documentElement.clientWidth,
    };
  });
  assert.ok(sticky.scrollX > 100, `the grid scrolls across: ${JSON.stringify(sticky)}`);
  assert.ok(
    Math.abs(sticky.toolbar.left) < 1 && sticky.toolbar.right <= sticky.clientWidth + 1,
    `the toolbar stays: ${JSON.stringify(sticky)}`,
  );
  assert.ok(
    sticky.corner < 1 && sticky.firstColumn < 1,
    `the header corner and first column stay: ${JSON.stringify(sticky)}`,
  );
  assert.ok(
    sticky.lastCellRight <= sticky.clientWidth + 1,
    'scrolled to the end, the last column is whole: an RTL line shows its start',
  );
  await shots.take('grid-scrolled-across-sticky');
  await page.setViewportSize({ width: 1600, height: 1000 });
  log('grid: bidi blocks, controls, haiku, fit and sticky edges checked');
  return grid;
}

/**
 * No tofu: the Chinese, Hebrew, Arabic and Hindi text of the grid is drawn with a font that has its glyphs. Each
 * character is drawn on a canvas with its block's font; a missing glyph is the font's .notdef box, the same for
 * every missing character, so two different characters drawing the same pixels (or the same as an unassigned
 * code point) are tofu.
 */
async function glyphsRender(page: Page, grid: Frame, shots: Shots): Promise<void> {
  const samples: Record<string, string> = { zh: '茶水杯', he: 'שלם', ar: 'شاي', hi: 'चाय' };
  const result = await grid.evaluate((chars: Record<string, string>) => {
    const out: Record<string, { distinct: number; tofu: number }> = {};
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 64;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    for (const [lang, text] of Object.entries(chars)) {
      const block = document.querySelector(`.row[data-lang="${lang}"] .response`);
      context.font = `40px ${window.getComputedStyle(block).fontFamily}`;
      const pixels: string[] = [];
      for (const c of ['\u0378', ...text]) {
        context.clearRect(0, 0, 64, 64);
        context.fillStyle = '#000';
        context.fillText(c, 4, 48);
        pixels.push(Array.from(context.getImageData(0, 0, 64, 64).data).join(','));
      }
      const [notdef, ...drawn] = pixels;
      out[lang] = { distinct: new Set(drawn).size, tofu: drawn.filter((d) => d === notdef).length };
    }
    return out;
  }, samples);
  for (const [lang, text] of Object.entries(samples)) {
    assert.equal(result[lang]?.tofu, 0, `${lang}: no character drawn as the missing-glyph box`);
    assert.equal(result[lang]?.distinct, [...text].length, `${lang}: each character has its own glyph`);
  }
  await grid.locator('.row[data-lang="zh"] .row-header').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await shots.take('grid-chinese-and-hindi-glyphs');
  log('fonts: Chinese, Hebrew, Arabic and Hindi glyphs drawn');
}

// ---------------------------------------------------------------------------------------------- issue 13 (i13a)

const LONG_RUN = 'e2e-long';

/**
 * A run of one Hebrew prompt whose first answer is 120 English lines (the detector says English) and whose second is
 * short Hebrew, with a schema of two more tasks: a rating task with guidelines and examples, and a pairwise task on
 * two criteria. Imported through the core, as another window's import would.
 */
async function importLongRun(): Promise<void> {
  const long = Array.from({ length: 120 }, (_, i) => `Line ${i + 1} of a long answer about tea.`).join('\n\n');
  const rows = [
    { kind: 'prompt', run: LONG_RUN, group: 'long-1', lang: 'he', text: 'כתוב תשובה ארוכה על תה.' },
    { kind: 'response', run: LONG_RUN, group: 'long-1', lang: 'he', system: 'sys-a', text: long },
    { kind: 'response', run: LONG_RUN, group: 'long-1', lang: 'he', system: 'sys-b', text: 'תה הוא משקה חם.' },
  ];
  const runFile = join(WORKSPACE, '..', 'long-run.jsonl');
  writeFileSync(runFile, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const schemaFile = join(WORKSPACE, '..', 'e2e-tasks.schema.json');
  writeFileSync(
    schemaFile,
    JSON.stringify({
      kind: 'schema',
      // The demo's scale, declared the same way again (a file's tasks name only scales it declares or built-ins).
      scales: [{ name: 'quality-5', min: 1, max: 5, description: '1 = very poor, 5 = excellent' }],
      criteria: [
        {
          name: 'readability',
          description: 'easy to read for a native speaker',
          rubric: '5: effortless; 1: unreadable',
          examples: ['**Example.** A wall of unbroken text is a 2 at best.'],
        },
        { name: 'helpfulness', description: 'answers what was asked' },
      ],
      tasks: [
        {
          name: 'long-answers',
          kind: 'rating',
          scale: 'quality-5',
          criteria: ['readability'],
          guidelines: ['## How to rate', '', 'Read the **whole** answer before you rate it. <b>raw html</b>'],
        },
        { name: 'pairwise-criteria', kind: 'pairwise', criteria: ['readability', 'helpfulness'] },
      ],
    }),
  );
  const store = await Store.open(DB);
  try {
    await importFile(store, runFile);
    await importFile(store, schemaFile);
  } finally {
    await store.close();
  }
  await withDatabase(DB, (db) =>
    db.run(
      `
      INSERT OR REPLACE INTO language_detections (response_id, detector, lang, confidence, reason)
      SELECT resp.id, 'e2e-simulated', CASE WHEN s.name = 'sys-a' THEN 'en' ELSE 'he' END, 0.97, NULL
      FROM responses resp JOIN prompts p ON p.id = resp.prompt_id JOIN runs r ON r.id = p.run_id
      JOIN systems s ON s.id = resp.system_id WHERE r.name = ?`,
      [LONG_RUN],
    ),
  );
}

async function chooseTask(page: Page, label: string): Promise<void> {
  await runCommandAndPick(page, 'LangLens: Choose Annotation Task (Rating or Pairwise)…', label);
}

async function startAnnotating(page: Page, run: string): Promise<Frame> {
  await runCommandAndPick(page, 'LangLens: Start Annotating', run);
  const annotate = await webviewFrame(page, 'annotate');
  await waitInFrame(
    annotate,
    `the queue of ${run}`,
    (r: string) =>
      document.body.dataset.itemKey && document.querySelector('.item-meta')?.textContent?.includes(r) !== undefined,
    30_000,
    run,
  );
  return annotate;
}

/**
 * A declared rating task with guidelines: G opens them beside the item (rendered Markdown, raw HTML shown as text);
 * blind, the detector's "looks like English" chip is hidden; Space, End and Home scroll the 120-line answer without
 * labelling it; the label is stored with its time on item (focus time).
 */
async function longAnswerGuidelinesAndScrolling(page: Page, shots: Shots): Promise<void> {
  await importLongRun();
  await chooseTask(page, 'long-answers');
  const annotate = await startAnnotating(page, LONG_RUN);
  await waitInFrame(annotate, 'the long answer', () =>
    document.querySelector('.criterion h2')?.textContent?.startsWith('readability'),
  );
  // Put the long answer first whatever the blind order: move until it is shown.
  for (let i = 0; i < 2; i++) {
    const lines = await annotate.evaluate(() => document.querySelector('.response')?.textContent?.length ?? 0);
    if (lines > 1000) break;
    await page.keyboard.press('j');
    await page.waitForTimeout(300);
  }
  const facts = await annotate.evaluate(() => ({
    index: document.body.dataset.index,
    chips: [...document.querySelectorAll('.card-head .chip')].map((c: { textContent: string }) => c.textContent),
    scrollable: (() => {
      const r = document.querySelector('.response');
      return r ? r.scrollHeight > r.clientHeight : false;
    })(),
  }));
  assert.ok(facts.scrollable, 'the long answer scrolls inside its card');
  assert.ok(
    facts.chips.every((c: string) => !/looks like/.test(c)),
    `blind: no "looks like English" chip (${facts.chips.join(', ')})`,
  );
  const scrollTop = () => annotate.evaluate(() => document.querySelector('.response')?.scrollTop ?? -1);
  await annotate.locator('.prompt-block').click();
  await page.keyboard.press('End');
  await waitInFrame(annotate, 'scrolled to the end', () => {
    const r = document.querySelector('.response');
    return r && r.scrollTop > 0 && r.scrollTop + r.clientHeight >= r.scrollHeight - 2;
  });
  await shots.take('annotate-long-answer-end-key');
  await page.keyboard.press('Home');
  await waitInFrame(annotate, 'back at the top', () => document.querySelector('.response')?.scrollTop === 0);
  await page.keyboard.press('Space');
  await waitInFrame(annotate, 'a page down', () => (document.querySelector('.response')?.scrollTop ?? 0) > 100);
  const afterSpace = await scrollTop();
  await page.keyboard.press('PageDown');
  await waitInFrame(
    annotate,
    'another page down',
    (top: number) => (document.querySelector('.response')?.scrollTop ?? 0) > top,
    10_000,
    afterSpace,
  );
  assert.equal(await annotate.evaluate(() => document.body.dataset.index), facts.index, 'scrolling moved no item');
  assert.equal(
    await annotate.evaluate(() => document.querySelector('.choices .chosen')),
    null,
    'scrolling gave no label',
  );
  // The guidelines beside the item.
  await page.keyboard.press('g');
  await waitInFrame(annotate, 'the guidelines', () => document.body.dataset.guidelines === 'open');
  const guide = await annotate.evaluate(() => ({
    heading: document.querySelector('#guidelines h2 + .markdown h2')?.textContent,
    strong: document.querySelector('#guidelines strong')?.textContent,
    rawHtml: document.querySelectorAll('#guidelines b').length,
    text: document.querySelector('#guidelines')?.textContent ?? '',
    beside: (() => {
      const a = document.querySelector('#guidelines')?.getBoundingClientRect();
      const m = document.querySelector('main.item')?.getBoundingClientRect();
      return a && m ? a.left >= m.right - 1 : false;
    })(),
  }));
  assert.equal(guide.heading, 'How to rate');
  assert.equal(guide.strong, 'whole');
  assert.equal(guide.rawHtml, 0, 'raw HTML in the guidelines is not rendered');
  assert.ok(guide.text.includes('<b>raw html</b>'), 'it is shown as text');
  assert.ok(guide.text.includes('A wall of unbroken text'), "the criterion's examples are in the guidelines");
  assert.ok(guide.beside, 'the guidelines stand beside the item');
  await page.waitForTimeout(300);
  await shots.take('annotate-guidelines-beside-item');
  // Time on item: about 1.5 s on this item with the panel focused.
  await page.waitForTimeout(1500);
  const key = await annotate.evaluate(() => document.body.dataset.itemKey!);
  await page.keyboard.press('2');
  await waitInFrame(annotate, 'the rating saved', () =>
    document.getElementById('save-status')?.textContent?.startsWith('All labels saved'),
  );
  const [row] = await withDatabase(DB, (db) =>
    db.all<{ value: string; criterion: string; ms: number | null }>(
      `
      SELECT l.value, l.criterion, l.time_on_item_ms AS ms FROM labels l JOIN annotators a ON a.id = l.annotator_id
      JOIN prompts p ON p.id = l.prompt_id JOIN runs r ON r.id = p.run_id WHERE a.name = ? AND r.name = ?`,
      [ANNOTATOR, LONG_RUN],
    ),
  );
  assert.equal(row?.value, '2', `the rating of ${key}`);
  assert.equal(row?.criterion, 'readability');
  assert.ok(row?.ms !== null && row!.ms! >= 1500 && row!.ms! < 120_000, `time on item ${row?.ms} ms`);
  log('time on item stored:', row?.ms, 'ms');
}

/** A declared pairwise task with two criteria: the panel asks each criterion of the pair, each label keeps its own. */
async function pairwiseCriteria(page: Page, shots: Shots): Promise<void> {
  await chooseTask(page, 'pairwise-criteria');
  const annotate = await webviewFrame(page, 'annotate');
  await waitInFrame(
    annotate,
    'the first criterion of the pair',
    () =>
      document.body.dataset.task === 'pairwise' &&
      document.querySelector('.criterion h2')?.textContent?.startsWith('readability'),
  );
  assert.equal(await annotate.evaluate(() => document.body.dataset.total), '2', 'one pair × two criteria');
  await shots.take('annotate-pairwise-criterion-1');
  await annotate.locator('.prompt-block').click();
  await page.keyboard.press('1');
  await waitInFrame(annotate, 'the second criterion', () =>
    document.querySelector('.criterion h2')?.textContent?.startsWith('helpfulness'),
  );
  await page.keyboard.press('t');
  await waitInFrame(
    annotate,
    'both saved',
    () =>
      document.body.dataset.index === '2' && document.getElementById('save-status')?.textContent === 'All labels saved',
  );
  await shots.take('annotate-pairwise-criteria-done');
  const rows = await withDatabase(DB, (db) =>
    db.all<{ criterion: string; value: string }>(
      `
      SELECT l.criterion, l.value FROM labels l JOIN annotators a ON a.id = l.annotator_id
      JOIN prompts p ON p.id = l.prompt_id JOIN runs r ON r.id = p.run_id
      WHERE a.name = ? AND r.name = ? AND l.kind = 'pairwise' ORDER BY l.criterion`,
      [ANNOTATOR, LONG_RUN],
    ),
  );
  assert.deepEqual(
    rows.map((r) => r.criterion),
    ['helpfulness', 'readability'],
    'one pairwise label per criterion',
  );
  assert.equal(rows[0]!.value, 'tie');
  assert.ok(['A', 'B'].includes(rows[1]!.value));
}

/** Errors do not pile up: a repeat counts up, Esc and × dismiss them. */
async function bannersDoNotPileUp(annotate: Frame, page: Page, shots: Shots): Promise<void> {
  // The host's error message as it arrives (a message event), three times the same and one other.
  await annotate.evaluate(() => {
    for (const message of ['Could not load items: x', 'Could not load items: x', 'Could not load items: x', 'Other'])
      window.postMessage({ type: 'error', message }, '*');
  });
  await waitInFrame(annotate, 'two banners', () => document.querySelectorAll('.error-banner.dismissible').length === 2);
  assert.equal(await annotate.evaluate(() => document.querySelector('.error-banner .count')?.textContent), '(×3)');
  await page.waitForTimeout(200);
  await shots.take('annotate-banners-counted');
  await annotate.locator('.prompt-block').click();
  await page.keyboard.press('Escape');
  await waitInFrame(annotate, 'one banner', () => document.querySelectorAll('.error-banner.dismissible').length === 1);
  await annotate.locator('.error-banner .dismiss').click();
  await waitInFrame(annotate, 'no banner', () => document.querySelectorAll('.error-banner.dismissible').length === 0);
}

async function labelCount(run: string): Promise<number> {
  const [row] = await withDatabase(DB, (db) =>
    db.all<{ n: number }>(
      `
      SELECT COUNT(*) AS n FROM current_labels l JOIN annotators a ON a.id = l.annotator_id
      JOIN prompts p ON p.id = l.prompt_id JOIN runs r ON r.id = p.run_id
      WHERE a.name = ? AND r.name = ? AND l.value IS NOT NULL`,
      [ANNOTATOR, run],
    ),
  );
  return row?.n ?? 0;
}

/**
 * Issue 13's lost label: label, kill -9 the extension host, label twice more in the orphaned panel: it says the host
 * is gone and offers "Reload window to save 2 labels"; after the reload both labels reach the database, the header
 * counts them and the queue stands at the first unlabelled item.
 */
async function labelsSurviveExtensionHostCrash(page: Page, shots: Shots): Promise<void> {
  await chooseTask(page, 'Rate each response');
  let annotate = await startAnnotating(page, RUN);
  await waitInFrame(annotate, 'the rating queue', () => document.querySelector('.criterion h2'));
  const before = await labelCount(RUN);
  // The header counts this queue's labels by this annotator, not every label of the run.
  const headerBefore = await annotate.evaluate(() => Number(document.getElementById('labelled-count')?.textContent));
  await annotate.locator('.prompt-block').click();
  await page.keyboard.press('3');
  await waitInFrame(annotate, 'the first label saved', () =>
    document.getElementById('save-status')?.textContent?.startsWith('All labels saved'),
  );
  assert.equal(await labelCount(RUN), before + 1);
  const root = Number(required('CS_PID'));
  const hosts = extensionHosts(root);
  assert.equal(hosts.length, 1, `one extension host under code-server ${root}: ${hosts.join(', ')}`);
  process.kill(hosts[0]!, 'SIGKILL');
  log('killed the extension host', hosts[0]);
  const keysAfter: string[] = [];
  for (const key of ['4', '5']) {
    keysAfter.push(await annotate.evaluate(() => document.body.dataset.itemKey!));
    await page.keyboard.press(key);
    await page.waitForTimeout(300);
  }
  const indexAfter = await annotate.evaluate(() => Number(document.body.dataset.index));
  const lost = await waitInFrame(
    annotate,
    'the panel says the host is gone',
    () => document.getElementById('host-lost')?.textContent?.replace(/\s+/g, ' '),
    30_000,
  );
  assert.match(lost, /not answering/);
  assert.match(lost, /Reload window to save 2 labels/);
  await shots.take('annotate-host-crashed-labels-kept');
  // The panel's own link reloads the window (the renderer follows a command link without any extension host).
  const reloaded = page.waitForEvent('load', { timeout: 30_000 }).then(
    () => 'the panel’s link',
    () => undefined,
  );
  await annotate.locator('#host-lost .reload-link').click();
  let how = await reloaded;
  if (!how) {
    log('the reload link did not reload the window; using the restarted host’s notification');
    const button = page.locator('.notifications-toasts .monaco-button', { hasText: 'Reload Window to Save Them' });
    await button.waitFor({ timeout: 60_000 });
    const load = page.waitForEvent('load', { timeout: 60_000 });
    await button.click();
    await load;
    how = 'the restarted host’s notification';
  }
  log('window reloaded through', how);
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  const deadline = Date.now() + 120_000;
  while ((await labelCount(RUN)) < before + 3 && Date.now() < deadline) await page.waitForTimeout(500);
  assert.equal(await labelCount(RUN), before + 3, 'both labels given while the host was dead are in the database');
  annotate = await webviewFrame(page, 'annotate');
  const shown = await waitInFrame(
    annotate,
    'the reconnected panel',
    () =>
      document.body.dataset.itemKey &&
      document.getElementById('save-status')?.textContent?.startsWith('All labels saved') && {
        count: document.getElementById('labelled-count')?.textContent,
        index: document.body.dataset.index,
      },
    60_000,
  );
  assert.equal(shown.count, String(headerBefore + 3), 'the header counts the restored labels');
  assert.equal(Number(shown.index), indexAfter, 'the queue stands at the first unlabelled item after them');
  await page.waitForTimeout(300);
  await shots.take('annotate-saved-after-crash-and-reload');
  await bannersDoNotPileUp(annotate, page, shots);
}

/** Imports a file into the workbench's database, as the CLI would, beside the editor (which sees it on refresh). */
async function importIntoDatabase(file: string): Promise<void> {
  const store = await Store.open(DB);
  try {
    await importFile(store, file);
  } finally {
    await store.close();
  }
}

/** The whole suite, in order: each step starts from the state the one before left. */
async function everyStep(page: Page, shots: Shots): Promise<void> {
  const grid = await openGroupFromExplorer(page, shots);
  await switchLayoutsAndFilters(page, grid, shots);
  await themeScreenshots(page, shots);
  await checkUnsafeHtmlDoesNotRun(page, grid, shots);
  await warmNavigationTimings(grid);
  const { labelledKeys, nextKey } = await labelThreeItems(page, shots);
  const annotate = await reloadAndResume(page, shots, labelledKeys, nextKey);
  await surviveWriteFailure(page, annotate, shots);
  await annotationPanelInHebrew(page, shots);
  await comparePairWithComment(page, shots);
  await queueGrowsAfterImport(page, shots);
  await dashboardToGrid(page, shots);
  await dashboardFiltersSurviveReload(page, shots);
  await rateOnDeclaredScale(page, shots);
  await runJudgeAgainstLocalServer(page, shots); // before the charts step adds the demo run: one run to judge
  await chartsInThreeThemes(page, shots);
  await chartsSurviveReload(page, shots);
  await dashboardStudyTools(page, shots);
  await dashboardJudgeFilterListsOnlyJudgesWithFigures(page, shots);
  await explorerPreviewsAndExpansion(page, shots);
  const bidiGrid = await gridBidiAndLayout(page, shots);
  await glyphsRender(page, bidiGrid, shots);
  await longAnswerGuidelinesAndScrolling(page, shots);
  await pairwiseCriteria(page, shots);
  await reviewDisagreementsAndAdjudicate(page, shots, DB);
  await dashboardUpdatesLive(page, shots, RUN, WORKSPACE, importIntoDatabase);
  await labelsSurviveExtensionHostCrash(page, shots);
  await closedPanelKeepsUnsavedLabels(page, shots, {
    db: DB,
    run: RUN,
    annotator: ANNOTATOR,
    csPid: Number(required('CS_PID')),
  });
  await rebindNextItemKey(page, shots, join(WORKSPACE, '..', 'data', 'User'));
  await overlapTargetFollowedLive(page, shots, { db: DB, run: RUN, annotator: ANNOTATOR });
  // Sessions of their own (code-server with --locale es, then he), on their own profile: last, the main one idle.
  await vsCodeInTranslatedDisplayLanguages(page.context().browser()!, displayLanguageProfile());
}

/** Steps that need nothing of the main session (they start code-server sessions of their own). */
const STANDALONE_STEPS = ['display-language'];

/**
 * E2E_ONLY=grid, bidi, display-language or keys,overlap (a developer's shortcut, never CI's): after the import (and a
 * first annotation for the steps that need an open annotation panel), only these of the steps; display-language alone
 * skips the main session's workbench and import.
 */
async function onlySomeSteps(page: Page, shots: Shots, names: readonly string[]): Promise<void> {
  if (process.env.CI === 'true') throw new Error('E2E_ONLY is a developer shortcut: CI runs every step');
  const steps: Record<string, () => Promise<void>> = {
    grid: async () => {
      const grid = await openGroupFromExplorer(page, shots);
      await checkUnsafeHtmlDoesNotRun(page, grid, shots); // leaves the grid on q0-xss, before q1 and q2
      await warmNavigationTimings(grid);
    },
    l10n: () => annotationPanelInHebrew(page, shots),
    bidi: async () => {
      await importBidiRun(page);
      await glyphsRender(page, await gridBidiAndLayout(page, shots), shots);
    },
    keys: () => rebindNextItemKey(page, shots, join(WORKSPACE, '..', 'data', 'User')),
    overlap: () => overlapTargetFollowedLive(page, shots, { db: DB, run: RUN, annotator: ANNOTATOR }),
    'display-language': () => vsCodeInTranslatedDisplayLanguages(page.context().browser()!, displayLanguageProfile()),
  };
  if (names.some((n) => n !== 'grid' && !STANDALONE_STEPS.includes(n))) await labelThreeItems(page, shots);
  for (const name of names) {
    const step = steps[name];
    if (!step) throw new Error(`E2E_ONLY: no step "${name}" (${Object.keys(steps).join(', ')})`);
    await step();
  }
  log(`E2E_ONLY: ran ${names.join(', ')} only`);
}

async function main(): Promise<void> {
  const { browser, page } = await launch();
  const shots = new Shots(page, ARTIFACTS);
  let ok = false;
  try {
    const only = process.env.E2E_ONLY?.split(',');
    if (!only?.every((name) => STANDALONE_STEPS.includes(name))) {
      await openWorkbench(page, CS_URL, WORKSPACE);
      log('workbench loaded');
      await shots.take('workbench');
      await importFromWelcomeView(page, shots);
    }
    if (only) await onlySomeSteps(page, shots, only);
    else await everyStep(page, shots);
    ok = true;
  } catch (err) {
    log('FAILED:', (err as Error).stack ?? err);
    await page.screenshot({ path: join(ARTIFACTS, '99-failure.png') }).catch(() => undefined);
  } finally {
    await browser.close();
  }
  console.log('==== measured (printed, not asserted; targets: grid < 300 ms, next item < 100 ms)');
  for (const [what, value] of Object.entries(timings)) console.log(`  ${what}: ${value}`);
  log(ok ? 'E2E PASSED' : 'E2E FAILED');
  process.exit(ok ? 0 : 1);
}

void main();
