// docs/cli.md is written from the commands' own help, so the reference cannot drift from the program.
import { COMMANDS } from './commands';

export function cliReference(): string {
  return [
    '# The `langlens` command',
    '',
    "<!-- Generated from the commands' help by `npm run docs:cli`; edit the help in src/cli/commands/ instead. -->",
    '',
    'Run `npx langlens <command> --help` for the same text in a terminal. Every command takes `--db FILE`',
    '(default: `$LANGLENS_DB`, else `.langlens/langlens.db` under the current folder) and `--json` for',
    'machine-readable output on stdout. Exit codes: 0 success, 1 a problem with the data or the database',
    '(the message says which file, line and field), 2 a mistake in how the command was called, 130 interrupted.',
    'With `--json` a failure is also a JSON error object on stdout (`error`: `message`, `file`, `line`, `field`,',
    '`problems`). `-` is standard input for `import` (with `--format`) and standard output for `-o`; output cut',
    'short by a closed pipe (`| head`) ends quietly with exit 0. `langlens --version` (`-V`) prints the version.',
    '`--db` takes a file path (or a `file:` URL); a URL of another scheme (`postgres://`) is refused.',
    '',
    'The database is one SQLite file. A write that finds another process writing (an import in another',
    'terminal, the editor) waits as long as it takes and says so once ("waiting for another import to finish").',
    'A full disk stops the write with `database or disk is full: <path>`, rolls the file back, and explains a',
    'write-ahead log (`<path>-wal`) left beside the database.',
    '',
    '| command | what it does |',
    '| --- | --- |',
    ...COMMANDS.map((c) => `| [\`${c.name}\`](#${c.name}) | ${c.summary} |`),
    '',
    ...COMMANDS.flatMap((c) => [
      `## ${c.name}`,
      '',
      c.summary.charAt(0).toUpperCase() + c.summary.slice(1) + '.',
      '',
      '```text',
      c.help,
      '```',
      '',
    ]),
  ].join('\n');
}

if (require.main === module) process.stdout.write(cliReference());
