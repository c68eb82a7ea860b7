// Typed access to the fields of a raw record: every check names the field, so an error can point at it.
import { parseLanguageInput, type LanguageTag } from '../model/language';
import { FieldError } from './errors';
import { msg } from '../util/message';

export type Row = Readonly<Record<string, unknown>>;

export function asRow(value: unknown): Row {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FieldError('', msg('expected an object, found {0}', describe(value)));
  }
  return value as Row;
}

export function has(row: Row, field: string): boolean {
  const v = row[field]; // read once: the row may be watched (unknownFields.ts), each read a trap
  return v !== undefined && v !== null && v !== '';
}

export function text(row: Row, field: string): string {
  const v = row[field];
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number') return String(v);
  throw new FieldError(
    field,
    v === undefined || v === null || v === '' ? msg('is missing') : msg('expected text, found {0}', describe(v)),
  );
}

/** Text that may be empty (a model can answer nothing), but must be present. */
export function textAllowEmpty(row: Row, field: string): string {
  const v = row[field];
  if (typeof v === 'string') return v;
  throw new FieldError(
    field,
    v === undefined || v === null ? msg('is missing') : msg('expected text, found {0}', describe(v)),
  );
}

/** Text, or a number or boolean taken as its text: some published files store an answer "True" as JSON true. */
export function scalarText(row: Row, field: string): string {
  const v = row[field];
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  return textAllowEmpty(row, field);
}

export function optionalText(row: Row, field: string): string | undefined {
  return has(row, field) ? text(row, field) : undefined;
}

/** An integer given as a JSON number or as text (CSV has only text). */
export function integer(row: Row, field: string): number {
  const v = row[field];
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  if (Number.isSafeInteger(n)) return n;
  throw new FieldError(
    field,
    v === undefined || v === null || v === ''
      ? msg('is missing')
      : msg('expected a whole number, found {0}', describe(v)),
  );
}

export function optionalInteger(row: Row, field: string, fallback: number): number {
  return has(row, field) ? integer(row, field) : fallback;
}

/** A yes/no given as a JSON boolean, or as true/false/1/0 text (CSV). */
export function flag(row: Row, field: string): boolean {
  const v = row[field];
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === 'string' && /^(true|false|1|0)$/i.test(v.trim())) return /^(true|1)$/i.test(v.trim());
  throw new FieldError(
    field,
    v === undefined || v === null || v === ''
      ? msg('is missing')
      : msg('expected true or false, found {0}', describe(v)),
  );
}

export function number(row: Row, field: string): number {
  const v = row[field];
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (Number.isFinite(n)) return n;
  throw new FieldError(
    field,
    v === undefined || v === null || v === '' ? msg('is missing') : msg('expected a number, found {0}', describe(v)),
  );
}

// A file repeats a handful of language codes thousands of times: parse each once.
const parsedTags = new Map<string, LanguageTag | undefined>();

export function language(row: Row, field: string): LanguageTag {
  const raw = text(row, field);
  let tag = parsedTags.get(raw);
  if (tag === undefined && !parsedTags.has(raw)) {
    tag = parseLanguageInput(raw);
    if (parsedTags.size < 10_000) parsedTags.set(raw, tag);
  }
  if (!tag) {
    const primary = /^([A-Za-z]{2})(?:[-_]|$)/.exec(raw.trim())?.[1];
    throw new FieldError(
      field,
      primary
        ? msg(
            '"{0}": "{1}" is not a language (not an ISO 639-1 code); use a BCP-47 tag such as en, zh-Hans, pt-BR',
            raw,
            primary.toLowerCase(),
          )
        : msg('"{0}" is not a BCP-47 language tag (such as en, zh-Hans, pt-BR)', raw),
    );
  }
  return tag;
}

/**
 * An identifier (a group, a system, an annotator): text compared exactly, so spaces around it would make a
 * second, different one without a word. They are an error, whatever the file's syntax.
 */
export function id(row: Row, field: string): string {
  const v = text(row, field);
  if (v.trim() !== v)
    throw new FieldError(
      field,
      msg('{0} has spaces around it: ids are compared exactly, so remove them', JSON.stringify(v)),
    );
  return v;
}

export function optionalId(row: Row, field: string): string | undefined {
  return has(row, field) ? id(row, field) : undefined;
}

export function oneOf<T extends string>(row: Row, field: string, allowed: readonly T[]): T {
  const raw = text(row, field);
  // Exactly as written is the common case: the case-blind comparison is only made when no value is.
  const found = allowed.includes(raw as T)
    ? (raw as T)
    : allowed.find((a) => a.toLowerCase() === raw.trim().toLowerCase());
  if (found === undefined)
    throw new FieldError(field, msg('"{0}" is not one of {1}', raw, allowed.map((a) => `"${a}"`).join(', ')));
  return found;
}

/** ISO 8601 with a date, a time and a zone (Z or ±hh:mm); seconds and their fractions are optional. */
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** The latest time a Unix time in seconds may give: 9999-12-31T23:59:59Z. */
const MAX_UNIX_SECONDS = 253_402_300_799;

/**
 * A point in time, returned normalised to UTC: ISO 8601 text with its zone, or a JSON number of seconds since
 * 1970-01-01T00:00:00Z (Unix time). Text without a zone would be read in the importing machine's zone, and other
 * text ("5") would be guessed at, so both are errors; so is a number that is no time in years 1970 to 9999
 * (milliseconds, say).
 */
export function timestamp(row: Row, field: string): string {
  const v = row[field];
  if (typeof v === 'number') {
    if (Number.isFinite(v) && v >= 0 && v <= MAX_UNIX_SECONDS) return new Date(Math.round(v * 1000)).toISOString();
    throw new FieldError(
      field,
      v > MAX_UNIX_SECONDS && v / 1000 <= MAX_UNIX_SECONDS
        ? msg(
            '{0} is not a Unix time in seconds between 1970 and 9999 (it looks like milliseconds: divide by 1000)',
            describe(v),
          )
        : msg('{0} is not a Unix time in seconds between 1970 and 9999', describe(v)),
    );
  }
  const m = typeof v === 'string' ? ISO_TIME.exec(v.trim()) : null;
  const ms = m ? Date.parse(v as string) : NaN;
  if (m && Number.isFinite(ms) && realDate(m)) return new Date(ms).toISOString();
  const zoneless = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?)?$/.test(v.trim());
  throw new FieldError(
    field,
    zoneless
      ? msg(
          '{0} has no time zone: add one (such as 2024-05-01T12:00:00Z or +02:00), so that it means the same time everywhere',
          describe(v),
        )
      : msg(
          'expected an ISO 8601 time with its zone (such as 2024-05-01T12:00:00Z) or Unix seconds as a number, found {0}',
          describe(v),
        ),
  );
}

/** Whether the date and time fields exist (no 30 February, no hour 25), which Date.parse does not promise. */
function realDate(m: RegExpExecArray): boolean {
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((x) => (x === undefined ? 0 : Number(x)));
  const days = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  return month! >= 1 && month! <= 12 && day! >= 1 && day! <= days && hour! <= 23 && minute! <= 59 && second! <= 59;
}

export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
