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
    format = safeFormat(locale, options);
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

/** d3-format's locale definition (what Vega's View takes as `locale.number`), for a chart's ticks and labels. */
export interface ChartNumberLocale {
  readonly decimal: string;
  readonly thousands: string;
  readonly grouping: number[];
  readonly currency: [string, string];
  readonly minus: string;
  readonly percent: string;
  readonly numerals?: string[];
}

const chartLocales = new Map<string, ChartNumberLocale>();

/**
 * How the locale writes numbers, read off Intl as d3-format wants it: the decimal mark, the group separator and
 * group sizes ("12.345,5"; India's 12,34,567), the minus sign, what follows a percentage ("50 %" with a no-break
 * space in Spanish) and the digits ("٠…٩" where the locale's default numbering is not Latin). A sign that Intl
 * puts before the number ("%50") has no place in d3's suffix, which then stays "%".
 */
export function chartNumberLocale(locale: string): ChartNumberLocale {
  let definition = chartLocales.get(locale);
  if (!definition) {
    definition = readNumberLocale(locale);
    chartLocales.set(locale, definition);
  }
  return definition;
}

function readNumberLocale(locale: string): ChartNumberLocale {
  const parts = safeFormat(locale, {}).formatToParts(-1234567.5);
  const part = (type: string, fallback: string) => parts.find((p) => p.type === type)?.value ?? fallback;
  const integerRuns = parts.filter((p) => p.type === 'integer').map((p) => p.value.length);
  // From the right: the sizes of the groups but the leftmost (which may be shorter).
  const grouping = integerRuns.length > 1 ? integerRuns.slice(1).reverse() : [3];
  const percentParts = safeFormat(locale, { style: 'percent' }).formatToParts(0.5);
  const signAt = percentParts.findIndex((p) => p.type === 'percentSign');
  const lastDigit = percentParts.map((p) => p.type).lastIndexOf('integer');
  const percent =
    signAt > lastDigit
      ? percentParts
          .slice(lastDigit + 1)
          .map((p) => p.value)
          .join('')
      : '%';
  const digits = safeFormat(locale, { useGrouping: false });
  const numerals = Array.from({ length: 10 }, (_, d) => digits.format(d));
  return {
    decimal: part('decimal', '.'),
    thousands: part('group', ','),
    grouping,
    currency: ['', ''],
    minus: part('minusSign', '−'),
    percent,
    ...(numerals.join('') === '0123456789' ? {} : { numerals }),
  };
}

/** The locale's number format, English's where Intl refuses the locale. */
function safeFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, options);
  } catch {
    return new Intl.NumberFormat('en', options);
  }
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** A moment's time of day with its seconds as the locale writes it ("23:41:07"; "11:41:07 PM" in English). */
export function formatTime(locale: string, epochMs: number): string {
  let format = timeFormats.get(locale);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
    } catch {
      format = new Intl.DateTimeFormat('en', { timeStyle: 'medium' });
    }
    timeFormats.set(locale, format);
  }
  return format.format(epochMs);
}
