// How judges are named in every figure.

/**
 * Judges are named by name; when one name has results from several definitions (a changed prompt), each
 * definition is a judge of its own ("name@hash"), so results of different prompts never mix.
 */
export function judgeLabels<R extends { judge: string; judgeHash: string }>(rows: readonly R[]): (row: R) => string {
  const hashes = new Map<string, Set<string>>();
  for (const r of rows) (hashes.get(r.judge) ?? hashes.set(r.judge, new Set()).get(r.judge)!).add(r.judgeHash);
  return (r) => (hashes.get(r.judge)!.size > 1 && r.judgeHash ? `${r.judge}@${r.judgeHash.slice(0, 8)}` : r.judge);
}
