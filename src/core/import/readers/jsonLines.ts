import { readLines, type ReadOptions } from './lines';
import { SyntaxProblem, type RawRow } from './row';
import { messageOf, msg } from '../../util/message';

/** JSON Lines: one value per line; blank lines are skipped. */
export async function* readJsonLines(path: string, options: ReadOptions = {}): AsyncGenerator<RawRow> {
  for await (const { line, text } of readLines(path, options)) {
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new SyntaxProblem(line, msg('not valid JSON ({0})', messageOf(err)));
    }
    yield { line, value };
  }
}
