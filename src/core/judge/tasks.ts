// From a run's prompts and responses to the requests a judge must answer (protocols.md §1: every pair in both
// orders) and from an answer back to verdict records. A request is identified by the content it sends, so the same
// question is never paid for twice, whichever pair, seed or job it came from.
import { createHash } from 'node:crypto';
import { languageKey, type LanguageTag } from '../model/language';
import type { CanonicalRecord, PairVerdict, PromptKey, ResponseKey, SourceRef } from '../model/records';
import { flipVerdict } from '../model/verdicts';
import type { JudgeInputRow } from '../store/judgeInputs';
import type { ChatMessage } from './client';
import type { JudgeDefinition, JudgeProtocol } from './definition';
import { parseBracketRating, parseJsonScore, parsePairwiseAnswer, type PairChoice } from './parse';
import { renderTemplate, type TemplateValues } from './templates';

/** Whose response is the baseline of a pairwise comparison. */
export type Baseline =
  | { readonly kind: 'all-pairs' }
  | { readonly kind: 'system'; readonly system: string }
  /** [SH]: the system tuned monolingually on each language; keyed by language tag. */
  | { readonly kind: 'per-language'; readonly systems: ReadonlyMap<string, string> };

export interface PairTarget {
  readonly kind: 'pair';
  readonly prompt: PromptKey;
  readonly systemA: string;
  readonly systemB: string;
  /** AB: systemA's response was shown first. */
  readonly order: 'AB' | 'BA';
}

export interface PointTarget {
  readonly kind: 'point';
  readonly response: ResponseKey;
}

export type JudgeTarget = PairTarget | PointTarget;

/** One request: its content (rendered into messages only when sent) and the verdicts its answer decides. */
export interface JudgeTask {
  readonly key: string;
  readonly lang: LanguageTag;
  readonly instruction: string;
  /** The response(s) in the order the judge sees them. */
  readonly shown: readonly string[];
  readonly targets: readonly JudgeTarget[];
}

export interface SkippedInputs {
  /** Prompts imported without their text (responses only): nothing to show the judge. */
  readonly promptsWithoutText: number;
  /** Pairs where the baseline or the other system has no response for the prompt. */
  readonly missingResponses: number;
  /** Languages with no baseline in a per-language baseline. */
  readonly languagesWithoutBaseline: readonly string[];
}

export interface TaskSet {
  readonly tasks: readonly JudgeTask[];
  readonly skipped: SkippedInputs;
}

export function buildTasks(definition: JudgeDefinition, run: string, rows: readonly JudgeInputRow[], baseline?: Baseline): TaskSet {
  const byKey = new Map<string, { task: Omit<JudgeTask, 'targets'>; targets: JudgeTarget[] }>();
  const add = (lang: LanguageTag, instruction: string, shown: readonly string[], target: JudgeTarget) => {
    const key = requestKey(definition.hash, definition.protocol.kind, lang, instruction, shown);
    const entry = byKey.get(key) ?? { task: { key, lang, instruction, shown }, targets: [] };
    entry.targets.push(target);
    byKey.set(key, entry);
  };
  const prompts = groupByPrompt(run, rows);
  let promptsWithoutText = 0;
  let missingResponses = 0;
  const withoutBaseline = new Set<string>();
  for (const { prompt, text, responses } of prompts) {
    if (text === null) {
      promptsWithoutText++;
      continue;
    }
    if (definition.protocol.kind !== 'pairwise') {
      for (const r of responses) add(prompt.lang, text, [r.text], { kind: 'point', response: { ...prompt, system: r.system, seed: r.seed } });
      continue;
    }
    const pairs = pairsFor(prompt.lang, responses.map((r) => r.system), baseline ?? { kind: 'all-pairs' });
    if (pairs === undefined) {
      withoutBaseline.add(prompt.lang);
      continue;
    }
    const textOf = new Map(responses.map((r) => [r.system, r.text]));
    for (const [systemA, systemB] of pairs) {
      const a = textOf.get(systemA);
      const b = textOf.get(systemB);
      if (a === undefined || b === undefined) {
        missingResponses++;
        continue;
      }
      add(prompt.lang, text, [a, b], { kind: 'pair', prompt, systemA, systemB, order: 'AB' });
      add(prompt.lang, text, [b, a], { kind: 'pair', prompt, systemA, systemB, order: 'BA' });
    }
  }
  return {
    tasks: [...byKey.values()].map(({ task, targets }) => ({ ...task, targets })),
    skipped: { promptsWithoutText, missingResponses, languagesWithoutBaseline: [...withoutBaseline].sort() },
  };
}

/** The request's identity: the judge's content hash and everything the request shows, in the order shown. */
export function requestKey(judgeHash: string, protocol: string, lang: LanguageTag, instruction: string, shown: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify([judgeHash, protocol, lang, instruction, ...shown])).digest('hex');
}

interface PromptResponses {
  readonly prompt: PromptKey;
  readonly text: string | null;
  readonly responses: readonly JudgeInputRow[];
}

function groupByPrompt(run: string, rows: readonly JudgeInputRow[]): PromptResponses[] {
  const groups = new Map<string, { prompt: PromptKey; text: string | null; responses: JudgeInputRow[] }>();
  for (const row of rows) {
    const id = JSON.stringify([row.group, row.lang, row.turn]);
    let group = groups.get(id);
    if (!group) {
      group = { prompt: { run, group: row.group, lang: row.lang, turn: row.turn }, text: row.promptText, responses: [] };
      groups.set(id, group);
    }
    group.responses.push(row);
  }
  return [...groups.values()];
}

/** The (systemA, systemB) pairs to judge for a prompt; undefined when its language has no baseline. */
function pairsFor(lang: LanguageTag, systems: readonly string[], baseline: Baseline): [string, string][] | undefined {
  const present = [...new Set(systems)].sort();
  if (baseline.kind === 'all-pairs') return present.flatMap((a, i) => present.slice(i + 1).map((b): [string, string] => [a, b]));
  const base = baseline.kind === 'system' ? baseline.system : baselineFor(baseline.systems, lang);
  if (base === undefined) return undefined;
  // The baseline always takes part, even when it has no response here: the pair is then counted as missing.
  return present.filter((s) => s !== base).map((s): [string, string] => [base, s]);
}

function baselineFor(systems: ReadonlyMap<string, string>, lang: LanguageTag): string | undefined {
  return systems.get(lang) ?? [...systems].find(([tag]) => languageKey(tag as LanguageTag) === languageKey(lang))?.[1];
}

/** The chat messages of a task: the definition's templates filled with its content. */
export function messagesFor(definition: JudgeDefinition, task: JudgeTask): ChatMessage[] {
  const values: TemplateValues = {
    instruction: task.instruction,
    language: languageName(task.lang),
    language_code: task.lang,
    ...(task.shown.length === 2 ? { response_a: task.shown[0]!, response_b: task.shown[1]! } : { response: task.shown[0]! }),
  };
  const { system, user } = definition.templates;
  return [
    ...(system === null ? [] : [{ role: 'system' as const, content: renderTemplate(system, values) }]),
    { role: 'user', content: renderTemplate(user, values) },
  ];
}

const displayNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
const languageNames = new Map<string, string>();

/** "es" → "Spanish", for prompts that tell the judge which language the instruction is in. */
export function languageName(tag: LanguageTag): string {
  let name = languageNames.get(tag);
  if (name === undefined) {
    try {
      name = displayNames.of(tag) ?? tag;
    } catch {
      name = tag;
    }
    languageNames.set(tag, name);
  }
  return name;
}

/** What one answer says: the verdict records for every target of the task, and whether it could be read. */
export interface Interpretation {
  readonly records: readonly CanonicalRecord[];
  readonly valid: boolean;
}

/** The verdicts are recorded as coming from the definition file (JudgeResultWriter registers it as their source). */
export function interpretAnswer(definition: JudgeDefinition, task: JudgeTask, raw: string): Interpretation {
  const read = readAnswer(definition.protocol, raw);
  const source: SourceRef = { file: definition.file, line: 0 };
  const common = { judge: definition.name, judgeHash: definition.hash, raw, source };
  const reasoning = read.valid ? read.reasoning : `invalid: ${read.problem}`;
  const records = task.targets.map((target): CanonicalRecord => {
    if (target.kind === 'pair') {
      return {
        kind: 'pairwise-judgment', ...target.prompt, systemA: target.systemA, systemB: target.systemB,
        order: target.order, verdict: read.valid ? verdictOf(read.choice!, target.order) : 'invalid', ...common,
        ...(reasoning === undefined ? {} : { reasoning }),
      };
    }
    const scale = definition.protocol.kind === 'pairwise' ? undefined : definition.protocol.scale;
    return {
      kind: 'pointwise-judgment', ...target.response, scale: scale!, score: read.valid ? read.score! : null, ...common,
      ...(reasoning === undefined ? {} : { reasoning }),
    };
  });
  return { records, valid: read.valid };
}

/** A choice between the responses as shown, turned into a verdict on the systems (A = systemA). */
export function verdictOf(choice: PairChoice, order: 'AB' | 'BA'): PairVerdict {
  const onFirst: PairVerdict = choice === 'tie' ? 'tie' : choice === 'first' ? 'A' : 'B';
  return order === 'AB' ? onFirst : flipVerdict(onFirst);
}

interface ReadAnswer {
  readonly valid: boolean;
  readonly choice?: PairChoice;
  readonly score?: number;
  readonly reasoning?: string;
  readonly problem?: string;
}

export function readAnswer(protocol: JudgeProtocol, raw: string): ReadAnswer {
  if (protocol.kind === 'pairwise') {
    const parsed = parsePairwiseAnswer(raw, protocol.answers, protocol.allowTie);
    return parsed.ok ? { valid: true, choice: parsed.choice } : { valid: false, problem: parsed.problem };
  }
  const parsed = protocol.kind === 'likert' ? parseJsonScore(raw, protocol.scale) : parseBracketRating(raw, protocol.scale);
  return parsed.ok
    ? { valid: true, score: parsed.score, ...(parsed.reasoning === undefined ? {} : { reasoning: parsed.reasoning }) }
    : { valid: false, problem: parsed.problem };
}
