// Annotation panels that outlived their extension host. When the host crashes, VS Code keeps the webview on screen
// (it lives in the window, not in the host) with the labels it could not save in its outbox and saved state, but
// never hands it to the host that starts next: its messages go nowhere. VS Code keeps a closed editor's serialized
// state to reopen it, so a new host takes such an orphan back by closing its tab and reopening it: the serializer
// then revives it with its state, and its outbox sends what it held.
import * as vscode from 'vscode';
import { ANNOTATE_VIEW_TYPE } from './viewType';

/** A tab of an annotation panel (the tab API names a webview's type with a prefix of VS Code's own). */
export function isAnnotateTab(tab: vscode.Tab): boolean {
  return tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(ANNOTATE_VIEW_TYPE);
}

/**
 * Annotation tabs on screen that this host does not own. A tab restored after a reload is revived as soon as it is
 * shown, so one still unowned a while after it became visible belongs to a dead host.
 */
export function findOrphans(owns: (tab: vscode.Tab) => boolean): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .map((group) => group.activeTab)
    .filter((tab): tab is vscode.Tab => tab !== undefined && isAnnotateTab(tab) && !owns(tab));
}

const SETTLE_MS = 2500;
const REVIVE_WAIT_MS = 8000;
/** A reopened tab that still is not revived is not tried again and again. */
const MAX_ATTEMPTS = 3;
let attempts = 0;

/** Closes and reopens each orphan, then waits until one is revived (revived()). */
export async function reconnect(
  orphans: readonly vscode.Tab[],
  log: vscode.LogOutputChannel,
  revived: () => boolean,
): Promise<void> {
  for (const tab of orphans) {
    if (attempts >= MAX_ATTEMPTS) {
      log.warn(
        'annotate: an annotation panel of a previous extension host is still not reconnected; reload the window',
      );
      return;
    }
    attempts++;
    log.info(`annotate: reconnecting "${tab.label}", a panel left by a previous extension host`);
    await vscode.window.tabGroups.close(tab, true);
    await vscode.commands.executeCommand('workbench.action.reopenClosedEditor');
  }
  const deadline = Date.now() + REVIVE_WAIT_MS;
  while (!revived() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Watches the tabs: an annotation tab visible for a moment without an owner is reconnected. */
export function watchForOrphans(owns: (tab: vscode.Tab) => boolean, log: vscode.LogOutputChannel): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const check = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (running) return;
      const orphans = findOrphans(owns);
      if (orphans.length === 0) return;
      running = true;
      void reconnect(orphans, log, () => findOrphans(owns).length === 0)
        .catch((err: Error) => log.error(`annotate: could not reconnect a panel: ${err.message}`))
        .finally(() => (running = false));
    }, SETTLE_MS);
  };
  check();
  const subscriptions = [
    vscode.window.tabGroups.onDidChangeTabs(check),
    vscode.window.tabGroups.onDidChangeTabGroups(check),
  ];
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    for (const s of subscriptions) s.dispose();
  });
}
