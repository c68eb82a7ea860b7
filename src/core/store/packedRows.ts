// Rows packed by the database into one string (group_concat, string_agg in PostgreSQL) and read back here: the
// driver's cost is per value it hands over, so a query that returns hundreds of thousands of small rows (every
// verdict of a run, every prompt group's total) is several times cheaper as a few strings. Each field is written so
// that no value can be mistaken for a separator: an integer as its digits and a comma, a text as its length in
// characters, a colon and itself (both engines' length() counts characters, i.e. code points).

export type PackedKind = 'int' | 'text';

/** The SQL of one row's packed fields, for group_concat(..., ''). */
export function packedRecord(fields: readonly (readonly [expression: string, kind: PackedKind])[]): string {
  return fields
    .map(([expression, kind]) =>
      kind === 'int' ? `${expression} || ','` : `length(${expression}) || ':' || ${expression}`,
    )
    .join(' || ');
}

/**
 * The rows of one packed string, each field as its kind (a number, a string); `count` is how many rows the database
 * packed (count(*) beside the string), checked, so that a row the packing lost is an error, never a gap.
 */
export function unpackRows(packed: string, kinds: readonly PackedKind[], count: number): (number | string)[][] {
  const rows: (number | string)[][] = [];
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
    const row: (number | string)[] = [];
    for (const kind of kinds) {
      if (kind === 'int') {
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
