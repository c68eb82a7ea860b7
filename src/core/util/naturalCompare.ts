// Sorting names the way people number them: "q2" before "q10" (prompt groups, systems, annotators).
const collator = new Intl.Collator('en', { numeric: true });

export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b);
}
