// What the three webview panels (grid, annotate, dashboard) share: how a panel is created or restored after a
// reload, its icon and HTML shell, and its messages parsed at the boundary before the panel acts on them.
import * as vscode from 'vscode';
import { pageLanguage, type Words } from '../../shared/protocol/words';
import { webviewHtml, type PanelName } from './webviewHtml';

/** One kind of panel: its view type (for the serializer), its page in media/, its title, its messages' parser. */
export interface PanelKind<T> {
  readonly viewType: string;
  readonly name: PanelName;
  readonly title: string;
  readonly parse: (raw: unknown) => T;
  /**
   * Commands the page may run through command: links (none by default). The renderer follows such a link itself, so
   * it works even when the extension host that owns the panel has died (the annotation panel's "Reload window").
   */
  readonly commandLinks?: readonly string[];
}

/** Webview options for a panel: scripts on, and only the extension's media folder readable. */
function panelOptions(
  kind: Pick<PanelKind<unknown>, 'commandLinks'>,
  extensionUri: vscode.Uri,
): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: kind.commandLinks ?? false,
    enableFindWidget: true,
    retainContextWhenHidden: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** A new panel of this kind in the active editor column. */
export function createPanel(kind: PanelKind<unknown>, extensionUri: vscode.Uri): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(
    kind.viewType,
    kind.title,
    vscode.ViewColumn.Active,
    panelOptions(kind, extensionUri),
  );
}

/** A panel VS Code restored after a reload: its webview gets the options a new one has. */
export function restorePanel(
  panel: vscode.WebviewPanel,
  extensionUri: vscode.Uri,
  kind?: PanelKind<unknown>,
): vscode.WebviewPanel {
  panel.webview.options = panelOptions(kind ?? {}, extensionUri);
  return panel;
}

/**
 * Fills a new or restored panel (icon, HTML shell) and listens to it: onDispose when it closes, and every message
 * parsed at the boundary (the webview renders model output, so nothing it sends is trusted): one that does not
 * parse is logged and dropped, one that does goes to handle. Returns the listeners, to dispose with the panel.
 * `page: 'later'` leaves the HTML to `writePage`, for a panel whose first messages are written into its page.
 */
export function wirePanel<T>(
  panel: vscode.WebviewPanel,
  kind: PanelKind<T>,
  deps: PanelDeps,
  handle: (message: T) => Promise<void>,
  onDispose: () => void,
  page: 'now' | 'later' = 'now',
): vscode.Disposable[] {
  panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'langlens.svg');
  if (page === 'now') writePage(panel, kind, deps);
  return [
    panel.onDidDispose(onDispose),
    panel.webview.onDidReceiveMessage((raw: unknown) => {
      let message: T;
      try {
        message = kind.parse(raw);
      } catch (err) {
        deps.log.warn(`${kind.name}: ignored a malformed message from the webview: ${(err as Error).message}`);
        return;
      }
      handle(message).catch((err: Error) => deps.log.error(`${kind.name}: ${err.message}`));
    }),
  ];
}

interface PanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
}

/**
 * Writes the panel's page (its HTML shell), with `messages` for the page to handle before it says it is ready:
 * VS Code starts a new panel's webview as soon as the panel is created, so a first view computed meanwhile and
 * written into the page is painted without the round trip of "ready" and a posted message.
 */
export function writePage(
  panel: vscode.WebviewPanel,
  kind: PanelKind<unknown>,
  deps: PanelDeps,
  messages: readonly unknown[] = [],
): void {
  panel.webview.html = webviewHtml(panel.webview, deps.extensionUri, kind.name, kind.title, messages);
}

/**
 * A panel's words (shared/protocol/words.ts) in VS Code's display language: the phrases its file of
 * src/extension/<panel>/ built with vscode.l10n.t, and the page's lang and dir (right to left for he and ar).
 */
export function panelWords<K extends string>(phrases: Readonly<Record<K, string>>): Words<K> {
  return { ...pageLanguage(vscode.env.language), phrases };
}

/**
 * Messages to a webview wait until it says it is ready; of those posted before, only the latest is sent. `first`
 * (the panel's words) is posted each time the page says it is ready, before anything else.
 */
export class LatestWhenReady<M> {
  private ready = false;
  private pending: M | undefined;
  /** The page holds `first` already (written into it): not posted when it next says it is ready. */
  private firstInPage = false;

  constructor(
    private readonly webview: vscode.Webview,
    private readonly first?: () => M,
  ) {}

  post(message: M): void {
    if (!this.ready) {
      this.pending = message;
      return;
    }
    void this.webview.postMessage(message);
  }

  /**
   * The messages to write into a page not yet ready (`first`, then what waits): taken from the outbox, so that
   * when the page says it is ready only what came after is posted.
   */
  takeForPage(): M[] {
    const messages = [...(this.first ? [this.first()] : []), ...(this.pending ? [this.pending] : [])];
    this.pending = undefined;
    this.firstInPage = this.first !== undefined;
    return messages;
  }

  /** The webview said it is ready (again, after its page reloaded): send what waits. */
  open(): void {
    this.ready = true;
    if (this.first && !this.firstInPage) void this.webview.postMessage(this.first());
    this.firstInPage = false;
    if (this.pending) this.post(this.pending);
  }
}
