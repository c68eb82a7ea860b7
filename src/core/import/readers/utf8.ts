// The bytes of a file, checked to be UTF-8 as they stream past: a file in another encoding is refused with the
// byte offset and the encoding found, never decoded into U+FFFD replacement characters.
import { isUtf8 } from 'node:buffer';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { SyntaxProblem } from './row';
import { type Message, msg } from '../../util/message';

/** A file that is not UTF-8: where (byte offset, 0-based) and what it looks like instead. */
export class EncodingProblem extends SyntaxProblem {
  constructor(
    line: number,
    readonly byteOffset: number,
    readonly encoding: string,
    message: Message | string,
  ) {
    super(line, message);
  }
}

/** Validated chunks; a multi-byte character split across two reads is held back until it is complete. */
export async function* readUtf8(path: string, chunkSize = 1 << 20): AsyncGenerator<Buffer> {
  const input = createReadStream(path, { highWaterMark: chunkSize });
  let offset = 0;
  let carry: Buffer | undefined;
  const utf16 = utf16Encoding(head(path, 4));
  if (utf16) {
    input.destroy();
    throw new EncodingProblem(
      1,
      0,
      utf16,
      msg(
        'the file is {0}, not UTF-8: LangLens reads UTF-8 (convert it, e.g. iconv -f {1} -t UTF-8)',
        utf16,
        utf16.split(' ')[0],
      ),
    );
  }
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      const buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      const cut = completeLength(buffer);
      const whole = buffer.subarray(0, cut);
      if (!isUtf8(whole)) throw invalidAt(path, offset + firstInvalidByte(whole), whole[firstInvalidByte(whole)]!);
      carry = cut < buffer.length ? Buffer.from(buffer.subarray(cut)) : undefined;
      offset += whole.length;
      if (whole.length > 0) yield whole;
    }
  } finally {
    input.destroy();
  }
  if (carry) throw invalidAt(path, offset, carry[0]!);
}

/** The encoding a byte-order mark or the NUL bytes of ASCII text name, when it is UTF-16 or UTF-32. */
function utf16Encoding(b: Buffer): string | undefined {
  if (b.length < 2) return undefined;
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0)
    return 'UTF-32LE (little-endian, with a byte-order mark)';
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff)
    return 'UTF-32BE (big-endian, with a byte-order mark)';
  if (b[0] === 0xff && b[1] === 0xfe) return 'UTF-16LE (little-endian, with a byte-order mark)';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16BE (big-endian, with a byte-order mark)';
  if (b[0] !== 0 && b[1] === 0) return 'UTF-16LE (little-endian: every other byte is NUL)';
  if (b[0] === 0 && b[1] !== 0) return 'UTF-16BE (big-endian: every other byte is NUL)';
  return undefined;
}

/** The length of the buffer without a multi-byte sequence cut off at its end. */
function completeLength(b: Buffer): number {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const c = b[b.length - back]!;
    if (c < 0x80) return b.length; // ASCII: nothing is cut
    if (c >= 0xc0) return sequenceLength(c) > back ? b.length - back : b.length; // a lead byte
  }
  return b.length;
}

function sequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

/** Where the first byte that breaks UTF-8 is (only called once the buffer is known to hold one). */
function firstInvalidByte(b: Buffer): number {
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n === 0 || i + n > b.length || !isUtf8(b.subarray(i, i + n))) return i;
    i += n;
  }
  return b.length;
}

function invalidAt(path: string, offset: number, byte: number): EncodingProblem {
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return new EncodingProblem(
    lineAt(path, offset),
    offset,
    'not UTF-8',
    msg(
      'invalid UTF-8 at byte {0} ({1}): the file is not UTF-8 (perhaps Windows-1252 or Latin-1); LangLens reads UTF-8 (convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8)',
      offset,
      hex,
    ),
  );
}

/** The first bytes of a file (fewer when it is shorter). */
export function head(path: string, bytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/** The 1-based line holding a byte offset: counted again from the start, only on this error path. */
function lineAt(path: string, offset: number): number {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 16);
    let line = 1;
    for (let at = 0; at < offset;) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, offset - at), at);
      if (n <= 0) break;
      for (let i = 0; i < n; i++) if (buffer[i] === 10) line++;
      at += n;
    }
    return line;
  } finally {
    closeSync(fd);
  }
}

/** The same, decoded: each chunk ends on a whole character. Reports the bytes read so far after each chunk. */
export async function* readUtf8Text(
  path: string,
  chunkSize?: number,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<string> {
  let bytesRead = 0;
  for await (const chunk of readUtf8(path, chunkSize)) {
    bytesRead += chunk.length;
    onBytes?.(bytesRead);
    yield chunk.toString('utf8');
  }
}
