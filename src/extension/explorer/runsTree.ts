// The LangLens explorer: runs → languages → prompt groups, each with the current annotator's progress and a
// marker where responses are not in their prompt's language.
import * as vscode from 'vscode';
import { naturalCompare } from '../../core/util/naturalCompare';
import { sameLanguage, parseLanguageTag } from '../../core/model/language';
import { itemTotals, promptSnippets, type ItemTotalRow } from '../../core/store/explorerProgress';
import type { Database, DataChange } from '../database';
import { display } from '../display';
import { annotationSettings, annotatorId, annotatorLanguages } from '../settings';
import type { ExpansionMemory } from './expansion';
import { promptPreview } from './promptPreview';
import { runStats, type Counts, type RunStats } from './runStats';
import { errorText } from '../coreText';

export type ExplorerNode =
  | { readonly kind: 'run'; readonly run: string }
  | { readonly kind: 'language'; readonly run: string; readonly lang: string }
  | {
      readonly kind: 'group';
      readonly run: string;
      readonly lang: string;
      readonly group: string;
      readonly turn: number;
      readonly prompt: string | null;
    };

/** A node's tree item id: stable across reloads, so that VS Code and ExpansionMemory know it again. */
export function nodeId(node: ExplorerNode): string {
  if (node.kind === 'run') return JSON.stringify(['run', node.run]);
  if (node.kind === 'language') return JSON.stringify(['language', node.run, node.lang]);
  return JSON.stringify(['group', node.run, node.lang, node.group]);
}

/** What the progress counts, for the view's title bar: the task and whose labels. */
export function progressDescription(): string {
  const who = annotatorId() || vscode.l10n.t('no annotator');
  return annotationSettings().task === 'rating'
    ? vscode.l10n.t('progress: rating task · {0}', who)
    : vscode.l10n.t('progress: pairwise task · {0}', who);
}

export class RunsTree implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private stats = new Map<string, Promise<RunStats>>();
  /** Each run's item totals for the annotator and task (a scan of every prompt of the run), kept while labels come. */
  private totals = new Map<string, Promise<readonly ItemTotalRow[]>>();

  constructor(
    private readonly database: Database,
    private readonly log: vscode.LogOutputChannel,
    private readonly expansion: ExpansionMemory,
  ) {}

  /** `change` 'labels' keeps the totals (labels do not change what there is to label); anything else drops them. */
  refresh(change?: DataChange): void {
    this.stats.clear();
    if (change !== 'labels') this.totals.clear();
    this.changed.fire(undefined);
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    try {
      if (!node) return await this.runs();
      if (node.kind === 'run') return await this.languages(node.run);
      if (node.kind === 'language') return await this.groups(node.run, node.lang);
      return [];
    } catch (err) {
      this.log.error(`explorer: ${(err as Error).message}`);
      void vscode.window.showErrorMessage(errorText(err, vscode.l10n));
      return [];
    }
  }

  async getTreeItem(node: ExplorerNode): Promise<vscode.TreeItem> {
    const stats = await this.statsOf(node.run);
    if (node.kind === 'run') return runItem(node, stats.all, this.expansion);
    const counts =
      node.kind === 'language'
        ? (stats.languages.get(node.lang) ?? noCounts)
        : (stats.groups.get(node.lang)?.get(node.group) ?? noCounts);
    return node.kind === 'language' ? languageItem(node, counts, this.expansion) : groupItem(node, counts);
  }

  private async runs(): Promise<ExplorerNode[]> {
    const runs = await (await this.database.store()).runs();
    await vscode.commands.executeCommand('setContext', 'langlens.hasRuns', runs.length > 0);
    return runs.map((run) => ({ kind: 'run', run }));
  }

  private async languages(run: string): Promise<ExplorerNode[]> {
    const stats = await this.statsOf(run);
    const mine = annotatorLanguages();
    const rank = (lang: string) => {
      const tag = parseLanguageTag(lang);
      const i = tag ? mine.findIndex((m) => sameLanguage(m, tag)) : -1;
      return i === -1 ? mine.length : i;
    };
    return [...stats.languages.keys()]
      .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
      .map((lang) => ({ kind: 'language', run, lang }));
  }

  private async groups(run: string, lang: string): Promise<ExplorerNode[]> {
    const prompts = await promptSnippets(await this.database.store(), run, lang);
    const first = new Map<string, ExplorerNode & { kind: 'group' }>();
    for (const p of prompts.sort((a, b) => a.turn - b.turn)) {
      if (!first.has(p.group))
        first.set(p.group, { kind: 'group', run, lang, group: p.group, turn: p.turn, prompt: p.text });
    }
    return [...first.values()].sort((a, b) => naturalCompare(a.group, b.group));
  }

  private statsOf(run: string): Promise<RunStats> {
    let stats = this.stats.get(run);
    if (!stats) {
      stats = this.database.store().then((store) => {
        const [annotator, task] = [annotatorId(), annotationSettings().task];
        const key = JSON.stringify([run, annotator, task]);
        let totals = this.totals.get(key);
        if (!totals) {
          totals = itemTotals(store, run, annotator, task);
          this.totals.set(key, totals);
          totals.catch(() => this.totals.delete(key));
        }
        return runStats(store, run, annotator, task, totals);
      });
      this.stats.set(run, stats);
      stats.catch(() => this.stats.delete(run));
    }
    return stats;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

const noCounts: Counts = { total: 0, labelled: 0, mismatched: 0, flagged: 0 };

const count = (n: number) => display().number(n);

function progressText(c: Counts): string {
  return `${count(c.labelled)}/${count(c.total)}`;
}

function markerText(c: Counts): string {
  const parts = [];
  if (c.mismatched > 0) parts.push(`⚠ ${count(c.mismatched)}`);
  if (c.flagged > 0) parts.push(`⚑ ${count(c.flagged)}`);
  return parts.join(' ');
}

function tooltip(title: string, c: Counts, prompt?: string | null): vscode.MarkdownString {
  const task = annotationSettings().task;
  const who = annotatorId() || vscode.l10n.t('no annotator id set');
  const lines = [
    `**${title}**`,
    '',
    task === 'rating'
      ? vscode.l10n.t('{0} of {1} responses rated by {2}', count(c.labelled), count(c.total), who)
      : vscode.l10n.t('{0} of {1} pairs compared by {2}', count(c.labelled), count(c.total), who),
  ];
  if (c.mismatched > 0)
    lines.push(vscode.l10n.t("{0} response(s) detected in another language than the prompt's", count(c.mismatched)));
  if (c.flagged > 0)
    lines.push(
      vscode.l10n.t("{0} response(s) flagged by annotators as not in the prompt's language", count(c.flagged)),
    );
  const md = new vscode.MarkdownString(lines.join('\n\n'));
  md.supportHtml = false;
  // The whole prompt, as text (never as Markdown: it is the data's, not ours).
  if (prompt) md.appendMarkdown('\n\n---\n\n').appendText(prompt);
  return md;
}

function withMarker(icon: string, c: Counts): vscode.ThemeIcon {
  return c.mismatched + c.flagged > 0
    ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
    : new vscode.ThemeIcon(icon);
}

function runItem(node: ExplorerNode & { kind: 'run' }, c: Counts, expansion: ExpansionMemory): vscode.TreeItem {
  const run = node.run;
  const id = nodeId(node);
  const item = new vscode.TreeItem(run, expansion.stateOf(id, vscode.TreeItemCollapsibleState.Expanded));
  item.id = id;
  // Which task the counts are of, once per run: the languages and groups below count the same.
  const counted =
    annotationSettings().task === 'rating'
      ? vscode.l10n.t('{0} rated', progressText(c))
      : vscode.l10n.t('{0} compared', progressText(c));
  item.description = [counted, markerText(c)].filter(Boolean).join('  ');
  item.tooltip = tooltip(vscode.l10n.t('Run {0}', run), c);
  item.iconPath = new vscode.ThemeIcon('beaker');
  item.contextValue = 'run';
  return item;
}

function languageItem(
  node: ExplorerNode & { kind: 'language' },
  c: Counts,
  expansion: ExpansionMemory,
): vscode.TreeItem {
  const language = display().language(node.lang);
  const id = nodeId(node);
  const item = new vscode.TreeItem(
    `${language.name}`,
    expansion.stateOf(id, vscode.TreeItemCollapsibleState.Collapsed),
  );
  item.id = id;
  item.description = [node.lang, progressText(c), markerText(c)].filter(Boolean).join('  ');
  item.tooltip = tooltip(vscode.l10n.t('{0} ({1}) in {2}', language.name, node.lang, node.run), c);
  item.iconPath = withMarker('globe', c);
  item.contextValue = 'language';
  item.accessibilityInformation = {
    label: c.mismatched
      ? vscode.l10n.t(
          '{0}, {1} of {2} labelled, {3} language mismatches',
          language.name,
          count(c.labelled),
          count(c.total),
          count(c.mismatched),
        )
      : vscode.l10n.t('{0}, {1} of {2} labelled', language.name, count(c.labelled), count(c.total)),
  };
  return item;
}

function groupItem(node: ExplorerNode & { kind: 'group' }, c: Counts): vscode.TreeItem {
  const item = new vscode.TreeItem(node.group, vscode.TreeItemCollapsibleState.None);
  item.id = nodeId(node);
  item.description = [progressText(c), markerText(c), promptPreview(node.prompt)].filter(Boolean).join('  ');
  item.tooltip = tooltip(vscode.l10n.t('Prompt group {0}', node.group), c, node.prompt);
  item.iconPath = withMarker('comment-discussion', c);
  item.contextValue = 'group';
  item.command = { command: 'langlens.openGroup', title: vscode.l10n.t('Open in Grid'), arguments: [node] };
  return item;
}
