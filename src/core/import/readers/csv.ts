import type { ReadOptions } from './lines';
import { SyntaxProblem, type RawRow } from './row';
import { readUtf8Text } from './utf8';
import { msg } from '../../util/message';

/**
 * RFC 4180 CSV (also tab-separated when the file ends in .tsv), streamed. The first row is the header; each
 * following row becomes an object keyed by it. Quoted fields may hold separators, quotes ("") and newlines;
 * a row's line is the line it starts on.
 */
export async function* readCsv(
  path: string,
  options: ReadOptions = {},
  separator = path.toLowerCase().endsWith('.tsv') ? '\t' : ',',
): AsyncGenerator<RawRow> {
  const SEP = separator.charCodeAt(0);
  let header: string[] | undefined;
  let field: string[] = [];
  let fields: string[] = [];
  let quoted = false;
  let afterQuote = false; // just read a closing quote: only a separator, a newline or another quote may follow
  let line = 1;
  let rowLine = 1;
  let pendingCR = false;
  let atStart = true;

  const finishRow = function* (): Generator<RawRow> {
    fields.push(field.join(''));
    field = [];
    const row = fields;
    fields = [];
    if (row.length === 1 && row[0] === '') return; // blank line
    if (!header) {
      header = headerOf(row, rowLine, options);
      return;
    }
    if (row.length !== header.length) {
      throw new SyntaxProblem(rowLine, msg('has {0} fields, the header has {1}', row.length, header.length));
    }
    const value: Record<string, string> = {};
    header.forEach((name, i) => (value[name] = row[i]!));
    yield { line: rowLine, value };
  };

  for await (const chunk of readUtf8Text(path, options.chunkSize, options.onBytes)) {
    let runStart = 0; // plain characters are copied in runs, not one by one
    const flushRun = (end: number) => {
      if (end > runStart) field.push(chunk.slice(runStart, end));
    };
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (atStart) {
        atStart = false;
        if (c === 0xfeff) {
          runStart = i + 1;
          continue;
        }
      }
      if (pendingCR) {
        pendingCR = false;
        if (c === 10) {
          runStart = i + 1;
          continue;
        }
      }
      if (quoted) {
        if (c === 34) {
          flushRun(i);
          quoted = false;
          afterQuote = true;
          runStart = i + 1;
        } else if (c === 10) line++;
        continue;
      }
      if (afterQuote) {
        afterQuote = false;
        if (c === 34) {
          field.push('"');
          quoted = true;
          runStart = i + 1;
          continue;
        }
        if (c !== SEP && c !== 10 && c !== 13) throw new SyntaxProblem(line, msg('a character after a closing quote'));
      }
      if (c === 34 && field.length === 0 && i === runStart) {
        quoted = true;
        runStart = i + 1;
        continue;
      }
      if (c === SEP) {
        flushRun(i);
        fields.push(field.join(''));
        field = [];
        runStart = i + 1;
        continue;
      }
      if (c === 10 || c === 13) {
        flushRun(i);
        yield* finishRow();
        line++;
        rowLine = line;
        pendingCR = c === 13;
        runStart = i + 1;
      }
    }
    if (!quoted) flushRun(chunk.length);
    else if (chunk.length > runStart) field.push(chunk.slice(runStart));
  }
  if (quoted) throw new SyntaxProblem(rowLine, msg('a quoted field is not closed'));
  if (field.length > 0 || fields.length > 0) yield* finishRow();
}

/**
 * The column names. Spaces around a name are trimmed with a note ("id, text" is a common way to write a header);
 * a name given twice is an error, since one of the two columns would be lost.
 */
function headerOf(row: readonly string[], line: number, options: ReadOptions): string[] {
  const names = row.map((h) => h.trim());
  const trimmed = row.filter((h, i) => h !== names[i]);
  if (trimmed.length)
    options.onNote?.(
      line,
      `spaces around column names were trimmed: ${trimmed.map((h) => JSON.stringify(h)).join(', ')}`,
    );
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new SyntaxProblem(
        line,
        msg(
          'the header names the column "{0}" twice (columns {1} and {2}); one would be lost',
          name,
          earlier + 1,
          i + 1,
        ),
      );
    }
    seen.set(name, i);
  });
  return names;
}
