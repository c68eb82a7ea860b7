// What the editor shows in VS Code's display language beyond its words: languages' names and numbers. No vscode
// import (src/extension/display.ts binds it to vscode.env.language and vscode.l10n), so the view builders that
// take one run in the unit tests; they default to English, as they do for words (localiser.ts).
import type { LanguageView } from '../../shared/protocol/common';
import { formatNumber, formatPercent, intlLocale } from '../../shared/protocol/locale';
import { languageView } from './languages';
import { ENGLISH, type Localiser } from './localiser';

export interface DisplayLanguage extends Localiser {
  /** The BCP-47 tag Intl formats in ("zh-CN" for VS Code's zh-cn; "en" where Intl has no data for it). */
  readonly locale: string;
  /** A language as a panel shows it: its name in the display language ("alemán"), the tag and direction. */
  language(raw: string): LanguageView;
  /** A number with the display language's decimal mark and grouping ("0,5"); `fractionDigits` as toFixed's. */
  number(value: number, fractionDigits?: number): string;
  /** A share (0..1) as a percentage in the display language ("12,5 %"), with that many decimals. */
  percent(share: number, fractionDigits: number): string;
}

/** The display language for VS Code's locale id ("es", "zh-cn", …) and its translated words. */
export function displayLanguage(vscodeLanguage: string, l10n: Localiser): DisplayLanguage {
  const locale = intlLocale(vscodeLanguage);
  const naming = { locale, undetermined: l10n.t('undetermined') };
  return {
    locale,
    t: l10n.t.bind(l10n),
    language: (raw) => languageView(raw, naming),
    number: (value, fractionDigits) => formatNumber(locale, value, fractionDigits),
    percent: (share, fractionDigits) => formatPercent(locale, share, fractionDigits),
  };
}

export const ENGLISH_DISPLAY: DisplayLanguage = displayLanguage('en', ENGLISH);
