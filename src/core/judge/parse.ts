// Reading a verdict or a score out of a judge's answer. Tolerant of prose, markdown and code fences around the
// value; strict about the value itself: an answer that names two different values, or a value outside the protocol,
// is invalid (kept with its raw text and the reason), never guessed (protocols.md §1).
import type { ScoreScale } from '../model/records';
import type { PairwiseAnswers } from './templates';

/** Which of the two responses, as shown to the judge, it preferred. */
export type PairChoice = 'first' | 'second' | 'tie';

export type ParsedPair =
  { readonly ok: true; readonly choice: PairChoice } | { readonly ok: false; readonly problem: string };

export type ParsedScore =
  | { readonly ok: true; readonly score: number; readonly reasoning?: string }
  | { readonly ok: false; readonly problem: string; readonly reasoning?: string };

const DECORATION = `[*_\`"'“”‘’«»]*`;
const SUBJECT = '(?:response|output|answer|assistant|option|candidate)';

/**
 * Finds the verdict of a pairwise answer. Signals are taken from the places a verdict is stated: [[label]], a
 * statement such as "Verdict: 2" or "Response 1 is better", and a first or last line that is only a label.
 * All signals must name the same response.
 */
export function parsePairwiseAnswer(raw: string, answers: PairwiseAnswers, allowTie: boolean): ParsedPair {
  if (raw.trim() === '') return { ok: false, problem: 'the answer is empty' };
  const labels = new Map<string, PairChoice>([
    [answers.first.toLowerCase(), 'first'],
    [answers.second.toLowerCase(), 'second'],
  ]);
  if (allowTie) labels.set(answers.tie.toLowerCase(), 'tie');
  const allowed = [...labels.keys()].map((l) => `"${l}"`).join(', ');

  const bracketed = [...raw.matchAll(/\[\[\s*([^[\]\n]{1,30}?)\s*\]\]/g)].map((m) => stripSubject(m[1]!));
  const stray = bracketed.find((token) => !labels.has(token));
  if (stray !== undefined) return { ok: false, problem: `[[${stray}]] is not an allowed answer (${allowed})` };

  const signals = [
    ...bracketed.map((token) => labels.get(token)!),
    ...statedChoices(raw, labels, answers),
    ...bareLineChoices(raw, labels),
  ];
  const distinct = (['first', 'second', 'tie'] as const).filter((c) => signals.includes(c));
  if (distinct.length === 1) return { ok: true, choice: distinct[0]! };
  if (distinct.length > 1) {
    return {
      ok: false,
      problem: `the answer names more than one verdict (${distinct.map((c) => labelOf(c, answers)).join(' and ')})`,
    };
  }
  const tieWithoutPermission =
    !allowTie && bareLineChoices(raw, new Map([[answers.tie.toLowerCase(), 'tie']])).length > 0;
  return {
    ok: false,
    problem: tieWithoutPermission
      ? `this judge may not answer "${answers.tie}" (only ${allowed})`
      : `no verdict found (expected ${allowed})`,
  };
}

function labelOf(choice: PairChoice, answers: PairwiseAnswers): string {
  return `"${choice === 'first' ? answers.first : choice === 'second' ? answers.second : answers.tie}"`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Verdicts stated in a sentence: "Final verdict: 2", "**Answer:** Response (1)", "Output 2 is better", "I prefer 1".
 * A one-letter label must keep its case here, so that with labels A/B "the answer is a good one" names nothing.
 */
function statedChoices(raw: string, labels: ReadonlyMap<string, PairChoice>, answers: PairwiseAnswers): PairChoice[] {
  const letters = new Set([answers.first, answers.second, answers.tie].filter((l) => /^\p{L}$/u.test(l)));
  const found: PairChoice[] = [];
  for (const pattern of statementPatterns([...labels.keys()])) {
    for (const match of raw.matchAll(pattern)) {
      const said = match[1]!;
      if (/^\p{L}$/u.test(said) && !letters.has(said)) continue;
      found.push(labels.get(said.toLowerCase())!);
    }
  }
  return found;
}

const compiledStatements = new Map<string, RegExp[]>();

/** The statement patterns for a set of labels, compiled once (a job reads the same labels 100,000 times). */
function statementPatterns(labels: readonly string[]): RegExp[] {
  const id = JSON.stringify(labels);
  const cached = compiledStatements.get(id);
  if (cached) return cached;
  const label = `(${labels.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`;
  const target = `${DECORATION}\\s*(?:${SUBJECT}\\s*)?[(\\[#]?\\s*${label}`;
  const patterns = [
    `(?<![\\p{L}])(?:final\\s+|my\\s+)?(?:answer|verdict|choice|decision|winner|judgment|judgement|preference|better\\s+(?:response|output|answer|one))${DECORATION}\\s*(?:is\\s*)?[:=]?\\s*${target}`,
    `(?<![\\p{L}])${SUBJECT}\\s*[(\\[#]?\\s*${label}\\s*[)\\]]?${DECORATION}\\s+(?:is|was)\\s+(?:clearly\\s+|slightly\\s+|much\\s+|the\\s+)?(?:better|superior|preferable|preferred|stronger|more\\s+helpful)`,
    `(?<![\\p{L}])(?:I\\s+)?(?:prefer|choose|pick|select)\\s+${target}`,
  ];
  const compiled = patterns.map((p) => new RegExp(p, 'giu'));
  compiledStatements.set(id, compiled);
  return compiled;
}

/** The first and the last non-empty line, when either is nothing but a label ("2", "**Response 1**", "(a)."). */
function bareLineChoices(raw: string, labels: ReadonlyMap<string, PairChoice>): PairChoice[] {
  const lines = raw
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const ends = lines.length > 1 ? [lines[0]!, lines[lines.length - 1]!] : lines;
  return ends.map((line) => labels.get(stripSubject(line))).filter((c): c is PairChoice => c !== undefined);
}

/** "**Response (2).**" → "2": decoration, a leading "Response"/"Output" and the brackets around a label go. */
function stripSubject(text: string): string {
  return text
    .replace(/[*_`"'“”‘’«»]/g, '')
    .trim()
    .replace(/[.!]+$/, '')
    .replace(new RegExp(`^${SUBJECT}\\s*`, 'i'), '')
    .replace(/^[([#]\s*(.*?)\s*[)\]]?$/, '$1')
    .replace(/\)$/, '')
    .trim()
    .toLowerCase();
}

/**
 * A score from a JSON answer ({"reasoning": "...", "score": 4}), found anywhere in the text (code fences, prose
 * before or after). Falls back to a "score": n pair when the JSON around it is broken.
 */
export function parseJsonScore(raw: string, scale: ScoreScale): ParsedScore {
  const objects = jsonObjectsIn(raw).filter((o) => keyOf(o, 'score') !== undefined);
  const reasoning = objects
    .map((o) => o[keyOf(o, 'reasoning') ?? keyOf(o, 'explanation') ?? ''])
    .find((r) => typeof r === 'string') as string | undefined;
  const values: unknown[] =
    objects.length > 0
      ? objects.map((o) => o[keyOf(o, 'score')!])
      : [...raw.matchAll(/["']?\bscore["']?\s*[:=]\s*["']?(-?\d+(?:\.\d+)?)/gi)].map((m) => Number(m[1]));
  if (values.length === 0) return { ok: false, problem: 'no "score" found in the answer' };
  return scoreFrom(values, scale, reasoning);
}

/** A score written as [[n]] ("Rating: [[2]]"); without brackets, "Rating: n" is accepted. */
export function parseBracketRating(raw: string, scale: ScoreScale): ParsedScore {
  let matches = [...raw.matchAll(/\[\[\s*([^[\]\n]{1,30}?)\s*\]\]/g)];
  if (matches.length === 0) matches = [...raw.matchAll(/\brating\s*[:=]\s*\[?\s*(-?\d+(?:\.\d+)?)\s*\]?/gi)];
  if (matches.length === 0) return { ok: false, problem: 'no rating found (expected "Rating: [[n]]")' };
  const reasoning =
    raw
      .slice(0, matches[0]!.index)
      .replace(/\s*\**rating\**\s*[:=]?\s*\**\s*$/i, '')
      .trim() || undefined;
  return scoreFrom(
    matches.map((m) => (/^-?\d+(\.\d+)?$/.test(m[1]!) ? Number(m[1]) : m[1]!)),
    scale,
    reasoning,
  );
}

function scoreFrom(values: readonly unknown[], scale: ScoreScale, reasoning: string | undefined): ParsedScore {
  const numbers = values.map((v) => (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v));
  const notNumber = numbers.find((v) => typeof v !== 'number' || !Number.isFinite(v));
  const fail = (problem: string): ParsedScore =>
    reasoning === undefined ? { ok: false, problem } : { ok: false, problem, reasoning };
  if (notNumber !== undefined) return fail(`the score ${JSON.stringify(notNumber)} is not a number`);
  const distinct = [...new Set(numbers as number[])];
  if (distinct.length > 1) return fail(`the answer gives more than one score (${distinct.join(' and ')})`);
  const score = distinct[0]!;
  if (!Number.isInteger(score)) return fail(`the score ${score} is not a whole number`);
  if (score < scale.min || score > scale.max) return fail(`the score ${score} is outside ${scale.min} to ${scale.max}`);
  return reasoning === undefined ? { ok: true, score } : { ok: true, score, reasoning };
}

function keyOf(object: Record<string, unknown>, name: string): string | undefined {
  return Object.keys(object).find((k) => k.toLowerCase() === name);
}

/** Every top-level {...} in the text that parses as a JSON object. */
function jsonObjectsIn(text: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  let from = text.indexOf('{');
  while (from !== -1) {
    const end = matchingBrace(text, from);
    const parsed = end === -1 ? undefined : tryParseObject(text.slice(from, end + 1));
    if (parsed) found.push(parsed);
    from = text.indexOf('{', parsed ? end + 1 : from + 1);
  }
  return found;
}

function tryParseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The index of the brace closing the one at `open`, skipping braces inside JSON strings; -1 if none. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{') {
      depth++;
    } else if (c === '}' && --depth === 0) {
      return i;
    }
  }
  return -1;
}
