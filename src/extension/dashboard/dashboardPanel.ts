// The agreement dashboard: per language, each judge's agreement with the humans next to the humans' own, and from
// any number the items behind it, from any item the grid on its prompt group. The host loads the run's items
// through the core once per load, answers the webview's audit requests from them, and exports the table.
import * as vscode from 'vscode';
import { dashboardTable } from '../../core/report/dashboardTable';
import { renderTable, type ExportFormat } from '../../core/report/render';
import type { ChartThemeView } from '../../../shared/protocol/chartTheme';
import { RequestChannel, type NoRequests } from '../../../shared/protocol/channel';
import {
  DEFAULT_DASHBOARD_FILTERS,
  parseDashboardMessage,
  parseDashboardState,
  type DashboardFilters,
  type DashboardRequests,
  type DashboardToHost,
  type DashboardToWebview,
} from '../../../shared/protocol/dashboard';
import { ChartsPanel } from '../charts/chartsPanel';
import { dashboardChart } from '../charts/chartsView';
import type { LabelWatch, Store } from '../../core/store/store';
import { GridPanel, type GridDeps } from '../grid/gridPanel';
import { display } from '../display';
import { createPanel, LatestWhenReady, restorePanel, wirePanel, type PanelKind } from '../panel';
import { auditView, dashboardView, loadDashboard, withIntervals, type DashboardData } from './dashboardView';
import { dashboardWords } from './dashboardWords';
import { annotatorSection } from './studyView';
import { pickText } from '../quickPick';
import { errorText } from '../coreText';

export const DASHBOARD_VIEW_TYPE = 'langlens.dashboard';
const DASHBOARD: PanelKind<DashboardToHost> = {
  viewType: DASHBOARD_VIEW_TYPE,
  name: 'dashboard',
  get title() {
    return vscode.l10n.t('LangLens Agreement');
  },
  parse: parseDashboardMessage,
};

/** Labels arrive every few seconds while someone annotates: recompute (1,000 resamples) once they pause... */
const REFRESH_DELAY_MS = 2000;
/** ...or, while a team labels without pause, at least this often. */
const REFRESH_MAX_WAIT_MS = 5000;

const EXPORT_FILTERS: Record<string, string[]> = { CSV: ['csv'], Markdown: ['md'], LaTeX: ['tex'], JSON: ['json'] };
const FORMAT_OF: Record<string, ExportFormat> = { csv: 'csv', md: 'markdown', tex: 'latex', json: 'json' };

export function registerDashboard(context: vscode.ExtensionContext, deps: GridDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('langlens.openDashboard', async (node?: { run?: unknown }) => {
      const run = typeof node?.run === 'string' ? node.run : await pickRun(deps);
      if (run) DashboardPanel.show(deps, run);
    }),
  );
}

async function pickRun(deps: GridDeps): Promise<string | undefined> {
  const runs = await (await deps.database.store()).runs();
  if (runs.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('LangLens: no runs yet. Import a run folder first.'));
    return undefined;
  }
  if (runs.length === 1) return runs[0];
  return pickText(runs, { title: vscode.l10n.t('LangLens: agreement dashboard of which run?') });
}

export class DashboardPanel implements vscode.Disposable {
  private static current: DashboardPanel | undefined;
  private data: Promise<DashboardData> | undefined;
  private run: string | undefined;
  private filters: DashboardFilters = DEFAULT_DASHBOARD_FILTERS;
  private theme: ChartThemeView | undefined;
  private readonly disposables: vscode.Disposable[];
  /** Messages wait until the webview says it is ready; only the latest matters. */
  private readonly outbox: LatestWhenReady<DashboardToWebview>;

  static show(deps: GridDeps, run: string): void {
    if (!DashboardPanel.current) {
      DashboardPanel.current = new DashboardPanel(createPanel(DASHBOARD, deps.extensionUri), deps);
    } else {
      DashboardPanel.current.panel.reveal(undefined, false);
    }
    void DashboardPanel.current.load(run);
  }

  /** Brings back a dashboard VS Code restored after a reload, on the run and filters it showed. */
  static revive(panel: vscode.WebviewPanel, state: unknown, deps: GridDeps): void {
    DashboardPanel.current?.dispose();
    DashboardPanel.current = new DashboardPanel(restorePanel(panel, deps.extensionUri), deps);
    const saved = parseDashboardState(state);
    if (!saved) {
      DashboardPanel.current.outbox.post({
        type: 'error',
        message: vscode.l10n.t('This dashboard was open before a reload; choose its run again (Run…).'),
      });
      return;
    }
    DashboardPanel.current.filters = saved.filters;
    void DashboardPanel.current.load(saved.run);
  }

  /** After an import or a label: the figures change. */
  static refreshCurrent(): void {
    DashboardPanel.current?.scheduleRefresh();
  }

  private refreshTimer: NodeJS.Timeout | undefined;
  /** When the oldest change not yet shown came (undefined: none waits). */
  private pendingSince: number | undefined;
  private stale = false;
  /** Labels written by others (other windows, a team's annotators): the store's watch, and the store it watches. */
  private watch: { store: Store; watch: Promise<LabelWatch | undefined> } | undefined;
  private disposed = false;

  /**
   * Coalesces changes into one recomputation after a pause (or at most REFRESH_MAX_WAIT_MS after the first while
   * they keep coming), and none while the panel is hidden.
   */
  private scheduleRefresh(): void {
    if (!this.run) return;
    clearTimeout(this.refreshTimer);
    if (!this.panel.visible) {
      this.stale = true;
      this.pendingSince = undefined;
      return;
    }
    const now = Date.now();
    this.pendingSince ??= now;
    const delay = Math.max(0, Math.min(REFRESH_DELAY_MS, this.pendingSince + REFRESH_MAX_WAIT_MS - now));
    const run = this.run;
    this.refreshTimer = setTimeout(() => {
      this.pendingSince = undefined;
      void this.load(run);
    }, delay);
  }

  /** Watches the store the figures come from (a new one after the database moved) for others' labels. */
  private watchStore(store: Store): void {
    if (this.disposed || this.watch?.store === store) return;
    const old = this.watch;
    void old?.watch.then((w) => w?.close());
    const watch = store
      .watchLabels(() => this.scheduleRefresh())
      .then((w) => {
        if (!this.panel.visible) w.pause();
        return w;
      })
      .catch((err: Error) => {
        this.deps.log.warn(`dashboard: cannot watch for new labels: ${err.message}`);
        return undefined;
      });
    this.watch = { store, watch };
  }

  private readonly requests: RequestChannel<NoRequests, DashboardRequests>;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly deps: GridDeps,
  ) {
    this.outbox = new LatestWhenReady<DashboardToWebview>(panel.webview, () => ({
      type: 'words',
      words: dashboardWords(),
    }));
    // A request comes from a webview that is up, so its answer goes straight to it, never through the outbox.
    this.requests = new RequestChannel<NoRequests, DashboardRequests>(
      (message) => void panel.webview.postMessage(message satisfies DashboardToWebview),
      { answers: { audit: async (target) => auditView(await this.loaded(), target, display()) } },
    );
    this.disposables = [
      ...wirePanel(
        panel,
        DASHBOARD,
        deps,
        (message) => this.handle(message),
        () => this.dispose(),
      ),
      panel.onDidChangeViewState(({ webviewPanel }) => {
        // SQLite's watch polls only while the figures are on screen; what came meanwhile is told at resume.
        void this.watch?.watch.then((w) => (webviewPanel.visible ? w?.resume() : w?.pause()));
        if (webviewPanel.visible && this.stale && this.run) {
          this.stale = false;
          void this.load(this.run);
        }
      }),
    ];
  }

  private async handle(message: DashboardToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.outbox.open();
        return;
      case 'refresh':
        if (this.run) await this.load(this.run);
        return;
      case 'filters':
        this.filters = message.filters;
        if (this.run) await this.load(this.run, await this.data?.catch(() => undefined));
        return;
      case 'chooseRun': {
        const run = await pickRun(this.deps);
        if (run) await this.load(run);
        return;
      }
      case 'export':
        await this.export().catch((err: Error) =>
          vscode.window.showErrorMessage(
            vscode.l10n.t('LangLens: the export failed: {0}', errorText(err, vscode.l10n)),
          ),
        );
        return;
      case 'openGroup':
        GridPanel.show(this.deps, { run: message.run, group: message.group, turn: message.turn, lang: message.lang });
        return;
      case 'theme':
        // Only the chart's colours change: the figures loaded stay.
        this.theme = message.theme;
        if (this.data)
          await this.show(this.data).catch((err: Error) =>
            this.outbox.post({ type: 'error', message: errorText(err, vscode.l10n) }),
          );
        return;
      case 'openCharts':
        if (this.run) ChartsPanel.show(this.deps, this.run);
        return;
      case 'request':
        await this.requests.receive(message);
        return;
    }
  }

  private loaded(): Promise<DashboardData> {
    if (!this.data) throw new Error(vscode.l10n.t('the dashboard has no run yet'));
    return this.data;
  }

  /**
   * Posts the figures of a load with their chart in the current theme, unless a newer load has replaced it; `load`
   * is this.data's when it is the load itself, or the quick figures (without intervals) on the way to it.
   */
  private async show(data: Promise<DashboardData>, load: Promise<DashboardData> = data): Promise<boolean> {
    const loaded = await data;
    const chart = this.theme
      ? await dashboardChart(
          loaded.dashboard,
          this.theme,
          (m) => this.deps.log.warn(`dashboard chart: ${m}`),
          display(),
        )
      : null;
    const annotators = await annotatorSection(await this.deps.database.store(), loaded.run, loaded.filters, display());
    if (this.data !== load) return false;
    const updatedAt = Date.now();
    this.outbox.post({ type: 'show', view: { ...dashboardView(loaded, display()), chart, annotators, updatedAt } });
    return true;
  }

  /**
   * Shows the figures as soon as they are counted, then again with their intervals (the bootstrap takes most of the
   * time). previous: the load being replaced, whose items a change of filter may reuse (never after new labels).
   */
  private async load(run: string, previous?: DashboardData): Promise<void> {
    this.run = run;
    this.panel.title = vscode.l10n.t('Agreement · {0}', run);
    this.outbox.post({ type: 'loading' });
    const started = Date.now();
    const estimates = this.deps.database.store().then((store) => {
      this.watchStore(store);
      return loadDashboard(store, run, this.filters, previous);
    });
    let estimatesShown!: () => void;
    const shown = new Promise<void>((resolve) => (estimatesShown = resolve));
    const data = (this.data = estimates.then(async (figures) => {
      await shown;
      return withIntervals(figures);
    }));
    data.catch(() => undefined);
    try {
      const first = await this.show(estimates, data).finally(estimatesShown);
      if (!first) return;
      this.deps.log.info(`dashboard: ${run}: figures in ${Date.now() - started} ms`);
      if (!(await this.show(data))) return;
      this.deps.log.info(`dashboard: ${run}: with intervals in ${Date.now() - started} ms`);
    } catch (err) {
      this.outbox.post({ type: 'error', message: errorText(err, vscode.l10n) });
    }
  }

  private async export(): Promise<void> {
    const data = await this.loaded();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('LangLens: export the agreement table'),
      saveLabel: vscode.l10n.t('Export'),
      filters: EXPORT_FILTERS,
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `agreement-${data.run}.csv`) } : {}),
    });
    if (!uri) return;
    const extension = uri.path.slice(uri.path.lastIndexOf('.') + 1).toLowerCase();
    const format = FORMAT_OF[extension] ?? 'csv';
    await vscode.workspace.fs.writeFile(uri, Buffer.from(renderTable(dashboardTable(data.dashboard), format), 'utf8'));
    void vscode.window.showInformationMessage(
      vscode.l10n.t('LangLens: wrote {0} ({1}).', vscode.workspace.asRelativePath(uri), format),
    );
  }

  dispose(): void {
    this.disposed = true;
    void this.watch?.watch.then((w) => w?.close());
    this.watch = undefined;
    this.requests.dispose();
    clearTimeout(this.refreshTimer);
    if (DashboardPanel.current === this) DashboardPanel.current = undefined;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
