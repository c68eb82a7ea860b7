// Files a layout reads beside the one imported (PandaLM's test set for a judge file): a problem in one is
// reported at its own file, line and field, saying which import needed it.
import { statSync } from 'node:fs';
import { FieldError, ImportError } from './errors';
import { asRow, type Row } from './fields';
import { fileProblem } from './fileProblems';
import { detectSyntax, readRows, SyntaxProblem, syntaxOf } from './readers';

/** Reads every row of a companion file; `use` may throw a FieldError, which is located in the companion. */
export async function readCompanion(
  path: string,
  neededBy: string,
  role: string,
  use: (row: Row) => void,
): Promise<void> {
  const located = (line: number, message: string, field?: string) =>
    new ImportError(
      [{ file: path, line, ...(field ? { field } : {}), message: `${message} (in ${role}, which ${neededBy} needs)` }],
      false,
    );
  try {
    statSync(path);
  } catch (err) {
    throw located(0, fileProblem(err));
  }
  const byName = syntaxOf(path) ?? 'json';
  let line = 0;
  try {
    for await (const raw of readRows(path, detectSyntax(path, byName).syntax)) {
      line = raw.line;
      use(asRow(raw.value));
    }
  } catch (err) {
    if (err instanceof SyntaxProblem) throw located(err.line, err.message);
    if (err instanceof FieldError) throw located(line, err.message, err.field || undefined);
    throw err;
  }
}
