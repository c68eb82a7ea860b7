// The Charts panel: every chart of a run, themed with VS Code's colours, with the items behind a clicked mark and
// from any item the grid on its prompt group. The host builds and compiles the charts through the core; the
// webview only draws them.
import * as vscode from 'vscode';
import type { ChartThemeView } from '../../../shared/protocol/chartTheme';
import { RequestChannel, type NoRequests } from '../../../shared/protocol/channel';
import {
  parseChartsMessage,
  parseChartsState,
  type ChartsRequests,
  type ChartsToHost,
  type ChartsToWebview,
} from '../../../shared/protocol/charts';
import { GridPanel, type GridDeps } from '../grid/gridPanel';
import { createPanel, LatestWhenReady, restorePanel, wirePanel, type PanelKind } from '../panel';
import { defaultBaseline } from '../../core/charts/defaultBaseline';
import { display } from '../display';
import { chartItems, chartsView } from './chartsView';
import { chartsWords } from './chartsWords';
import { pickText } from '../quickPick';
import { errorText } from '../coreText';

export const CHARTS_VIEW_TYPE = 'langlens.charts';
const CHARTS_PANEL: PanelKind<ChartsToHost> = {
  viewType: CHARTS_VIEW_TYPE,
  name: 'charts',
  get title() {
    return vscode.l10n.t('LangLens Charts');
  },
  parse: parseChartsMessage,
};

const REFRESH_DELAY_MS = 2000;

export function registerCharts(context: vscode.ExtensionContext, deps: GridDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('langlens.openCharts', async (node?: { run?: unknown }) => {
      const run = typeof node?.run === 'string' ? node.run : await pickRun(deps);
      if (run) ChartsPanel.show(deps, run);
    }),
  );
}

async function pickRun(deps: GridDeps): Promise<string | undefined> {
  const runs = await (await deps.database.store()).runs();
  if (runs.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('LangLens: no runs yet. Import a run folder first.'));
    return undefined;
  }
  return runs.length === 1 ? runs[0] : pickText(runs, { title: vscode.l10n.t('LangLens: charts of which run?') });
}

export class ChartsPanel implements vscode.Disposable {
  private static current: ChartsPanel | undefined;
  private run: string | undefined;
  private baseline: string | null = null;
  private theme: ChartThemeView | undefined;
  private loads = 0;
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[];
  private readonly outbox: LatestWhenReady<ChartsToWebview>;

  static show(deps: GridDeps, run: string): void {
    if (!ChartsPanel.current) ChartsPanel.current = new ChartsPanel(createPanel(CHARTS_PANEL, deps.extensionUri), deps);
    else ChartsPanel.current.panel.reveal(undefined, false);
    void ChartsPanel.current.open(run);
  }

  /** A Charts panel VS Code restored after a window reload: the same run and baseline, drawn again. */
  static revive(panel: vscode.WebviewPanel, state: unknown, deps: GridDeps): void {
    ChartsPanel.current?.dispose();
    const revived = new ChartsPanel(restorePanel(panel, deps.extensionUri), deps);
    ChartsPanel.current = revived;
    const saved = parseChartsState(state);
    if (!saved) {
      revived.outbox.post({
        type: 'error',
        message: vscode.l10n.t('These charts were open before a reload; choose their run (Run…).'),
      });
      return;
    }
    revived.baseline = saved.baseline;
    revived.run = saved.run;
    void revived.load();
  }

  /** After an import or a label the figures change: redraw once things pause. */
  static refreshCurrent(): void {
    const current = ChartsPanel.current;
    if (!current?.run) return;
    clearTimeout(current.refreshTimer);
    current.refreshTimer = setTimeout(() => void current.load(), REFRESH_DELAY_MS);
  }

  private readonly requests: RequestChannel<NoRequests, ChartsRequests>;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly deps: GridDeps,
  ) {
    this.outbox = new LatestWhenReady<ChartsToWebview>(panel.webview, () => ({ type: 'words', words: chartsWords() }));
    // A request comes from a webview that is up, so its answer goes straight to it, never through the outbox.
    this.requests = new RequestChannel<NoRequests, ChartsRequests>(
      (message) => void panel.webview.postMessage(message satisfies ChartsToWebview),
      {
        answers: {
          items: async (target) => {
            if (!this.run) throw new Error(vscode.l10n.t('the charts have no run yet'));
            return chartItems(await this.deps.database.store(), this.run, this.baseline, target, display());
          },
        },
      },
    );
    this.disposables = wirePanel(
      panel,
      CHARTS_PANEL,
      deps,
      (message) => this.handle(message),
      () => this.dispose(),
    );
  }

  private async open(run: string): Promise<void> {
    if (run !== this.run) this.baseline = await defaultBaseline(await this.deps.database.store(), run);
    this.run = run;
    await this.load();
  }

  private async handle(message: ChartsToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
      case 'theme':
        this.theme = message.theme;
        if (message.type === 'ready') this.outbox.open();
        await this.load();
        return;
      case 'refresh':
        await this.load();
        return;
      case 'baseline':
        this.baseline = message.baseline.trim() || null;
        await this.load();
        return;
      case 'chooseRun': {
        const run = await pickRun(this.deps);
        if (run) await this.open(run);
        return;
      }
      case 'openGroup':
        GridPanel.show(this.deps, { run: message.run, group: message.group, turn: message.turn, lang: message.lang });
        return;
      case 'request':
        await this.requests.receive(message);
        return;
    }
  }

  /** Draws the run's charts with the theme the webview reported; a load overtaken by a newer one is dropped. */
  private async load(): Promise<void> {
    const { run, theme } = this;
    if (!run || !theme) return;
    const load = ++this.loads;
    this.panel.title = vscode.l10n.t('Charts · {0}', run);
    this.outbox.post({ type: 'loading' });
    const started = Date.now();
    try {
      const store = await this.deps.database.store();
      const view = await chartsView(
        store,
        run,
        this.baseline,
        theme,
        (m) => this.deps.log.warn(`charts: ${m}`),
        display(),
      );
      if (load !== this.loads) return;
      this.outbox.post({ type: 'show', view });
      this.deps.log.info(`charts: ${run} drawn in ${Date.now() - started} ms`);
    } catch (err) {
      this.outbox.post({ type: 'error', message: errorText(err, vscode.l10n) });
    }
  }

  dispose(): void {
    this.requests.dispose();
    clearTimeout(this.refreshTimer);
    if (ChartsPanel.current === this) ChartsPanel.current = undefined;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
