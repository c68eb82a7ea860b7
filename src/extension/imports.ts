// Commands that bring run files into the database, through the core's importer: a folder (every run file in
// it), chosen files, or the workspace itself. Each file is one transaction; a bad file is reported with its
// line and field and imports nothing, the others go in.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeNote, ReplacementRefused, UnrecognisedLayoutError } from '../core/import/errors';
import { importFile, type ImportReport } from '../core/import/importFile';
import { syntaxOf } from '../core/import/readers';
import { errorText, firstLine, localised } from './coreText';
import { TEXT } from '../core/util/message';
import type { Database } from './database';
import { display } from './display';

interface Outcome {
  readonly imported: ImportReport[];
  readonly skipped: string[];
  /** `shown`: the error in the display language; the log keeps the English. */
  readonly failed: { file: string; shown: string }[];
}

const NOT_RUN_FILES = new Set(['node_modules', '.git', '.langlens', '.vscode', '.e2e']);

/** The run files below a folder, sorted; hidden folders, dependencies and LangLens's own folder are left out. */
export function runFilesIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((e) => !NOT_RUN_FILES.has(e.name) && !e.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const full = path.join(folder, e.name);
      if (e.isDirectory()) return runFilesIn(full);
      return syntaxOf(e.name) ? [full] : [];
    });
}

export function registerImportCommands(
  context: vscode.ExtensionContext,
  database: Database,
  log: vscode.LogOutputChannel,
): void {
  const importAll = (files: string[], inFolder: boolean) => importWithProgress(database, log, files, inFolder);
  context.subscriptions.push(
    vscode.commands.registerCommand('langlens.openRunFolder', async (uri?: vscode.Uri) => {
      const folder =
        uri ??
        (await pickOne({
          canSelectFolders: true,
          canSelectFiles: false,
          openLabel: vscode.l10n.t('Import Run Folder'),
        }));
      if (folder) await importAll(runFilesIn(folder.fsPath), true);
    }),
    vscode.commands.registerCommand('langlens.importFiles', async (uri?: vscode.Uri, selected?: vscode.Uri[]) => {
      const files = selected?.length
        ? selected
        : uri
          ? [uri]
          : await vscode.window.showOpenDialog({
              canSelectMany: true,
              openLabel: vscode.l10n.t('Import'),
              filters: { [vscode.l10n.t('Run files')]: ['jsonl', 'json', 'csv', 'tsv', 'eval'] },
            });
      if (files?.length)
        await importAll(
          files.map((f) => f.fsPath),
          false,
        );
    }),
    vscode.commands.registerCommand('langlens.importWorkspace', async () => {
      const folders = vscode.workspace.workspaceFolders ?? [];
      if (folders.length === 0) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('LangLens: open a folder first, or use "LangLens: Open Run Folder…".'),
        );
        return;
      }
      await importAll(
        folders.flatMap((f) => runFilesIn(f.uri.fsPath)),
        true,
      );
    }),
  );
}

async function pickOne(options: vscode.OpenDialogOptions): Promise<vscode.Uri | undefined> {
  return (await vscode.window.showOpenDialog({ ...options, canSelectMany: false }))?.[0];
}

async function importWithProgress(
  database: Database,
  log: vscode.LogOutputChannel,
  files: string[],
  inFolder: boolean,
): Promise<void> {
  if (files.length === 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('LangLens: no .jsonl, .json, .csv, .tsv or .eval files there.'),
    );
    return;
  }
  const store = await database.store();
  const outcome: Outcome = { imported: [], skipped: [], failed: [] };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('LangLens: importing'), cancellable: true },
    async (progress, token) => {
      for (const [i, file] of files.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({
          message: vscode.l10n.t('{0} ({1} of {2})', path.basename(file), i + 1, files.length),
          increment: 100 / files.length,
        });
        await importOne(store, file, inFolder, outcome, log);
      }
    },
  );
  database.notifyChanged('imported');
  report(outcome, log);
}

async function importOne(
  store: Awaited<ReturnType<Database['store']>>,
  file: string,
  inFolder: boolean,
  outcome: Outcome,
  log: vscode.LogOutputChannel,
) {
  try {
    const result = await importFile(store, file).catch(async (err: unknown) =>
      err instanceof ReplacementRefused && (await askToReplace(file, err))
        ? importFile(store, file, { onReplace: 'replace' })
        : Promise.reject(err),
    );
    outcome.imported.push(result);
    log.info(`imported ${file} (${result.format}): ${result.rows} rows`);
    for (const note of result.notes) log.warn(`note: ${describeNote(note)}`);
  } catch (err) {
    if (inFolder && err instanceof UnrecognisedLayoutError) {
      outcome.skipped.push(file);
      log.info(`skipped ${file}: not a layout LangLens recognises`);
      return;
    }
    outcome.failed.push({ file, shown: errorText(err, vscode.l10n) });
    log.error(`could not import ${file}:\n${(err as Error).message}`);
  }
}

/** A file that would replace stored records from other files is imported only if the user says so, seeing what. */
async function askToReplace(file: string, err: ReplacementRefused): Promise<boolean> {
  const replace = vscode.l10n.t('Replace Them');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('LangLens: {0} would replace records that came from other files.', path.basename(file)),
    {
      modal: true,
      detail: err.problems
        .slice(0, 6)
        .map((p) => localised(p[TEXT] ?? p.message, vscode.l10n))
        .join('\n'),
    },
    replace,
  );
  return choice === replace;
}

function report(outcome: Outcome, log: vscode.LogOutputChannel): void {
  const rows = outcome.imported.reduce((sum, r) => sum + r.rows, 0);
  // Importing a file again writes nothing: say how much is new, not only how much was read.
  const changed = outcome.imported.reduce(
    (sum, r) => sum + Object.values(r.written ?? {}).reduce((a, b) => a + b, 0),
    0,
  );
  const news =
    changed === 0
      ? vscode.l10n.t('nothing new: already imported')
      : vscode.l10n.t('{0} new or changed', display().number(changed));
  const skipped = outcome.skipped.length
    ? vscode.l10n.t('; skipped {0} file(s) in no known layout', outcome.skipped.length)
    : '';
  const done = `${vscode.l10n.t('Imported {0} file(s), {1} rows', outcome.imported.length, display().number(rows))} (${news})${skipped}`;
  const details = vscode.l10n.t('Show Details');
  const notes = outcome.imported.reduce((sum, r) => sum + r.notes.length, 0);
  if (outcome.failed.length === 0) {
    if (notes === 0) void vscode.window.showInformationMessage(vscode.l10n.t('LangLens: {0}.', done));
    else {
      void vscode.window
        .showWarningMessage(vscode.l10n.t('LangLens: {0}; {1} note(s) on what was not imported.', done, notes), details)
        .then((choice) => {
          if (choice) log.show();
        });
    }
    return;
  }
  const first = outcome.failed[0]!;
  // With no file imported, "imported 0 files (nothing new: already imported)" would read as if the file were known.
  const failure =
    outcome.imported.length === 0
      ? vscode.l10n.t(
          'LangLens: {0} file(s) could not be imported (nothing of them was written). {1}: {2}.',
          outcome.failed.length,
          path.basename(first.file),
          firstLine(first.shown),
        )
      : vscode.l10n.t(
          'LangLens: {0} file(s) could not be imported (nothing of them was written). {1}: {2}. {3}.',
          outcome.failed.length,
          path.basename(first.file),
          firstLine(first.shown),
          done,
        );
  void vscode.window.showErrorMessage(failure, details).then((choice) => {
    if (choice) log.show();
  });
}
