import { extname } from 'node:path';
import { readCsv } from './csv';
import { readInspectEval } from './inspectEval';
import { readJsonArray } from './jsonArray';
import { readJsonLines } from './jsonLines';
import type { ReadOptions } from './lines';
import type { RawRow } from './row';

export type { RawRow } from './row';
export { SyntaxProblem } from './row';

/** `inspect-eval`: Inspect AI's zipped eval log, read as the one object its .json form is. */
export type FileSyntax = 'jsonl' | 'json' | 'csv' | 'inspect-eval';

export function syntaxOf(path: string): FileSyntax | undefined {
  switch (extname(path).toLowerCase()) {
    case '.jsonl': case '.ndjson': return 'jsonl';
    case '.json': return 'json';
    case '.csv': case '.tsv': return 'csv';
    case '.eval': return 'inspect-eval';
    default: return undefined;
  }
}

export type { ReadOptions } from './lines';

export function readRows(path: string, syntax: FileSyntax, options: ReadOptions = {}): AsyncGenerator<RawRow> {
  switch (syntax) {
    case 'jsonl': return readJsonLines(path, options);
    case 'json': return readJsonArray(path, options);
    case 'csv': return readCsv(path, options);
    case 'inspect-eval': return readInspectEval(path);
  }
}
