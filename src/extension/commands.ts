// Commands that open the grid and annotation panels, from the explorer or the command palette.
import * as vscode from 'vscode';
import { parseLanguageTag, type LanguageTag } from '../core/model/language';
import { AnnotatePanel, type AnnotateDeps } from './annotate/annotatePanel';
import { promptForAnnotatorId } from './annotator';
import {
  annotationSettings,
  annotationUiLanguageSetting,
  setAnnotationTask,
  setAnnotationUiLanguage,
} from './settings';
import { settingValue, UI_LANGUAGE_NAMES, uiLanguageChoices, type UiLanguageChoice } from './annotate/uiLanguageChoice';
import type { AnnotationTask } from '../../shared/protocol/annotate';
import type { Database } from './database';
import { declaredSchema } from '../core/store/schemaEntries';
import type { ExplorerNode } from './explorer/runsTree';
import { GridPanel, groupNames, isGridTarget, type GridDeps } from './grid/gridPanel';
import { pickOne, pickText } from './quickPick';

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
    vscode.commands.registerCommand('langlens.chooseTask', () => chooseTask(deps.database)),
    vscode.commands.registerCommand('langlens.annotation.chooseUiLanguage', () => chooseUiLanguage()),
  );
}

/**
 * The annotation panel's language (langlens.annotation.uiLanguage): each language under its own name, the current
 * one active, so that Enter alone keeps it; an open panel follows the setting at once (extension.ts).
 */
async function chooseUiLanguage(): Promise<void> {
  type Item = vscode.QuickPickItem & { choice: UiLanguageChoice };
  const items: Item[] = uiLanguageChoices(annotationUiLanguageSetting(), vscode.env.language).map((choice) => ({
    choice,
    label: choice.setting === 'auto' ? vscode.l10n.t("Match VS Code's display language") : choice.name,
    description:
      choice.setting === 'auto'
        ? vscode.l10n.t('now {0}', UI_LANGUAGE_NAMES[choice.speaks])
        : [choice.nameInDisplayLanguage, choice.setting].filter(Boolean).join(' · '),
    detail: choice.current ? vscode.l10n.t('the current language of the panel') : undefined,
    // The current one active, so that Enter alone keeps it.
    picked: choice.current,
  }));
  const chosen = await pickOne(items, {
    title: vscode.l10n.t('LangLens: annotation panel language'),
    placeHolder: vscode.l10n.t('The language of the annotation panel and its help'),
    matchOnDescription: true,
  });
  if (chosen) await setAnnotationUiLanguage(settingValue(chosen.choice.setting));
}

/**
 * Rating or pairwise, and every task the project declares (langlens.schema.json): the queue (and the explorer's
 * counts) follow the setting.
 */
async function chooseTask(database: Database): Promise<void> {
  const { task: current, declaredTask } = annotationSettings();
  const declared = (await declaredSchema(await database.store())).tasks;
  const builtIn = [
    {
      task: 'rating' as const,
      name: '',
      label: vscode.l10n.t('Rate each response'),
      description: vscode.l10n.t('excellent / pass / fail'),
      declared: vscode.l10n.t('the first declared rating task'),
    },
    {
      task: 'pairwise' as const,
      name: '',
      label: vscode.l10n.t('Compare two responses'),
      description: vscode.l10n.t('A better / B better / tie'),
      declared: vscode.l10n.t('the first declared pairwise task'),
    },
  ].map(({ declared: first, ...b }) => (declared.some((t) => t.kind === b.task) ? { ...b, description: first } : b));
  const items: (vscode.QuickPickItem & { task: AnnotationTask; name: string })[] = [
    ...builtIn,
    ...declared.map((t) => ({
      task: t.kind,
      name: t.name,
      label: t.name,
      description: `${t.kind === 'rating' ? vscode.l10n.t('rate on {0}', t.scale ?? 'lima-3') : vscode.l10n.t('compare two responses')}${
        t.criteria.length ? ` · ${t.criteria.join(' · ')}` : ''
      }`,
    })),
  ].map((i, _n, all) => {
    const isCurrent =
      i.task === current &&
      (i.name === declaredTask || (declaredTask === '' && all.find((a) => a.task === current) === i));
    return { ...i, picked: isCurrent, detail: isCurrent ? vscode.l10n.t('the current task') : undefined };
  });
  const chosen = await pickOne(items, { title: vscode.l10n.t('LangLens: annotation task') });
  if (chosen) await setAnnotationTask(chosen.task, chosen.name);
}

async function pickRun(database: Database): Promise<string | undefined> {
  const runs = await (await database.store()).runs();
  if (runs.length === 0) {
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t('LangLens: no runs yet. Import a run folder first.'),
        vscode.l10n.t('Open Run Folder…'),
      )
      .then((choice) => choice && vscode.commands.executeCommand('langlens.openRunFolder'));
    return undefined;
  }
  if (runs.length === 1) return runs[0];
  return pickText(runs, { title: vscode.l10n.t('LangLens: which run?') });
}

async function pickGroup(database: Database): Promise<{ run: string; group: string; turn: number } | undefined> {
  const run = await pickRun(database);
  if (!run) return undefined;
  const groups = await groupNames(database, run);
  const group = await pickText(groups, {
    title: vscode.l10n.t('LangLens: prompt group of {0}', run),
    matchOnDescription: true,
  });
  return group === undefined ? undefined : { run, group, turn: 1 };
}
