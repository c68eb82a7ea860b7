// The side-by-side baseline a run suggests when the user has not named one (the charts' heatmap): "mono-{lang}"
// when every language has its monolingual system, else the one system every judged pair includes.
import type { Store } from '../store/store';
import { loadJudgedPairs, type JudgedPair } from '../metrics/scores';

export async function defaultBaseline(store: Store, run: string): Promise<string | null> {
  return baselineOfPairs(await loadJudgedPairs(store, { run }));
}

/** null when neither rule fits (the caller asks the user). */
export function baselineOfPairs(pairs: readonly JudgedPair[]): string | null {
  const systems = new Set(pairs.flatMap((p) => [p.systemA, p.systemB]));
  const languages = new Set(pairs.map((p) => p.lang));
  if (languages.size > 0 && [...languages].every((l) => systems.has(`mono-${l}`))) return 'mono-{lang}';
  const inEvery = [...systems].filter((s) => pairs.every((p) => p.systemA === s || p.systemB === s));
  return inEvery.length === 1 ? inEvery[0]! : null;
}
