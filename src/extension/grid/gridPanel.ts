// The side-by-side grid: one prompt group at a time, in a webview panel that is reused (and survives reloads
// through its serializer). The host queries the database and sends a GridView; the webview only renders.
import * as vscode from 'vscode';
import { naturalCompare } from '../../core/util/naturalCompare';
import { groupsOf, promptGroup } from '../../core/store/promptGroup';
import {
  parseGridMessage,
  parseGridPreferences,
  type GridPreferences,
  type GridToHost,
  type GridToWebview,
} from '../../../shared/protocol/grid';
import type { Database } from '../database';
import { display } from '../display';
import { createPanel, LatestWhenReady, restorePanel, wirePanel, writePage, type PanelKind } from '../panel';
import { gridView } from './gridView';
import { gridWords } from './gridWords';
import { errorText } from '../coreText';

export const GRID_VIEW_TYPE = 'langlens.grid';
const GRID: PanelKind<GridToHost> = {
  viewType: GRID_VIEW_TYPE,
  name: 'grid',
  get title() {
    return vscode.l10n.t('LangLens Grid');
  },
  parse: parseGridMessage,
};
const PREFERENCES_KEY = 'langlens.grid.preferences';
/**
 * How long a new grid's page waits for its first view, to paint it from the page itself. VS Code starts the
 * webview meanwhile (220–260 ms in code-server, README *benchmark*), so a view ready by then costs nothing;
 * a slower one only delays the "Loading…" that shows until it comes as a message.
 */
const FIRST_VIEW_WAIT_MS = 500;
const DEFAULT_PREFERENCES: GridPreferences = { layout: 'languages-as-rows', hiddenLanguages: [], hiddenSystems: [] };

export interface GridTarget {
  readonly run: string;
  readonly group: string;
  readonly turn: number;
  /** The language the group was chosen under, to highlight. */
  readonly lang?: string | null;
}

export interface GridDeps {
  readonly extensionUri: vscode.Uri;
  readonly database: Database;
  readonly log: vscode.LogOutputChannel;
  readonly workspaceState: vscode.Memento;
}

export function isGridTarget(value: unknown): value is GridTarget {
  const v = value as Partial<GridTarget> | undefined;
  return typeof v?.run === 'string' && typeof v.group === 'string' && typeof v.turn === 'number';
}

/** A run's prompt groups in the order the grid steps through them ("q2" before "q10"). */
export async function groupNames(database: Database, run: string): Promise<string[]> {
  const entries = await groupsOf(await database.store(), run);
  return [...new Set(entries.map((e) => e.group))].sort(naturalCompare);
}

export class GridPanel implements vscode.Disposable {
  private static current: GridPanel | undefined;
  private target: GridTarget | undefined;
  private groupList: { run: string; groups: string[] } | undefined;
  private readonly disposables: vscode.Disposable[];
  /** Messages wait until the webview says it is ready; only the latest show matters. */
  private readonly outbox: LatestWhenReady<GridToWebview>;
  private pageWritten: boolean;
  private disposed = false;

  /** Opens (or reuses) the grid on a group; requestedAt is when the user asked, for the paint timing. */
  static show(deps: GridDeps, target: GridTarget, requestedAt = Date.now()): void {
    if (!GridPanel.current) {
      // The page is written with the first view in it, or without it after FIRST_VIEW_WAIT_MS (a slow database).
      const grid = new GridPanel(createPanel(GRID, deps.extensionUri), deps, 'later');
      GridPanel.current = grid;
      void grid.load(target, requestedAt).finally(() => grid.writePageOnce());
      setTimeout(() => grid.writePageOnce(), FIRST_VIEW_WAIT_MS);
      return;
    }
    GridPanel.current.panel.reveal(undefined, false);
    void GridPanel.current.load(target, requestedAt);
  }

  /** Brings back a grid VS Code restored after a reload, on the group it showed. */
  static revive(panel: vscode.WebviewPanel, state: unknown, deps: GridDeps): void {
    GridPanel.current?.dispose();
    GridPanel.current = new GridPanel(restorePanel(panel, deps.extensionUri), deps);
    if (isGridTarget(state)) void GridPanel.current.load(state, Date.now());
  }

  /** The run the grid shows, if it is open. */
  static currentRun(): string | undefined {
    return GridPanel.current?.target?.run;
  }

  /** The keybindings' commands (langlens.grid.*), on the grid in front. */
  static navigateCurrent(by: 1 | -1): void {
    const grid = GridPanel.current;
    if (grid?.target) void grid.step(grid.target, by);
  }

  static toggleLayoutOfCurrent(): void {
    GridPanel.current?.outbox.post({ type: 'toggleLayout' });
  }

  static refreshCurrent(): void {
    const grid = GridPanel.current;
    if (grid?.target) void grid.load(grid.target, Date.now());
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly deps: GridDeps,
    page: 'now' | 'later' = 'now',
  ) {
    this.outbox = new LatestWhenReady<GridToWebview>(panel.webview, () => ({ type: 'words', words: gridWords() }));
    this.pageWritten = page === 'now';
    this.disposables = wirePanel(
      panel,
      GRID,
      deps,
      (message) => this.handleOrShow(message),
      () => this.dispose(),
      page,
    );
  }

  /** Writes the page, with the words and the view (or error) waiting in the outbox, if not written yet. */
  private writePageOnce(): void {
    if (this.pageWritten || this.disposed) return;
    this.pageWritten = true;
    writePage(this.panel, GRID, this.deps, this.outbox.takeForPage());
  }

  private handleOrShow(message: GridToHost): Promise<void> {
    return this.handle(message).catch((err: Error) =>
      this.outbox.post({ type: 'error', message: errorText(err, vscode.l10n) }),
    );
  }

  private async handle(message: GridToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.outbox.open();
        return;
      case 'navigate':
        if (this.target) await this.step(this.target, message.to === 'next' ? 1 : -1);
        return;
      case 'focus':
        await setGridFocused(message.focused);
        return;
      case 'turn':
        if (this.target) await this.load({ ...this.target, turn: message.turn }, Date.now());
        return;
      case 'preferences':
        await this.deps.workspaceState.update(PREFERENCES_KEY, message.preferences);
        return;
      case 'painted':
        this.deps.log.info(
          `grid: ${message.cells} responses painted ${Math.round(message.paintedAt - message.requestedAt)} ms after the request`,
        );
        return;
    }
  }

  private async step(from: GridTarget, by: number): Promise<void> {
    const groups = await this.groupsOf(from.run);
    const at = groups.indexOf(from.group);
    const next = groups[Math.min(groups.length - 1, Math.max(0, at + by))];
    if (next !== undefined && next !== from.group)
      await this.load({ run: from.run, group: next, turn: 1, lang: from.lang ?? null }, Date.now());
  }

  private async groupsOf(run: string): Promise<string[]> {
    if (this.groupList?.run !== run) {
      this.groupList = { run, groups: await groupNames(this.deps.database, run) };
    }
    return this.groupList.groups;
  }

  private async load(target: GridTarget, requestedAt: number): Promise<void> {
    this.target = target;
    try {
      const store = await this.deps.database.store();
      const [data, groups] = await Promise.all([promptGroup(store, target), this.groupsOf(target.run)]);
      if (data.prompts.length === 0 && data.responses.length === 0) {
        throw new Error(
          vscode.l10n.t(
            'prompt group {0} (turn {1}) is not in run {2} any more',
            target.group,
            target.turn,
            target.run,
          ),
        );
      }
      this.panel.title = `${target.group} · ${target.run}`;
      const view = gridView(
        data,
        { index: groups.indexOf(target.group), count: groups.length, focusLanguage: target.lang ?? null },
        display(),
      );
      this.outbox.post({ type: 'show', view, preferences: this.preferences(), requestedAt });
    } catch (err) {
      this.outbox.post({ type: 'error', message: errorText(err, vscode.l10n) });
    }
  }

  private preferences(): GridPreferences {
    try {
      return parseGridPreferences(this.deps.workspaceState.get(PREFERENCES_KEY) ?? DEFAULT_PREFERENCES);
    } catch {
      return DEFAULT_PREFERENCES;
    }
  }

  dispose(): void {
    this.disposed = true;
    if (GridPanel.current === this) GridPanel.current = undefined;
    void setGridFocused(false);
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** The context key of the grid's keybindings (package.json): true while the grid's page has the keyboard focus. */
function setGridFocused(focused: boolean): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', 'langlens.gridFocused', focused);
}
