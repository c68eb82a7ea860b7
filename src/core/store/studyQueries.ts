// The lead's study tools' queries: how long each current raw label took (focus time), for the time-on-item figures.
import { connectionOf } from './connection';
import { currentLabels } from './latest';
import { addCriterionFilter, filterClause, type DataFilter, type LabelsAsOf, type Store } from './store';

export interface LabelTimeRow {
  readonly run: string;
  readonly group: string;
  readonly lang: string;
  readonly turn: number;
  readonly criterion: string;
  readonly annotator: string;
  readonly kind: 'pairwise' | 'rating' | 'language';
  readonly timeOnItemMs: number;
}

/** Every current raw label (an annotator's, not adjudicated or gold) that recorded its time on item. */
export function labelTimes(store: Store, filter: DataFilter & LabelsAsOf = {}): Promise<LabelTimeRow[]> {
  const where = filterClause(filter, 'p', 'r');
  where.add('l.value IS NOT NULL', []);
  where.add('l.time_on_item_ms IS NOT NULL', []);
  addCriterionFilter(where, filter, 'l');
  where.add(`a.role = 'annotator'`, []);
  const current = currentLabels(filter);
  return connectionOf(store).all<LabelTimeRow>(
    `
    SELECT r.name AS run, p.group_key AS "group", p.lang, p.turn, l.criterion, a.name AS annotator, l.kind,
           l.time_on_item_ms AS timeOnItemMs
    FROM ${current.sql} l JOIN prompts p ON p.id = l.prompt_id JOIN runs r ON r.id = p.run_id
    JOIN annotators a ON a.id = l.annotator_id
    ${where.sql()} ORDER BY l.id`,
    [...current.params, ...where.params],
  );
}

export interface KnownAnswerTarget {
  readonly group: string;
  readonly lang: string;
  readonly turn: number;
  /** Pairwise: the two systems by name, systemA < systemB; rating: the system and seed. */
  readonly systemA: string | null;
  readonly systemB: string | null;
  readonly system: string | null;
  readonly seed: number | null;
}

/** The targets of one run and task that have a current adjudicated or gold label: the queue's gold items. */
export function knownAnswerTargets(
  store: Store,
  run: string,
  task: 'rating' | 'pairwise',
): Promise<KnownAnswerTarget[]> {
  return connectionOf(store).all<KnownAnswerTarget>(
    `
    SELECT DISTINCT p.group_key AS "group", p.lang, p.turn, sa.name AS systemA, sb.name AS systemB, s.name AS system,
           l.seed
    FROM current_labels l JOIN prompts p ON p.id = l.prompt_id JOIN runs r ON r.id = p.run_id
    JOIN annotators a ON a.id = l.annotator_id
    LEFT JOIN system_names sa ON sa.id = l.system_a_id LEFT JOIN system_names sb ON sb.id = l.system_b_id
    LEFT JOIN system_names s ON s.id = l.system_id
    WHERE r.name = ? AND l.kind = ? AND l.value IS NOT NULL AND a.role IN ('adjudicator', 'gold')`,
    [run, task],
  );
}
