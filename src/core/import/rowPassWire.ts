// What the import's worker thread and the thread that writes say to each other (rowPassWorker.ts,
// rowPassThread.ts), and the problems, notes and errors in a form that crosses threads: a message (util/message.ts)
// is a class and a problem keeps its message under a symbol, both of which a structured clone drops.
import type { CanonicalRecord, SourceRef } from '../model/records';
import { ImportError, type ImportNote, type InputProblem, UnrecognisedLayoutError } from './errors';
import type { FileSyntax } from './readers';
import type { RowPassInput, RowPassResult } from './rowPass';
import { CoreError, Message, type MessageArg, TEXT } from '../util/message';

export type ToWorker =
  | { readonly type: 'pass'; readonly input: RowPassInput; readonly syntax: FileSyntax }
  /** A batch of records was written: the worker may post another. */
  | { readonly type: 'written' };

export type FromWorker =
  | { readonly type: 'records'; readonly batch: WireRecords }
  | { readonly type: 'progress'; readonly bytes: number }
  | { readonly type: 'done'; readonly result: WireResult }
  | { readonly type: 'failed'; readonly error: WireError };

/**
 * Records as posted: the file that is every record's source said once, each record's source its line alone. A
 * structured clone copies a string each time it meets it, and a record's source (an object of two named fields
 * holding the file's whole path) was the most of a verdict's clone after its texts.
 */
export interface WireRecords {
  readonly file: string;
  /** The records, their `source` replaced by its line where the file is `file`. */
  readonly records: readonly object[];
}

/** What a record's source is on the wire: its line, or the source itself from another file. */
type PostedSource = { source: SourceRef | number };

/** The batch as posted; the records are the worker's own, changed in place (they are not used after posting). */
export function recordsToWire(file: string, records: readonly CanonicalRecord[]): WireRecords {
  for (const record of records) {
    if (record.source.file === file) (record as unknown as PostedSource).source = record.source.line;
  }
  return { file, records };
}

/** The records of a posted batch, each with its source again. */
export function recordsFromWire(batch: WireRecords): CanonicalRecord[] {
  const records = batch.records as PostedSource[];
  for (const record of records) {
    if (typeof record.source === 'number') record.source = { file: batch.file, line: record.source };
  }
  return records as unknown as CanonicalRecord[];
}

interface WireMessage {
  readonly template: string;
  readonly args: readonly (string | number | WireMessage)[];
  readonly verbatim: boolean;
}

type WireProblem = Omit<ImportNote, typeof TEXT> & { readonly text?: WireMessage };

export interface WireResult extends Omit<RowPassResult, 'problems' | 'notes'> {
  readonly problems: readonly WireProblem[];
  readonly notes: readonly WireProblem[];
}

export interface WireError {
  readonly kind: 'import' | 'unrecognised' | 'core' | 'other';
  readonly message: string;
  readonly text?: WireMessage;
  readonly problems?: readonly WireProblem[];
  readonly truncated?: boolean;
  readonly code?: string;
  readonly stack?: string;
}

function messageToWire(message: Message): WireMessage {
  return {
    template: message.template,
    args: message.args.map((a) => (a instanceof Message ? messageToWire(a) : a)),
    verbatim: message.verbatim,
  };
}

function messageFromWire(wire: WireMessage): Message {
  const args: MessageArg[] = wire.args.map((a) => (typeof a === 'object' ? messageFromWire(a) : a));
  return new Message(wire.template, args, wire.verbatim);
}

function problemToWire(problem: ImportNote): WireProblem {
  const { [TEXT]: text, ...rest } = problem;
  return text ? { ...rest, text: messageToWire(text) } : rest;
}

function problemFromWire(wire: WireProblem): ImportNote {
  const { text, ...rest } = wire;
  return text ? { ...rest, [TEXT]: messageFromWire(text) } : rest;
}

export function resultToWire(result: RowPassResult): WireResult {
  return { ...result, problems: result.problems.map(problemToWire), notes: result.notes.map(problemToWire) };
}

export function resultFromWire(wire: WireResult): RowPassResult {
  return {
    ...wire,
    problems: wire.problems.map(problemFromWire) as InputProblem[],
    notes: wire.notes.map(problemFromWire),
  };
}

export function errorToWire(err: unknown): WireError {
  if (err instanceof ImportError) {
    return {
      kind: err instanceof UnrecognisedLayoutError ? 'unrecognised' : 'import',
      message: err.message,
      problems: err.problems.map(problemToWire),
      truncated: err.truncated,
    };
  }
  const e = err instanceof Error ? err : new Error(String(err));
  const text = (e as { text?: unknown }).text;
  const code = (e as { code?: unknown }).code;
  return {
    kind: text instanceof Message ? 'core' : 'other',
    message: e.message,
    ...(text instanceof Message ? { text: messageToWire(text) } : {}),
    ...(typeof code === 'string' ? { code } : {}),
    ...(e.stack ? { stack: e.stack } : {}),
  };
}

/** The worker's error as the calling thread would have thrown it (an import's problems keep their class). */
export function errorFromWire(wire: WireError): Error {
  const problems = () => (wire.problems ?? []).map(problemFromWire) as InputProblem[];
  if (wire.kind === 'import') return new ImportError(problems(), wire.truncated ?? false);
  if (wire.kind === 'unrecognised') return new UnrecognisedLayoutError(problems(), wire.truncated ?? false);
  const err = wire.kind === 'core' && wire.text ? new CoreError(messageFromWire(wire.text)) : new Error(wire.message);
  if (wire.code) Object.assign(err, { code: wire.code });
  if (wire.stack) err.stack = wire.stack;
  return err;
}
