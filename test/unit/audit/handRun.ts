// A small run worked out by hand for the audit tests: one judge and three annotators on one pair of systems,
// six Spanish prompts and one Hebrew, imported through the real importer into a temporary database.
import { openTestStore } from '../../support/testDatabase';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../src/core/import/importFile';
import { Store } from '../../../src/core/store/store';
import { temporaryFolder } from '../../support/paths';

const base = { run: 'audit', system_a: 'x', system_b: 'y' };
const judge = (lang: string, group: string, order: string, verdict: string) => ({
  ...base,
  kind: 'pairwise-judgment',
  lang,
  group,
  judge: 'j',
  order,
  verdict,
});
const vote = (lang: string, group: string, annotator: string, verdict: string) => ({
  ...base,
  kind: 'pairwise-label',
  lang,
  group,
  annotator,
  verdict,
});

// Verdicts are relative to (x, y): A = x better.
const RECORDS = [
  // es p1: judge A in both orders = A; humans A, A → 2 agreeing pairs. Item: agree.
  judge('es', 'p1', 'AB', 'A'),
  judge('es', 'p1', 'BA', 'A'),
  vote('es', 'p1', 'ann1', 'A'),
  vote('es', 'p1', 'ann2', 'A'),
  // es p2: judge A; humans B, B → 2 opposite pairs. Item: disagree; an error against every vote, strength 1.
  judge('es', 'p2', 'combined', 'A'),
  vote('es', 'p2', 'ann1', 'B'),
  vote('es', 'p2', 'ann2', 'B'),
  // es p3: judge A then B = tie; humans A, tie → one pair tie-involved, one tie = tie (agree). Item: tie-involved.
  // No human majority, and ann2 gave the judge's tie: not an error.
  judge('es', 'p3', 'AB', 'A'),
  judge('es', 'p3', 'BA', 'B'),
  vote('es', 'p3', 'ann1', 'A'),
  vote('es', 'p3', 'ann2', 'tie'),
  // es p4: judge unparsable; human B. Item: invalid, left out of the figure.
  judge('es', 'p4', 'AB', 'invalid'),
  vote('es', 'p4', 'ann1', 'B'),
  // es p5: judge B; humans A, B, A → opposite, agree, opposite. Item: disagree; against the majority A,
  // strength 1 − (0 + 1 + 0) / 3 = 2/3, 2 opposite votes.
  judge('es', 'p5', 'combined', 'B'),
  vote('es', 'p5', 'ann1', 'A'),
  vote('es', 'p5', 'ann2', 'B'),
  vote('es', 'p5', 'ann3', 'A'),
  // es p6: judge tie; humans B, B → 2 tie-involved pairs. Item: tie-involved; against every vote, strength 0.5.
  judge('es', 'p6', 'combined', 'tie'),
  vote('es', 'p6', 'ann1', 'B'),
  vote('es', 'p6', 'ann2', 'B'),
  // he p1: judge A; human A. Item: agree.
  judge('he', 'p1', 'combined', 'A'),
  vote('he', 'p1', 'ann1', 'A'),
];

export async function openHandRun(): Promise<{ folder: ReturnType<typeof temporaryFolder>; store: Store }> {
  const folder = temporaryFolder('langlens-audit-');
  const store = await openTestStore(join(folder.path, 'langlens.db'));
  const file = join(folder.path, 'run.jsonl');
  writeFileSync(file, RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n');
  await importFile(store, file);
  return { folder, store };
}
