// BCP-47 language tags, normalised once at the boundary so that the rest of the core can compare them as strings.
import { isLanguageCode, preferredLanguageCode } from './languageCodes';

/** A normalised BCP-47 tag: lower-case language, Title-case script, upper-case region ("zh-Hans", "pt-BR"). */
export type LanguageTag = string & { readonly __brand: 'LanguageTag' };

/** "und" is BCP-47's "undetermined": the detector could not tell, so it is neither agreement nor disagreement. */
export const UNDETERMINED = 'und' as LanguageTag;

const SUBTAG = /^[A-Za-z0-9]{1,8}$/;

/**
 * Parses and normalises a tag; returns undefined for anything that is not shaped like BCP-47. Deprecated and
 * three-letter codes become their preferred two-letter form (iw → he, eng → en). Input from users and files goes
 * through parseLanguageInput, which also refuses codes that are no language.
 */
export function parseLanguageTag(raw: string): LanguageTag | undefined {
  const parts = raw.trim().replace(/_/g, '-').split('-');
  if (parts.length === 0 || !/^[A-Za-z]{2,3}$/.test(parts[0]!)) return undefined;
  if (!parts.every((p) => SUBTAG.test(p))) return undefined;
  const out = [preferredLanguageCode(parts[0]!.toLowerCase())];
  for (const part of parts.slice(1)) {
    if (/^[A-Za-z]{4}$/.test(part)) out.push(part[0]!.toUpperCase() + part.slice(1).toLowerCase());
    else if (/^([A-Za-z]{2}|[0-9]{3})$/.test(part)) out.push(part.toUpperCase());
    else out.push(part.toLowerCase());
  }
  return out.join('-') as LanguageTag;
}

/** A tag given by a user or a file: parsed, and refused (undefined) when its language is no language (`qq`). */
export function parseLanguageInput(raw: string): LanguageTag | undefined {
  const tag = parseLanguageTag(raw);
  return tag && isLanguageCode(primaryLanguage(tag)) ? tag : undefined;
}

/** The primary language subtag ("zh" of "zh-Hant-TW"). */
export function primaryLanguage(tag: LanguageTag): string {
  const dash = tag.indexOf('-');
  return dash < 0 ? tag : tag.slice(0, dash);
}

// Norwegian Bokmål, Nynorsk and the macrolanguage "no" are one language for the purpose of the studies:
// translators and detectors use the codes interchangeably.
const MACRO: Record<string, string> = {
  nb: 'no',
  nn: 'no',
  zho: 'zh',
  cmn: 'zh',
  arb: 'ar',
  pes: 'fa',
  prs: 'fa',
  zsm: 'ms',
  ekk: 'et',
  lvs: 'lv',
  swh: 'sw',
};

/** The key two tags must share to count as the same language (region and script are ignored, nb/nn/no merge). */
export function languageKey(tag: LanguageTag): string {
  const primary = primaryLanguage(tag);
  return MACRO[primary] ?? primary;
}

export function sameLanguage(a: LanguageTag, b: LanguageTag): boolean {
  return languageKey(a) === languageKey(b);
}

const RIGHT_TO_LEFT = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb', 'syr']);

export function isRightToLeft(tag: LanguageTag): boolean {
  return RIGHT_TO_LEFT.has(languageKey(tag));
}
