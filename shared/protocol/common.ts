// The views every panel's protocol uses: languages, detections, verdicts and rendered Markdown.

/** A language as the webviews show it: the tag for lang="", a display name, and the writing direction. */
export interface LanguageView {
  readonly tag: string;
  readonly name: string;
  readonly rtl: boolean;
}

export interface DetectionView {
  readonly language: LanguageView;
  readonly confidence: number | null;
  readonly detector: string;
  /** The detected language differs from the prompt's (undetermined and mixed are not a mismatch). */
  readonly mismatch: boolean;
  /** A mixed answer ("mul"): its languages and their shares (0..1), largest first; absent otherwise. */
  readonly parts?: readonly { readonly language: LanguageView; readonly share: number }[];
}

export type Verdict = 'A' | 'B' | 'tie' | 'invalid';

/**
 * HTML the host rendered from a model's Markdown with raw HTML turned off (src/extension/markdown.ts); the
 * webview inserts it as it is. "" for an empty text.
 */
export type RenderedMarkdown = string;
