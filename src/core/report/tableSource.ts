// Named tables the CLI and the editor can build and export: each reads the store and returns finished tables.
import type { IntervalSettings } from '../metrics/estimate';
import type { GroupField } from '../metrics/grouping';
import type { Store } from '../store/store';
import type { Table } from './table';

/** Everything a table may be narrowed or configured by; each source uses what applies to it. */
export interface TableOptions {
  readonly run?: string;
  readonly languages?: readonly string[];
  readonly turns?: readonly number[];
  readonly judges?: readonly string[];
  /** Annotators by pattern: "expert_*", "!author_*". */
  readonly annotators?: string;
  readonly by: readonly GroupField[];
  readonly invalidAs: 'exclude' | 'tie';
  /** Undefined: no intervals. */
  readonly intervals?: IntervalSettings;
  /** Rater pairs with fewer shared items are left out of kappa tables. */
  readonly minItems: number;
  /** A baseline system (side-by-side scores), or a per-language rule such as "tuned-{lang}". */
  readonly baseline?: string;
  readonly systems?: readonly string[];
  /** The language gate on mixed answers ("mul"): keep the judge's score (default) or gate them as a mismatch. */
  readonly mixedLanguage?: 'keep' | 'mismatch';
}

export interface TableSource {
  readonly id: string;
  readonly description: string;
  build(store: Store, options: TableOptions): Promise<Table>;
}
