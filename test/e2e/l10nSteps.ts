// The annotation panel in the annotator's language, chosen as an annotator would: "LangLens: Choose Annotation
// Panel Language…" (which writes langlens.annotation.uiLanguage in the user's settings), with the keyboard. Hebrew
// in an English VS Code mirrors the open panel's chrome at once (html dir="rtl", the header starting at the right
// edge), translates its header and its key help, and leaves each block of model text in its own direction; "Match
// VS Code's display language" brings English back (the setting's default, auto). Needs an annotation panel open.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { EN } from '../../shared/protocol/strings/en';
import { HE } from '../../shared/protocol/strings/he';
import { log, pickQuickItem, runCommand, type Shots, waitInFrame, webviewFrame } from './workbench';

// Functions given to frame.evaluate run in the webview, where the DOM exists (see run.ts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const getComputedStyle: any;

const COMMAND = 'LangLens: Choose Annotation Panel Language…';

async function chooseUiLanguage(page: Page, label: string): Promise<void> {
  await runCommand(page, COMMAND);
  await pickQuickItem(page, label);
  log('annotation panel language:', label);
}

/** The help's rows (key, action) and the header's words, as shown. */
async function helpShown(page: Page): Promise<void> {
  const annotate = await webviewFrame(page, 'annotate');
  await annotate.locator('.prompt-block').click();
  await page.keyboard.press('?');
  await waitInFrame(annotate, 'the key help open', () => document.querySelector('.key-help table tr') !== null);
}

async function helpClosed(page: Page): Promise<void> {
  const annotate = await webviewFrame(page, 'annotate');
  await page.keyboard.press('?');
  await waitInFrame(annotate, 'the key help closed', () => document.querySelector('.key-help') === null);
}

export async function annotationPanelInHebrew(page: Page, shots: Shots): Promise<void> {
  const annotate = await webviewFrame(page, 'annotate');
  const before = await annotate.evaluate(() => ({
    dir: document.documentElement.dir,
    lang: document.documentElement.lang,
  }));
  assert.deepEqual(before, { dir: 'ltr', lang: 'en' }, 'the panel starts in English (the default, auto)');
  const itemKey = await annotate.evaluate(() => document.body.dataset.itemKey as string);

  await chooseUiLanguage(page, 'עברית');
  await waitInFrame(
    annotate,
    'the panel in Hebrew, right to left',
    (he) =>
      document.documentElement.dir === 'rtl' &&
      document.documentElement.lang === 'he' &&
      document.querySelector('header.progress')?.getAttribute('aria-label') === he.progress,
    30_000,
    { progress: HE.progress },
  );
  await page.waitForTimeout(300);
  const seen = await annotate.evaluate(() => {
    const header = document.querySelector('.progress-text');
    const first = header.firstElementChild;
    const h = header.getBoundingClientRect();
    const f = first.getBoundingClientRect();
    const prompt = document.querySelector('.prompt');
    return {
      header: header.textContent.replace(/\s+/g, ' ').trim(),
      headerDir: getComputedStyle(header).direction,
      flag: document.querySelector('.flag')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
      hint: document.querySelector('.key-hint')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
      headerRight: h.right,
      headerLeft: h.left,
      firstRight: f.right,
      firstLeft: f.left,
      itemLanguage: document.querySelector('.item-meta .tag')?.textContent ?? '',
      promptDir: prompt?.getAttribute('dir') ?? null,
      promptComputed: prompt ? getComputedStyle(prompt).direction : null,
    };
  });
  log('Hebrew panel', JSON.stringify(seen));
  assert.equal(
    await annotate.evaluate(() => document.body.dataset.itemKey as string),
    itemKey,
    'the same item: the panel changed its words, not its place',
  );
  assert.ok(
    seen.header.includes(HE.taskRating) || seen.header.includes(HE.taskPairwise),
    `the header names the task in Hebrew: ${seen.header}`,
  );
  assert.equal(seen.headerDir, 'rtl', 'the header runs right to left');
  if (seen.flag)
    assert.ok(
      [HE.flagOff, HE.flagOn].some((f) => seen.flag.startsWith(f)),
      `the flag: ${seen.flag}`,
    );
  assert.ok(seen.hint.startsWith(HE.keys), `the key hint is in Hebrew: ${seen.hint}`);
  assert.ok(
    Math.abs(seen.headerRight - seen.firstRight) < 2,
    `the header's first element is at its right edge (${seen.firstRight} vs ${seen.headerRight})`,
  );
  assert.ok(seen.firstLeft > (seen.headerLeft + seen.headerRight) / 2, 'and on the right half of the header');
  // The chrome is mirrored, the text is not: a block keeps the direction of its own language and letters.
  assert.ok(seen.promptDir === 'ltr' || seen.promptDir === 'rtl', `the prompt has its own dir: ${seen.promptDir}`);
  assert.equal(seen.promptComputed, seen.promptDir, 'the prompt is laid out in its own direction');
  if (seen.itemLanguage.startsWith('zh')) assert.equal(seen.promptDir, 'ltr', 'a Chinese prompt stays left to right');
  await shots.take('annotate-ui-hebrew-rtl');

  // The key help (?) in Hebrew too, right to left.
  await helpShown(page);
  const help = await annotate.evaluate(() => {
    const footer = document.querySelector('.key-help');
    return {
      label: footer.getAttribute('aria-label'),
      dir: getComputedStyle(footer).direction,
      rows: [...footer.querySelectorAll('tr')].map((tr: { textContent: string }) =>
        tr.textContent.replace(/\s+/g, ' ').trim(),
      ),
    };
  });
  log('Hebrew key help', JSON.stringify(help));
  assert.equal(help.label, HE.keyboard, 'the key help is labelled in Hebrew');
  assert.equal(help.dir, 'rtl', 'the key help runs right to left');
  for (const action of [HE.keyNext, HE.keyPrevious, HE.keySkip, HE.keyUndo])
    assert.ok(
      help.rows.some((row: string) => row.endsWith(action)),
      `the key help has "${action}": ${help.rows.join(' | ')}`,
    );
  assert.ok(!help.rows.some((row: string) => row.endsWith(EN.keyNext)), 'and no English action left');
  await shots.take('annotate-ui-hebrew-key-help');
  await helpClosed(page);

  // Back to VS Code's display language (English here): the default, as the step found it.
  await chooseUiLanguage(page, "Match VS Code's display language");
  await waitInFrame(
    annotate,
    'the panel back in English, left to right',
    (en) =>
      document.documentElement.dir === 'ltr' &&
      document.documentElement.lang === 'en' &&
      document.querySelector('header.progress')?.getAttribute('aria-label') === en.progress &&
      (document.querySelector('.key-hint')?.textContent?.trim() ?? '').startsWith(en.keys),
    30_000,
    { progress: EN.progress, keys: EN.keys },
  );
  const header = await annotate.evaluate(() =>
    document.querySelector('.progress-text').textContent.replace(/\s+/g, ' ').trim(),
  );
  assert.ok(header.includes(EN.taskRating) || header.includes(EN.taskPairwise), `the header in English: ${header}`);
  await shots.take('annotate-ui-back-in-english');
}
