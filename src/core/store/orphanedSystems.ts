// Systems that judges' verdicts or scores name but that have no responses, in runs that do have responses: the
// sign of a judgment file naming a system other than its answer file does (FastChat names systems by file name),
// so that its figures would stand apart from the responses they are about.
import type { Store } from './store';
import { connectionOf } from './connection';

export interface OrphanedSystem {
  readonly run: string;
  readonly system: string;
  readonly verdicts: number;
  readonly scores: number;
}

export async function orphanedSystems(store: Store): Promise<OrphanedSystem[]> {
  const rows = await connectionOf(store).all<OrphanedSystem>(`
    SELECT r.name AS run, s.name AS system,
      (SELECT count(*) FROM pairwise_judgments pj WHERE pj.system_a_id = s.id OR pj.system_b_id = s.id) AS verdicts,
      (SELECT count(*) FROM pointwise_judgments pw WHERE pw.system_id = s.id) AS scores
    FROM systems s JOIN runs r ON r.id = s.run_id
    WHERE NOT EXISTS (SELECT 1 FROM responses x WHERE x.system_id = s.id)
      AND EXISTS (SELECT 1 FROM responses x JOIN systems o ON o.id = x.system_id WHERE o.run_id = s.run_id)
    ORDER BY r.name, s.name`);
  return rows.filter((r) => r.verdicts + r.scores > 0);
}

/** One warning line per run, naming its orphaned systems. */
export function describeOrphans(orphans: readonly OrphanedSystem[]): string[] {
  const byRun = new Map<string, OrphanedSystem[]>();
  for (const o of orphans) (byRun.get(o.run) ?? byRun.set(o.run, []).get(o.run)!).push(o);
  return [...byRun].map(
    ([run, list]) =>
      `warning: in run "${run}", verdicts or scores name system(s) with no responses: ` +
      list.map((o) => `${o.system} (${o.verdicts} verdicts, ${o.scores} scores)`).join(', ') +
      '. Their figures stand apart from any responses; check that the judgment file names systems as the answer files do ' +
      '(FastChat and Arena-Hard name a system by its model_answer/<name>.jsonl).',
  );
}
