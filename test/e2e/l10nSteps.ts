// The annotation panel in the annotator's language: langlens.annotation.uiLanguage set to Hebrew in the user's
// settings.json (an English VS Code) mirrors the panel's chrome (html dir="rtl", the header starting at the right
// edge), translates its buttons, and leaves each block of model text in its own direction; "auto" brings English back.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { log, pickQuickItem, runCommand, type Shots, waitInFrame, webviewFrame } from './workbench';

// Functions given to frame.evaluate run in the webview, where the DOM exists (see run.ts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const getComputedStyle: any;

function setUiLanguage(settingsFile: string, language: string | undefined): void {
  const settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
  if (language === undefined) delete settings['langlens.annotation.uiLanguage'];
  else settings['langlens.annotation.uiLanguage'] = language;
  writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  log('langlens.annotation.uiLanguage =', language ?? '(default: auto)');
}

export async function annotationPanelInHebrew(page: Page, shots: Shots, workspace: string, run: string): Promise<void> {
  // The profile's user settings (scripts/e2e.sh makes the workspace beside them), as an annotator would edit them.
  const settingsFile = join(workspace, '..', 'data', 'User', 'settings.json');
  setUiLanguage(settingsFile, 'he');
  await runCommand(page, 'LangLens: Start Annotating');
  await pickQuickItem(page, run);
  const annotate = await webviewFrame(page, 'annotate');
  await waitInFrame(
    annotate,
    'the panel in Hebrew, right to left',
    () =>
      document.documentElement.dir === 'rtl' &&
      document.documentElement.lang === 'he' &&
      document.querySelector('.flag') !== null,
    30_000,
  );
  await page.waitForTimeout(300);
  const seen = await annotate.evaluate(() => {
    const header = document.querySelector('.progress-text');
    const first = header.firstElementChild;
    const h = header.getBoundingClientRect();
    const f = first.getBoundingClientRect();
    const prompt = document.querySelector('.prompt');
    return {
      flag: document.querySelector('.flag').textContent.replace(/\s+/g, ' ').trim(),
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
  assert.match(seen.flag, /^(שפה שגויה\?|לא בשפת ההנחיה)/, 'the flag button is in Hebrew');
  assert.ok(seen.hint.startsWith('מקשים:'), `the key hint is in Hebrew: ${seen.hint}`);
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

  setUiLanguage(settingsFile, undefined);
  await waitInFrame(
    annotate,
    'the panel back in English, left to right',
    () =>
      document.documentElement.dir === 'ltr' &&
      document.documentElement.lang === 'en' &&
      /^(Wrong language\?|Not in the prompt)/.test(document.querySelector('.flag')?.textContent?.trim() ?? ''),
    30_000,
  );
  await shots.take('annotate-ui-back-in-english');
}
