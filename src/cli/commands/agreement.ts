import { AGREEMENT_SOURCES } from '../../core/report/agreementSources';
import { MANY_JUDGES, summariseJudges } from '../../core/report/judgeSummary';
import { EXPORT_FORMATS } from '../../core/report/render';
import { TableLoads } from '../../core/report/tableLoads';
import type { Command } from '../command';
import { openExistingStore } from '../openStore';
import { TABLE_OPTION_HELP, TABLE_OPTION_SPEC, tableOptions } from '../tableOptions';
import { chooseSources, outputFormat, renderTables } from '../tableOutput';

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

With more than ${MANY_JUDGES} judges and no --judge, the text output shows, per table, the 5 judges with the highest
and the 5 with the lowest agreement, and says how many were left out; every other format has every row.

${TABLE_OPTION_HELP}

example (MT-bench, Zheng et al. Table 2):
  langlens agreement --annotators "expert_*" --by turn --table agreement`,
  async run(context) {
    const options = tableOptions(context);
    const wanted =
      (context.values.table as string[] | undefined)?.flatMap((t) => t.split(',')) ??
      AGREEMENT_SOURCES.map((s) => s.id);
    const sources = chooseSources(wanted, AGREEMENT_SOURCES, 'agreement');
    const format = outputFormat(context, 'text');
    const store = await openExistingStore(context);
    try {
      const tables = [];
      const loads = new TableLoads().expect(sources.flatMap((source) => source.shares ?? []));
      for (const source of sources) {
        // The table of Shaham et al. needs one judge; skip it quietly only when it was not asked for by name.
        try {
          tables.push(await source.build(store, options, loads));
        } catch (err) {
          if (context.values.table) throw err;
          context.stderr.write(`(${source.id} not shown: ${(err as Error).message})\n`);
        }
      }
      const judges = await store.judgeNames();
      const summarise = format === 'text' && !options.judges && judges.length > MANY_JUDGES;
      context.stdout.write(renderTables(summarise ? tables.map((t) => summariseJudges(t, judges)) : tables, format));
      return 0;
    } finally {
      await store.close();
    }
  },
};
