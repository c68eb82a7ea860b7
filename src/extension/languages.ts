// Turns language tags into what the webviews show: a name in the display language and a writing direction.
import { isRightToLeft, parseLanguageTag, sameLanguage, UNDETERMINED } from '../core/model/language';
import type { DetectionView, LanguageView } from '../../shared/protocol/common';
import { languageName } from '../../shared/protocol/locale';

/** The language names are written in: an Intl locale, and its word for an undetermined language ("und"). */
export interface LanguageNaming {
  readonly locale: string;
  readonly undetermined: string;
}

/** A tag's view; a tag that does not parse, or that Intl has no name for, is its own name. */
export function languageView(raw: string, naming: LanguageNaming): LanguageView {
  const tag = parseLanguageTag(raw);
  if (!tag) return { tag: raw, name: raw, rtl: false };
  const name = tag === UNDETERMINED ? naming.undetermined : (languageName(naming.locale, tag) ?? tag);
  return { tag, name, rtl: isRightToLeft(tag) };
}

/** Whether a detected language counts as a mismatch: undetermined is neither agreement nor disagreement. */
export function isMismatch(promptLang: string, detected: string): boolean {
  const a = parseLanguageTag(promptLang);
  const b = parseLanguageTag(detected);
  if (!a || !b || b === UNDETERMINED || b === 'mul') return false;
  return !sameLanguage(a, b);
}

export function detectionView(
  promptLang: string,
  detection: { lang: string | null; confidence: number | null; detector: string | null; parts?: string | null },
  language: (raw: string) => LanguageView,
): DetectionView | null {
  if (detection.lang === null) return null;
  const parts = mixedParts(detection.parts, language);
  return {
    language: language(detection.lang),
    confidence: detection.confidence,
    detector: detection.detector ?? 'unknown',
    mismatch: isMismatch(promptLang, detection.lang),
    ...(parts ? { parts } : {}),
  };
}

/** A mixed answer's stored languages and shares (JSON written by saveDetections); undefined when absent or unreadable. */
function mixedParts(json: string | null | undefined, language: (raw: string) => LanguageView): DetectionView['parts'] {
  if (!json) return undefined;
  try {
    const parsed = JSON.parse(json) as unknown;
    if (!Array.isArray(parsed)) return undefined;
    return parsed
      .filter((p): p is { lang: string; share: number } => typeof p?.lang === 'string' && typeof p?.share === 'number')
      .map((p) => ({ language: language(p.lang), share: p.share }));
  } catch {
    return undefined;
  }
}
