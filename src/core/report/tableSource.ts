// Named tables the CLI and the editor can build and export: each reads the store and returns finished tables.
import type { IntervalSettings } from '../metrics/estimate';
import type { InvalidPolicy } from '../model/verdicts';
import type { GroupField } from '../metrics/grouping';
import type { Store } from '../store/store';
import type { Table } from './table';
import type { TableLoads } from './tableLoads';
import type { ReportWords } from './words';
import { CoreError, msg } from '../util/message';

/** Everything a table may be narrowed or configured by; each source uses what applies to it. */
export interface TableOptions {
  readonly run?: string;
  readonly languages?: readonly string[];
  readonly turns?: readonly number[];
  readonly judges?: readonly string[];
  /** Annotators by pattern: "expert_*", "!author_*". */
  readonly annotators?: string;
  readonly by: readonly GroupField[];
  /**
   * True when `by` is the default, not the user's: tables then break down by language and by run, turn and
   * criterion wherever the data has several (never pooling them).
   */
  readonly byDefault?: boolean;
  /** Criteria by name ('' for "no criterion"); all when absent. */
  readonly criteria?: readonly string[];
  /** Human labels as they stood at this time (ISO 8601): the latest per annotator and target given by then. */
  readonly asOf?: string;
  /** Human labels of this round or earlier (labels without a round are round 1). */
  readonly round?: number;
  /** Unparsable judge answers: left out (counted), read as ties, or (tables with a reference verdict) errors. */
  readonly invalidAs: 'exclude' | 'tie' | 'wrong';
  /** Undefined: no intervals. */
  readonly intervals?: IntervalSettings;
  /** Rater pairs with fewer shared items are left out of kappa tables. */
  readonly minItems: number;
  /** A baseline system (side-by-side scores), or a per-language rule such as "tuned-{lang}". */
  readonly baseline?: string;
  /** Systems by name or pattern ("mono-*", "!multi-*"); every pattern must match a system. */
  readonly systems?: readonly string[];
  /** The gold annotator whose labels are the reference of judge-accuracy; absent: the human majority. */
  readonly gold?: string;
  /** disagreements: the pairwise items (default) or the rated responses to adjudicate. */
  readonly task?: 'rating' | 'pairwise';
  /** The language gate on mixed answers ("mul"): keep the judge's score (default) or gate them as a mismatch. */
  readonly mixedLanguage?: 'keep' | 'mismatch';
  /** The titles', headers' and notes' words of the tables that have them; absent: English (the CLI, the exports). */
  readonly words?: ReportWords;
}

export interface TableSource {
  readonly id: string;
  readonly description: string;
  /**
   * The loads this table makes that others of a call may make one read of (TableLoads.expect): the call declares
   * every chosen table's before building the first.
   */
  readonly shares?: readonly string[];
  /** loads: what the tables of one call share (see TableLoads); absent, the table loads what it needs itself. */
  build(store: Store, options: TableOptions, loads?: TableLoads): Promise<Table>;
}

/** Tables that read `--invalid-as wrong`: an unparsable answer is an error only where there is a right answer. */
export const WRONG_AWARE_TABLES = ['judge-accuracy', 'agreement'] as const;

/** The exclude / tie policy of a table without a reference verdict; "wrong" is refused with the tables that take it. */
export function verdictPolicy(options: TableOptions, table: string): InvalidPolicy {
  if (options.invalidAs !== 'wrong') return options.invalidAs;
  throw new CoreError(
    msg(
      '--invalid-as wrong counts an unparsable answer as an error against a reference verdict: it applies to {0}; {1} takes exclude or tie',
      WRONG_AWARE_TABLES.join(', '),
      table,
    ),
  );
}
