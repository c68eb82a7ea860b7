import { coreMigration } from './0001-core';
import { judgeRequestsMigration } from './0002-judge-requests';
import { annotationMigration } from './0003-annotation';
import { flagProvenanceMigration } from './0004-flag-provenance';
import { assignmentsMigration } from './0005-assignments';
import { referencesAndVariantsMigration } from './0007-references-and-variants';
import { detectionPartsMigration } from './0009-detection-parts';
import { criteriaScalesMigration } from './0010-criteria-scales';
import { currentLabelsMigration } from './0011-current-labels';
import { timeOnItemMigration } from './0012-time-on-item';
import { studyToolsMigration } from './0013-study-tools';
import { postgresLabelHeadsMigration } from './0014-postgres-label-heads';
import { labelNotifyMigration } from './0015-label-notify';
import { teamOverlapMigration } from './0016-team-overlap';
import { responseLengthsMigration } from './0017-response-lengths';
import { promptItemTotalsMigration } from './0018-prompt-item-totals';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Every migration, oldest first. Add a new one at the end; never reorder or edit released ones. */
export const MIGRATIONS: readonly Migration[] = [
  coreMigration,
  judgeRequestsMigration,
  annotationMigration,
  flagProvenanceMigration,
  assignmentsMigration,
  referencesAndVariantsMigration,
  detectionPartsMigration,
  criteriaScalesMigration,
  currentLabelsMigration,
  timeOnItemMigration,
  studyToolsMigration,
  postgresLabelHeadsMigration,
  labelNotifyMigration,
  teamOverlapMigration,
  responseLengthsMigration,
  promptItemTotalsMigration,
];
