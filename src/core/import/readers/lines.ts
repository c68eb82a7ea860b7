import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** The lines of a file, streamed, with 1-based numbers; a UTF-8 byte-order mark is dropped. */
export async function* readLines(path: string): AsyncGenerator<{ line: number; text: string }> {
  const input = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      yield { line, text: line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
    }
  } finally {
    lines.close();
    input.destroy();
  }
}
