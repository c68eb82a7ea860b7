import { isUtf8 } from 'node:buffer';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describeNote, ImportError, UnrecognisedLayoutError, type InputProblem } from '../../core/import/errors';
import { fileProblem } from '../../core/import/fileProblems';
import { importFile, type ImportReport } from '../../core/import/importFile';
import { FORMATS, formatNamed } from '../../core/import/formats';
import { parseLanguageInput } from '../../core/model/language';
import { describeOrphans, orphanedSystems } from '../../core/store/orphanedSystems';
import { shownLocation, Store } from '../../core/store/store';
import { syntaxOf } from '../../core/import/readers';
import { UsageError, type Command } from '../command';
import { ImportRefused } from '../failure';
import { announceWaits } from '../openStore';
import { progressBar } from '../progress';

/** What a file is called when it is standard input. */
const STDIN_NAME = '<stdin>';

export const importCommand: Command = {
  name: 'import',
  summary: 'import run outputs, judge verdicts and human labels (JSONL, JSON, CSV; files or folders)',
  options: {
    run: { type: 'string' },
    lang: { type: 'string' },
    system: { type: 'string' },
    format: { type: 'string' },
    'pairs-from': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    replace: { type: 'boolean', default: false },
    'last-wins': { type: 'boolean', default: false },
  },
  help: `usage: langlens import FILE|FOLDER|- ... [options]

Each file is imported in one transaction: a file with any problem writes nothing, and the problems are listed
with their line and field. Importing the same file again changes nothing. Folders are searched for .jsonl,
.json, .csv and .tsv files; every file is tried, each in its own transaction, and every refusal is listed (the
exit code is 1 if any file was refused). "-" reads standard input (with --format). Whatever is not imported
(a field the layout does not read, a column name trimmed) is printed as a note.

options:
  --run NAME          the run to import into (default: the format's, e.g. "mt-bench", or the records' "run")
  --lang CODE         the language of layouts that carry none (default: en)
  --system NAME       the system of layouts that carry none
  --format NAME       force a layout instead of recognising it: ${FORMATS.map((f) => f.name).join(', ')}
  --pairs-from FILE   for a PandaLM judge file: the test set naming the systems (default: testset-v1.json beside it)
  --strict            refuse a file with fields its layout does not read (by default: a note per field)
  --replace           replace stored prompts, responses and verdicts that came from another file (by default
                      such a file is refused, listing what it would replace)
  --last-wins         records repeated inside a file with different content: keep the later one, with a note
                      (by default the file is refused, naming the lines of both)
  --dry-run           only check the files; write nothing`,
  async run(context) {
    if (context.positionals.length === 0) throw new UsageError('name at least one file or folder to import');
    const v = context.values;
    let language;
    if (v.lang !== undefined) {
      language = parseLanguageInput(String(v.lang));
      if (!language)
        throw new UsageError(`--lang "${v.lang}" is not a BCP-47 language tag of a language (such as en, zh-Hans)`);
    }
    if (v.format !== undefined && !formatNamed(String(v.format))) {
      throw new UsageError(
        `--format "${v.format}" is not a layout LangLens reads (${FORMATS.map((f) => f.name).join(', ')})`,
      );
    }
    const stdin = context.positionals.includes('-') ? await spoolStdin(v.format as string | undefined) : undefined;
    const refused: InputProblem[][] = [];
    const files: { file: string; inFolder: boolean; name?: string }[] = [];
    for (const p of context.positionals) {
      if (p === '-') files.push({ file: stdin!.file, inFolder: false, name: STDIN_NAME });
      else
        for (const found of expand(p, p)) {
          if ('problem' in found) refused.push([found.problem]);
          else files.push(found);
        }
    }
    const dryRun = v['dry-run'] === true;
    const reports: ImportReport[] = [];
    const skipped: string[] = [];
    const store = dryRun ? undefined : await Store.open(context.db);
    if (store) announceWaits(store, context);
    try {
      for (const { file, inFolder, name } of files) {
        const bar = progressBar(context.stderr, name ?? (relative(process.cwd(), file) || file));
        try {
          const report = await importFile(store, file, {
            dryRun,
            ...(v.run !== undefined ? { run: String(v.run) } : {}),
            ...(language ? { language } : {}),
            ...(v.system !== undefined ? { system: String(v.system) } : {}),
            ...(v.format !== undefined ? { format: String(v.format) } : {}),
            ...(v['pairs-from'] !== undefined ? { pairsFrom: String(v['pairs-from']) } : {}),
            ...(name ? { sourceName: name } : {}),
            strict: v.strict === true,
            lastWins: v['last-wins'] === true,
            ...(v.replace === true ? { onReplace: 'replace' as const } : {}),
            onProgress: (f) => bar.update(f),
          });
          bar.done();
          reports.push(report);
          if (!context.json) context.stdout.write(describeReport(report, dryRun) + '\n');
        } catch (err) {
          bar.done();
          if (inFolder && err instanceof UnrecognisedLayoutError && !v.format) {
            skipped.push(file);
            context.stderr.write(`skipped ${file}: not a layout LangLens recognises\n`);
            continue;
          }
          if (!(err instanceof ImportError)) {
            // the database itself failed: stop, saying what was left behind
            await store?.close().catch(() => undefined);
            const log = Store.leftoverLog(context.db);
            throw Object.assign(err as Error, {
              message:
                `${(err as Error).message}\nnothing of ${file} was written` +
                `${reports.length ? ` (${reports.length} earlier file(s) were imported)` : ''}${log ? `\n${log}` : ''}`,
            });
          }
          refused.push([...err.problems]);
          context.stderr.write(`langlens import: nothing was imported from the file:\n${err.message}\n`);
        }
      }
      if (store)
        for (const warning of describeOrphans(await orphanedSystems(store))) context.stderr.write(warning + '\n');
    } finally {
      await store?.close().catch(() => undefined);
      stdin?.remove();
    }
    if (skipped.length) context.stderr.write(`skipped ${skipped.length} file(s) in no layout LangLens recognises\n`);
    if (refused.length) throw new ImportRefused(refused, reports);
    if (context.json) context.stdout.write(JSON.stringify(reports, null, 2) + '\n');
    else if (!dryRun) context.stdout.write(`database: ${shownLocation(context.db)}\n`);
    return 0;
  },
};

type Found = { file: string; inFolder: boolean } | { problem: InputProblem };

/** The files a path names: itself, or the data files of a folder and its subfolders; unreadable entries are problems. */
function expand(path: string, given: string): Found[] {
  let stat;
  try {
    stat = statSync(path);
  } catch (err) {
    if (path === given && (err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UsageError(`${path} does not exist`);
    return [{ problem: { file: path, line: 0, message: String(fileProblem(err)) } }];
  }
  if (!stat.isDirectory()) return [{ file: path, inFolder: path !== given }];
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true, encoding: 'buffer' });
  } catch (err) {
    return [{ problem: { file: path, line: 0, message: String(fileProblem(err)) } }];
  }
  return entries
    .map((e) => ({ e, name: e.name.toString('utf8') }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap(({ e, name }): Found[] => {
      if (!isUtf8(e.name)) {
        return syntaxOf(name) || e.isDirectory()
          ? [
              {
                problem: {
                  file: join(path, e.name.toString('latin1')),
                  line: 0,
                  message: `the name is not UTF-8 (bytes ${e.name.toString('hex')}, shown here as Latin-1): rename it to read it`,
                },
              },
            ]
          : [];
      }
      const full = join(path, name);
      // A link is followed: to a folder, its files; to a file, that file if it is a data file; in a loop, a refusal.
      if (e.isDirectory() || e.isSymbolicLink())
        return expand(full, given).filter((f) => !('file' in f) || syntaxOf(f.file) || !e.isSymbolicLink());
      return syntaxOf(name) ? [{ file: full, inFolder: true }] : [];
    });
}

/** Standard input, copied to a temporary file (the readers stream from a file and read it twice). */
async function spoolStdin(format: string | undefined): Promise<{ file: string; remove(): void }> {
  if (!format)
    throw new UsageError('reading standard input ("-") needs --format NAME, since there is no file name to go by');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const data = Buffer.concat(chunks);
  const folder = mkdtempSync(join(tmpdir(), 'langlens-stdin-'));
  const start = data
    .subarray(0, 4096)
    .toString('utf8')
    .trimStart()
    .replace(/^\ufeff/, '');
  const extension = start.startsWith('[')
    ? 'json'
    : start.startsWith('{')
      ? 'jsonl'
      : data.includes(9) && !data.subarray(0, 4096).includes(44)
        ? 'tsv'
        : 'csv';
  const file = join(folder, `stdin.${extension}`);
  writeFileSync(file, data);
  return { file, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

function describeReport(report: ImportReport, dryRun: boolean): string {
  const records = Object.entries(report.records)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  const head = `${dryRun ? 'checked' : 'imported'} ${report.file} (${report.format}): ${report.rows} rows → ${records}`;
  const notes = report.notes.map((n) => `  note: ${describeNote(n)}`);
  if (!report.written) return [head, ...notes].join('\n');
  const changed = Object.entries(report.written)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${table} ${n}`);
  return [
    head,
    `  new or changed: ${changed.length ? changed.join(', ') : 'nothing (already imported)'}`,
    ...notes,
  ].join('\n');
}
