/**
 * Shell-style name patterns for choosing raters: "expert_*", "author_?", several separated by commas,
 * and a leading "!" to exclude ("*,!author_*"). Matching is case-sensitive, as rater ids are.
 */
export function namePattern(spec: string): (name: string) => boolean {
  const parts = spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const include = parts.filter((p) => !p.startsWith('!')).map(globToRegExp);
  const exclude = parts.filter((p) => p.startsWith('!')).map((p) => globToRegExp(p.slice(1)));
  return (name) => (include.length === 0 || include.some((r) => r.test(name))) && !exclude.some((r) => r.test(name));
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}
