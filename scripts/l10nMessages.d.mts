export const CORE_TEXT: string;
export function findMessages(root: string): { found: Map<string, string>; core: Set<string>; errors: string[] };
