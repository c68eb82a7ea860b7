// From a run's prompts and responses to the requests a judge must answer (protocols.md §1: every pair in both
// orders), and the messages sent for each (interpretAnswer.ts reads the answers back). A request is identified by the
// content it sends, so the same question is never paid for twice, whichever pair, seed or job it came from.
import { createHash } from 'node:crypto';
import { languageKey, type LanguageTag } from '../model/language';
import type { PromptKey, ResponseKey } from '../model/records';
import type { JudgeInputRow } from '../store/judgeInputs';
import type { ChatMessage } from './client';
import { templatesFor, type JudgeDefinition } from './definition';
import { renderConversation, renderTemplate, type TemplateValues } from './templates';
import { english, wordingFor, type Wording } from './wording';
import { CoreError, type Message, msg } from '../util/message';

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

/** One earlier turn of a conversation: what the user asked and what the system answered. */
export interface Exchange {
  readonly user: string;
  readonly assistant: string;
}

/** One request: its content (rendered into messages only when sent) and the verdicts its answer decides. */
export interface JudgeTask {
  readonly key: string;
  readonly lang: LanguageTag;
  readonly instruction: string;
  /** The response(s) in the order the judge sees them. */
  readonly shown: readonly string[];
  /**
   * A later turn: the conversation before it, one per shown response (each system answered the earlier turns in its
   * own words). Empty on a first turn.
   */
  readonly earlier: readonly (readonly Exchange[])[];
  readonly targets: readonly JudgeTarget[];
}

export interface SkippedInputs {
  /** Prompts imported without their text (responses only): nothing to show the judge. */
  readonly promptsWithoutText: number;
  /** Pairs where the baseline or the other system has no response for the prompt. */
  readonly missingResponses: number;
  /** Languages with no baseline in a per-language baseline. */
  readonly languagesWithoutBaseline: readonly string[];
  /** Later turns whose earlier turns (prompt text or the same system's answer) were not imported. */
  readonly missingEarlierTurns: number;
}

export interface TaskSet {
  readonly tasks: readonly JudgeTask[];
  readonly skipped: SkippedInputs;
}

/**
 * The requests for `rows`. A later turn is judged with the conversation before it, so `rows` also holds the earlier
 * turns; `turns` says which turns to judge (default: every turn in `rows`).
 */
export function buildTasks(
  definition: JudgeDefinition,
  run: string,
  rows: readonly JudgeInputRow[],
  baseline?: Baseline,
  turns?: readonly number[],
): TaskSet {
  const byKey = new Map<string, { task: Omit<JudgeTask, 'targets'>; targets: JudgeTarget[] }>();
  const history = new ConversationHistory(rows);
  const add = (
    lang: LanguageTag,
    instruction: string,
    shown: readonly JudgeInputRow[],
    target: JudgeTarget,
  ): boolean => {
    const earlier = shown.map((r) => history.before(r));
    if (earlier.some((e) => e === undefined)) return false;
    const texts = shown.map((r) => r.text);
    const conversations = earlier.every((e) => e!.length === 0) ? [] : (earlier as Exchange[][]);
    const key = requestKey(definition.hash, definition.protocol.kind, lang, instruction, texts, conversations);
    const entry = byKey.get(key) ?? {
      task: { key, lang, instruction, shown: texts, earlier: conversations },
      targets: [],
    };
    entry.targets.push(target);
    byKey.set(key, entry);
    return true;
  };
  const judged = turns === undefined ? undefined : new Set(turns);
  const prompts = groupByPrompt(run, rows).filter((p) => judged === undefined || judged.has(p.prompt.turn));
  let promptsWithoutText = 0;
  let missingResponses = 0;
  let missingEarlierTurns = 0;
  const withoutBaseline = new Set<string>();
  for (const { prompt, text, responses } of prompts) {
    if (text === null) {
      promptsWithoutText++;
      continue;
    }
    if (definition.protocol.kind !== 'pairwise') {
      for (const r of responses) {
        if (!add(prompt.lang, text, [r], { kind: 'point', response: { ...prompt, system: r.system, seed: r.seed } }))
          missingEarlierTurns++;
      }
      continue;
    }
    const pairs = pairsFor(
      prompt.lang,
      responses.map((r) => r.system),
      baseline ?? { kind: 'all-pairs' },
    );
    if (pairs === undefined) {
      withoutBaseline.add(prompt.lang);
      continue;
    }
    const responseOf = new Map(responses.map((r) => [r.system, r]));
    for (const [systemA, systemB] of pairs) {
      const a = responseOf.get(systemA);
      const b = responseOf.get(systemB);
      if (a === undefined || b === undefined) {
        missingResponses++;
        continue;
      }
      const added =
        add(prompt.lang, text, [a, b], { kind: 'pair', prompt, systemA, systemB, order: 'AB' }) &&
        add(prompt.lang, text, [b, a], { kind: 'pair', prompt, systemA, systemB, order: 'BA' });
      if (!added) missingEarlierTurns++;
    }
  }
  return {
    tasks: [...byKey.values()].map(({ task, targets }) => ({ ...task, targets })),
    skipped: {
      promptsWithoutText,
      missingResponses,
      languagesWithoutBaseline: [...withoutBaseline].sort(),
      missingEarlierTurns,
    },
  };
}

/**
 * The request's identity: the judge's content hash and everything the request shows, in the order shown. The earlier
 * turns count only when there are some, so a first turn's key does not depend on whether the data has later ones.
 */
export function requestKey(
  judgeHash: string,
  protocol: string,
  lang: LanguageTag,
  instruction: string,
  shown: readonly string[],
  earlier: readonly (readonly Exchange[])[] = [],
): string {
  const content = [judgeHash, protocol, lang, instruction, ...shown, ...(earlier.length ? [earlier] : [])];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/**
 * Every prompt's and answer's text by turn, to give a later turn the conversation before it. Indexed on the first
 * later turn asked about, so that a first-turn job (the usual one) pays nothing for it.
 */
class ConversationHistory {
  private index: { prompts: Map<string, string | null>; answers: Map<string, string> } | undefined;

  constructor(private readonly rows: readonly JudgeInputRow[]) {}

  /** The turns before `row`'s with the same system and seed; undefined when one of them was not imported. */
  before(row: JudgeInputRow): Exchange[] | undefined {
    if (row.turn === 1) return [];
    const { prompts, answers } = (this.index ??= this.build());
    const turns: Exchange[] = [];
    for (let turn = 1; turn < row.turn; turn++) {
      const user = prompts.get(JSON.stringify([row.group, row.lang, turn]));
      const assistant = answers.get(JSON.stringify([row.group, row.lang, turn, row.system, row.seed]));
      if (user === undefined || user === null || assistant === undefined) return undefined;
      turns.push({ user, assistant });
    }
    return turns;
  }

  private build() {
    const prompts = new Map<string, string | null>();
    const answers = new Map<string, string>();
    for (const r of this.rows) {
      prompts.set(JSON.stringify([r.group, r.lang, r.turn]), r.promptText);
      answers.set(JSON.stringify([r.group, r.lang, r.turn, r.system, r.seed]), r.text);
    }
    return { prompts, answers };
  }
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
      group = {
        prompt: { run, group: row.group, lang: row.lang, turn: row.turn },
        text: row.promptText,
        responses: [],
      };
      groups.set(id, group);
    }
    group.responses.push(row);
  }
  return [...groups.values()];
}

/** The (systemA, systemB) pairs to judge for a prompt; undefined when its language has no baseline. */
function pairsFor(lang: LanguageTag, systems: readonly string[], baseline: Baseline): [string, string][] | undefined {
  const present = [...new Set(systems)].sort();
  if (baseline.kind === 'all-pairs')
    return present.flatMap((a, i) => present.slice(i + 1).map((b): [string, string] => [a, b]));
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
    ...(task.shown.length === 2
      ? { response_a: task.shown[0]!, response_b: task.shown[1]! }
      : { response: task.shown[0]! }),
    ...conversationValues(
      task,
      definition.instructionsLanguage === 'prompt' ? (wordingFor(task.lang) ?? english) : english,
    ),
  };
  const { system, user, multiTurnUser } = templatesFor(definition, task.lang);
  const later = task.earlier.length > 0;
  if (later && multiTurnUser === null) throw new CoreError(noMultiTurnTemplate(definition));
  return [
    ...(system === null ? [] : [{ role: 'system' as const, content: renderTemplate(system, values) }]),
    { role: 'user', content: renderTemplate(later ? multiTurnUser! : user, values) },
  ];
}

/** {{conversation}} or {{conversation_a}} / {{conversation_b}}: each shown response after the turns before it. */
function conversationValues(task: JudgeTask, wording: Wording): TemplateValues {
  if (task.earlier.length === 0) return {};
  const conversation = (i: number) =>
    renderConversation([...task.earlier[i]!, { user: task.instruction, assistant: task.shown[i]! }], wording);
  return task.shown.length === 2
    ? { conversation_a: conversation(0), conversation_b: conversation(1) }
    : { conversation: conversation(0) };
}

export function noMultiTurnTemplate(definition: JudgeDefinition): Message {
  return msg(
    'judge "{0}" has its own template but no "multiTurnTemplate", so it cannot judge a later turn ' +
      '(its responses answer the whole conversation, not the last message alone): add one (docs/judges.md) or judge --turn 1 only',
    definition.name,
  );
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
