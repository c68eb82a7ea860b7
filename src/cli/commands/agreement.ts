import { AGREEMENT_SOURCES } from '../../core/report/agreementSources';
import { EXPORT_FORMATS, renderTable, tableAsJson, type ExportFormat } from '../../core/report/render';
import { UsageError, type Command } from '../command';
import { openExistingStore } from '../openStore';
import { TABLE_OPTION_HELP, TABLE_OPTION_SPEC, tableOptions } from '../tableOptions';

export const agreementCommand: Command = {
  name: 'agreement',
  summary: 'agreement of judges with humans and between humans, per language, with confidence intervals',
  options: { ...TABLE_OPTION_SPEC, table: { type: 'string', multiple: true }, format: { type: 'string' } },
  help: `usage: langlens agreement [options]

Prints the pairwise agreement tables (protocols.md §3). Every figure carries its n and a 95% bootstrap
interval over prompt groups.

tables (--table, repeatable; default: all of them):
${AGREEMENT_SOURCES.map((s) => `  ${s.id.padEnd(22)}${s.description}`).join('\n')}

  --format F            ${EXPORT_FORMATS.join(', ')} (default: text; --json is the same as --format json)

${TABLE_OPTION_HELP}

example (MT-bench, Zheng et al. Table 2):
  langlens agreement --annotators "expert_*" --by turn --table agreement`,
  async run(context) {
    const options = tableOptions(context);
    const wanted = (context.values.table as string[] | undefined)?.flatMap((t) => t.split(',')) ?? AGREEMENT_SOURCES.map((s) => s.id);
    const sources = wanted.map((id) => {
      const source = AGREEMENT_SOURCES.find((s) => s.id === id);
      if (!source) throw new UsageError(`no agreement table "${id}" (choose from ${AGREEMENT_SOURCES.map((s) => s.id).join(', ')})`);
      return source;
    });
    const format = (context.json ? 'json' : (context.values.format as string | undefined) ?? 'text') as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format is one of ${EXPORT_FORMATS.join(', ')}`);
    const store = await openExistingStore(context);
    try {
      const tables = [];
      for (const source of sources) {
        // The table of Shaham et al. needs one judge; skip it quietly only when it was not asked for by name.
        try {
          tables.push(await source.build(store, options));
        } catch (err) {
          if (context.values.table) throw err;
          context.stderr.write(`(${source.id} not shown: ${(err as Error).message})\n`);
        }
      }
      if (format === 'json') context.stdout.write(JSON.stringify(tables.map(tableAsJson), null, 2) + '\n');
      else context.stdout.write(tables.map((t) => renderTable(t, format)).join('\n'));
      return 0;
    } finally {
      await store.close();
    }
  },
};
