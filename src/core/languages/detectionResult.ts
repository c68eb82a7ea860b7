// What a stored detection keeps of the identifier's answer.
import type { Detection, LanguageShare } from '../langid';
import type { LanguageTag } from '../model/language';

export interface DetectionResult {
  readonly lang: LanguageTag;
  readonly confidence: number;
  readonly reason: string | null;
  /** For "mul": the languages and their shares. */
  readonly parts: readonly LanguageShare[] | null;
}

export function toDetectionWrite(d: Detection): DetectionResult {
  return { lang: d.lang, confidence: d.confidence, reason: d.reason ?? null, parts: d.parts ?? null };
}
