export const ENGLISH_BUNDLE: string;
export function translatedBundles(dir: string): string[];
export function placeholders(message: string): string[];
export function hasTextToTranslate(message: string): boolean;
export function bundleProblems(file: string, english: Record<string, string>, bundle: unknown): string[];
export function checkTranslations(
  dir: string,
  english: Record<string, string>,
  options?: { write?: boolean },
): { problems: string[]; rewritten: string[] };
