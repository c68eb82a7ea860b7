import type { Rule } from 'eslint';

export const localisedText: Rule.RuleModule;
