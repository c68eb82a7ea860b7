// Files a layout reads beside the one imported (PandaLM's test set for a judge file): a problem in one is
// reported at its own file, line and field, saying which import needed it.
import { statSync } from 'node:fs';
import { FieldError, ImportError, inputProblem } from './errors';
import { asRow, type Row } from './fields';
import { fileProblem } from './fileProblems';
import { detectSyntax, readRows, SyntaxProblem, syntaxOf } from './readers';
import { type Message, messageOf, msg } from '../util/message';

/** Reads every row of a companion file; `use` may throw a FieldError, which is located in the companion. */
export async function readCompanion(
  path: string,
  neededBy: string,
  role: Message | string,
  use: (row: Row) => void,
): Promise<void> {
  const located = (line: number, message: Message | string, field?: string) =>
    new ImportError(
      [inputProblem(path, line, msg('{0} (in {1}, which {2} needs)', message, role, neededBy), field)],
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
    if (err instanceof SyntaxProblem) throw located(err.line, messageOf(err));
    if (err instanceof FieldError) throw located(line, messageOf(err), err.field || undefined);
    throw err;
  }
}
