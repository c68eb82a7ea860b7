// The `langlens` command line: parses the global options and hands over to one subcommand.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError } from '../core/import/errors';
import { databaseLocation, DEFAULT_DATABASE_PATH, redactUrlsIn } from '../core/store/store';
import packageJson from '../../package.json';
import { COMMANDS } from './commands';
import { UsageError, type Command, type OptionSpec } from './command';
import { errorObject, ImportRefused } from './failure';

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
    `  --db FILE|URL  the database file, or a PostgreSQL server's postgres:// URL (default: $LANGLENS_DB or ${DEFAULT_DATABASE_PATH})`,
    '  --json         machine-readable output on stdout (a failure is a JSON error object there too)',
    '  -V, --version  the version of langlens',
    '',
    "langlens help <command> shows a command's options; docs/cli.md has them all.",
  ].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(overview() + '\n');
    return name ? 0 : 2;
  }
  if (name === 'help') {
    if (rest[0] === undefined) {
      process.stdout.write(overview() + '\n');
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === rest[0]);
    if (!command) {
      process.stderr.write(`langlens help: there is no command "${rest[0]}"\n\n${overview()}\n`);
      return 2;
    }
    process.stdout.write(command.help + '\n');
    return 0;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`langlens ${packageJson.version}\n`);
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
      args: [...args],
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      process.stdout.write(command.help + '\n');
      return 0;
    }
    const db = databaseOption((values.db as string | undefined) || process.env.LANGLENS_DB || DEFAULT_DATABASE_PATH);
    return await command.run({
      values,
      positionals,
      db,
      json: values.json === true,
      stdout: process.stdout,
      stderr: process.stderr,
      signal: controller.signal,
    });
  } catch (caught) {
    const code = exitCodeOf(caught);
    // A message may quote a database URL (the server's, or one mistyped): never with its password.
    const err = withoutPasswords(caught);
    const stderr = (text: string) => process.stderr.write(redactUrlsIn(text));
    if (err instanceof ImportRefused) stderr(`langlens ${command.name}: ${err.message}\n`);
    else if (err instanceof ImportError)
      stderr(`langlens ${command.name}: nothing was imported from the file:\n${err.message}\n`);
    else if (code === 2) stderr(`langlens ${command.name}: ${err.message}\n(see langlens help ${command.name})\n`);
    else {
      stderr(`langlens ${command.name}: ${err.message}\n`);
      if (process.env.LANGLENS_DEBUG) stderr(`${err.stack}\n`);
    }
    // The options may not have parsed: --json is looked for in the arguments as given.
    if (args.includes('--json'))
      process.stdout.write(redactUrlsIn(JSON.stringify(errorObject(command.name, err, code), null, 2)) + '\n');
    return code;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

/** The error with the passwords of any URLs in its message and stack as ***, its class (and so its handling) kept. */
function withoutPasswords(caught: unknown): Error {
  const err = caught instanceof Error ? caught : new Error(String(caught));
  const message = redactUrlsIn(err.message);
  if (message !== err.message) {
    Object.defineProperty(err, 'message', { value: message, configurable: true, writable: true });
    if (err.stack)
      Object.defineProperty(err, 'stack', { value: redactUrlsIn(err.stack), configurable: true, writable: true });
  }
  return err;
}

function exitCodeOf(err: unknown): number {
  return err instanceof UsageError || isParseArgsError(err) ? 2 : 1;
}

/** --db as an absolute path, or a PostgreSQL server's URL as it is; another URL is refused, not made a folder. */
function databaseOption(raw: string): string {
  try {
    const location = databaseLocation(raw);
    return location.engine === 'postgres' ? location.url : resolve(location.path);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function isParseArgsError(err: unknown): boolean {
  return (
    typeof (err as { code?: unknown })?.code === 'string' && (err as { code: string }).code.startsWith('ERR_PARSE_ARGS')
  );
}

/** `langlens ... | head`: the reader has gone, so there is no one left to tell; end quietly and successfully. */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

if (require.main === module) {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
