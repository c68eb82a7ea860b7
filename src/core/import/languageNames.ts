// Languages named in English ("English", "Chinese", "Norwegian Bokmål"), as Chatbot Arena's `language` field names
// them (the polyglot detector's names), to BCP-47 tags. The names come from ICU (Intl.DisplayNames), so every ISO
// 639-1 language is known without a hand-kept table; "unknown" is BCP-47's "und".
import { parseLanguageTag, UNDETERMINED, type LanguageTag } from '../model/language';

let byName: Map<string, LanguageTag> | undefined;

function names(): Map<string, LanguageTag> {
  if (byName) return byName;
  const display = new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });
  byName = new Map();
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const a of letters) {
    for (const b of letters) {
      const name = display.of(a + b);
      if (name) byName.set(name.toLowerCase(), parseLanguageTag(a + b)!);
    }
  }
  // Names that polyglot gives and ICU spells otherwise.
  for (const [name, tag] of [
    ['norwegian', 'no'],
    ['unknown', UNDETERMINED],
    ['serbo-croatian', 'sh'],
    ['filipino', 'fil'],
  ] as const) {
    byName.set(name, parseLanguageTag(tag)!);
  }
  return byName;
}

/** The tag of a language named in English; undefined when the name is not one. */
export function languageFromEnglishName(name: string): LanguageTag | undefined {
  return names().get(name.trim().toLowerCase());
}
