// Annotation mode: the current annotator's queue in a webview panel. Every label is written the moment it is
// given; the webview keeps a label until the host confirms it is committed, and retries when a write fails.
// A panel outlives the extension host that made it (a crashed host leaves it on screen, holding what it could not
// save): it says so and offers a window reload, which revives it for the new host (reconnect.ts); a panel closed
// with labels unsaved is reopened.
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { appendLabel, appendLanguageFlag, savePosition } from '../../core/store/annotation';
import type { LanguageTag } from '../../core/model/language';
import {
  parseAnnotateMessage,
  type AnnotateRequests,
  type AnnotateToHost,
  type AnnotateToWebview,
  type KeyMapView,
  type PendingWrite,
  type UnsavedLabel,
} from '../../../shared/protocol/annotate';
import { RequestChannel, type NoRequests, type RequestAnswers } from '../../../shared/protocol/channel';
import { requireAnnotatorId } from '../annotator';
import type { Database } from '../database';
import { annotationSettings, annotationUiLanguage, annotatorId, annotatorLanguages } from '../settings';
import { uiStrings } from '../../../shared/protocol/strings/index';
import { createPanel, restorePanel, wirePanel, type PanelKind } from '../panel';
import { AnnotationSession } from './session';
import { OverlapFollower } from './overlapFollow';
import { anyAnnotateTab, confirmNewPanelBesideOrphan, findOrphans, watchForOrphans } from './reconnect';
import { ANNOTATE_VIEW_TYPE } from './viewType';
import { ANNOTATE_ACTIONS, readKeyMap } from './keybindings';
import * as path from 'node:path';
import { errorText } from '../coreText';

export { ANNOTATE_VIEW_TYPE };
const ANNOTATE: PanelKind<AnnotateToHost> = {
  viewType: ANNOTATE_VIEW_TYPE,
  name: 'annotate',
  get title() {
    return vscode.l10n.t('LangLens Annotate');
  },
  parse: parseAnnotateMessage,
  // The page's "Reload window to save N labels" link must work when this host is dead.
  commandLinks: ['workbench.action.reloadWindow'],
};

export interface AnnotateDeps {
  readonly extensionUri: vscode.Uri;
  readonly database: Database;
  readonly log: vscode.LogOutputChannel;
  /** The extension's global storage (in the user's folder, beside keybindings.json). */
  readonly globalStorageUri?: vscode.Uri;
  /** Where the last panel's target is kept, for a panel to reopen after one was lost with unsaved labels. */
  readonly workspaceState?: vscode.Memento;
}

/** The workspace's last annotation target while a panel may hold unsaved labels (cleared when one closes clean). */
const LAST_PANEL_KEY = 'langlens.annotate.lastPanel';

/** What a queue covers beyond the settings: the run, and optionally only some languages (from the explorer). */
export interface AnnotateTarget {
  readonly run: string;
  readonly languages?: readonly LanguageTag[];
}

function sameItems(a: AnnotationSession, b: AnnotationSession): boolean {
  return a.items.length === b.items.length && a.items.every((item, i) => item.key === b.items[i]!.key);
}

/** A write error in words an annotator can act on. */
function explain(err: Error): string {
  if (/SQLITE_BUSY|database is locked/i.test(err.message)) {
    return vscode.l10n.t('the database is busy (another window or the langlens command line is writing to it)');
  }
  if (/SQLITE_READONLY|SQLITE_CANTOPEN|EACCES|EROFS/i.test(err.message))
    return vscode.l10n.t('the database cannot be written ({0})', err.message);
  if (/SQLITE_FULL|ENOSPC/i.test(err.message)) return vscode.l10n.t('the disk is full');
  return errorText(err, vscode.l10n);
}

function isAnnotateTarget(value: unknown): value is AnnotateTarget {
  return typeof (value as Partial<AnnotateTarget> | undefined)?.run === 'string';
}

/** The database, annotator, run and task a queue writes to, as an opaque token (AnnotationSession.outboxScope). */
function outboxScope(database: string, annotator: string, run: string): string {
  const { task, declaredTask } = annotationSettings();
  return createHash('sha256')
    .update(JSON.stringify([database, annotator, run, task, declaredTask]))
    .digest('hex')
    .slice(0, 32);
}

function labelsWord(count: number): string {
  return count === 1 ? '1 label' : `${count} labels`;
}

export class AnnotatePanel implements vscode.Disposable {
  private static current: AnnotatePanel | undefined;
  /** Every panel this host owns (a revived orphan may stand beside a panel opened meanwhile). */
  private static readonly open = new Set<AnnotatePanel>();
  /**
   * Writes received from the panels and not committed yet, by scope and id: a panel closed while the database
   * refused them hands them to the panel that reopens (which sends them again; their ids make that store nothing twice).
   */
  private static readonly received = new Map<string, Map<string, PendingWrite>>();
  /** When one of this host's panels last closed: an annotation tab closing then was not an orphan. */
  private static lastOwnClose = 0;
  private scope: string | undefined;
  /** Writes to hand to the page with its next queue (what a closed panel left with the host). */
  private restored: PendingWrite[] = [];
  /** Opened only to take over what a lost panel left: closed again when there is nothing. */
  private recovery = false;
  /** What the webview's outbox holds, as it last said. */
  private pending: { count: number; reason: string | null } = { count: 0, reason: null };
  /** Labels the page held unsaved when it started: counted as given until the outbox has sent them. */
  private unsaved: readonly UnsavedLabel[] = [];
  private disposed = false;
  private session: Promise<AnnotationSession> | undefined;
  private ready = false;
  /** Messages posted before the webview said it was ready. */
  private readonly early: AnnotateToWebview[] = [];
  private positionTimer: NodeJS.Timeout | undefined;
  private unsavedPosition: string | undefined;
  private changeTimer: NodeJS.Timeout | undefined;
  /** Follows the overlap target of the queue shown (claims, others' labels), if its run has one. */
  private follower: { session: AnnotationSession; started: Promise<OverlapFollower | undefined> } | undefined;
  private readonly disposables: vscode.Disposable[];
  private readonly requests: RequestChannel<NoRequests, AnnotateRequests>;

  static async show(deps: AnnotateDeps, target: AnnotateTarget): Promise<void> {
    const annotator = await requireAnnotatorId();
    if (!annotator) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('LangLens: annotating needs an annotator id (setting langlens.annotator.id).'),
      );
      return;
    }
    // A panel left by a crashed extension host holds labels only it has: a second panel beside it would invite
    // closing the old one and losing them.
    if (
      !AnnotatePanel.current &&
      findOrphans(AnnotatePanel.ownsTab).length > 0 &&
      !(await confirmNewPanelBesideOrphan())
    )
      return;
    if (!AnnotatePanel.current) {
      AnnotatePanel.current = new AnnotatePanel(createPanel(ANNOTATE, deps.extensionUri), deps);
    }
    AnnotatePanel.current.panel.reveal(undefined, false);
    AnnotatePanel.current.start(target, annotator);
  }

  /**
   * A panel VS Code restored (a window reload, or an orphan taken back after a crash). Another panel already open
   * stays: it may hold labels of its own that are not saved yet.
   */
  static revive(panel: vscode.WebviewPanel, state: unknown, deps: AnnotateDeps): void {
    const revived = new AnnotatePanel(restorePanel(panel, deps.extensionUri, ANNOTATE), deps);
    AnnotatePanel.current = revived;
    const target = (state as { target?: unknown } | undefined)?.target;
    void requireAnnotatorId().then((annotator) => {
      if (annotator && isAnnotateTarget(target) && !revived.target) revived.start(target, annotator);
    });
  }

  /** Takes back, while this host runs, any annotation panel on screen that no live host owns. */
  static watchForOrphans(deps: AnnotateDeps): vscode.Disposable {
    const commands = AnnotatePanel.registerKeyCommands(deps);
    const watcher = watchForOrphans(AnnotatePanel.ownsTab, deps.log, {
      // Not a close of this host's own panel (that one reopens by itself when it held unsaved labels).
      onLostPanel: () => {
        if (Date.now() - AnnotatePanel.lastOwnClose > 3000) AnnotatePanel.recoverLostPanel(deps);
      },
    });
    return vscode.Disposable.from(watcher, ...commands);
  }

  /** The user's keybindings.json (the user folder holds the extensions' global storage). */
  private static keybindingsFile(deps: AnnotateDeps): string | undefined {
    return deps.globalStorageUri && path.join(path.dirname(deps.globalStorageUri.fsPath), '..', 'keybindings.json');
  }

  /**
   * One command per panel key (contributes.keybindings binds each to its default key, only in the panel). The panel
   * handles its default keys itself, so a command acts only for an action the user bound to a key of their own:
   * that key reaches the panel through VS Code, which runs the command (the panel then leaves the default key).
   */
  private static registerKeyCommands(deps: AnnotateDeps): vscode.Disposable[] {
    const file = AnnotatePanel.keybindingsFile(deps);
    const subscriptions = ANNOTATE_ACTIONS.map((action) =>
      vscode.commands.registerCommand(`langlens.annotate.${action}`, async () => {
        const current = AnnotatePanel.current;
        if (!current || !file) return;
        const keys = await AnnotatePanel.keyMap(file).catch(() => undefined);
        if (keys?.rebound.includes(action)) current.post({ type: 'action', action });
      }),
    );
    if (file) {
      const watcher = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), 'keybindings.json'),
      );
      const changed = () => {
        AnnotatePanel.readKeys = undefined;
        for (const panel of AnnotatePanel.open) void panel.sendKeys();
      };
      subscriptions.push(
        watcher,
        watcher.onDidChange(changed),
        watcher.onDidCreate(changed),
        watcher.onDidDelete(changed),
      );
    }
    return subscriptions;
  }

  /** keybindings.json read once, not at every key press of the panel; read again when the file changes. */
  private static readKeys: Promise<KeyMapView> | undefined;
  private static keyMap(file: string): Promise<KeyMapView> {
    const reading = (AnnotatePanel.readKeys ??= readKeyMap(file));
    // A failed read is not kept: the next key press or panel reads the file again.
    reading.catch(() => {
      if (AnnotatePanel.readKeys === reading) AnnotatePanel.readKeys = undefined;
    });
    return reading;
  }

  /** The user's keys of the panel's commands, for the webview (which leaves rebound actions to VS Code). */
  private async sendKeys(): Promise<void> {
    const file = AnnotatePanel.keybindingsFile(this.deps);
    if (!file) return;
    try {
      this.post({ type: 'keys', keys: await AnnotatePanel.keyMap(file) });
    } catch (err) {
      this.deps.log.warn(`annotate: the panel keeps its default keys: ${(err as Error).message}`);
    }
  }

  /** Whether a visible annotation tab is one of this host's panels (a panel shown is its group's active tab). */
  private static ownsTab(tab: vscode.Tab): boolean {
    return [...AnnotatePanel.open].some((p) => p.panel.visible && p.panel.viewColumn === tab.group.viewColumn);
  }

  /** Settings that change the queue (annotator, languages, task, blind, seed): rebuild it. */
  static restartCurrent(): void {
    const current = AnnotatePanel.current;
    if (current?.target)
      void current
        .savePosition()
        .then(() => requireAnnotatorId())
        .then((a) => a && current.start(current.target!, a));
  }

  private target: AnnotateTarget | undefined;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly deps: AnnotateDeps,
  ) {
    this.requests = new RequestChannel((message) => this.post(message), {
      answers: this.answers(),
      describeError: explain,
      onAnswerFailed: (method, err) => this.deps.log.error(`annotate: ${method} failed: ${err.message}`),
    });
    this.disposables = wirePanel(
      panel,
      ANNOTATE,
      deps,
      (message) => this.handle(message),
      () => this.closed(),
    );
    AnnotatePanel.open.add(this);
  }

  /**
   * The annotator closed the panel. VS Code cannot keep a webview from closing, so one that still held unsaved
   * labels (as it last said, or as the host still holds them) is opened again at once with them: the new page takes
   * them over (from the host's copy, and from the closed page's entry in the webview storage) and shows a banner
   * "N labels not yet saved — Retry / Discard".
   */
  private closed(): void {
    const { count, reason } = this.pending;
    const target = this.target;
    const kept = this.scope ? [...(AnnotatePanel.received.get(this.scope)?.values() ?? [])] : [];
    AnnotatePanel.lastOwnClose = Date.now();
    this.dispose();
    const unsaved = Math.max(count, kept.length);
    if (unsaved === 0 || !target) {
      if (AnnotatePanel.open.size === 0) void this.deps.workspaceState?.update(LAST_PANEL_KEY, undefined);
      return;
    }
    const what = labelsWord(unsaved);
    this.deps.log.warn(
      `annotate: the panel was closed holding ${what} not saved yet${reason ? ` (${reason})` : ''}; reopening it`,
    );
    void AnnotatePanel.reopen(this.deps, target, kept).then(() =>
      vscode.window.showWarningMessage(
        unsaved === 1
          ? vscode.l10n.t(
              'LangLens: the annotation panel was closed with 1 label not yet saved, so it was opened again with it.',
            )
          : vscode.l10n.t(
              'LangLens: the annotation panel was closed with {0} labels not yet saved, so it was opened again with them.',
              unsaved,
            ),
      ),
    );
  }

  /** A new panel on a target, handed the writes a closed one left with the host. */
  private static async reopen(
    deps: AnnotateDeps,
    target: AnnotateTarget,
    restored: readonly PendingWrite[],
    recovery = false,
  ): Promise<AnnotatePanel | undefined> {
    // Never asks: a reopened panel belongs to the annotator who had it open.
    const annotator = annotatorId();
    if (!annotator) return undefined;
    const panel = new AnnotatePanel(createPanel(ANNOTATE, deps.extensionUri), deps);
    AnnotatePanel.current = panel;
    panel.restored = [...restored];
    panel.recovery = recovery;
    panel.start(target, annotator);
    return panel;
  }

  /**
   * No annotation panel is on screen, yet the last one of this workspace was never closed clean (its extension host
   * died, or it was closed while that host was dead): its unsaved labels may be in the webview storage. A panel opens
   * on its target to take them over; it closes again at once when there is nothing to save.
   */
  private static recoverLostPanel(deps: AnnotateDeps): void {
    if (AnnotatePanel.open.size > 0 || anyAnnotateTab()) return;
    const target = deps.workspaceState?.get<unknown>(LAST_PANEL_KEY);
    if (!isAnnotateTarget(target)) return;
    deps.log.info(`annotate: the last annotation panel of ${target.run} was lost; opening one to save what it held`);
    void AnnotatePanel.reopen(deps, target, [], true);
  }

  /** The setting langlens.annotation.uiLanguage changed: every open panel speaks the new language at once. */
  static languageChanged(): void {
    const strings = uiStrings(annotationUiLanguage());
    for (const panel of AnnotatePanel.open) if (panel.ready) panel.post({ type: 'strings', strings });
  }

  /** Run files were imported (or another database opened): the queue may have new items. */
  static reloadQueueIfChanged(): void {
    const current = AnnotatePanel.current;
    current
      ?.reloadIfChanged()
      .catch((err: Error) => current.deps.log.warn(`annotate: could not rebuild the queue: ${err.message}`));
  }

  private start(target: AnnotateTarget, annotator: string): void {
    this.target = target;
    this.scope = outboxScope(this.deps.database.location(), annotator, target.run);
    void this.deps.workspaceState?.update(LAST_PANEL_KEY, target);
    this.panel.title = vscode.l10n.t('Annotate · {0}', target.run);
    this.session = this.openSession(target, annotator);
    this.unsaved = [];
    this.session.catch((err: Error) =>
      this.post({
        type: 'error',
        message: vscode.l10n.t('Cannot build the annotation queue: {0}', errorText(err, vscode.l10n)),
        about: 'queue',
      }),
    );
    if (this.ready) void this.sendSession().catch(() => undefined);
  }

  private async openSession(target: AnnotateTarget, annotator: string): Promise<AnnotationSession> {
    const settings = annotationSettings();
    const languages = target.languages ?? annotatorLanguages();
    return AnnotationSession.open(await this.deps.database.store(), {
      run: target.run,
      task: settings.task,
      annotator,
      languages,
      seed: settings.seed,
      blind: settings.blind,
      restrictedTo: target.languages ?? null,
      goldRate: settings.goldRate,
      declaredTask: settings.declaredTask,
      showDetectedWhenBlind: settings.showDetectedWhenBlind,
    });
  }

  /**
   * Builds the queue again and shows it only when its items changed, at the item the annotator is on (its position
   * is saved first), with a line saying what changed. Labels waiting in the webview's outbox stay there.
   */
  private async reloadIfChanged(): Promise<void> {
    const target = this.target;
    const shown = await this.session?.catch(() => undefined);
    if (!target || !shown) return;
    await this.savePosition();
    const next = await this.openSession(target, shown.spec.annotator);
    if (this.target !== target || sameItems(shown, next)) return;
    this.session = Promise.resolve(next);
    const added = next.items.length - shown.items.length;
    const notice =
      added === 1
        ? vscode.l10n.t(
            '1 new item after an import: the queue now has {0} (was {1}).',
            next.items.length,
            shown.items.length,
          )
        : added > 0
          ? vscode.l10n.t(
              '{0} new items after an import: the queue now has {1} (was {2}).',
              added,
              next.items.length,
              shown.items.length,
            )
          : vscode.l10n.t(
              'The queue changed after an import: {0} items (was {1}).',
              next.items.length,
              shown.items.length,
            );
    this.post({
      type: 'session',
      session: { ...next.view(this.unsaved), ...(this.scope ? { outboxScope: this.scope } : {}) },
      notice,
    });
    this.follow(next);
    this.deps.log.info(`annotate: ${notice}`);
  }

  /** Starts following the overlap of the queue now shown (the one of a queue it replaced stops). */
  private follow(session: AnnotationSession): void {
    if (this.follower?.session === session) return;
    this.stopFollowing();
    const started = this.deps.database
      .store()
      .then((store) => OverlapFollower.start(session, store, (message) => this.post(message), this.deps.log))
      .catch((err: Error) => {
        this.deps.log.warn(`annotate: cannot follow the overlap target: ${err.message}`);
        return undefined;
      });
    this.follower = { session, started };
  }

  private stopFollowing(): void {
    void this.follower?.started.then((follower) => follower?.close());
    this.follower = undefined;
  }

  private async sendSession(): Promise<void> {
    if (!this.session) return;
    const session = await this.session.catch(() => undefined);
    if (!session) return;
    const view = session.view(this.unsaved);
    void vscode.commands.executeCommand('setContext', 'langlens.annotateTask', view.task);
    const restored = this.restored.splice(0);
    this.post({
      type: 'session',
      session: { ...view, ...(this.scope ? { outboxScope: this.scope } : {}) },
      ...(restored.length ? { restored } : {}),
      ...(this.recovery ? { recovery: true } : {}),
    });
    this.follow(session);
    this.deps.log.info(
      `annotate: ${session.items.length} items for ${session.spec.annotator} in ${session.spec.run}, starting at ${view.startIndex + 1}` +
        (this.unsaved.length ? ` (${this.unsaved.length} labels restored from the panel, not saved yet)` : ''),
    );
  }

  private async handle(message: AnnotateToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.unsaved = message.unsaved;
        this.post({ type: 'strings', strings: uiStrings(annotationUiLanguage()) });
        for (const early of this.early.splice(0)) this.post(early);
        await this.sendKeys();
        await this.sendSession();
        return;
      case 'ping':
        this.post({ type: 'pong' });
        return;
      case 'pending':
        this.pending = { count: message.count, reason: message.reason };
        if (message.count === 0) this.unsaved = [];
        return;
      case 'position':
        this.rememberPosition(message.itemKey);
        void this.follower?.started.then((follower) => follower?.shown(message.itemKey));
        return;
      case 'outboxChecked':
        return this.outboxChecked(message.adopted, message.pending);
      case 'discarded':
        this.deps.log.warn(`annotate: the annotator discarded ${labelsWord(message.count)} not saved`);
        if (this.scope) AnnotatePanel.received.delete(this.scope);
        this.unsaved = [];
        this.pending = { count: 0, reason: null };
        await this.sendSession();
        return;
      case 'painted':
        this.deps.log.info(`annotate: next item painted ${message.ms.toFixed(1)} ms after the key press`);
        return;
      case 'request':
        await this.requests.receive(message);
        return;
    }
  }

  /**
   * The page took over labels another panel left: they count in the header and "next unlabelled", so the queue is
   * sent again. A panel opened only to recover closes when there was nothing to save.
   */
  private async outboxChecked(adopted: readonly UnsavedLabel[], pending: number): Promise<void> {
    if (this.recovery) {
      this.recovery = false;
      if (pending === 0) {
        this.deps.log.info('annotate: the lost panel left nothing unsaved; closing the panel opened to recover it');
        this.dispose();
        if (AnnotatePanel.open.size === 0) void this.deps.workspaceState?.update(LAST_PANEL_KEY, undefined);
        return;
      }
    }
    if (adopted.length === 0) return;
    this.deps.log.info(`annotate: ${labelsWord(adopted.length)} taken over from a closed or lost panel, saving them`);
    const byKey = new Map(this.unsaved.map((u) => [u.itemKey, u]));
    for (const u of adopted) byKey.set(u.itemKey, u);
    this.unsaved = [...byKey.values()];
    await this.sendSession();
  }

  /** Keeps a write until it is committed, so that a panel closed meanwhile hands it to the next. */
  private async keepUntilWritten(write: PendingWrite, commit: () => Promise<void>): Promise<void> {
    const scope = this.scope ?? '';
    let kept = AnnotatePanel.received.get(scope);
    if (!kept) AnnotatePanel.received.set(scope, (kept = new Map()));
    kept.set(write.params.id, write);
    await commit();
    kept.delete(write.params.id);
    if (kept.size === 0) AnnotatePanel.received.delete(scope);
  }

  private answers(): RequestAnswers<AnnotateRequests> {
    return {
      items: async ({ from, to }) =>
        (await this.requireSession()).itemViews(await this.deps.database.store(), from, to),
      saveLabel: async (label) => {
        const session = await this.requireSession();
        await this.keepUntilWritten({ kind: 'label', params: label }, async () => {
          await appendLabel(await this.deps.database.labels(), session.labelWrite(label));
        });
        session.labelSaved(label);
        this.dataChanged();
        return null;
      },
      setFlag: async (flag) => {
        const session = await this.requireSession();
        await this.keepUntilWritten({ kind: 'flag', params: flag }, async () => {
          await appendLanguageFlag(await this.deps.database.labels(), session.flagWrite(flag));
        });
        session.flagSaved(flag);
        this.dataChanged();
        return null;
      },
    };
  }

  private async requireSession(): Promise<AnnotationSession> {
    if (!this.session) throw new Error('no annotation queue is open');
    return this.session;
  }

  /** Saved a moment after the annotator moves, so that holding an arrow key does not write on every item. */
  private rememberPosition(itemKey: string): void {
    clearTimeout(this.positionTimer);
    this.unsavedPosition = itemKey;
    this.positionTimer = setTimeout(() => void this.savePositionNow(itemKey), 250);
  }

  /** Saves a position still waiting for its timer: a queue built next resumes at the item the annotator is on. */
  private async savePosition(): Promise<void> {
    clearTimeout(this.positionTimer);
    if (this.unsavedPosition !== undefined) await this.savePositionNow(this.unsavedPosition);
  }

  private async savePositionNow(itemKey: string): Promise<void> {
    this.unsavedPosition = undefined;
    try {
      const session = await this.requireSession();
      await savePosition(await this.deps.database.labels(), session.spec.annotator, session.queue, itemKey);
    } catch (err) {
      this.deps.log.warn(`annotate: could not remember the position: ${(err as Error).message}`);
    }
  }

  /** The explorer's counts follow the labels, refreshed at most once a second while labelling. */
  private dataChanged(): void {
    if (this.changeTimer) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.deps.database.notifyChanged('labels');
    }, 1000);
  }

  private post(message: AnnotateToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(message);
    else this.early.push(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    AnnotatePanel.open.delete(this);
    if (AnnotatePanel.current === this) AnnotatePanel.current = [...AnnotatePanel.open].at(-1);
    void this.savePosition();
    this.stopFollowing();
    clearTimeout(this.changeTimer);
    this.requests.dispose();
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
