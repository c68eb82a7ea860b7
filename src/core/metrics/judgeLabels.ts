// How judges are named in every figure.
import type { PairwiseVerdicts } from '../store/pairwiseVerdicts';

/**
 * Judges are named by name; when one name has results from several definitions (a changed prompt), each
 * definition is a judge of its own ("name@hash"), so results of different prompts never mix.
 */
export function judgeLabels<R extends { judge: string; judgeHash: string }>(rows: readonly R[]): (row: R) => string {
  const hashes = new Map<string, Set<string>>();
  for (const r of rows) (hashes.get(r.judge) ?? hashes.set(r.judge, new Set()).get(r.judge)!).add(r.judgeHash);
  return (r) => (hashes.get(r.judge)!.size > 1 && r.judgeHash ? `${r.judge}@${r.judgeHash.slice(0, 8)}` : r.judge);
}

/** judgeLabels over the judges of a lean verdict load (each judge once, not each verdict). */
export function loadedJudgeLabels(
  verdicts: Pick<PairwiseVerdicts, 'judges'>,
): (row: { judge: string; judgeHash: string }) => string {
  return judgeLabels([...verdicts.judges.values()].map((j) => ({ judge: j.name, judgeHash: j.hash })));
}

/** The name each judge id of a lean verdict load is given in every figure. */
export function judgeNamesOf(verdicts: Pick<PairwiseVerdicts, 'judges'>): (judgeId: number) => string {
  const label = loadedJudgeLabels(verdicts);
  const names = new Map([...verdicts.judges].map(([id, j]) => [id, label({ judge: j.name, judgeHash: j.hash })]));
  return (judgeId) => names.get(judgeId)!;
}
