// What every recogniser of an input layout provides.
import { parseLanguageTag, type LanguageTag } from '../../model/language';
import type { CanonicalRecord, LabelSchema, SourceRef } from '../../model/records';
import type { FileSyntax } from '../readers';
import type { Row } from '../fields';

export interface ImportOptions {
  /** The run the records belong to; overrides what a format would choose. */
  readonly run?: string;
  /** The language of formats that carry none (MT-bench, PandaLM, alpaca_eval are English). */
  readonly language?: LanguageTag;
  /** The system of formats that carry none. */
  readonly system?: string;
  /** For a judge file that names no systems (PandaLM's), the test set that does. */
  readonly pairsFrom?: string;
}

export interface FormatContext {
  readonly file: string;
  readonly options: ImportOptions;
  /** The schema the database already declares (scales, criteria): ratings on a declared scale are checked against it. */
  readonly schema?: LabelSchema;
}

/** Converts the rows of one file. Created once per file, so it may keep state (a lookup table, a counter). */
export interface RowConverter {
  convert(row: Row, source: SourceRef): CanonicalRecord[];
}

export interface ImportFormat {
  readonly name: string;
  readonly description: string;
  readonly syntaxes: readonly FileSyntax[];
  /** Whether a file with this name and first record looks like this format. */
  matches(fileName: string, first: Row): boolean;
  /** Prepares a converter for one file (reading companion files when the format needs them). */
  open(context: FormatContext): Promise<RowConverter> | RowConverter;
}

const ENGLISH = parseLanguageTag('en')!;

/** The language of a layout that carries none: --lang, else English (MT-bench, PandaLM, alpaca_eval are English). */
export function defaultLanguage(context: FormatContext): LanguageTag {
  return context.options.language ?? ENGLISH;
}
