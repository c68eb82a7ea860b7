// The built-in templates of a protocol in one language's wording, with the request for the reasoning's language.
import type { JudgeProtocol } from './definition';
import {
  defaultLikertTemplates,
  defaultPairwiseTemplates,
  defaultRatingTemplates,
  type PromptTemplates,
} from './templates';
import { english, type Wording } from './wording';

/** "en": every judge prompt in English; "prompt": in the language of the prompt judged. */
export type InstructionsLanguage = 'en' | 'prompt';

export function builtInTemplates(
  protocol: JudgeProtocol,
  wording: Wording,
  rationaleLanguage?: string,
): PromptTemplates {
  const rationale = rationaleLanguage === undefined ? undefined : rationaleSentence(wording, rationaleLanguage);
  if (protocol.kind === 'pairwise') return defaultPairwiseTemplates(protocol.answers, protocol.allowTie, wording);
  return protocol.kind === 'likert'
    ? defaultLikertTemplates(protocol.scale, wording, rationale)
    : defaultRatingTemplates(protocol.scale, wording, rationale);
}

/** "Write your explanation in Spanish." ("prompt": the prompt's language, which English templates fill in per prompt). */
function rationaleSentence(wording: Wording, language: string): string {
  if (language !== 'prompt') return wording.rationaleIn(languageNameIn(wording.tag, language));
  return wording.rationaleIn(wording === english ? '{{language}}' : languageNameIn(wording.tag, wording.tag));
}

/** A language's name in another language: languageNameIn("es", "en") = "inglés"; the tag itself when unknown. */
export function languageNameIn(inLanguage: string, tag: string): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
