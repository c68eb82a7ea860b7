// Errors that tell the user exactly where their file is wrong.

/** A problem with one field of one record; the reader adds the file and line. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface InputProblem {
  readonly file: string;
  /** 1-based line where the record starts; 0 for a problem with the file as a whole. */
  readonly line: number;
  readonly field?: string;
  readonly message: string;
}

export function describeProblem(p: InputProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}` : p.file;
  return p.field ? `${where}: field "${p.field}": ${p.message}` : `${where}: ${p.message}`;
}

/** An import that wrote nothing, because the file had the problems listed. */
export class ImportError extends Error {
  constructor(
    readonly problems: readonly InputProblem[],
    readonly truncated: boolean,
  ) {
    super(problems.map(describeProblem).join('\n') + (truncated ? '\n(more problems not shown)' : ''));
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
