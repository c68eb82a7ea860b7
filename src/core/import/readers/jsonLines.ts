import { readLineBatches, type ReadOptions } from './lines';
import { rowsOf, SyntaxProblem, type RawRow } from './row';
import { messageOf, msg } from '../../util/message';

/**
 * JSON Lines: one value per line; blank lines are skipped. The rows come as each chunk of the file completes
 * them; a line that is not JSON ends the file after the rows before it.
 */
export async function* readJsonLineBatches(path: string, options: ReadOptions = {}): AsyncGenerator<RawRow[]> {
  for await (const lines of readLineBatches(path, options)) {
    const rows: RawRow[] = [];
    for (const { line, text } of lines) {
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        if (rows.length > 0) yield rows;
        throw new SyntaxProblem(line, msg('not valid JSON ({0})', messageOf(err)));
      }
      rows.push({ line, value });
    }
    if (rows.length > 0) yield rows;
  }
}

export function readJsonLines(path: string, options: ReadOptions = {}): AsyncGenerator<RawRow> {
  return rowsOf(readJsonLineBatches(path, options));
}
