export const ENGLISH_PACKAGE_NLS: string;
export function translatedPackageNls(dir: string): string[];
export function packageNlsProblems(file: string, english: Record<string, string>, translated: unknown): string[];
export function manifestKeyProblems(manifestText: string, english: Record<string, string>): string[];
export function checkPackageNls(
  dir: string,
  options?: { write?: boolean },
): { problems: string[]; rewritten: string[] };
