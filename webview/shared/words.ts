// A panel's words as the host sent them (shared/protocol/words.ts): the webview has none of its own. `t` gives a
// phrase as text, `h` as HTML (its text escaped, its placeholders filled with markup or escaped text); each takes
// exactly the values its phrase's spec declares, checked by the compiler.
import { formatNumber, formatPercent, formatTime, intlLocale } from '../../shared/protocol/locale';
import { fill, parseWords, phraseParts, type PhraseSpec, type Words } from '../../shared/protocol/words';
import { showErrorBanner } from './dom';
import { escapeHtml, Html } from './html';

type Values<N, V> = N extends 0
  ? []
  : N extends 1
    ? [V]
    : N extends 2
      ? [V, V]
      : N extends 3
        ? [V, V, V]
        : N extends 4
          ? [V, V, V, V]
          : V[];

export class PanelWords<S extends PhraseSpec> {
  private words: Words<keyof S & string> | undefined;
  private locale = 'en';

  constructor(private readonly spec: S) {}

  /**
   * Takes the host's words (checked), and gives the page their language and direction: the chrome mirrors. False,
   * with the reason in a banner on `app`, when they do not parse.
   */
  use(raw: unknown, app: HTMLElement): boolean {
    try {
      this.words = parseWords(raw, this.spec);
      this.locale = intlLocale(this.words.lang);
    } catch (err) {
      showErrorBanner(app, (err as Error).message);
      return false;
    }
    document.documentElement.lang = this.words.lang;
    document.documentElement.dir = this.words.dir;
    return true;
  }

  /** The page's direction: arrows that mean back and forward point the other way in a right-to-left page. */
  get dir(): 'ltr' | 'rtl' {
    return this.words?.dir ?? 'ltr';
  }

  /** The page's language, for Intl formats. */
  get lang(): string {
    return this.words?.lang ?? 'en';
  }

  /** The page's language as the BCP-47 tag Intl formats in ("zh-CN" for VS Code's zh-cn). */
  get intl(): string {
    return this.locale;
  }

  /** A number as the page's language writes it ("0,5", "12.345" in Spanish); `fractionDigits` as toFixed's. */
  number(value: number, fractionDigits?: number): string {
    return formatNumber(this.locale, value, fractionDigits);
  }

  /** A moment (milliseconds since the epoch) as the page's language writes a time of day, with its seconds. */
  time(epochMs: number): string {
    return formatTime(this.locale, epochMs);
  }

  /** A share (0..1) as the page's language writes a percentage ("12,5 %" in Spanish). */
  percent(share: number, fractionDigits: number): string {
    return formatPercent(this.locale, share, fractionDigits);
  }

  private phrase(key: keyof S & string): string {
    return this.words?.phrases[key] ?? key;
  }

  /** A phrase with its placeholders filled, as text. */
  t<K extends keyof S & string>(key: K, ...values: Values<S[K], string | number>): string {
    return fill(this.phrase(key), values as (string | number)[]);
  }

  /** A phrase as HTML: its text escaped, its placeholders filled with markup (Html) or escaped text. */
  h<K extends keyof S & string>(key: K, ...values: Values<S[K], Html | string | number>): Html {
    const all = values as (Html | string | number)[];
    return new Html(
      phraseParts(this.phrase(key), all.length)
        .map((p) => {
          if (typeof p === 'string') return escapeHtml(p);
          const v = all[p]!;
          return v instanceof Html ? v.value : escapeHtml(String(v));
        })
        .join(''),
    );
  }
}
