// Turns language tags into what the webviews show: a name in the interface language and a writing direction.
import { isRightToLeft, parseLanguageTag, sameLanguage, UNDETERMINED } from '../core/model/language';
import type { DetectionView, LanguageView } from '../../shared/protocol/common';

const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

export function languageView(raw: string): LanguageView {
  const tag = parseLanguageTag(raw);
  if (!tag) return { tag: raw, name: raw, rtl: false };
  let name: string;
  try {
    name = tag === UNDETERMINED ? 'undetermined' : (names.of(tag) ?? tag);
  } catch {
    name = tag;
  }
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
): DetectionView | null {
  if (detection.lang === null) return null;
  const parts = mixedParts(detection.parts);
  return {
    language: languageView(detection.lang),
    confidence: detection.confidence,
    detector: detection.detector ?? 'unknown',
    mismatch: isMismatch(promptLang, detection.lang),
    ...(parts ? { parts } : {}),
  };
}

/** A mixed answer's stored languages and shares (JSON written by saveDetections); undefined when absent or unreadable. */
function mixedParts(json: string | null | undefined): DetectionView['parts'] {
  if (!json) return undefined;
  try {
    const parsed = JSON.parse(json) as unknown;
    if (!Array.isArray(parsed)) return undefined;
    return parsed
      .filter((p): p is { lang: string; share: number } => typeof p?.lang === 'string' && typeof p?.share === 'number')
      .map((p) => ({ language: languageView(p.lang), share: p.share }));
  } catch {
    return undefined;
  }
}
