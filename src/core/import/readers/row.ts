import type { Message } from '../../util/message';

/** One record of an input file, before it is interpreted: a JSON object or a CSV row keyed by its header. */
export interface RawRow {
  readonly line: number;
  readonly value: unknown;
}

/** A record the reader could not even parse (broken JSON, an unterminated quote). */
export class SyntaxProblem extends Error {
  readonly text: Message | string;
  constructor(
    readonly line: number,
    message: Message | string,
  ) {
    super(String(message));
    this.text = message;
  }
}
