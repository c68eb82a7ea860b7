import { extname } from 'node:path';
import { readCsv } from './csv';
import { readInspectEval } from './inspectEval';
import { readJsonArray } from './jsonArray';
import { readJsonLineBatches, readJsonLines } from './jsonLines';
import type { ReadOptions } from './lines';
import { inBatches, type RawRow } from './row';
import { head } from './utf8';
import { type Message, msg } from '../../util/message';

export type { RawRow } from './row';
export { SyntaxProblem } from './row';

/** `inspect-eval`: Inspect AI's zipped eval log, read as the one object its .json form is. */
export type FileSyntax = 'jsonl' | 'json' | 'csv' | 'inspect-eval';

export function syntaxOf(path: string): FileSyntax | undefined {
  switch (extname(path).toLowerCase()) {
    case '.jsonl':
    case '.ndjson':
      return 'jsonl';
    case '.json':
      return 'json';
    case '.csv':
    case '.tsv':
      return 'csv';
    case '.eval':
      return 'inspect-eval';
    default:
      return undefined;
  }
}

export type { ReadOptions } from './lines';

/** The rows of a file in batches, as its reader completes them (JSON Lines a chunk of the file at a time). */
export function readRowBatches(path: string, syntax: FileSyntax, options: ReadOptions = {}): AsyncGenerator<RawRow[]> {
  switch (syntax) {
    case 'jsonl':
      return readJsonLineBatches(path, options);
    case 'json':
      return inBatches(readJsonArray(path, options));
    case 'csv':
      return inBatches(readCsv(path, options));
    case 'inspect-eval':
      return inBatches(readInspectEval(path));
  }
}

export function readRows(path: string, syntax: FileSyntax, options: ReadOptions = {}): AsyncGenerator<RawRow> {
  switch (syntax) {
    case 'jsonl':
      return readJsonLines(path, options);
    case 'json':
      return readJsonArray(path, options);
    case 'csv':
      return readCsv(path, options);
    case 'inspect-eval':
      return readInspectEval(path);
  }
}

/** How a file is read, and why when that differs from its name. */
export interface DetectedSyntax {
  readonly syntax: FileSyntax;
  /** Set when the content is not what the name says (a .json file of JSON Lines). */
  readonly note?: Message;
}

const SNIFF_BYTES = 1 << 20;

/**
 * The real shape of a JSON file, from its content: a top-level array is read as one, and several objects one per
 * line are JSON Lines whatever the file is called. A .json file of JSON Lines would otherwise keep only its first
 * record, and a .jsonl file holding an array would fail on its first line.
 */
export function detectSyntax(path: string, byName: FileSyntax): DetectedSyntax {
  if (byName === 'csv') return { syntax: byName };
  const text = head(path, SNIFF_BYTES)
    .toString('utf8')
    .replace(/^\ufeff/, '');
  const start = text.search(/\S/);
  if (start < 0) return { syntax: byName };
  if (text[start] === '[') {
    return byName === 'json'
      ? { syntax: 'json' }
      : { syntax: 'json', note: msg('the file holds a JSON array, not JSON Lines: read as a JSON array') };
  }
  if (text[start] !== '{') return { syntax: byName };
  const lineEnd = text.indexOf('\n', start);
  const firstLine = lineEnd < 0 ? text.slice(start) : text.slice(start, lineEnd);
  const oneObjectPerLine = lineEnd >= 0 && parsesAsObject(firstLine) && /\S/.test(text.slice(lineEnd));
  if (oneObjectPerLine && byName === 'json') {
    return {
      syntax: 'jsonl',
      note: msg('the file holds JSON Lines (one object per line), not one JSON document: read as JSON Lines'),
    };
  }
  if (byName === 'jsonl' && firstLine.trim() === '{') {
    return {
      syntax: 'json',
      note: msg('the file holds one JSON object over several lines, not JSON Lines: read as one JSON document'),
    };
  }
  return { syntax: byName };
}

function parsesAsObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
