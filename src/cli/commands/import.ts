import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UnrecognisedLayoutError } from '../../core/import/errors';
import { importFile, type ImportReport } from '../../core/import/importFile';
import { FORMATS } from '../../core/import/formats';
import { parseLanguageTag } from '../../core/model/language';
import { describeOrphans, orphanedSystems } from '../../core/store/orphanedSystems';
import { Store } from '../../core/store/store';
import { syntaxOf } from '../../core/import/readers';
import { UsageError, type Command } from '../command';
import { progressBar } from '../progress';

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
  },
  help: `usage: langlens import FILE|FOLDER... [options]

Each file is imported in one transaction: a file with any problem writes nothing, and the problems are listed
with their line and field. Importing the same file again changes nothing. Folders are searched for .jsonl,
.json, .csv and .tsv files.

options:
  --run NAME          the run to import into (default: the format's, e.g. "mt-bench", or the records' "run")
  --lang CODE         the language of layouts that carry none (default: en)
  --system NAME       the system of layouts that carry none
  --format NAME       force a layout instead of recognising it: ${FORMATS.map((f) => f.name).join(', ')}
  --pairs-from FILE   for a PandaLM judge file: the test set naming the systems (default: testset-v1.json beside it)
  --dry-run           only check the files; write nothing`,
  async run(context) {
    const files = context.positionals.flatMap((p) => expand(p).map((file) => ({ file, inFolder: file !== p })));
    if (files.length === 0) throw new UsageError('name at least one file or folder to import');
    const v = context.values;
    let language;
    if (v.lang !== undefined) {
      language = parseLanguageTag(String(v.lang));
      if (!language) throw new UsageError(`--lang "${v.lang}" is not a BCP-47 language tag (such as en, zh-Hans)`);
    }
    const dryRun = v['dry-run'] === true;
    const store = dryRun ? undefined : await Store.open(context.db);
    const reports: ImportReport[] = [];
    try {
      for (const { file, inFolder } of files) {
        const bar = progressBar(context.stderr, relative(process.cwd(), file) || file);
        try {
          reports.push(await importFile(store, file, {
            dryRun,
            ...(v.run !== undefined ? { run: String(v.run) } : {}),
            ...(language ? { language } : {}),
            ...(v.system !== undefined ? { system: String(v.system) } : {}),
            ...(v.format !== undefined ? { format: String(v.format) } : {}),
            ...(v['pairs-from'] !== undefined ? { pairsFrom: String(v['pairs-from']) } : {}),
            onProgress: (f) => bar.update(f),
          }));
          bar.done();
        } catch (err) {
          bar.done();
          if (inFolder && err instanceof UnrecognisedLayoutError && !v.format) {
            context.stderr.write(`skipped ${file}: not a layout LangLens recognises\n`);
            continue;
          }
          const done = reports.length ? ` (${reports.length} earlier file(s) were imported; later ones were not tried)` : '';
          throw Object.assign(err as Error, { message: `${(err as Error).message}${done}` });
        }
        if (!context.json) context.stdout.write(describeReport(reports.at(-1)!, dryRun) + '\n');
      }
      if (store) for (const warning of describeOrphans(await orphanedSystems(store))) context.stderr.write(warning + '\n');
    } finally {
      await store?.close();
    }
    if (context.json) context.stdout.write(JSON.stringify(reports, null, 2) + '\n');
    else if (!dryRun) context.stdout.write(`database: ${context.db}\n`);
    return 0;
  },
};

function expand(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`${path} does not exist`);
  }
  if (!stat.isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? expand(join(path, e.name)) : syntaxOf(e.name) ? [join(path, e.name)] : []));
}

function describeReport(report: ImportReport, dryRun: boolean): string {
  const records = Object.entries(report.records).map(([kind, n]) => `${n} ${kind}`).join(', ');
  const head = `${dryRun ? 'checked' : 'imported'} ${report.file} (${report.format}): ${report.rows} rows → ${records}`;
  if (!report.written) return head;
  const changed = Object.entries(report.written).filter(([, n]) => n > 0).map(([table, n]) => `${table} ${n}`);
  return `${head}\n  new or changed: ${changed.length ? changed.join(', ') : 'nothing (already imported)'}`;
}
