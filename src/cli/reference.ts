// docs/cli.md is written from the commands' own help, so the reference cannot drift from the program.
import { COMMANDS } from './commands';

export function cliReference(): string {
  return [
    '# The `langlens` command',
    '',
    '<!-- Generated from the commands\' help by `npm run docs:cli`; edit the help in src/cli/commands/ instead. -->',
    '',
    'Run `npx langlens <command> --help` for the same text in a terminal. Every command takes `--db FILE`',
    '(default: `$LANGLENS_DB`, else `.langlens/langlens.db` under the current folder) and `--json` for',
    'machine-readable output on stdout. Exit codes: 0 success, 1 a problem with the data or the database',
    '(the message says which file, line and field), 2 a mistake in how the command was called, 130 interrupted.',
    '',
    '| command | what it does |',
    '| --- | --- |',
    ...COMMANDS.map((c) => `| [\`${c.name}\`](#${c.name}) | ${c.summary} |`),
    '',
    ...COMMANDS.flatMap((c) => [`## ${c.name}`, '', c.summary.charAt(0).toUpperCase() + c.summary.slice(1) + '.', '', '```text', c.help, '```', '']),
  ].join('\n');
}

if (require.main === module) process.stdout.write(cliReference());
