// How table commands choose their tables, read --format and write the result: one place for agreement,
// scores, export and assign.
import { EXPORT_FORMATS, renderTable, tableAsJson, type ExportFormat } from '../core/report/render';
import type { Table } from '../core/report/table';
import type { TableSource } from '../core/report/tableSource';
import { UsageError, type CommandContext } from './command';

/** The named tables, in the order asked for; an unknown name lists the known ones. */
export function chooseSources(names: readonly string[], sources: readonly TableSource[], kind: string): TableSource[] {
  return names.map((id) => {
    const source = sources.find((s) => s.id === id);
    if (!source) throw new UsageError(`no ${kind} table "${id}" (choose from ${sources.map((s) => s.id).join(', ')})`);
    return source;
  });
}

/** --json wins, then --format, then the given default. */
export function outputFormat(context: CommandContext, fallback: ExportFormat): ExportFormat {
  const format = context.json ? 'json' : ((context.values.format as string | undefined) ?? fallback);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format is one of ${EXPORT_FORMATS.join(', ')}`);
  return format as ExportFormat;
}

/** Several tables as one text: JSON as one array, the other formats one after another. */
export function renderTables(tables: readonly Table[], format: ExportFormat): string {
  if (format === 'json') return JSON.stringify(tables.map(tableAsJson), null, 2) + '\n';
  return tables.map((t) => renderTable(t, format)).join('\n');
}
