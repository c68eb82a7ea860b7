// Reading a definition's template files. A judge file may come from a cloned repository, and its templates are sent
// to the judge's server: so a template must lie inside the definition's folder (after following symbolic links),
// be a regular text file, and be small, so that no other readable file (an SSH key, a .env) can become a prompt.
import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { CoreError, type Message, msg } from '../util/message';

/** Far above any judge prompt (MT-bench's longest is under 3 KB), far below a data file. */
export const MAX_TEMPLATE_BYTES = 64 * 1024;

/** A template the definition may not use: the message is a predicate, "lies outside ...". */
export class TemplateRefused extends Error {
  constructor(readonly text: Message | string) {
    super(String(text));
  }
}

/** Reads `path` (as written in the definition) relative to `folder`, or throws a message saying why it may not. */
export function readConfinedTemplate(folder: string, path: string): string {
  if (isAbsolute(path))
    throw new TemplateRefused(
      msg("is an absolute path; it must be relative to the judge definition's folder, not an absolute one"),
    );
  const root = realpathSync(folder);
  let real: string;
  try {
    real = realpathSync(resolve(folder, path));
  } catch (err) {
    throw (err as NodeJS.ErrnoException).code === 'ENOENT' ? new CoreError(msg('no such file')) : err;
  }
  const inside = relative(root, real);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    throw new TemplateRefused(
      msg(
        "lies outside the judge definition's folder {0} (it resolves to {1}); templates must be inside that folder",
        root,
        real,
      ),
    );
  }
  if (inside.split(sep).some((part) => part.startsWith('.'))) {
    throw new TemplateRefused(
      msg('is a hidden file or inside a hidden folder (such as .env or .ssh); templates must be visible files'),
    );
  }
  const bytes = readSmallFile(real);
  return decodeText(bytes);
}

function readSmallFile(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new TemplateRefused(msg('is not a regular file'));
    if (stat.size > MAX_TEMPLATE_BYTES)
      throw new TemplateRefused(
        msg(
          'is {0} bytes; a template may have at most {1}',
          stat.size.toLocaleString('en-US'),
          MAX_TEMPLATE_BYTES.toLocaleString('en-US'),
        ),
      );
    // Read at most one byte past the limit, in case the file grew after fstat.
    const buffer = Buffer.alloc(MAX_TEMPLATE_BYTES + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0;)
      length += n;
    if (length > MAX_TEMPLATE_BYTES)
      throw new TemplateRefused(msg('has more than {0} bytes', MAX_TEMPLATE_BYTES.toLocaleString('en-US')));
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

function decodeText(bytes: Buffer): string {
  if (bytes.includes(0)) throw new TemplateRefused(msg('is not a text file (it contains NUL bytes)'));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new TemplateRefused(msg('is not UTF-8 text'));
  }
}
