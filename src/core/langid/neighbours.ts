// Languages a detector confuses with each other, and that a model asked in one of them may drift into.
// A run's candidate set is its languages plus every language that shares a cluster with one of them, so that
// "answered in Danish to a Norwegian prompt" is detected as Danish instead of being forced onto Norwegian.
import { languageKey, parseLanguageTag, type LanguageTag } from '../model/language';

/** Clusters of mutually confusable languages (by `languageKey`: "no" stands for nb, nn and no). */
export const NEIGHBOUR_CLUSTERS: readonly (readonly string[])[] = [
  // North Germanic
  ['da', 'no', 'sv'],
  ['is', 'fo'],
  // West Germanic
  ['de', 'lb', 'gsw'],
  ['nl', 'af', 'fy'],
  // Slavic in Cyrillic, Slavic in Latin
  ['bg', 'ru', 'uk', 'mk', 'sr', 'be'],
  ['cs', 'sk'],
  ['hr', 'bs', 'sr', 'sl', 'cnr'],
  // Romance
  ['es', 'ca', 'gl', 'pt'],
  ['fr', 'oc', 'ca'],
  ['it', 'co', 'sc'],
  ['ro', 'rup'],
  // Indic (Devanagari; Bengali script)
  ['hi', 'mr', 'ne'],
  ['bn', 'as'],
  // Arabic script
  ['ar', 'fa', 'ur', 'ps'],
  // Han
  ['zh', 'ja'],
  // Malay, Finnic, Baltic, Turkic, Celtic, Nguni, Sotho-Tswana
  ['id', 'ms'],
  ['fi', 'et'],
  ['lv', 'lt'],
  ['tr', 'az'],
  ['kk', 'ky', 'tt'],
  ['ga', 'gd', 'gv'],
  ['zu', 'xh', 'nr', 'ss'],
  ['st', 'tn', 'nso'],
];

const byKey = new Map<string, Set<string>>();
for (const cluster of NEIGHBOUR_CLUSTERS) {
  for (const member of cluster) {
    const set = byKey.get(member) ?? new Set<string>();
    for (const other of cluster) if (other !== member) set.add(other);
    byKey.set(member, set);
  }
}

/** The confusable neighbours of a language (never the language itself). */
export function neighboursOf(tag: LanguageTag): LanguageTag[] {
  const key = languageKey(tag);
  return [...(byKey.get(key) ?? [])].filter((k) => k !== key).map((k) => parseLanguageTag(k)!);
}
