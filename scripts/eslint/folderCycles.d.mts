import type { Rule } from 'eslint';

export function folderOf(root: string, path: string, level: 0 | 1): string | undefined;
export const noFolderCycle: Rule.RuleModule;
