// Which fields of a file no converter reads: they are not imported, so the user is told (or, with --strict, the
// file is refused). Learnt from what each converter actually touches, so every layout, including ones added
// later, gets it without a list of its fields.
import type { ImportNote, InputProblem } from './errors';
import type { Row } from './fields';
import { msg, wording } from '../util/message';

export class UnknownFields {
  private readonly read = new Set<string>();
  private readonly unread = new Map<string, { line: number; count: number }>();

  /** The row as the converter sees it: every field it looks at (or asks about) is marked read. */
  watch(row: Row): Row {
    this.read.clear();
    const read = this.read;
    return new Proxy(row, {
      get(target, key) {
        if (typeof key === 'string') read.add(key);
        return target[key as string];
      },
      has(target, key) {
        if (typeof key === 'string') read.add(key);
        return key in target;
      },
    });
  }

  /** After the converter is done with the row: counts each field it holds a value in and never looked at. */
  settle(row: Row, line: number): void {
    for (const field in row) {
      if (this.read.has(field)) continue;
      const value = row[field];
      if (value === undefined || value === null || value === '') continue; // nothing there to lose
      const seen = this.unread.get(field);
      if (seen) seen.count++;
      else this.unread.set(field, { line, count: 1 });
    }
  }

  /** One entry per unread field: where it first appears and in how many records. */
  report(file: string): (InputProblem & ImportNote)[] {
    return [...this.unread].map(([field, { line, count }]) => ({
      file,
      line,
      field,
      count,
      ...wording(
        msg('is not a field of this layout: not imported (records that differ only in it are the same record here)'),
      ),
    }));
  }
}
