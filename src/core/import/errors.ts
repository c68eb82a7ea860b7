// Errors that tell the user exactly where their file is wrong. Their `message` is English (the CLI, the logs); their
// `text` the same as a Message the editor translates (util/message.ts).
import { arrange, joinMessages, type Message, msg, TEXT, wording } from '../util/message';

/** A problem with one field of one record; the reader adds the file and line. */
export class FieldError extends Error {
  readonly text: Message | string;
  constructor(
    readonly field: string,
    message: Message | string,
  ) {
    super(String(message));
    this.text = message;
  }
}

export interface InputProblem {
  readonly file: string;
  /** 1-based line where the record starts; 0 for a problem with the file as a whole. */
  readonly line: number;
  readonly field?: string;
  readonly message: string;
  /** The message as the editor translates it, when it is one (else `message` is shown as it is). */
  readonly [TEXT]?: Message;
}

export function describeProblem(p: InputProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}` : p.file;
  return p.field ? `${where}: field "${p.field}": ${p.message}` : `${where}: ${p.message}`;
}

/** describeProblem's text as a message: the file, line and field placed, the problem translated. */
export function problemText(p: InputProblem): Message {
  const said = p[TEXT] ?? p.message;
  if (p.field)
    return p.line > 0
      ? msg('{0}:{1}: field "{2}": {3}', p.file, p.line, p.field, said)
      : msg('{0}: field "{1}": {2}', p.file, p.field, said);
  return p.line > 0 ? arrange('{0}:{1}: {2}', p.file, p.line, said) : arrange('{0}: {1}', p.file, said);
}

/** An import that wrote nothing, because the file had the problems listed. */
export class ImportError extends Error {
  constructor(
    readonly problems: readonly InputProblem[],
    readonly truncated: boolean,
  ) {
    super(problems.map(describeProblem).join('\n') + (truncated ? '\n(more problems not shown)' : ''));
  }

  /** The message as the editor translates it: every problem, then whether more were left out. */
  get text(): Message {
    const lines = this.problems.map(problemText);
    return joinMessages(this.truncated ? [...lines, msg('(more problems not shown)')] : lines);
  }
}

/** A file that would replace stored records from other files, refused because replacing was not asked for. */
export class ReplacementRefused extends ImportError {}

/** A file whose first record fits none of the known layouts: an error when named, skipped inside a folder. */
export class UnrecognisedLayoutError extends ImportError {}

/**
 * Something an import left out, changed or chose that the user must hear about, though the file was imported:
 * a field no converter reads, a column name trimmed, a file read as JSON Lines despite its name. Printed with
 * the import's report, counted when it stands for many records.
 */
export interface ImportNote extends InputProblem {
  /** How many records it concerns (the line is the first of them). */
  readonly count?: number;
}

export function describeNote(note: ImportNote): string {
  return describeProblem(note) + (note.count !== undefined && note.count > 1 ? ` (${note.count} records)` : '');
}

/** describeNote's text as a message, for the editor. */
export function noteText(note: ImportNote): Message {
  const problem = problemText(note);
  return note.count !== undefined && note.count > 1 ? msg('{0} ({1} records)', problem, note.count) : problem;
}

/** A problem of `file` at `line` (0: the file as a whole), in `field` if given, saying `text`. */
export function inputProblem(file: string, line: number, text: Message | string, field?: string): InputProblem {
  return { file, line, ...(field ? { field } : {}), ...wording(text) };
}
