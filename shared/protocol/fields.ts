// Field-by-field parsers for messages from a webview: it renders model output, so what it sends is untrusted
// input, checked here before the host acts on it. Each failure names the field.

export class ProtocolError extends Error {}

export type Fields = Record<string, unknown>;

export function record(raw: unknown, what: string): Fields {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ProtocolError(`${what} is not an object`);
  return raw as Fields;
}

export function str(o: Fields, key: string, max = 100_000): string {
  const v = o[key];
  if (typeof v !== 'string' || v.length > max) throw new ProtocolError(`${key} must be a string`);
  return v;
}

export function nullableStr(o: Fields, key: string, max = 100_000): string | null {
  return o[key] === null || o[key] === undefined ? null : str(o, key, max);
}

export function int(o: Fields, key: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new ProtocolError(`${key} must be an integer`);
  return v;
}

export function num(o: Fields, key: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ProtocolError(`${key} must be a number`);
  return v;
}

export function bool(o: Fields, key: string): boolean {
  if (typeof o[key] !== 'boolean') throw new ProtocolError(`${key} must be true or false`);
  return o[key] as boolean;
}

export function oneOf<T extends string>(o: Fields, key: string, values: readonly T[]): T {
  const v = o[key];
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
    throw new ProtocolError(`${key} must be one of ${values.join(', ')}`);
  }
  return v as T;
}

export function strings(o: Fields, key: string): string[] {
  const v = o[key];
  if (!Array.isArray(v) || v.length > 10_000 || !v.every((s) => typeof s === 'string')) {
    throw new ProtocolError(`${key} must be a list of strings`);
  }
  return v as string[];
}

export function isoTime(o: Fields, key: string): string {
  const v = str(o, key, 40);
  if (Number.isNaN(Date.parse(v))) throw new ProtocolError(`${key} must be an ISO 8601 time`);
  return v;
}

export function nullableInt(o: Fields, key: string): number | null {
  return o[key] === null || o[key] === undefined ? null : int(o, key);
}

const COLOUR = /^(#[0-9a-fA-F]{3,8}|rgba?\([\d\s.,%]+\)|[a-z]+)$/;

export function colour(o: Fields, key: string): string {
  const v = str(o, key, 64).trim();
  if (!COLOUR.test(v)) throw new ProtocolError(`${key} must be a colour`);
  return v;
}

export function colours(o: Fields, key: string): string[] {
  const list = strings(o, key);
  if (list.length === 0 || list.length > 16) throw new ProtocolError(`${key} must list 1 to 16 colours`);
  return list.map((c, i) => colour({ [i]: c }, String(i)));
}

/** "Open this prompt group in the grid", sent by the dashboard and the charts. */
export interface OpenGroupMessage {
  readonly type: 'openGroup';
  readonly run: string;
  readonly group: string;
  readonly turn: number;
  readonly lang: string;
}

export function parseOpenGroup(o: Fields): OpenGroupMessage {
  return {
    type: 'openGroup',
    run: str(o, 'run', 1000),
    group: str(o, 'group', 1000),
    turn: int(o, 'turn'),
    lang: str(o, 'lang', 100),
  };
}
