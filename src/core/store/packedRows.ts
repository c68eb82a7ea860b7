// Rows packed by the database into one JSON array of arrays per group (SQLite's json_group_array of json_array,
// PostgreSQL's json_agg of json_build_array, the dialect translating) and read back here: the driver's cost is per
// value it hands over, so a query that returns hundreds of thousands of small rows (every verdict of a run, every
// prompt group's total) is several times cheaper as a few strings. JSON keeps every text whole, whatever characters
// it holds, and a null as null; it is also what SQLite builds fastest (0.94 s for 4× Shaham et al.'s 703,686
// verdicts, against 1.79 s for the same rows joined with ||). Each value is checked against its field's kind, and
// the rows against the count the database gives beside them, so that a lost row or a stray value is an error.

export type PackedKind = 'int' | 'text' | 'int?' | 'text?';

export type PackedValue = number | string | null;

/** The SQL aggregate packing a group's rows, one array of these fields' values per row. */
export function packedRows(fields: readonly (readonly [expression: string, kind: PackedKind])[]): string {
  return `json_group_array(json_array(${fields.map(([expression]) => expression).join(', ')}))`;
}

/**
 * The rows of one packed group, each value checked against its kind: a JSON text (SQLite) or the array the driver
 * already parsed (PostgreSQL's json). `count` is how many rows the database packed (count(*) beside it).
 */
export function unpackRows(packed: string | unknown, kinds: readonly PackedKind[], count: number): PackedValue[][] {
  const rows: unknown = typeof packed === 'string' ? JSON.parse(packed) : packed;
  if (!Array.isArray(rows)) throw new Error('packed rows: not an array of rows');
  if (rows.length !== Number(count)) throw new Error(`packed rows: ${rows.length} read of ${count}`);
  // The kinds read once: the check runs on millions of values.
  const nullable = kinds.map((kind) => kind.endsWith('?'));
  const integer = kinds.map((kind) => kind.startsWith('int'));
  const width = kinds.length;
  for (let r = 0; r < rows.length; r++) {
    const row: unknown = rows[r];
    if (!Array.isArray(row) || row.length !== width) throw new Error(`packed rows: row ${r} is not ${width} values`);
    for (let f = 0; f < width; f++) {
      const value: unknown = row[f];
      const fine = integer[f] ? Number.isSafeInteger(value) : typeof value === 'string';
      if (!fine && !(value === null && nullable[f])) row[f] = checked(value, kinds[f]!, r, f);
    }
  }
  return rows as PackedValue[][];
}

/** A value that is not plainly of its kind: a number in a text field read as its text, anything else refused. */
function checked(value: unknown, kind: PackedKind, row: number, field: number): PackedValue {
  if (value === null) {
    if (kind.endsWith('?')) return null;
    throw new Error(`packed rows: row ${row}, field ${field} is null where a value is required`);
  }
  if (kind.startsWith('int')) {
    if (Number.isSafeInteger(value)) return value as number;
    throw new Error(`packed rows: row ${row}, field ${field} is ${JSON.stringify(value)}, not an integer`);
  }
  // A text column may hand over a number (SQLite keeps a value's own type): read as the text it stands for.
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new Error(`packed rows: row ${row}, field ${field} is ${JSON.stringify(value)}, not a text`);
}

/**
 * A chunk's rows in the order of their first field (an id): the database aggregates a chunk's rows in whatever
 * order it reads them (an ORDER BY inside the aggregate costs a quarter of the load), so each row carries its id
 * and a chunk that comes out of order is sorted here.
 */
export function inIdOrder<Row extends readonly PackedValue[]>(rows: Row[]): Row[] {
  for (let i = 1; i < rows.length; i++)
    if ((rows[i]![0] as number) < (rows[i - 1]![0] as number))
      return rows.sort((x, y) => (x[0] as number) - (y[0] as number));
  return rows;
}

/** The rows of chunks packed by the database, each chunk's in id order (inIdOrder), chunks in their order. */
export function unpackChunksById(
  chunks: readonly { readonly n: number; readonly packed: string | unknown }[],
  kinds: readonly PackedKind[],
): PackedValue[][] {
  const out: PackedValue[][] = [];
  for (const { n, packed } of chunks) for (const row of inIdOrder(unpackRows(packed, kinds, n))) out.push(row);
  return out;
}

/**
 * The SQL aggregates packing a group's rows column by column, one JSON array of a field's values each (aliased c0,
 * c1, …): for the biggest reads (every verdict of a run), whose rows as arrays of arrays are hundreds of thousands of
 * small arrays to parse and collect, where a column is one array of numbers. The aggregates of one group step
 * through its rows together (SQLite and PostgreSQL alike), so the columns' i-th values are one row's.
 */
export function packedColumns(fields: readonly (readonly [expression: string, kind: PackedKind])[]): string {
  return fields.map(([expression], i) => `json_group_array(${expression}) AS c${i}`).join(', ');
}

/** A group packed by packedColumns: `count` (count(*) beside it), and the columns c0, c1, … as the driver gives them. */
export type PackedColumns = { readonly n: number } & Readonly<Record<`c${number}`, unknown>>;

/**
 * The columns of one group packed by packedColumns, each value checked against its field's kind (as unpackRows
 * checks), each column `n` long.
 */
export function unpackColumns(group: PackedColumns, kinds: readonly PackedKind[]): PackedValue[][] {
  const count = Number(group.n);
  return kinds.map((kind, f) => {
    const packed = group[`c${f}`];
    const column: unknown = typeof packed === 'string' ? JSON.parse(packed) : packed;
    if (!Array.isArray(column)) throw new Error(`packed columns: column ${f} is not an array`);
    if (column.length !== count) throw new Error(`packed columns: ${column.length} read of ${count} in column ${f}`);
    const nullable = kind.endsWith('?');
    const integer = kind.startsWith('int');
    for (let r = 0; r < column.length; r++) {
      const value: unknown = column[r];
      const fine = integer ? Number.isSafeInteger(value) : typeof value === 'string';
      if (!fine && !(value === null && nullable)) column[r] = checked(value, kind, r, f);
    }
    return column as PackedValue[];
  });
}

/**
 * The order that puts a group's rows in the order of their ids (its first column: see inIdOrder), or undefined
 * when they are in it already.
 */
export function idOrder(ids: readonly PackedValue[]): Uint32Array | undefined {
  for (let i = 1; i < ids.length; i++)
    if ((ids[i] as number) < (ids[i - 1] as number))
      return Uint32Array.from(ids.keys()).sort((x, y) => (ids[x] as number) - (ids[y] as number));
  return undefined;
}
