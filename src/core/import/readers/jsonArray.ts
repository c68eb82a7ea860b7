import type { ReadOptions } from './lines';
import { SyntaxProblem, type RawRow } from './row';
import { readUtf8Text } from './utf8';
import { messageOf, msg } from '../../util/message';

const QUOTE = 34,
  BACKSLASH = 92,
  COMMA = 44,
  OPEN_ARRAY = 91,
  CLOSE_ARRAY = 93,
  OPEN_OBJECT = 123,
  CLOSE_OBJECT = 125;
const NEWLINE = 10;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff;
}

/**
 * The elements of a top-level JSON array, streamed: a small scanner that tracks strings and nesting cuts out
 * each element's text, which is then parsed alone. A file larger than memory imports, and every element keeps
 * the line it starts on. A file holding one top-level object yields that object as its only row. Anything but
 * white space after the array or the object is an error, never ignored.
 */
export async function* readJsonArray(path: string, options: ReadOptions = {}): AsyncGenerator<RawRow> {
  let line = 1;
  let depth = 0; // 1 = directly inside the top-level array
  let inString = false;
  let escaped = false;
  let started = false;
  let wholeObject = false;
  let pieces: string[] = []; // text of the element being collected, across chunks
  let collecting = false;
  let elementLine = 0;
  let finished = false; // the top-level value has closed: only white space may follow

  for await (const chunk of readUtf8Text(path, options.chunkSize, options.onBytes)) {
    let from = collecting ? 0 : -1; // where the collected element continues in this chunk
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === NEWLINE) line++;
      if (finished) {
        if (!isSpace(c))
          throw new SyntaxProblem(
            line,
            wholeObject
              ? msg(
                  'text after the end of the JSON object (several objects, one per line, are JSON Lines: name the file .jsonl)',
                )
              : msg('text after the closing ] of the JSON array'),
          );
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) inString = false;
        continue;
      }
      if (!started) {
        if (isSpace(c)) continue;
        started = true;
        depth = 1;
        if (c === OPEN_ARRAY) continue;
        if (c !== OPEN_OBJECT) throw new SyntaxProblem(line, msg('expected a JSON array ([ ... ]) or a JSON object'));
        wholeObject = true;
        collecting = true;
        elementLine = line;
        from = i;
        continue;
      }
      const topLevel = depth === 1 && !wholeObject;
      if (topLevel && !collecting && !isSpace(c) && c !== COMMA && c !== CLOSE_ARRAY) {
        collecting = true;
        elementLine = line;
        from = i;
      }
      if (c === QUOTE) inString = true;
      else if (c === OPEN_ARRAY || c === OPEN_OBJECT) depth++;
      else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
        depth--;
        if (depth === 0) {
          if (collecting) {
            pieces.push(chunk.slice(from, wholeObject ? i + 1 : i));
            yield parseElement(pieces.join(''), elementLine);
          }
          collecting = false;
          finished = true;
          continue;
        }
      } else if (c === COMMA && topLevel) {
        if (!collecting) throw new SyntaxProblem(line, msg('an empty element in the JSON array'));
        pieces.push(chunk.slice(from, i));
        yield parseElement(pieces.join(''), elementLine);
        pieces = [];
        collecting = false;
        from = -1;
      }
    }
    if (collecting) pieces.push(chunk.slice(from));
  }
  if (finished) return;
  throw new SyntaxProblem(line, started ? msg('the JSON ends before its closing bracket') : msg('the file is empty'));
}

function parseElement(text: string, line: number): RawRow {
  try {
    return { line, value: JSON.parse(text) };
  } catch (err) {
    throw new SyntaxProblem(line, msg('not valid JSON ({0})', messageOf(err)));
  }
}
