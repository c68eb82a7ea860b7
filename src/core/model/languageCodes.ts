// The primary language subtag of a tag, checked and brought to its preferred form, so that one language is
// stored under one code: deprecated codes take the IANA registry's preferred value (iw → he), and ISO 639-2/3
// codes of languages that have an ISO 639-1 code take that code (eng → en, ara → ar, zho → zh).

/** ISO 639-1, the two-letter codes (with bh and sh, which the registry still lists). */
const ISO_639_1 = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en ' +
    'eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ' +
    'ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ' +
    'ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn so sq sr ss ' +
    'st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
);

/** Two-letter codes the IANA language subtag registry deprecates, with their preferred values. */
const DEPRECATED: Readonly<Record<string, string>> = { in: 'id', iw: 'he', ji: 'yi', jw: 'jv', mo: 'ro' };

/**
 * The preferred form of a lower-case primary subtag. Three-letter codes are ISO 639-2/3 (thousands, private use
 * qaa–qtz included) and are kept as they are unless they have a two-letter equivalent.
 */
export function preferredLanguageCode(code: string): string {
  if (code.length === 2) return DEPRECATED[code] ?? code;
  return twoLetterEquivalent(code) ?? code;
}

/** Whether a preferred primary subtag names a language: a two-letter code must be in ISO 639-1 (`qq` is not). */
export function isLanguageCode(code: string): boolean {
  return code.length !== 2 || ISO_639_1.has(code);
}

const equivalents = new Map<string, string | undefined>();

/** ISO 639-2 (T and B) and 639-3 codes with a 639-1 equivalent, from Unicode CLDR's aliases and names (in ICU). */
function twoLetterEquivalent(code: string): string | undefined {
  if (equivalents.has(code)) return equivalents.get(code);
  let found: string | undefined;
  try {
    const canonical = Intl.getCanonicalLocales(code)[0]?.split('-')[0];
    // CLDR also maps some languages to their macrolanguage (cnr → sr, cmn → zh): only a code that names the very
    // same language (the same English name) is an equivalent.
    if (canonical && canonical.length === 2 && ISO_639_1.has(canonical) && englishName(code) === englishName(canonical))
      found = canonical;
  } catch {
    found = undefined;
  }
  equivalents.set(code, found);
  return found;
}

let names: Intl.DisplayNames | undefined;

function englishName(code: string): string | undefined {
  names ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  return names.of(code);
}
