// Commands that open the grid and annotation panels, from the explorer or the command palette.
import * as vscode from 'vscode';
import { parseLanguageTag, type LanguageTag } from '../core/model/language';
import { AnnotatePanel, type AnnotateDeps } from './annotate/annotatePanel';
import { promptForAnnotatorId } from './annotator';
import { annotationSettings, setAnnotationTask } from './settings';
import type { AnnotationTask } from '../../shared/protocol/annotate';
import type { Database } from './database';
import type { ExplorerNode } from './explorer/runsTree';
import { GridPanel, groupNames, isGridTarget, type GridDeps } from './grid/gridPanel';

export function registerPanelCommands(context: vscode.ExtensionContext, deps: GridDeps & AnnotateDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('langlens.openGroup', async (target?: unknown) => {
      const requestedAt = Date.now();
      const chosen = isGridTarget(target) ? target : await pickGroup(deps.database);
      if (chosen) GridPanel.show(deps, chosen, requestedAt);
    }),
    vscode.commands.registerCommand('langlens.annotate', async (node?: ExplorerNode) => {
      const run = node?.run ?? (await pickRun(deps.database));
      if (!run) return;
      const lang = node?.kind === 'language' ? parseLanguageTag(node.lang) : undefined;
      await AnnotatePanel.show(deps, { run, ...(lang ? { languages: [lang] as LanguageTag[] } : {}) });
    }),
    // The grid's keys, as commands so that Keyboard Shortcuts can rebind them (contributes.keybindings).
    vscode.commands.registerCommand('langlens.grid.nextGroup', () => GridPanel.navigateCurrent(1)),
    vscode.commands.registerCommand('langlens.grid.previousGroup', () => GridPanel.navigateCurrent(-1)),
    vscode.commands.registerCommand('langlens.grid.toggleLayout', () => GridPanel.toggleLayoutOfCurrent()),
    vscode.commands.registerCommand('langlens.setAnnotator', () => promptForAnnotatorId()),
    vscode.commands.registerCommand('langlens.chooseTask', chooseTask),
  );
}

/** Rating or pairwise: the queue (and the explorer's counts) follow the setting. */
async function chooseTask(): Promise<void> {
  const current = annotationSettings().task;
  const items: (vscode.QuickPickItem & { task: AnnotationTask })[] = [
    { task: 'rating', label: 'Rate each response', description: 'excellent / pass / fail' },
    { task: 'pairwise', label: 'Compare two responses', description: 'A better / B better / tie' },
  ].map((i) => ({
    ...i,
    task: i.task as AnnotationTask,
    picked: i.task === current,
    detail: i.task === current ? 'the current task' : undefined,
  }));
  const chosen = await vscode.window.showQuickPick(items, { title: 'LangLens: annotation task' });
  if (chosen) await setAnnotationTask(chosen.task);
}

async function pickRun(database: Database): Promise<string | undefined> {
  const runs = await (await database.store()).runs();
  if (runs.length === 0) {
    void vscode.window
      .showInformationMessage('LangLens: no runs yet. Import a run folder first.', 'Open Run Folder…')
      .then((choice) => choice && vscode.commands.executeCommand('langlens.openRunFolder'));
    return undefined;
  }
  if (runs.length === 1) return runs[0];
  return vscode.window.showQuickPick(runs, { title: 'LangLens: which run?' });
}

async function pickGroup(database: Database): Promise<{ run: string; group: string; turn: number } | undefined> {
  const run = await pickRun(database);
  if (!run) return undefined;
  const groups = await groupNames(database, run);
  const group = await vscode.window.showQuickPick(groups, {
    title: `LangLens: prompt group of ${run}`,
    matchOnDescription: true,
  });
  return group === undefined ? undefined : { run, group, turn: 1 };
}
