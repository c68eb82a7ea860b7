// Typed access to the fields of a raw record: every check names the field, so an error can point at it.
import { parseLanguageTag, type LanguageTag } from '../model/language';
import { FieldError } from './errors';

export type Row = Readonly<Record<string, unknown>>;

export function asRow(value: unknown): Row {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FieldError('', `expected an object, found ${describe(value)}`);
  }
  return value as Row;
}

export function has(row: Row, field: string): boolean {
  return row[field] !== undefined && row[field] !== null && row[field] !== '';
}

export function text(row: Row, field: string): string {
  const v = row[field];
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number') return String(v);
  throw new FieldError(field, v === undefined || v === null || v === '' ? 'is missing' : `expected text, found ${describe(v)}`);
}

/** Text that may be empty (a model can answer nothing), but must be present. */
export function textAllowEmpty(row: Row, field: string): string {
  const v = row[field];
  if (typeof v === 'string') return v;
  throw new FieldError(field, v === undefined || v === null ? 'is missing' : `expected text, found ${describe(v)}`);
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
  throw new FieldError(field, v === undefined || v === null || v === '' ? 'is missing' : `expected a whole number, found ${describe(v)}`);
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
  throw new FieldError(field, v === undefined || v === null || v === '' ? 'is missing' : `expected true or false, found ${describe(v)}`);
}

export function number(row: Row, field: string): number {
  const v = row[field];
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (Number.isFinite(n)) return n;
  throw new FieldError(field, v === undefined || v === null || v === '' ? 'is missing' : `expected a number, found ${describe(v)}`);
}

// A file repeats a handful of language codes thousands of times: parse each once.
const parsedTags = new Map<string, LanguageTag | undefined>();

export function language(row: Row, field: string): LanguageTag {
  const raw = text(row, field);
  let tag = parsedTags.get(raw);
  if (tag === undefined && !parsedTags.has(raw)) {
    tag = parseLanguageTag(raw);
    if (parsedTags.size < 10_000) parsedTags.set(raw, tag);
  }
  if (!tag) throw new FieldError(field, `"${raw}" is not a BCP-47 language tag (such as en, zh-Hans, pt-BR)`);
  return tag;
}

export function oneOf<T extends string>(row: Row, field: string, allowed: readonly T[]): T {
  const raw = text(row, field);
  const found = allowed.find((a) => a === raw || a.toLowerCase() === raw.trim().toLowerCase());
  if (found === undefined) throw new FieldError(field, `"${raw}" is not one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
  return found;
}

/** An ISO 8601 time, returned normalised to UTC. */
export function timestamp(row: Row, field: string): string {
  const v = row[field];
  const ms = typeof v === 'number' ? (v < 1e12 ? v * 1000 : v) : typeof v === 'string' ? Date.parse(v) : NaN;
  if (Number.isFinite(ms)) return new Date(ms).toISOString();
  throw new FieldError(field, `expected an ISO 8601 time (such as 2024-05-01T12:00:00Z), found ${describe(v)}`);
}

export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
