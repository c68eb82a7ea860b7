// "LangLens: Run Judge…" and "LangLens: Set API Key": the judge runner of src/core/judge in the editor, with a
// cancellable progress notification (done / total, requests per second, errors, cost so far).
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  DEFAULT_BASE_URL,
  isOpenAI,
  JudgeDefinitionError,
  loadJudgeDefinition,
  type JudgeDefinition,
} from '../../core/judge/definition';
import { describePlan, describeSummary, judgeText, planLines } from '../../core/judge/describe';
import { KeyOrigins } from '../../core/judge/keyOrigins';
import type { ResolvedKey } from '../../core/judge/keys';
import { isLocalServer, originOf } from '../../core/judge/servers';
import { planJudgeJob, runJudgeJob, type JudgeJobSummary, type JudgePlan } from '../../core/judge/job';
import { BUILT_IN_PRICES, loadPriceTable, type PriceTable } from '../../core/judge/prices';
import type { JudgeProgress } from '../../core/judge/progress';
import type { JudgeVia } from '../../core/store/judgeRequests';
import type { Store } from '../../core/store/store';
import { display } from '../display';
import { judgeBudgetUsd } from '../settings';
import { apiKeyFor, approveKey, askForApiKey } from './apiKeys';
import { judgeWords, keySourceText, progressText, usdText } from './judgeWords';
import { judgeFilesInWorkspace, pickJudgeFile, pickSelection } from './pickSelection';
import { errorText, localised } from '../coreText';
import { TEXT } from '../../core/util/message';

export interface JudgeCommandDeps {
  /**
   * Opens a database connection for one judge job; the command closes it when the job ends. Give it a connection of
   * its own (Store.open(location)): the job commits answers while imports and labels go on on theirs.
   */
  openStore(): Promise<Store>;
  /** The run in view (grid or explorer), judged without asking when the database has it. */
  currentRun?(): string | undefined;
  /** Answers were stored: refresh the grid and the scores. Called at most every 2 s during a job, and at its end. */
  onResultsStored?(): void;
  readonly log?: vscode.LogOutputChannel;
}

/** A price table file at the workspace root overrides the built-in prices (docs/judges.md). */
const PRICE_TABLE_FILE = 'langlens-prices.json';
const REFRESH_EVERY_MS = 2000;

export function registerJudgeCommands(context: vscode.ExtensionContext, deps: JudgeCommandDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('langlens.runJudge', (uri?: vscode.Uri) => runJudgeCommand(context, deps, uri)),
    vscode.commands.registerCommand('langlens.setApiKey', async () => {
      const files = await judgeFilesInWorkspace();
      await askForApiKey(
        context.secrets,
        files.flatMap((f) => baseURLOf(f.fsPath)),
      );
    }),
  );
}

async function runJudgeCommand(
  context: vscode.ExtensionContext,
  deps: JudgeCommandDeps,
  uri?: vscode.Uri,
): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    // A judge file of an untrusted folder chooses the server, the prompts and the key's variable.
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'LangLens: running a judge is off in Restricted Mode: a judge file of an untrusted folder decides where your data and API keys are sent. Trust the workspace to run judges.',
      ),
    );
    return;
  }
  const definition = await chooseDefinition(uri);
  if (!definition) return;
  for (const [i, note] of definition.notes.entries()) {
    deps.log?.warn(`${definition.file}: ${note}`);
    const shown = localised(definition[TEXT]?.[i] ?? note, vscode.l10n);
    void vscode.window.showWarningMessage(
      vscode.l10n.t('LangLens: {0}: {1}', vscode.workspace.asRelativePath(definition.file), shown),
    );
  }
  let store: Store | undefined;
  try {
    store = await deps.openStore();
    const selection = await selectionFor(store, deps, definition);
    if (!selection) return;
    const plan = await planJudgeJob(store, definition, selection, priceTable());
    const allowed = new KeyOrigins();
    const key = await keyFor(context, definition, plan, allowed);
    if (key === null) return;
    const budget = judgeBudgetUsd();
    const keyLine = keySourceText(display(), key, isLocalServer(definition.baseURL));
    deps.log?.info(describePlan(plan, keyLine, judgeWords(display())).join('\n'));
    const via = await confirm(plan, keyLine, budget);
    if (!via) return;
    if (!(await approveKey(key, definition, allowed))) return;
    const summary = await runWithProgress(store, plan, via, key.key, budget, deps);
    await report(summary, deps);
  } catch (err) {
    deps.log?.error((err as Error).message);
    void vscode.window.showErrorMessage(
      vscode.l10n.t('LangLens: the judge could not run: {0}', errorText(err, vscode.l10n)),
    );
  } finally {
    await store?.close().catch(() => undefined);
  }
}

/** The judge file given (explorer context menu) or picked; a broken file is reported with a way to open it. */
/** A pairwise judge whose file names its comparison ("baseline" / "allPairs") is not asked for one. */
function selectionFor(store: Store, deps: JudgeCommandDeps, definition: JudgeDefinition) {
  return pickSelection(store, deps.currentRun?.(), definition.protocol.kind === 'pairwise' && !definition.baseline);
}

async function chooseDefinition(uri: vscode.Uri | undefined): Promise<JudgeDefinition | undefined> {
  const file = uri ?? (await chooseJudgeFile());
  if (!file) return undefined;
  try {
    return loadJudgeDefinition(file.fsPath);
  } catch (err) {
    if (!(err instanceof JudgeDefinitionError)) throw err;
    const open = vscode.l10n.t('Open File');
    const answer = await vscode.window.showErrorMessage(
      vscode.l10n.t('LangLens: the judge definition has problems:\n{0}', errorText(err, vscode.l10n)),
      { modal: false },
      open,
    );
    if (answer === open) await vscode.window.showTextDocument(file);
    return undefined;
  }
}

async function chooseJudgeFile(): Promise<vscode.Uri | undefined> {
  const files = await judgeFilesInWorkspace();
  if (files.length === 1) return files[0];
  if (files.length > 1) return pickJudgeFile(files);
  const create = vscode.l10n.t('Create an Example Judge');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('LangLens: no judge definition (*.judge.json) in the workspace. See docs/judges.md for the format.'),
    create,
  );
  if (answer === create) await createExampleJudge();
  return undefined;
}

async function createExampleJudge(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) return;
  const uri = vscode.Uri.joinPath(folder, 'judges', 'pairwise.judge.json');
  const example = {
    model: 'gpt-4o-2024-08-06',
    baseURL: DEFAULT_BASE_URL,
    protocol: 'pairwise',
    allowTie: false,
    temperature: 0,
    maxTokens: 32,
    concurrency: 16,
  };
  await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(example, null, 2) + '\n', 'utf8'));
  await vscode.window.showTextDocument(uri);
}

function baseURLOf(file: string): string[] {
  try {
    return [loadJudgeDefinition(file).baseURL];
  } catch {
    return [];
  }
}

function priceTable(): PriceTable {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const file = folder && path.join(folder, PRICE_TABLE_FILE);
  try {
    return file ? loadPriceTable(file) : BUILT_IN_PRICES;
  } catch {
    return BUILT_IN_PRICES; // no file, or one the user is still writing: the built-in table
  }
}

/**
 * Shows what will be sent, where, with which key, and its cost; returns how to send it, or undefined when the user
 * declines.
 */
async function confirm(plan: JudgePlan, keyLine: string, budget: number | undefined): Promise<JudgeVia | undefined> {
  const work = plan.toSend.length + plan.awaitingBatch.length;
  const d = plan.definition;
  const words = judgeWords(display());
  const formatUsd = (amount: number | undefined) => usdText(display(), amount);
  const now = vscode.l10n.t('Run Now (~{0})', formatUsd(plan.estimate.onlineUsd));
  const batch = vscode.l10n.t('Batch API (~{0}, within 24 h)', formatUsd(plan.estimate.batchUsd));
  const store = vscode.l10n.t('Store Cached Verdicts');
  const offerBatch = isOpenAI(plan.definition.baseURL);
  const buttons = work === 0 ? [store] : offerBatch ? [now, batch] : [now];
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('Run judge {0} on {1}?', plan.definition.name, plan.selection.run),
    {
      modal: true,
      detail: [
        vscode.l10n.t('Model: {0} ({1}, hash {2})', d.model, d.protocol.kind, d.hash),
        vscode.l10n.t('Server: {0}', originOf(d.baseURL)),
        vscode.l10n.t('API key: {0}', keyLine),
        vscode.l10n.t(
          'Requests to send: {0} ({1} already answered)',
          display().number(plan.toSend.length),
          display().number(plan.cached.length),
        ),
        offerBatch
          ? vscode.l10n.t(
              'Estimated cost: {0}, {1} through the Batch API (at most {2})',
              formatUsd(plan.estimate.onlineUsd),
              formatUsd(plan.estimate.batchUsd),
              formatUsd(plan.estimate.maxOnlineUsd),
            )
          : vscode.l10n.t(
              'Estimated cost: {0} (at most {1})',
              formatUsd(plan.estimate.onlineUsd),
              formatUsd(plan.estimate.maxOnlineUsd),
            ),
        budget === undefined
          ? vscode.l10n.t('Budget: none (setting langlens.judge.maxCost)')
          : vscode.l10n.t('Budget: {0}, never exceeded (setting langlens.judge.maxCost)', formatUsd(budget)),
        // The plan's verdicts and what it leaves out; its model, server, requests and cost are the lines above.
        ...judgeText(
          planLines(plan, undefined, words).filter((l) => l.kind === 'verdicts' || l.kind === 'skipped'),
          words,
        ),
      ].join('\n'),
    },
    ...buttons,
  );
  if (answer === batch || (answer === now && plan.awaitingBatch.length > 0 && plan.toSend.length === 0)) return 'batch';
  return answer === now || answer === store ? 'online' : undefined;
}

/** The key for the judge's server; null when one is needed (OpenAI) and the user did not give it. */
async function keyFor(
  context: vscode.ExtensionContext,
  definition: JudgeDefinition,
  plan: JudgePlan,
  allowed: KeyOrigins,
): Promise<ResolvedKey | null> {
  const key = await apiKeyFor(context.secrets, definition, allowed);
  if (key.key || !isOpenAI(definition.baseURL) || plan.toSend.length + plan.awaitingBatch.length === 0) return key;
  if (!(await askForApiKey(context.secrets, [], definition.baseURL))) return null;
  return apiKeyFor(context.secrets, definition, allowed);
}

function runWithProgress(
  store: Store,
  plan: JudgePlan,
  via: JudgeVia,
  apiKey: string | undefined,
  budget: number | undefined,
  deps: JudgeCommandDeps,
): Thenable<JudgeJobSummary> {
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Judge {0}', plan.definition.name),
      cancellable: true,
    },
    async (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      let shown = 0;
      let lastRefresh = 0;
      const onProgress = (p: JudgeProgress) => {
        const percent = p.total === 0 ? 100 : (p.done / p.total) * 100;
        progress.report({ message: progressText(display(), p), increment: Math.max(0, percent - shown) });
        shown = Math.max(shown, percent);
      };
      const onStored = () => {
        if (Date.now() - lastRefresh < REFRESH_EVERY_MS) return;
        lastRefresh = Date.now();
        deps.onResultsStored?.();
      };
      try {
        return await runJudgeJob(store, plan, {
          via,
          ...(apiKey ? { apiKey } : {}),
          ...(budget === undefined ? {} : { maxCostUsd: budget }),
          signal: controller.signal,
          onProgress,
          onStored,
          progressEveryMs: 250,
        });
      } finally {
        deps.onResultsStored?.();
      }
    },
  );
}

async function report(summary: JudgeJobSummary, deps: JudgeCommandDeps): Promise<void> {
  const lines = describeSummary(summary, judgeWords(display()));
  if (summary.outcome === 'failed') deps.log?.error(lines.join('\n'));
  else deps.log?.info(lines.join('\n'));
  const headline = vscode.l10n.t(
    'LangLens: judge {0}: {1} of {2} answered ({3} invalid, {4} failed), {5}.',
    summary.judge,
    summary.cached + summary.answered,
    summary.total,
    summary.invalid,
    summary.failed,
    usdText(display(), summary.costUsd),
  );
  const showLog = vscode.l10n.t('Show Log');
  const show = (message: string) =>
    summary.outcome === 'failed' || summary.failed > 0
      ? vscode.window.showWarningMessage(message, showLog)
      : vscode.window.showInformationMessage(message, showLog);
  const said = summary.message === undefined ? undefined : localised(summary[TEXT] ?? summary.message, vscode.l10n);
  const answer = await show(said ? `${headline} ${said}` : headline);
  if (answer === showLog) deps.log?.show();
}
