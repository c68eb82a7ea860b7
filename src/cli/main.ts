// The `langlens` command line: parses the global options and hands over to one subcommand.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError } from '../core/import/errors';
import { DEFAULT_DATABASE_PATH } from '../core/store/store';
import { COMMANDS } from './commands';
import { UsageError, type Command, type OptionSpec } from './command';

const GLOBAL_OPTIONS: OptionSpec = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
};

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'langlens: inspect, judge and measure agreement on multilingual model outputs',
    '',
    'usage: langlens <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'global options:',
    `  --db FILE   the database (default: $LANGLENS_DB or ${DEFAULT_DATABASE_PATH})`,
    '  --json      machine-readable output on stdout',
    '',
    'langlens help <command> shows a command\'s options; docs/cli.md has them all.',
  ].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(overview() + '\n');
    return name ? 0 : 2;
  }
  if (name === 'help') {
    const command = COMMANDS.find((c) => c.name === rest[0]);
    process.stdout.write((command ? command.help : overview()) + '\n');
    return 0;
  }
  if (name === '--version') {
    process.stdout.write('langlens 0.1.0\n');
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`langlens: unknown command "${name}"\n\n${overview()}\n`);
    return 2;
  }
  return runCommand(command, rest);
}

async function runCommand(command: Command, args: readonly string[]): Promise<number> {
  const controller = new AbortController();
  const onInterrupt = () => {
    if (controller.signal.aborted) process.exit(130); // a second Ctrl-C: leave now
    process.stderr.write('\nlanglens: stopping (Ctrl-C again to quit at once)...\n');
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  try {
    const { values, positionals } = parseArgs({
      args: [...args], options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true,
    });
    if (values.help) {
      process.stdout.write(command.help + '\n');
      return 0;
    }
    const db = resolve((values.db as string | undefined) || process.env.LANGLENS_DB || DEFAULT_DATABASE_PATH);
    return await command.run({
      values, positionals, db, json: values.json === true, stdout: process.stdout, stderr: process.stderr, signal: controller.signal,
    });
  } catch (err) {
    if (err instanceof ImportError) {
      process.stderr.write(`langlens ${command.name}: nothing was imported from the file:\n${err.message}\n`);
      return 1;
    }
    if (err instanceof UsageError || isParseArgsError(err)) {
      process.stderr.write(`langlens ${command.name}: ${(err as Error).message}\n(see langlens help ${command.name})\n`);
      return 2;
    }
    process.stderr.write(`langlens ${command.name}: ${(err as Error).message}\n`);
    if (process.env.LANGLENS_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

function isParseArgsError(err: unknown): boolean {
  return typeof (err as { code?: unknown })?.code === 'string' && (err as { code: string }).code.startsWith('ERR_PARSE_ARGS');
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
