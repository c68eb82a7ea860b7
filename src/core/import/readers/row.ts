/** One record of an input file, before it is interpreted: a JSON object or a CSV row keyed by its header. */
export interface RawRow {
  readonly line: number;
  readonly value: unknown;
}

/** A record the reader could not even parse (broken JSON, an unterminated quote). */
export class SyntaxProblem extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}
