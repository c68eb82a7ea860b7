// Names and numbers in VS Code's display language, with the runtime's CLDR data (Intl): the host's view builders
// and the webviews use the same functions, so a name or a number reads the same in every panel. Exports, the CLI
// and the tables' text stay English with plain digits: only what the editor shows goes through here.

/**
 * VS Code's locale id ("en", "es", "zh-cn", "zh-tw", "pt-br", …) as a BCP-47 tag Intl formats in ("zh-CN",
 * "pt-BR"); "en" when the id is no tag or Intl has neither names nor numbers for it (the pseudo-locale qps-ploc).
 */
export function intlLocale(displayLanguage: string): string {
  let tag: string | undefined;
  try {
    tag = Intl.getCanonicalLocales(displayLanguage.replace(/_/g, '-'))[0];
  } catch {
    return 'en';
  }
  if (!tag) return 'en';
  const supported = (of: { supportedLocalesOf(locales: string[]): string[] }) =>
    of.supportedLocalesOf([tag]).length > 0;
  return supported(Intl.DisplayNames) && supported(Intl.NumberFormat) ? tag : 'en';
}

const namesByLocale = new Map<string, Intl.DisplayNames | null>();

function namesIn(locale: string): Intl.DisplayNames | null {
  let names = namesByLocale.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale, 'en'], { type: 'language', fallback: 'none' });
    } catch {
      names = null;
    }
    namesByLocale.set(locale, names);
  }
  return names;
}

/**
 * A language tag's name in the locale ("de" in "es": "alemán"); undefined where Intl has no name for it (an
 * unknown or malformed code, which the caller shows as it is) and for "und", which ICU names "root" (the caller
 * has a translated word for undetermined). Never throws.
 */
export function languageName(locale: string, tag: string): string | undefined {
  if (/^und(-|$)/i.test(tag)) return undefined;
  try {
    return namesIn(locale)?.of(tag) || undefined;
  } catch {
    return undefined;
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, style: 'decimal' | 'percent', fractionDigits: number | undefined) {
  const key = `${locale}\u0000${style}\u0000${fractionDigits ?? ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    const options: Intl.NumberFormatOptions = {
      style,
      maximumFractionDigits: fractionDigits ?? 3,
      ...(fractionDigits === undefined ? {} : { minimumFractionDigits: fractionDigits }),
    };
    try {
      format = new Intl.NumberFormat(locale, options);
    } catch {
      format = new Intl.NumberFormat('en', options);
    }
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * A number as the locale writes it: its decimal mark, its grouping ("12.345" in Spanish) and digits. With
 * `fractionDigits`, exactly that many decimals (as toFixed); without, as many as it has, up to three.
 */
export function formatNumber(locale: string, value: number, fractionDigits?: number): string {
  return numberFormat(locale, 'decimal', fractionDigits).format(value);
}

/** A share (0..1) as the locale writes a percentage ("12,5 %" in Spanish), with that many decimals. */
export function formatPercent(locale: string, share: number, fractionDigits: number): string {
  return numberFormat(locale, 'percent', fractionDigits).format(share);
}
