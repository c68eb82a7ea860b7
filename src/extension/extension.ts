// LangLens in VS Code: the runs explorer, the side-by-side grid and blind annotation, over the workspace's
// database. Everything with data goes through src/core; the webviews only render what they are sent.
import * as vscode from 'vscode';
import { ReviewPanel, registerReview } from './adjudicate/reviewPanel';
import { AnnotatePanel, ANNOTATE_VIEW_TYPE } from './annotate/annotatePanel';
import { registerPanelCommands } from './commands';
import { CHARTS_VIEW_TYPE, ChartsPanel, registerCharts } from './charts/chartsPanel';
import { showReachability } from './connectionStatus';
import { Database } from './database';
import { registerDatabasePassword } from './databasePassword';
import { DASHBOARD_VIEW_TYPE, DashboardPanel, registerDashboard } from './dashboard/dashboardPanel';
import { ExpansionMemory } from './explorer/expansion';
import { nodeId, progressDescription, RunsTree } from './explorer/runsTree';
import { GRID_VIEW_TYPE, GridPanel } from './grid/gridPanel';
import { registerImportCommands } from './imports';
import { registerJudgeCommands } from './judge/registerJudgeCommands';
import { affectsSettings, queueSettings } from './settings';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('LangLens', { log: true });
  const database = new Database(context.globalStorageUri, context.secrets);
  const expansion = new ExpansionMemory(context.workspaceState);
  const tree = new RunsTree(database, log, expansion);
  const deps = {
    extensionUri: context.extensionUri,
    database,
    log,
    workspaceState: context.workspaceState,
    globalStorageUri: context.globalStorageUri,
  };
  const treeView = vscode.window.createTreeView('langlens.runs', { treeDataProvider: tree, showCollapseAll: true });
  treeView.description = progressDescription();
  context.subscriptions.push(log, database, tree, treeView, expansion.track(treeView, nodeId));
  context.subscriptions.push(showReachability(database, log));

  registerImportCommands(context, database, log);
  registerDatabasePassword(context, database);
  registerPanelCommands(context, deps);
  registerDashboard(context, deps);
  registerCharts(context, deps);
  registerReview(context, deps);
  registerJudgeCommands(context, {
    // A connection of its own: a judge job commits answers while imports and labels go on on theirs.
    openStore: () => database.openConnection(),
    currentRun: () => GridPanel.currentRun(),
    onResultsStored: () => database.notifyChanged('verdicts'),
    log,
  });
  const queueSettingKeys = queueSettings(context.extension.packageJSON as Parameters<typeof queueSettings>[0]);
  context.subscriptions.push(
    vscode.commands.registerCommand('langlens.refresh', () => tree.refresh()),
    vscode.window.registerWebviewPanelSerializer(GRID_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => GridPanel.revive(panel, state, deps),
    }),
    vscode.window.registerWebviewPanelSerializer(ANNOTATE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => AnnotatePanel.revive(panel, state, deps),
    }),
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => DashboardPanel.revive(panel, state, deps),
    }),
    vscode.window.registerWebviewPanelSerializer(CHARTS_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => ChartsPanel.revive(panel, state, deps),
    }),
    database.onDidChange((change) => {
      tree.refresh(change);
      GridPanel.refreshCurrent();
      DashboardPanel.refreshCurrent();
      ChartsPanel.refreshCurrent();
      ReviewPanel.refreshCurrent();
      if (change === 'imported' || change === 'reopened') AnnotatePanel.reloadQueueIfChanged();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (affectsSettings(event, 'database.path', 'database.url')) await database.reopen();
      if (affectsSettings(event, 'annotation.uiLanguage')) AnnotatePanel.languageChanged();
      // The panel's language changes its words only (languageChanged above), not its queue.
      if (affectsSettings(event, 'annotator', ...queueSettingKeys)) {
        treeView.description = progressDescription();
        tree.refresh();
        AnnotatePanel.restartCurrent();
      }
    }),
  );
  context.subscriptions.push(AnnotatePanel.watchForOrphans(deps));
}

export function deactivate(): void {
  // Subscriptions close the database; labels are committed as they are given, so nothing is pending here.
}
