// Annotation panels that outlived their extension host. When the host crashes, VS Code keeps the webview on screen
// (it lives in the window, not in the host) with the labels it could not save in its outbox and saved state, but
// never hands it to the host that starts next: its messages go nowhere. A window reload serializes it with that
// state and the new host's serializer revives it, whose outbox then sends what it held: the panel itself offers
// the reload (a command link works without a host), and the new host asks for it too.
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

/** Whether any annotation tab is open in the window (shown or not: a tab in the background is revived when shown). */
export function anyAnnotateTab(): boolean {
  return vscode.window.tabGroups.all.some((group) => group.tabs.some(isAnnotateTab));
}

/** Long enough for a panel restored by a window reload to be revived first, even on a loaded machine. */
const SETTLE_MS = 10_000;
/** After an annotation tab closed: this host's own panel has said it closed by then. */
const CLOSED_SETTLE_MS = 1500;
const RELOAD = vscode.l10n.t('Reload Window to Save Them');
const NEW_PANEL = vscode.l10n.t('Open a New Panel');

function reloadWindow(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.reloadWindow');
}

/**
 * Start Annotating while an orphan is on screen: a second panel would leave the orphan's labels behind, so the
 * annotator chooses (a modal: nothing else happens until they do). True: open a new panel anyway.
 */
export async function confirmNewPanelBesideOrphan(): Promise<boolean> {
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'LangLens: an annotation panel from before the extension host restarted is still open and may hold labels that are not saved yet. Reload the window to save them (the panel comes back with them); closing that panel would lose them.',
    ),
    { modal: true },
    RELOAD,
    NEW_PANEL,
  );
  if (choice === RELOAD) await reloadWindow();
  return choice === NEW_PANEL;
}

/**
 * Watches the tabs: an annotation tab on screen that no live host owns for SETTLE_MS came from a host that died. VS
 * Code hands such a webview to no new host, and closing and reopening its tab is not reliable (a tab being restored
 * is lost that way), so the annotator is told, and a window reload (which revives it with its saved state) saves it.
 */
export function watchForOrphans(
  owns: (tab: vscode.Tab) => boolean,
  log: vscode.LogOutputChannel,
  lost?: {
    /**
     * Called once the window settled after this host started, and a moment after an annotation tab closed: the panel
     * recovers what a lost one (closed, or of a dead host) left unsaved, when none is open any more.
     */
    readonly onLostPanel: () => void;
  },
): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const lostTimers = new Set<NodeJS.Timeout>();
  const afterWhile = (ms: number) => {
    if (!lost) return;
    const t = setTimeout(() => {
      lostTimers.delete(t);
      lost.onLostPanel();
    }, ms);
    lostTimers.add(t);
  };
  afterWhile(SETTLE_MS);
  let told = false;
  const check = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (told || findOrphans(owns).length === 0) return;
      told = true;
      log.warn('annotate: an annotation panel of a previous extension host is on screen; asking for a window reload');
      void vscode.window
        .showWarningMessage(
          vscode.l10n.t(
            'LangLens: the extension host restarted. The annotation panel on screen is still the old one and may hold labels that are not saved yet: reload the window to save them.',
          ),
          RELOAD,
        )
        .then((choice) => (choice === RELOAD ? reloadWindow() : undefined));
    }, SETTLE_MS);
  };
  check();
  const subscriptions = [
    vscode.window.tabGroups.onDidChangeTabs((change) => {
      check();
      if (change.closed.some(isAnnotateTab)) afterWhile(CLOSED_SETTLE_MS);
    }),
    vscode.window.tabGroups.onDidChangeTabGroups(check),
  ];
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    for (const t of lostTimers) clearTimeout(t);
    for (const s of subscriptions) s.dispose();
  });
}
