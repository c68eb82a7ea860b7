import { readLines } from './lines';
import { SyntaxProblem, type RawRow } from './row';

/** JSON Lines: one value per line; blank lines are skipped. */
export async function* readJsonLines(path: string): AsyncGenerator<RawRow> {
  for await (const { line, text } of readLines(path)) {
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new SyntaxProblem(line, `not valid JSON (${(err as Error).message})`);
    }
    yield { line, value };
  }
}
