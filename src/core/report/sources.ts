// Every named table, for `langlens export <id>` and the editor's exports.
import { AGREEMENT_SOURCES } from './agreementSources';
import { SCORE_SOURCES } from './scoreSources';
import { STUDY_SOURCES } from './studySources';
import type { TableSource } from './tableSource';

export const TABLE_SOURCES: readonly TableSource[] = [...AGREEMENT_SOURCES, ...SCORE_SOURCES, ...STUDY_SOURCES];

export function tableSource(id: string): TableSource | undefined {
  return TABLE_SOURCES.find((s) => s.id === id);
}
