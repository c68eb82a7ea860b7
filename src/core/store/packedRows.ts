// Rows packed by the database into one string (group_concat, string_agg in PostgreSQL) and read back here: the
// driver's cost is per value it hands over, so a query that returns hundreds of thousands of small rows (every
// verdict of a run, every prompt group's total) is several times cheaper as a few strings. Each field is written so
// that no value can be mistaken for a separator: an integer as its digits and a comma, a text as its length in
// characters, a colon and itself (both engines' length() counts characters, i.e. code points). A field that may be
// null ('int?', 'text?') is a semicolon when it is (a null anywhere else would make the whole row null, and the
// aggregate would skip it: the count check catches that).

export type PackedKind = 'int' | 'text' | 'int?' | 'text?';

const NULL_FIELD = ';';

function packedField(expression: string, kind: PackedKind): string {
  const packed = kind.startsWith('int') ? `${expression} || ','` : `length(${expression}) || ':' || ${expression}`;
  return kind.endsWith('?') ? `COALESCE(${packed}, '${NULL_FIELD}')` : packed;
}

/** The SQL of one row's packed fields, for group_concat(..., ''). */
export function packedRecord(fields: readonly (readonly [expression: string, kind: PackedKind])[]): string {
  return fields.map(([expression, kind]) => packedField(expression, kind)).join(' || ');
}

/**
 * The rows of one packed string, each field as its kind (a number, a string); `count` is how many rows the database
 * packed (count(*) beside the string), checked, so that a row the packing lost is an error, never a gap.
 */
export function unpackRows(packed: string, kinds: readonly PackedKind[], count: number): (number | string | null)[][] {
  const rows: (number | string | null)[][] = [];
  let at = 0;
  const integer = (end: number): number => {
    let value = 0;
    let sign = 1;
    if (packed.charCodeAt(at) === 45) {
      sign = -1;
      at++;
    }
    for (let code = packed.charCodeAt(at++); code !== end; code = packed.charCodeAt(at++)) {
      if (!(code >= 48 && code <= 57)) throw new Error(`packed rows: a digit expected at ${at - 1}`);
      value = value * 10 + (code - 48);
    }
    return sign * value;
  };
  while (at < packed.length) {
    const row: (number | string | null)[] = [];
    for (const kind of kinds) {
      if (kind.endsWith('?') && packed.charCodeAt(at) === SEMICOLON) {
        at++;
        row.push(null);
        continue;
      }
      if (kind.startsWith('int')) {
        row.push(integer(44));
        continue;
      }
      const characters = integer(58);
      const start = at;
      for (let k = 0; k < characters; k++) at += packed.codePointAt(at)! > 0xffff ? 2 : 1;
      if (at > packed.length) throw new Error(`packed rows: a text of ${characters} characters runs past the end`);
      row.push(packed.slice(start, at));
    }
    rows.push(row);
  }
  if (rows.length !== Number(count)) throw new Error(`packed rows: ${rows.length} read of ${count}`);
  return rows;
}

const SEMICOLON = NULL_FIELD.charCodeAt(0);

/**
 * A chunk's rows in the order of their first field (an id): the database concatenates a chunk's rows in whatever
 * order it reads them (an ORDER BY inside the aggregate costs a quarter of the load), so each row carries its id
 * and a chunk that comes out of order is sorted here.
 */
export function inIdOrder<Row extends readonly (number | string | null)[]>(rows: Row[]): Row[] {
  for (let i = 1; i < rows.length; i++)
    if ((rows[i]![0] as number) < (rows[i - 1]![0] as number))
      return rows.sort((x, y) => (x[0] as number) - (y[0] as number));
  return rows;
}

/** The rows of chunks packed by the database, each chunk's in id order (inIdOrder), chunks in their order. */
export function unpackChunksById(
  chunks: readonly { readonly n: number; readonly packed: string }[],
  kinds: readonly PackedKind[],
): (number | string | null)[][] {
  const out: (number | string | null)[][] = [];
  for (const { n, packed } of chunks) for (const row of inIdOrder(unpackRows(packed, kinds, n))) out.push(row);
  return out;
}
