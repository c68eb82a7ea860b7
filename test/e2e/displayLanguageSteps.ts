// VS Code itself in a translated display language: code-server started with `--locale es`, then `--locale he`, on a
// profile of its own (scripts/e2e.sh prepares it: LangLens's .vsix and the minimal language packs of
// languagePacks.ts, which code-server needs before it switches its display language). In Spanish: VS Code's own
// strings come from the pack, LangLens's welcome view, view name and command titles from package.nls.es.json, the
// import notification, a quick pick's title and the grid's words from l10n/bundle.l10n.es.json. In Hebrew: the grid's
// chrome is right to left (html dir="rtl", its toolbar and columns mirrored) and its words Hebrew, and the annotation
// panel, whose language setting is left at its default ("match VS Code's display language"), opens in Hebrew, right
// to left. Every expected text is read from the translation files, none is written here; the languages' names (in
// the grid and the explorer) are CLDR's, as Node's Intl gives them, and a few written out. Screenshots go to
// artifacts/e2e/display-language/<locale>/.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import ENGLISH_NLS from '../../package.nls.json';
import SPANISH_NLS from '../../package.nls.es.json';
import HEBREW_NLS from '../../package.nls.he.json';
import SPANISH_BUNDLE from '../../l10n/bundle.l10n.es.json';
import HEBREW_BUNDLE from '../../l10n/bundle.l10n.he.json';
import { HE } from '../../shared/protocol/strings/he';
import { ENGLISH_CHART_WORDS } from '../../src/core/charts/words';
import { ENGLISH_REPORT_WORDS } from '../../src/core/report/words';
import { FakeOpenAIServer } from '../support/openaiServer';
import { fill } from '../../shared/protocol/words';
import { RUN } from './fixture';
import { languagePack } from './languagePacks';
import {
  confirmationOfJudgePicks,
  log,
  openWorkbench,
  pickQuickItem,
  Shots,
  treeRow,
  waitInFrame,
  webviewFrame,
} from './workbench';

// Functions given to frame.evaluate run in the webview, where the DOM exists (see run.ts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const getComputedStyle: any;

type Manifest = typeof ENGLISH_NLS;
type Bundle = Record<string, string>;

export interface DisplayLanguageProfile {
  /** code-server's entry point (scripts/vscode/lib.sh CS_BIN). */
  readonly codeServer: string;
  /** The profile scripts/e2e.sh prepared: data/ (user data), ext/ (extensions), home/, logs/, workspace/. */
  readonly profile: string;
  readonly port: number;
  readonly artifacts: string;
}

const ANNOTATOR = 'e2e-annotator';

/** Spanish, then Hebrew, each in a code-server session of its own on the same profile and workspace. */
export async function vsCodeInTranslatedDisplayLanguages(
  browser: Browser,
  setup: DisplayLanguageProfile,
): Promise<void> {
  const started = Date.now();
  await inDisplayLanguage(browser, setup, 'es', spanish);
  await inDisplayLanguage(browser, setup, 'he', hebrew);
  log(`display languages: es and he in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function inDisplayLanguage(
  browser: Browser,
  setup: DisplayLanguageProfile,
  locale: string,
  steps: (page: Page, shots: Shots, setup: DisplayLanguageProfile) => Promise<void>,
): Promise<void> {
  const server = await startCodeServer(setup, locale);
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`workbench (${locale}) page error:`, e.message));
  const shots = new Shots(page, join(setup.artifacts, 'display-language', locale));
  try {
    await openWorkbench(page, server.url, join(setup.profile, 'workspace'));
    await vsCodeSpeaks(page, locale);
    await steps(page, shots, setup);
  } catch (err) {
    await shots.take('failure').catch(() => undefined);
    throw err;
  } finally {
    await context.close();
    await server.stop();
  }
}

/**
 * The workbench runs in the locale: the page loaded the pack's translated messages (VS Code's own language, the one
 * it hands the extension host as vscode.env.language), and the activity bar shows the pack's name for the Explorer.
 */
async function vsCodeSpeaks(page: Page, locale: string): Promise<void> {
  const language = await page.evaluate(
    () => (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE ?? 'en',
  );
  assert.equal(language, locale, `VS Code's display language (the language pack ${locale} must be installed)`);
  const explorer = languagePack(locale).explorer;
  await page.getByRole('tab', { name: new RegExp(`^${explorer}`) }).waitFor({ timeout: 30_000 });
  log(`VS Code in ${locale}: the Explorer is "${explorer}"`);
}

/**
 * The LangLens view in the side bar: its activity bar tab, clicked only while the view is not already on screen
 * (the tab toggles the side bar; the Hebrew session finds the workbench as the Spanish one left it).
 */
async function showLangLensView(page: Page): Promise<void> {
  const view = page.locator('[id="workbench.view.extension.langlens"]');
  const tab = page.getByRole('tab', { name: /^LangLens/ }).first();
  await tab.waitFor({ timeout: 60_000 });
  for (let attempt = 1; !(await view.isVisible()); attempt++) {
    if (attempt > 3) throw new Error('the LangLens view did not open');
    await tab.click();
    await view.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
  }
}

/**
 * Runs a LangLens command by its translated title, asserting that the palette shows it as VS Code shows a
 * translated command: the translation as the entry (its aria-label), the English title beneath as its alias.
 */
async function runTranslatedCommand(
  page: Page,
  translated: Manifest,
  key: keyof Manifest,
  shots?: Shots,
): Promise<void> {
  const title = `LangLens: ${translated[key]}`;
  const english = `LangLens: ${ENGLISH_NLS[key]}`;
  const quickInput = page.locator('.quick-input-widget');
  const row = quickInput.locator(`.monaco-list-row[aria-label="${title.replace(/"/g, '\\"')}"]`).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await quickInput.waitFor({ state: 'visible', timeout: 5000 });
      await quickInput.locator('input.input').fill(`>${title}`);
      await row.waitFor({ timeout: 10_000 });
      break;
    } catch (err) {
      if (attempt === 3) throw new Error(`the palette does not offer "${title}": ${(err as Error).message}`);
      const offered = await quickInput
        .locator('.monaco-list-row')
        .evaluateAll((rows) => rows.slice(0, 3).map((r) => r.getAttribute('aria-label')));
      log(`the palette does not offer "${title}" yet (attempt ${attempt}; it shows ${JSON.stringify(offered)})`);
      await page.keyboard.press('Escape');
    }
  }
  const alias = await row.locator('.quick-input-list-label-meta .label-name').textContent();
  assert.equal(alias, english, `"${title}" is the translation of "${english}"`);
  if (shots) await shots.take(`palette-${String(key).replace(/\W+/g, '-')}`);
  await row.click();
  log(`ran "${title}" (${english})`);
}

/** The one button of the welcome view that runs `command`, as the translation labels it ([label](command:…)). */
function welcomeButton(translated: Manifest, command: string): string {
  const label = translated['viewsWelcome.langlens.runs.0'].match(new RegExp(`\\[([^\\]]+)\\]\\(command:${command}\\)`));
  assert.ok(label, `the welcome view links ${command}`);
  return label[1]!;
}

/** A bundle message as a pattern, its {N} placeholders matching `values` (a pattern each) in place. */
function messagePattern(bundle: Bundle, message: string, values: string[]): RegExp {
  const translated = bundle[message];
  assert.ok(translated, `"${message}" is translated`);
  const parts = translated.split(/\{(\d+)\}/);
  return new RegExp(
    parts.map((p, i) => (i % 2 ? `(?:${values[Number(p)]})` : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join(''),
  );
}

interface Box {
  readonly left: number;
  readonly right: number;
}

interface GridFacts {
  readonly lang: string;
  readonly dir: string;
  readonly toolbarDir: string;
  readonly toolbar?: string;
  readonly layout?: string;
  readonly table?: string;
  readonly previous?: string;
  readonly next?: string;
  readonly languagesAsRows?: string;
  readonly systemsAsRows?: string;
  readonly showing?: string;
  readonly corner?: string;
  readonly previousBox?: Box;
  readonly layoutBox?: Box;
  readonly cornerBox?: Box;
  readonly firstColumnBox?: Box;
  /** Each language row's tag and the name it shows. */
  readonly languageNames: readonly (readonly [string, string])[];
}

/** The grid as painted: its page language and direction, the words of its chrome, and where its parts lie. */
function gridFacts(grid: Frame): Promise<GridFacts> {
  // No helper functions inside: tsx names them with a __name() call that does not exist in the webview (run.ts).
  return grid.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    toolbarDir: getComputedStyle(document.querySelector('header.toolbar')).direction,
    toolbar: document.querySelector('header.toolbar')?.getAttribute('aria-label'),
    layout: document.querySelector('.layout-switch')?.getAttribute('aria-label'),
    table: document.querySelector('.response-grid')?.getAttribute('aria-label'),
    previous: document.querySelector('#previous')?.textContent.trim(),
    next: document.querySelector('#next')?.textContent.trim(),
    languagesAsRows: document.querySelector('#layout-languages')?.textContent.trim(),
    systemsAsRows: document.querySelector('#layout-systems')?.textContent.trim(),
    showing: document.querySelector('details.filters summary')?.textContent.replace(/\s+/g, ' ').trim(),
    corner: document.querySelector('.response-grid .corner')?.textContent.trim(),
    previousBox: document.querySelector('#previous')?.getBoundingClientRect().toJSON(),
    layoutBox: document.querySelector('.layout-switch')?.getBoundingClientRect().toJSON(),
    cornerBox: document.querySelector('.response-grid .corner')?.getBoundingClientRect().toJSON(),
    firstColumnBox: document.querySelector('.response-grid .column-header')?.getBoundingClientRect().toJSON(),
    languageNames: [...document.querySelectorAll('.response-grid .language-name')].map(
      (e: { querySelector(s: string): { textContent: string } | null }) => [
        e.querySelector('.muted')?.textContent.trim() ?? '',
        e.querySelector('strong')?.textContent.trim() ?? '',
      ],
    ),
  }));
}

/** Opens prompt group q1 through the translated "Open Prompt Group in Grid…", its quick pick titled in the language. */
async function openGroupThroughPalette(page: Page, shots: Shots, translated: Manifest, bundle: Bundle): Promise<Frame> {
  await runTranslatedCommand(page, translated, 'command.openGroup', shots);
  const title = page.locator('.quick-input-widget .quick-input-title');
  await title.waitFor({ timeout: 30_000 });
  assert.equal(await title.textContent(), fill(bundle['LangLens: prompt group of {0}']!, [RUN]), 'the pick’s title');
  await shots.take('pick-prompt-group');
  await pickQuickItem(page, 'q1');
  const grid = await webviewFrame(page, 'grid');
  await waitInFrame(
    grid,
    'the grid of q1',
    () => document.body.dataset.group === 'q1' && document.body.dataset.paintMs,
  );
  return grid;
}

/** The grid's words are the bundle's, for each phrase the assertions name. */
function assertGridWords(facts: GridFacts, bundle: Bundle): void {
  const t = (message: string) => {
    const translated = bundle[message];
    assert.ok(translated, `"${message}" is translated`);
    return translated;
  };
  assert.equal(facts.toolbar, t('Prompt group'), 'the toolbar’s label');
  assert.equal(facts.previous, t('Previous'));
  assert.equal(facts.next, t('Next'));
  assert.equal(facts.layout, t('Layout'));
  assert.equal(facts.languagesAsRows, t('Languages as rows'));
  assert.equal(facts.systemsAsRows, t('Systems as rows'));
  assert.equal(facts.showing, fill(t('Showing languages: {0} of {1}, systems: {2} of {3}'), [12, 12, 12, 12]));
  assert.equal(facts.corner, t('Prompt'), 'the prompt column’s header');
  assert.equal(facts.table, t('Responses, one row per language'));
}

/**
 * The grid names its languages in the display language: every row as Intl names its tag there (the extension host
 * is Node too), and the ones written out here (`expected`: tag → name) exactly.
 */
function assertLanguageNames(facts: GridFacts, locale: string, expected: Readonly<Record<string, string>>): void {
  assert.equal(
    facts.languageNames.length,
    12,
    `the grid shows its 12 languages: ${JSON.stringify(facts.languageNames)}`,
  );
  const intl = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
  for (const [tag, name] of facts.languageNames) assert.equal(name, intl.of(tag) ?? tag, `the name of ${tag}`);
  const shown = new Map(facts.languageNames);
  for (const [tag, name] of Object.entries(expected)) assert.equal(shown.get(tag), name, `the name of ${tag}`);
}

/** The explorer's language nodes are named in the display language too (their tag in the description). */
async function explorerNamesLanguage(page: Page, shots: Shots, name: string, tag: string): Promise<void> {
  await showLangLensView(page);
  const row = treeRow(page, name);
  await row.waitFor({ timeout: 30_000 });
  const description = await row.locator('.label-description').textContent();
  assert.ok(description?.startsWith(tag), `the explorer's "${name}" is ${tag}: ${description}`);
  await shots.take('explorer-language-names');
}

/** Spanish: VS Code's own strings, LangLens's manifest strings and its host's messages and panels. */
async function spanish(page: Page, shots: Shots, setup: DisplayLanguageProfile): Promise<void> {
  await shots.take('workbench');
  await showLangLensView(page);
  // The view's name (its header is hidden, the view being alone in its container) and its welcome view:
  // package.nls.es.json.
  const viewName = SPANISH_NLS['views.langlens.runs.name'];
  await page
    .locator(`[id="workbench.view.extension.langlens"] .pane-header[aria-label^="${viewName}"]`)
    .first()
    .waitFor({ state: 'attached', timeout: 30_000 });
  const importButton = page.getByRole('button', { name: welcomeButton(SPANISH_NLS, 'langlens.importWorkspace') });
  await importButton.waitFor({ timeout: 60_000 });
  await shots.take('welcome-view');
  await importButton.click();
  // The host's notification: l10n/bundle.l10n.es.json.
  const imported = messagePattern(SPANISH_BUNDLE, 'Imported {0} file(s), {1} rows', ['4', '[\\d,.\u00a0]+']);
  await page.locator('.notifications-toasts', { hasText: imported }).waitFor({ timeout: 60_000 });
  log('import notification in Spanish:', imported.source);
  await shots.take('import-notification');
  await explorerNamesLanguage(page, shots, 'hebreo', 'he');
  const grid = await openGroupThroughPalette(page, shots, SPANISH_NLS, SPANISH_BUNDLE);
  const facts = await gridFacts(grid);
  log('grid in Spanish', JSON.stringify(facts));
  assert.equal(facts.lang, 'es', 'the grid’s page language is VS Code’s display language (vscode.env.language)');
  assert.equal(facts.dir, 'ltr');
  assertGridWords(facts, SPANISH_BUNDLE);
  assertLanguageNames(facts, 'es', { he: 'hebreo', de: 'alemán', en: 'inglés', zh: 'chino' });
  await page.waitForTimeout(300);
  await shots.take('grid');
  await numbersInSpanish(page, shots, join(setup.profile, 'workspace'));
  await coreErrorInSpanish(page, shots, setup);
}

/**
 * A core error in Spanish: Import Files… on a file whose second record has a fractional turn. The core refuses it
 * naming file, line and field (src/core/import); the editor shows that error in the display language
 * (src/extension/coreText.ts), every word from l10n/bundle.l10n.es.json, while the log keeps the English.
 */
async function coreErrorInSpanish(page: Page, shots: Shots, setup: DisplayLanguageProfile): Promise<void> {
  const folder = join(setup.profile, 'broken-run');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'broken.jsonl');
  const response = { kind: 'response', run: 'broken-run', group: 'b1', lang: 'es', system: 's', text: 'hola' };
  writeFileSync(file, [response, { ...response, group: 'b2', turn: 1.5 }].map((r) => JSON.stringify(r)).join('\n'));
  await runTranslatedCommand(page, SPANISH_NLS, 'command.importFiles');
  // code-server's simple open dialog: the file's path typed in, Enter opens it. The dialog writes its starting folder
  // into the field once it has read it, over anything typed before: type until the field holds the path.
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  for (let attempt = 1; ; attempt++) {
    await input.fill(file);
    await page.waitForTimeout(300);
    if ((await input.inputValue()) === file) break;
    assert.ok(attempt < 20, `the open dialog's field kept "${await input.inputValue()}" instead of ${file}`);
  }
  await page.keyboard.press('Enter');
  const problem = fill(spanishOf('{0}:{1}: field "{2}": {3}'), [
    file,
    2,
    'turn',
    fill(spanishOf('expected a whole number, found {0}'), [1.5]),
  ]);
  const toast = page.locator('.notification-toast', { hasText: problem }).locator('.notification-list-item-message');
  await toast.waitFor({ timeout: 30_000 });
  const shown = (await toast.textContent()) ?? '';
  log('core error in Spanish:', shown);
  const headline = messagePattern(
    SPANISH_BUNDLE,
    'LangLens: {0} file(s) could not be imported (nothing of them was written). {1}: {2}.',
    ['1', 'broken\\.jsonl', '.+'],
  );
  assert.match(shown, headline, 'the notification in Spanish');
  // No file was imported: the notification must not go on to say "imported 0 files (nothing new: already imported)".
  const alreadyImported = spanishOf('nothing new: already imported');
  assert.ok(!shown.includes(alreadyImported), `a failed import read as already imported: ${shown}`);
  assert.ok(!shown.includes('expected a whole number'), `no English left in the error: ${shown}`);
  await shots.take('core-error');
}

/**
 * Numbers in Spanish where LangLens draws them: the Charts panel's axes and labels ("50 %", a no-break space before
 * the sign; Vega's View given the display language's number locale), the heatmap's cells ("50,0"), and the time of the dashboard's figures
 * (24-hour, with seconds). The exports stay English (the unit tests draw a chart without a locale).
 */
async function numbersInSpanish(page: Page, shots: Shots, workspace: string): Promise<void> {
  await runTranslatedCommand(page, SPANISH_NLS, 'command.openCharts');
  const charts = await webviewFrame(page, 'charts');
  await waitInFrame(
    charts,
    'the charts drawn',
    () =>
      Number(document.body.dataset.charts) > 0 &&
      document.querySelectorAll('.vega[data-drawn]').length === Number(document.body.dataset.charts),
    120_000,
  );
  const texts: string[] = await charts.evaluate(() =>
    [...document.querySelectorAll('.vega text')].map((t: { textContent: string }) => t.textContent),
  );
  const percentages = texts.filter((t) => /^\d+(,\d+)?\s?%$/u.test(t));
  log('charts in Spanish: percentages', JSON.stringify(percentages.slice(0, 12)), `of ${texts.length} texts`);
  assert.ok(percentages.length > 0, `the charts show percentages: ${JSON.stringify(texts.slice(0, 40))}`);
  for (const shown of percentages) assert.match(shown, /^\d+(,\d+)?\u00a0%$/u, 'a percentage as Spanish writes it');
  assert.ok(!texts.some((t) => /^0\.\d+$/.test(t)), 'no fraction with an English decimal point');
  // The heatmap's cells, whose figures the host writes (the tables' digits, the display language's decimal mark).
  assert.ok(texts.includes('50,0') && !texts.includes('50.0'), "the heatmap's cells read 50,0");
  // The charts' words (src/core/charts/words.ts): their headings, and the axis and legend titles Vega draws.
  const heading = await charts.evaluate(() => document.getElementById('title-ratings')?.textContent?.trim() ?? '');
  assert.equal(heading, spanishOf(ENGLISH_CHART_WORDS.ratings.title), "the ratings chart's title");
  const { english, spanish } = drawnChartWords(texts);
  log('charts in Spanish: their words', JSON.stringify(spanish.slice(0, 12)));
  assert.deepEqual(english, [], 'no English word of the charts drawn');
  assert.ok(spanish.length >= 3, `the charts' axes and legends in Spanish: ${JSON.stringify(texts.slice(0, 60))}`);
  // An axis title of two lines is one text of two tspans: its lines run together in textContent.
  const { axis, axisNote } = ENGLISH_CHART_WORDS.ratings;
  assert.ok(texts.includes(spanishOf(axis) + spanishOf(axisNote)), "the ratings chart's axis title in Spanish");
  assert.ok(!texts.includes(axis + axisNote), 'not in English');
  await page.waitForTimeout(300);
  await shots.take('charts');
  await tableNotesAndItemsInSpanish(page, charts, shots);
  await runTranslatedCommand(page, SPANISH_NLS, 'command.openDashboard');
  const dashboard = await webviewFrame(page, 'dashboard');
  await waitInFrame(dashboard, 'the dashboard shown', () => document.body.dataset.dashboard === 'shown', 120_000);
  const updated = await dashboard.evaluate(() => document.getElementById('updated')?.textContent?.trim() ?? '');
  const pattern = messagePattern(SPANISH_BUNDLE, 'updated {0}', ['\\d{1,2}:\\d{2}:\\d{2}']);
  assert.match(updated, new RegExp(`^${pattern.source}$`), 'the time of the figures, 24-hour as Spanish writes it');
  log('dashboard in Spanish:', updated);
  await shots.take('dashboard');
  await judgePlanInSpanish(page, shots, workspace);
}

/**
 * The notes of a chart's table (src/core/report: its definitions, what was left out, the intervals) in Spanish under
 * the ratings chart, and the items behind one of its segments: the list's title, summary and each item's detail.
 */
async function tableNotesAndItemsInSpanish(page: Page, charts: Frame, shots: Shots): Promise<void> {
  const notes = charts.locator('#section-ratings details.notes');
  await notes.locator('summary').click();
  const shown: string[] = await charts.evaluate(() =>
    [...document.querySelectorAll('#section-ratings details.notes li')].map(
      (li: { textContent: string }) => li.textContent,
    ),
  );
  log('ratings table notes in Spanish', JSON.stringify(shown));
  assert.ok(shown.includes(spanishOf(ENGLISH_REPORT_WORDS.ratings.eachRating)), "the ratings table's note in Spanish");
  const intervals = messagePattern(
    SPANISH_BUNDLE,
    'Intervals: {0} percentile bootstrap over prompt groups ({1} resamples, seed {2}).',
    ['95\\s%', '1000', '20240101'],
  );
  assert.ok(
    shown.some((n) => intervals.test(n)),
    `the intervals' note in Spanish (${intervals.source})`,
  );
  const english = [ENGLISH_REPORT_WORDS.ratings.eachRating, ENGLISH_REPORT_WORDS.ratings.meanNote];
  assert.deepEqual(
    shown.filter((n) => english.includes(n) || n.startsWith('Intervals: ')),
    [],
    'no English note',
  );
  await notes.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await shots.take('charts-ratings-notes');
  // A segment of the ratings bars (named in Spanish in its aria-label), wide enough to click.
  const rating = spanishOf(ENGLISH_CHART_WORDS.ratings.rating);
  const segments = charts.locator(`#chart-ratings path[aria-roledescription="bar"][aria-label*="${rating}: "]`);
  const count = await segments.count();
  let clicked = false;
  for (let i = 0; i < count && !clicked; i++) {
    const box = await segments.nth(i).boundingBox();
    if (!box || box.width < 12) continue;
    await segments.nth(i).scrollIntoViewIfNeeded();
    // Near its corner: the figure written across its middle is a mark of its own.
    await segments.nth(i).click({ position: { x: 6, y: 6 } });
    clicked = true;
  }
  assert.ok(clicked, `a ratings segment to click among ${count}`);
  await waitInFrame(charts, 'the ratings behind the segment', () => document.body.dataset.items?.startsWith('items:'));
  const list = await charts.evaluate(() => ({
    title: document.getElementById('audit-title')?.textContent?.trim() ?? '',
    summary: document.querySelector('#items-region .summary')?.textContent?.trim() ?? '',
    details: [...document.querySelectorAll('#items-region .audit-item td:last-child')].map(
      (td: { textContent: string }) => td.textContent.trim(),
    ),
  }));
  log('items behind a ratings segment in Spanish', JSON.stringify({ ...list, details: list.details.slice(0, 4) }));
  assert.ok(list.title.startsWith(`${spanishOf(ENGLISH_CHART_WORDS.ratings.title)}: `), list.title);
  assert.match(list.summary, messagePattern(SPANISH_BUNDLE, '{0} item(s) behind this mark.', ['\\d+']));
  assert.ok(list.details.length > 0, 'the ratings behind it');
  const levels = Object.values(ENGLISH_CHART_WORDS.ratings.levels).map(spanishOf).join('|');
  for (const detail of list.details)
    assert.match(detail, messagePattern(SPANISH_BUNDLE, '{0} by {1}', [levels, '[\\w-]+']), 'a rating said in Spanish');
  await page.waitForTimeout(300);
  await shots.take('charts-items-behind-a-rating-segment');
}

/**
 * Run Judge (its Spanish title) against a local test server: the confirmation's lines from the job's plan
 * (src/core/judge/describe.ts) and where the key comes from, in Spanish; the job is not run (the dialog is closed).
 */
async function judgePlanInSpanish(page: Page, shots: Shots, workspace: string): Promise<void> {
  const server = await FakeOpenAIServer.start(() => ({ content: '1' }));
  const file = join(workspace, 'judges', 'e2e-es.judge.json');
  try {
    mkdirSync(join(workspace, 'judges'), { recursive: true });
    writeFileSync(
      file,
      JSON.stringify({
        model: 'llama-local',
        baseURL: server.baseURL,
        protocol: 'pairwise',
        baseline: { es: 'mono-es' },
      }),
    );
    await runTranslatedCommand(page, SPANISH_NLS, 'command.runJudge');
    const detail = await confirmationOfJudgePicks(page);
    const dialog = page.locator('.monaco-dialog-box');
    log('Run Judge confirmation in Spanish', JSON.stringify(detail));
    await shots.take('run-judge-confirmation');
    const line = (label: string, message: string, values: string[]) =>
      new RegExp(`^${spanishOf(label)}: ${messagePattern(SPANISH_BUNDLE, message, values).source}$`, 'm');
    assert.match(detail, line('Verdicts', '{0} (each pair in both orders)', ['132']), "the plan's verdicts");
    assert.match(
      detail,
      messagePattern(SPANISH_BUNDLE, 'API key: {0}', [literal(spanishOf('none (a local server needs none)'))]),
      "the key's source",
    );
    assert.ok(!detail.includes('each pair in both orders'), 'no English line of the plan');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    assert.equal(server.chatRequests, 0, 'nothing was sent');
  } finally {
    rmSync(file, { force: true });
    await server.close();
  }
}

/** A text as a pattern that matches it alone. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A message's Spanish, which must be there. */
function spanishOf(message: string): string {
  const translated = (SPANISH_BUNDLE as Bundle)[message];
  assert.ok(translated, `"${message}" is translated`);
  return translated;
}

/** The charts' words among the drawn texts: the English ones (none should be) and their Spanish. */
function drawnChartWords(texts: readonly string[]): { english: string[]; spanish: string[] } {
  const words = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : typeof value === 'object' && value ? Object.values(value).flatMap(words) : [];
  const translated = words(ENGLISH_CHART_WORDS).flatMap((word) => {
    const spanish = (SPANISH_BUNDLE as Bundle)[word];
    return spanish !== undefined && spanish !== word ? [[word, spanish] as const] : [];
  });
  return {
    english: translated.map(([word]) => word).filter((word) => texts.includes(word)),
    spanish: translated.map(([, spanish]) => spanish).filter((spanish) => texts.includes(spanish)),
  };
}

/** Hebrew: the grid right to left, and the annotation panel in VS Code's display language. */
async function hebrew(page: Page, shots: Shots, setup: DisplayLanguageProfile): Promise<void> {
  await shots.take('workbench');
  await explorerNamesLanguage(page, shots, 'עברית', 'he');
  const grid = await openGroupThroughPalette(page, shots, HEBREW_NLS, HEBREW_BUNDLE);
  const facts = await gridFacts(grid);
  log('grid in Hebrew', JSON.stringify(facts));
  assert.equal(facts.lang, 'he');
  assert.equal(facts.dir, 'rtl', 'the grid’s page is right to left');
  assert.equal(facts.toolbarDir, 'rtl', 'its toolbar runs right to left');
  assertGridWords(facts, HEBREW_BUNDLE);
  assertLanguageNames(facts, 'he', { he: 'עברית', en: 'אנגלית', de: 'גרמנית' });
  // Mirrored: the toolbar starts at the right (Previous, then Next, …, the layout switch at the left end), and the
  // prompts' column, the first, is the rightmost.
  assert.ok(facts.previousBox && facts.layoutBox && facts.cornerBox && facts.firstColumnBox, 'the boxes are there');
  assert.ok(facts.previousBox!.left > facts.layoutBox!.right, 'Previous is right of the layout switch');
  assert.ok(facts.cornerBox!.left >= facts.firstColumnBox!.right - 1, 'the prompts’ column is right of the systems');
  await page.waitForTimeout(300);
  await shots.take('grid-right-to-left');
  await annotationPanelFollowsVsCode(page, shots, setup);
}

/**
 * Start Annotating, by its Hebrew title: the host asks for the annotator id in Hebrew, and the annotation panel, its
 * language setting left at "auto" (VS Code's display language), opens in Hebrew and right to left.
 */
async function annotationPanelFollowsVsCode(page: Page, shots: Shots, setup: DisplayLanguageProfile): Promise<void> {
  const settings = JSON.parse(readFileSync(join(setup.profile, 'data', 'User', 'settings.json'), 'utf8'));
  assert.equal(settings['langlens.annotation.uiLanguage'], undefined, 'the panel’s language is left at its default');
  await runTranslatedCommand(page, HEBREW_NLS, 'command.annotate', shots);
  const askedForId = page.locator('.quick-input-widget', { hasText: HEBREW_BUNDLE['LangLens: your annotator id']! });
  await askedForId.waitFor({ timeout: 30_000 });
  await shots.take('asks-for-the-annotator-id');
  await askedForId.locator('input.input').fill(ANNOTATOR);
  await page.keyboard.press('Enter');
  await askedForId.waitFor({ state: 'hidden', timeout: 10_000 });
  const annotate = await webviewFrame(page, 'annotate');
  await waitInFrame(annotate, 'the first item', () => document.body.dataset.itemKey);
  const seen = await annotate.evaluate(() => {
    const header = document.querySelector('.progress-text');
    const h = header.getBoundingClientRect();
    const f = header.firstElementChild.getBoundingClientRect();
    return {
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      progress: document.querySelector('header.progress')?.getAttribute('aria-label'),
      header: header.textContent.replace(/\s+/g, ' ').trim(),
      headerDir: getComputedStyle(header).direction,
      hint: document.querySelector('.key-hint')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
      firstAtRight: Math.abs(h.right - f.right) < 2,
    };
  });
  log('annotation panel under VS Code in Hebrew', JSON.stringify(seen));
  assert.equal(seen.lang, 'he');
  assert.equal(seen.dir, 'rtl', 'the panel is right to left');
  assert.equal(seen.progress, HE.progress, 'its header is labelled in Hebrew');
  assert.ok(seen.header.includes(HE.taskRating), `the header names the task in Hebrew: ${seen.header}`);
  assert.equal(seen.headerDir, 'rtl');
  assert.ok(seen.firstAtRight, 'the header starts at its right edge');
  assert.ok(seen.hint.startsWith(HE.keys), `the key hint is in Hebrew: ${seen.hint}`);
  await page.waitForTimeout(300);
  await shots.take('annotation-panel-in-hebrew');
}

function withoutPort(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = { ...env };
  delete rest.PORT;
  return rest;
}

interface Server {
  readonly url: string;
  stop(): Promise<void>;
}

/** The ids of the live (not zombie) processes of a process group, from /proc. */
function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // After the command name (in parentheses, it may hold spaces): state, parent, process group.
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(group) === pgid && state !== 'Z') members.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return members;
}

/**
 * code-server on the profile with `--locale`, in a process group of its own (detached: setsid), so that stop ends the
 * whole tree by that id (it forks a file watcher and extension hosts), as scripts/vscode/lib.sh start_code_server does;
 * its id is in logs/display-language-code-server.pid for scripts/e2e.sh to stop it should this process die first.
 */
async function startCodeServer(setup: DisplayLanguageProfile, locale: string): Promise<Server> {
  const url = `http://127.0.0.1:${setup.port}`;
  if (
    await fetch(`${url}/healthz`).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`port ${setup.port} is already in use; choose another with PORT=...`);
  const logFile = join(setup.profile, 'logs', `code-server-${locale}.log`);
  const out = openSync(logFile, 'w');
  const child = spawn(
    setup.codeServer,
    [
      '--bind-addr',
      `127.0.0.1:${setup.port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--locale',
      locale,
      '--user-data-dir',
      join(setup.profile, 'data'),
      '--extensions-dir',
      join(setup.profile, 'ext'),
      join(setup.profile, 'workspace'),
    ],
    {
      detached: true,
      stdio: ['ignore', out, out],
      // Without PORT: code-server takes $PORT over --bind-addr's port, and PORT=... npm run test:e2e names the main one.
      env: { ...withoutPort(process.env), HOME: join(setup.profile, 'home'), EXTENSIONS_GALLERY: '{"serviceUrl":""}' },
    },
  );
  closeSync(out);
  const pid = child.pid!;
  const pidFile = join(setup.profile, 'logs', 'display-language-code-server.pid');
  writeFileSync(pidFile, `${pid}\n`);
  const stop = async () => {
    const signal = (s: NodeJS.Signals) => {
      try {
        process.kill(-pid, s);
      } catch {
        // the group is gone
      }
    };
    signal('SIGTERM');
    for (let i = 0; i < 20 && groupMembers(pid).length > 0; i++) await new Promise((r) => setTimeout(r, 250));
    if (groupMembers(pid).length > 0) signal('SIGKILL');
    rmSync(pidFile, { force: true });
    log(`code-server (${locale}) process group ${pid} stopped`);
  };
  for (let i = 0; i < 300; i++) {
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) {
      log(`code-server --locale ${locale}: pid ${pid} on ${url}`);
      return { url, stop };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`code-server --locale ${locale} did not start:\n${readFileSync(logFile, 'utf8')}`);
}
