import { writeFileSync } from 'node:fs';
import { EXPORT_FORMATS, renderTable, type ExportFormat } from '../../core/report/render';
import { TABLE_SOURCES, tableSource } from '../../core/report/sources';
import { UsageError, type Command } from '../command';
import { openExistingStore } from '../openStore';
import { TABLE_OPTION_HELP, TABLE_OPTION_SPEC, tableOptions } from '../tableOptions';
import { outputFormat } from '../tableOutput';

const FILE_EXTENSIONS: Record<string, ExportFormat> = {
  '.csv': 'csv',
  '.md': 'markdown',
  '.tex': 'latex',
  '.json': 'json',
  '.txt': 'text',
};

export const exportCommand: Command = {
  name: 'export',
  summary: 'export any table as CSV, Markdown, LaTeX or JSON for a paper',
  options: {
    ...TABLE_OPTION_SPEC,
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    list: { type: 'boolean', default: false },
  },
  help: `usage: langlens export TABLE [--format csv|markdown|latex|json] [-o FILE] [options]
       langlens export --list

The format follows the output file's extension (.csv, .md, .tex, .json) unless --format says otherwise.
CSV and JSON keep full precision (shares as 0..1, intervals as separate columns); Markdown and LaTeX show
percentages with intervals in brackets.

  -o, --output FILE     write to FILE instead of stdout ("-": stdout)
  -f, --format F        ${EXPORT_FORMATS.filter((f) => f !== 'text').join(', ')}

${TABLE_OPTION_HELP}`,
  async run(context) {
    if (context.values.list) {
      for (const s of TABLE_SOURCES) context.stdout.write(`${s.id.padEnd(24)}${s.description}\n`);
      return 0;
    }
    const id = context.positionals[0];
    if (!id) throw new UsageError(`name a table to export (langlens export --list shows them)`);
    const source = tableSource(id);
    if (!source) throw new UsageError(`no table "${id}" (known: ${TABLE_SOURCES.map((s) => s.id).join(', ')})`);
    const given = context.values.output as string | undefined;
    const output = given === '-' ? undefined : given; // "-o -" is standard output
    const fromExtension = output ? FILE_EXTENSIONS[output.slice(output.lastIndexOf('.')).toLowerCase()] : undefined;
    const format = outputFormat(context, fromExtension ?? 'csv');
    const store = await openExistingStore(context);
    try {
      const text = renderTable(await source.build(store, tableOptions(context)), format);
      if (output) {
        writeFileSync(output, text);
        context.stderr.write(`wrote ${output} (${format})\n`);
      } else context.stdout.write(text);
      return 0;
    } finally {
      await store.close();
    }
  },
};
