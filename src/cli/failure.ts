// How a failed command is reported: text on stderr always, and with --json also one error object on stdout
// (message, file, line, field and every problem), so that a script never has to parse the text.
import { describeProblem, ImportError, type InputProblem } from '../core/import/errors';
import type { ImportReport } from '../core/import/importFile';

/** Some files of an import were refused (each wrote nothing); the others were imported. */
export class ImportRefused extends Error {
  constructor(
    readonly refusals: readonly (readonly InputProblem[])[],
    readonly imported: readonly ImportReport[],
  ) {
    super(
      `${refusals.length} file(s) refused, nothing of them was written (the problems are above)` +
        (imported.length ? `; ${imported.length} other file(s) were imported` : ''),
    );
  }
}

export interface ErrorObject {
  readonly error: {
    readonly command: string;
    readonly message: string;
    readonly exitCode: number;
    readonly file?: string;
    readonly line?: number;
    readonly field?: string;
    readonly problems?: readonly InputProblem[];
  };
  readonly imported?: readonly ImportReport[];
}

export function errorObject(command: string, err: Error, exitCode: number): ErrorObject {
  const problems =
    err instanceof ImportRefused ? err.refusals.flat() : err instanceof ImportError ? err.problems : undefined;
  const first = problems?.[0];
  return {
    error: {
      command,
      exitCode,
      message: err instanceof ImportRefused ? [err.message, ...problems!.map(describeProblem)].join('\n') : err.message,
      ...(first
        ? {
            file: first.file,
            ...(first.line ? { line: first.line } : {}),
            ...(first.field ? { field: first.field } : {}),
          }
        : {}),
      ...(problems ? { problems } : {}),
    },
    ...(err instanceof ImportRefused ? { imported: err.imported } : {}),
  };
}
