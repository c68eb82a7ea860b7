// Prompt templates: the built-in wording for each protocol (protocols.md §1, §4, §5) and the named placeholders a
// user's own template may use to reproduce a paper's exact wording. A later turn of a conversation (MT-bench turn 2)
// has its own template, which shows the earlier turns: judged alone, "and now make it shorter" means nothing.
import type { ScoreScale } from '../model/records';
import { english } from './wording/en';
import type { Wording } from './wording/wording';
import { arrange, type Message, msg } from '../util/message';

export const PLACEHOLDERS = [
  'instruction',
  'response',
  'response_a',
  'response_b',
  'language',
  'language_code',
  'conversation',
  'conversation_a',
  'conversation_b',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Readonly<Partial<Record<Placeholder, string>>>;

/** The chat messages a judge receives; the system message is optional. */
export interface PromptTemplates {
  readonly system: string | null;
  /** The user message for a single instruction (a first turn). */
  readonly user: string;
  /** The user message for a later turn, with the conversation so far; null when a judge's own wording has none. */
  readonly multiTurnUser: string | null;
}

export type ProtocolKind = 'pairwise' | 'likert' | 'rating';
/** Which message a template is: the shared system message, the first-turn user message, or the later-turn one. */
export type TemplateRole = 'system' | 'user' | 'multi-turn';

const CONVERSATIONS: readonly Placeholder[] = ['conversation', 'conversation_a', 'conversation_b'];

/** Which placeholders a protocol's user template needs, and which would be meaningless in it. */
const REQUIRED: Readonly<
  Record<ProtocolKind, Readonly<Record<Exclude<TemplateRole, 'system'>, readonly Placeholder[]>>>
> = {
  pairwise: { user: ['instruction', 'response_a', 'response_b'], 'multi-turn': ['conversation_a', 'conversation_b'] },
  likert: { user: ['instruction', 'response'], 'multi-turn': ['conversation'] },
  rating: { user: ['instruction', 'response'], 'multi-turn': ['conversation'] },
};
const FORBIDDEN_IN_PROTOCOL: Readonly<Record<ProtocolKind, readonly Placeholder[]>> = {
  pairwise: ['response', 'conversation'],
  likert: ['response_a', 'response_b', 'conversation_a', 'conversation_b'],
  rating: ['response_a', 'response_b', 'conversation_a', 'conversation_b'],
};

function forbidden(kind: ProtocolKind, role: TemplateRole): readonly Placeholder[] {
  // The conversation exists only for a later turn: a first-turn or system message has none to show.
  return role === 'multi-turn'
    ? FORBIDDEN_IN_PROTOCOL[kind]
    : [...new Set([...FORBIDDEN_IN_PROTOCOL[kind], ...CONVERSATIONS])];
}

// Double braces, so that the literal JSON examples a Likert prompt needs ({"score": 4}) stay as they are.
const PLACEHOLDER_PATTERN = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1]!))];
}

const braces = (names: readonly string[]) => names.map((p) => `{{${p}}}`).join(', ');

/** Problems with a template, as sentences; empty when it is usable for the protocol. */
export function templateProblems(text: string, kind: ProtocolKind, role: TemplateRole): Message[] {
  const used = placeholdersIn(text);
  const problems: Message[] = [];
  const unknown = used.filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p));
  if (unknown.length) problems.push(msg('unknown placeholder {0} (known: {1})', braces(unknown), braces(PLACEHOLDERS)));
  const misplaced = forbidden(kind, role).filter((p) => used.includes(p));
  if (misplaced.length) {
    const where =
      misplaced.some((p) => CONVERSATIONS.includes(p)) && role !== 'multi-turn'
        ? msg('belongs in the multi-turn template ("multiTurnTemplate"), which judges later turns')
        : msg('has no value in a {0} judge', kind);
    problems.push(arrange('{0} {1}', braces(misplaced), where));
  }
  if (role !== 'system') {
    const missing = REQUIRED[kind][role].filter((p) => !used.includes(p));
    if (missing.length)
      problems.push(
        role === 'user'
          ? msg('a {0} template must contain {1}', kind, braces(missing))
          : msg('a multi-turn {0} template must contain {1}', kind, braces(missing)),
      );
  }
  return problems;
}

/**
 * Fills the placeholders in one pass, so that a response which itself contains "{{response_b}}" is not expanded.
 * Every placeholder in the template must have a value (templateProblems checked that when the judge was loaded).
 */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole, name: string) => {
    const value = values[name as Placeholder];
    if (value === undefined) throw new Error(`no value for the placeholder ${whole}`);
    return value;
  });
}

export interface PairwiseAnswers {
  readonly first: string;
  readonly second: string;
  readonly tie: string;
}

/** [SH]-style side-by-side comparison: the judge names the better of two responses with a single label. */
export function defaultPairwiseTemplates(
  answers: PairwiseAnswers,
  allowTie: boolean,
  w: Wording = english,
): PromptTemplates {
  const p = w.pairwise;
  const digits = [answers.first, answers.second].every((label) => /^\d$/.test(label));
  const choice = allowTie ? p.choiceWithTie(answers) : p.choiceSingle(answers, digits);
  return {
    system: w.system,
    user: [
      p.intro,
      '',
      p.task,
      ...p.criteria,
      '',
      p.instruction,
      '{{instruction}}',
      '',
      p.response1,
      '{{response_a}}',
      '',
      p.response2,
      '{{response_b}}',
      '',
      p.closing(choice),
    ].join('\n'),
    multiTurnUser: [
      ...p.multiIntro,
      '',
      p.multiTask,
      ...p.criteria,
      '',
      p.conversation1,
      '{{conversation_a}}',
      '',
      p.conversation2,
      '{{conversation_b}}',
      '',
      p.closing(choice),
    ].join('\n'),
  };
}

/**
 * [KE]-style helpfulness grading on a Likert scale, answered as JSON. The language gate is applied afterwards by the
 * scoring step (a response in the wrong language scores 1), so the prompt does not mention language. `rationale`:
 * a sentence asking for the reasoning in a given language.
 */
export function defaultLikertTemplates(scale: ScoreScale, w: Wording = english, rationale?: string): PromptTemplates {
  const l = w.likert;
  const anchors = scale.min === 1 && scale.max === 6 ? l.anchors6 : l.anchorsOther(scale);
  const answerFormat = [...l.answerFormat(scale), ...(rationale === undefined ? [] : [rationale])];
  const criteria = [l.consider, l.rateOn(scale), ...anchors];
  return {
    system: w.system,
    user: [
      l.intro,
      ...criteria,
      '',
      l.instruction,
      '{{instruction}}',
      '',
      l.response,
      '{{response}}',
      '',
      ...answerFormat,
    ].join('\n'),
    multiTurnUser: [...l.multiIntro, ...criteria, '', l.conversation, '{{conversation}}', '', ...answerFormat].join(
      '\n',
    ),
  };
}

/** [CH]-style rating on a short scale, ending with "Rating: [[n]]"; the response must be in the instruction's language. */
export function defaultRatingTemplates(scale: ScoreScale, w: Wording = english, rationale?: string): PromptTemplates {
  const r = w.rating;
  const anchors = scale.min === 1 && scale.max === 3 ? r.anchors3 : r.anchorsOther(scale);
  const criteria = [
    ...r.criteria(scale, anchors, Math.round((scale.min + scale.max) / 2)),
    ...(rationale === undefined ? [] : [rationale]),
  ];
  return {
    system: w.system,
    user: [
      ...r.intro,
      ...criteria,
      '',
      r.question,
      '{{instruction}}',
      '',
      r.answerStart,
      '{{response}}',
      r.answerEnd,
    ].join('\n'),
    multiTurnUser: [...r.multiIntro, ...criteria, '', r.conversationStart, '{{conversation}}', r.conversationEnd].join(
      '\n',
    ),
  };
}

/**
 * A conversation as the judge reads it: every turn's user message and assistant answer, in order, the last one
 * being the answer judged.
 */
export function renderConversation(
  turns: readonly { readonly user: string; readonly assistant: string }[],
  w: Wording = english,
): string {
  return turns
    .map((t, i) => `${w.userTurn(i + 1)}\n${t.user}\n\n${w.assistantTurn(i + 1)}\n${t.assistant}`)
    .join('\n\n');
}
