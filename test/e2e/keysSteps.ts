// Issue 13, rebindable keys: an annotator binds "next item" to a key of their own in VS Code's keybindings.json,
// edited in the editor as a user does (Preferences: Open Keyboard Shortcuts (JSON); code-server's workbench does not
// see the file change when a test writes it behind its back). The open panel learns of it by itself (the host
// watches the file), the new key moves to the next item through VS Code's command, and the panel's key help shows
// the user's key beside the action.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { log, runCommand, waitInFrame, webviewFrame, type Shots } from './workbench';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;

const USER_KEY = 'alt+j';

/** Replaces keybindings.json's text in the editor and saves it; the annotation panel is in front again afterwards. */
async function editKeybindings(page: Page, file: string, text: string): Promise<void> {
  await runCommand(page, 'Preferences: Open Keyboard Shortcuts (JSON)');
  await page.locator('.tab.active', { hasText: 'keybindings.json' }).waitFor({ timeout: 30_000 });
  const editor = page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  await editor.waitFor({ timeout: 30_000 });
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // Inserted as one text (typed, the editor would close brackets and quotes itself); it may indent new lines.
  await page.keyboard.insertText(text);
  await page.keyboard.press('Control+S');
  const squeezed = (t: string) => t.replace(/\s+/g, '');
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && (!existsSync(file) || squeezed(readFileSync(file, 'utf8')) !== squeezed(text))) {
    await page.waitForTimeout(100);
  }
  assert.equal(squeezed(readFileSync(file, 'utf8')), squeezed(text), 'keybindings.json saved from the editor');
  await runCommand(page, 'View: Close Editor');
}

/** `userFolder`: the profile's data/User, where VS Code keeps keybindings.json. */
export async function rebindNextItemKey(page: Page, shots: Shots, userFolder: string): Promise<void> {
  const frame = await webviewFrame(page, 'annotate', 60_000);
  await waitInFrame(frame, 'an item shown', () => document.body.dataset.itemKey);
  const file = join(userFolder, 'keybindings.json');
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '[]';
  await editKeybindings(page, file, JSON.stringify([{ key: USER_KEY, command: 'langlens.annotate.next' }]));
  try {
    await waitInFrame(
      frame,
      'the panel told of the rebinding',
      () => (document.body.dataset.rebound ?? '').split(' ').includes('next'),
      30_000,
    );
    await frame.locator('.prompt-block').click();
    const from = Number(await frame.evaluate(() => document.body.dataset.index));
    // The workbench reads keybindings.json itself, maybe a moment after the host did: the key is pressed until
    // VS Code knows it (each press moves at most one item; the index is checked exactly afterwards).
    let moved = false;
    for (let attempt = 0; attempt < 10 && !moved; attempt++) {
      await page.keyboard.press('Alt+J');
      moved = await waitInFrame(
        frame,
        'the next item',
        (at: number) => Number(document.body.dataset.index) > at,
        1500,
        from,
      )
        .then(() => true)
        .catch(() => false);
    }
    assert.ok(moved, `${USER_KEY} moved to the next item`);
    assert.equal(Number(await frame.evaluate(() => document.body.dataset.index)), from + 1, 'one item on');
    await page.keyboard.press('?');
    const shown = await waitInFrame(
      frame,
      "the key help with the user's key",
      () => {
        const key = document.querySelector('.key-help kbd.user-key');
        return key && { key: key.textContent, row: key.closest('tr')?.textContent?.replace(/\s+/g, ' ') };
      },
      10_000,
    );
    log('rebound key in the help', shown);
    assert.match(String(shown.key), /J/i, 'the help shows the user’s key');
    await shots.take('annotate-rebound-key-in-help');
    await page.keyboard.press('?');
  } finally {
    await editKeybindings(page, file, before);
  }
  await waitInFrame(
    frame,
    'the default keys back',
    () => !(document.body.dataset.rebound ?? '').split(' ').includes('next'),
    30_000,
  );
  log('keys: a key of the user’s own moves the panel and shows in its help; removing it restores the default');
}
