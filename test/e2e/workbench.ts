// Driving the VS Code workbench (code-server in chromium) with playwright-core: commands, the explorer tree,
// webview frames, screenshots. Webviews are <iframe class="webview"> → <iframe id="active-frame"> → our page;
// a page is found by the class our HTML shell puts on its <body> (grid, annotate).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';

// Functions given to frame.evaluate run in the webview, where the DOM exists; this project compiles without the
// DOM library, so the one global they use is declared here (locally: an import would not survive serialising).
declare const document: { body: { classList: { contains(name: string): boolean } } | null };

const t0 = Date.now();
export const log = (...args: unknown[]) => console.log(`[e2e +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...args);

export async function launch(): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=en-US',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('pageerror', (e) => log('workbench page error:', e.message));
  return { browser, page };
}

export class Shots {
  private n = 0;
  constructor(
    private readonly page: Page,
    private readonly folder: string,
  ) {
    mkdirSync(folder, { recursive: true });
  }
  async take(name: string): Promise<void> {
    const file = `${String(++this.n).padStart(2, '0')}-${name}.png`;
    await this.page.screenshot({ path: join(this.folder, file) });
    log('screenshot', file);
  }

  /** A screenshot of one element (a chart in a webview), numbered with the page's. */
  async element(locator: Locator, name: string): Promise<void> {
    const file = `${String(++this.n).padStart(2, '0')}-${name}.png`;
    await locator.screenshot({ path: join(this.folder, file) });
    log('screenshot', file);
  }
}

export async function openWorkbench(page: Page, url: string, folder: string): Promise<void> {
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded' });
  await waitForWorkbench(page);
}

/** The workbench is usable once the remote file system is connected: the explorer lists the folder. */
export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
}

/**
 * Runs a command by its palette title. The palette's input is filled, not typed: under load, typed keys can race
 * the palette's own filtering and leave it listing every command with the wanted row hidden. When the exact row
 * does not show, the palette is closed and the command asked again.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  const quickInput = page.locator('.quick-input-widget');
  const input = quickInput.locator('input.input');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await quickInput.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(`>${title}`);
      await clickQuickItem(page, title, 10_000);
      return;
    } catch (err) {
      if (attempt === 4) throw err;
      log(`command "${title}" not offered by the palette (attempt ${attempt}); asking again`);
      await page.keyboard.press('Escape');
      await quickInput.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
    }
  }
}

/**
 * Developer: Reload Window, listening for the page's load before the command runs: a reload quicker than the palette
 * closing fired its load before a wait begun afterwards, which then timed out.
 */
export async function reloadWindow(page: Page): Promise<void> {
  const loaded = page.waitForEvent('load', { timeout: 60_000 });
  loaded.catch(() => undefined); // awaited below; this only keeps a failed command from leaving it unhandled
  await runCommand(page, 'Developer: Reload Window');
  await loaded;
}

/** Clicks the quick-input entry whose label is exactly this (the first match may be a longer command). */
async function clickQuickItem(page: Page, label: string, timeout = 30_000): Promise<void> {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const row = page
    .locator('.quick-input-widget .monaco-list-row', { has: page.locator('.label-name', { hasText: exact }) })
    .first();
  await row.waitFor({ timeout });
  await row.click();
}

/**
 * Runs a command that opens a quick pick and picks its entry. A pick closes when focus leaves it (a webview
 * taking the focus as it refreshes after an import, say): the command is then run once more.
 */
export async function runCommandAndPick(page: Page, command: string, label: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await runCommand(page, command);
    try {
      await pickQuickItem(page, label, 20_000);
      return;
    } catch (err) {
      if (attempt === 2) throw err;
      log(`"${command}" showed no pick with "${label}" (attempt ${attempt}); running it again`);
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Run Judge's picks, its languages and then its systems, each accepted as offered (every one picked already); then
 * the confirmation's text (its detail: the plan's lines), the dialog left open.
 */
export async function confirmationOfJudgePicks(page: Page): Promise<string> {
  for (let pick = 0; pick < 2; pick++) {
    await page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page
      .locator('.quick-input-widget')
      .waitFor({ state: 'hidden', timeout: 10_000 })
      .catch(() => undefined);
  }
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 30_000 });
  return dialog.locator('.dialog-message-detail').innerText();
}

/** Picks an entry of an open quick pick by its label. */
export async function pickQuickItem(page: Page, label: string, timeout = 30_000): Promise<void> {
  const quickInput = page.locator('.quick-input-widget');
  // The host may read the database before it shows the pick (the declared tasks): on a loaded machine that can take
  // a while. The filter is filled, not typed, for the palette's reason (runCommand).
  await quickInput.waitFor({ state: 'visible', timeout });
  const input = quickInput.locator('input.input');
  // A filter filled while the pick is still being given its items (or while the palette is handing over to it) can
  // leave the list empty though the entry exists (seen once in CI): filled again, the list is filtered anew.
  for (let attempt = 1; ; attempt++) {
    await input.fill(label);
    try {
      await clickQuickItem(page, label, attempt === 3 ? timeout : 8_000);
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      log(`the pick shows no "${label}" yet (attempt ${attempt}); filling its filter again`);
      await input.fill('');
    }
  }
}

/** The frame of one of our webviews, waiting until it exists and its script has run. */
export async function webviewFrame(
  page: Page,
  panel: 'grid' | 'annotate' | 'dashboard' | 'charts' | 'adjudicate',
  timeout = 60_000,
): Promise<Frame> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    // A panel on screen first: a background tab of the same kind keeps a hidden frame (display: none).
    // Of several on screen (a hidden editor's webview may keep a box), the newest: the panel a command just opened.
    let hidden: Frame | undefined;
    let shown: Frame | undefined;
    for (const frame of page.frames()) {
      const isOurs = await frame
        .evaluate((name) => document.body?.classList.contains(name) ?? false, panel)
        .catch(() => false);
      if (!isOurs) continue;
      if (await onScreen(frame)) shown = frame;
      else hidden ??= frame;
    }
    if (shown) return shown;
    if (hidden && Date.now() > deadline - timeout / 2) return hidden;
    await page.waitForTimeout(100);
  }
  throw new Error(`the ${panel} webview did not appear within ${timeout} ms`);
}

/** Whether every frame element from this frame up to the page has a box (none is display: none). */
async function onScreen(frame: Frame): Promise<boolean> {
  for (let f: Frame | null = frame; f && f.parentFrame(); f = f.parentFrame()) {
    const box = await (await f.frameElement().catch(() => null))?.boundingBox().catch(() => null);
    if (!box || box.width === 0 || box.height === 0) return false;
  }
  return true;
}

export async function waitInFrame<T, A = undefined>(
  frame: Frame,
  what: string,
  predicate: (arg: A) => T,
  timeout = 30_000,
  arg?: A,
): Promise<T> {
  try {
    const run = predicate as (arg: unknown) => unknown;
    const handle = await frame.waitForFunction(run, arg, { timeout, polling: 'raf' });
    return (await handle.jsonValue()) as T;
  } catch (err) {
    throw new Error(`waiting for ${what}: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** A tree row of the LangLens view, by its label. */
export function treeRow(page: Page, label: string) {
  return page
    .locator('.pane-body .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) })
    .first();
}

/**
 * Shows the LangLens view in the side bar through its "Focus on Runs View" command, which only ever opens: the
 * activity bar tab toggles the side bar, and after a reload its aria-selected is set only once the workbench has
 * restored its layout, so a click decided on that attribute could close the view it meant to open.
 */
export async function showLangLensView(page: Page): Promise<void> {
  await page
    .getByRole('tab', { name: /^LangLens/ })
    .first()
    .waitFor({ timeout: 60_000 });
  await runCommand(page, 'LangLens: Focus on Runs View');
  await page.locator('[id="workbench.view.extension.langlens"]').waitFor({ state: 'visible', timeout: 30_000 });
}
