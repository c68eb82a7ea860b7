// What a `langlens` subcommand provides. Options are parsed with node:util parseArgs.
import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
  /** The database path: --db, else LANGLENS_DB, else .langlens/langlens.db under the current folder. */
  readonly db: string;
  readonly json: boolean;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WriteStream;
  /** Aborted on Ctrl-C: long commands stop cleanly and keep what they finished. */
  readonly signal: AbortSignal;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Usage lines and option help, shown by `langlens help <command>`. */
  readonly help: string;
  readonly options: OptionSpec;
  run(context: CommandContext): Promise<number>;
}

/** A mistake in how the command was called: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}
