// Prompt templates: the built-in wording for each protocol (protocols.md §1, §4, §5) and the named placeholders a
// user's own template may use to reproduce a paper's exact wording. A later turn of a conversation (MT-bench turn 2)
// has its own template, which shows the earlier turns: judged alone, "and now make it shorter" means nothing.
import type { ScoreScale } from '../model/records';

export const PLACEHOLDERS = [
  'instruction', 'response', 'response_a', 'response_b', 'language', 'language_code', 'conversation', 'conversation_a', 'conversation_b',
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
const REQUIRED: Readonly<Record<ProtocolKind, Readonly<Record<Exclude<TemplateRole, 'system'>, readonly Placeholder[]>>>> = {
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
  return role === 'multi-turn' ? FORBIDDEN_IN_PROTOCOL[kind] : [...new Set([...FORBIDDEN_IN_PROTOCOL[kind], ...CONVERSATIONS])];
}

// Double braces, so that the literal JSON examples a Likert prompt needs ({"score": 4}) stay as they are.
const PLACEHOLDER_PATTERN = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1]!))];
}

const braces = (names: readonly string[]) => names.map((p) => `{{${p}}}`).join(', ');

/** Problems with a template, as sentences; empty when it is usable for the protocol. */
export function templateProblems(text: string, kind: ProtocolKind, role: TemplateRole): string[] {
  const used = placeholdersIn(text);
  const problems: string[] = [];
  const unknown = used.filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p));
  if (unknown.length) problems.push(`unknown placeholder ${braces(unknown)} (known: ${braces(PLACEHOLDERS)})`);
  const misplaced = forbidden(kind, role).filter((p) => used.includes(p));
  if (misplaced.length) {
    const where = misplaced.some((p) => CONVERSATIONS.includes(p)) && role !== 'multi-turn'
      ? 'belongs in the multi-turn template ("multiTurnTemplate"), which judges later turns'
      : `has no value in a ${kind} judge`;
    problems.push(`${braces(misplaced)} ${where}`);
  }
  if (role !== 'system') {
    const missing = REQUIRED[kind][role].filter((p) => !used.includes(p));
    if (missing.length) problems.push(`a ${role === 'user' ? kind : `multi-turn ${kind}`} template must contain ${braces(missing)}`);
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

const JUDGE_SYSTEM = 'You are a careful and impartial judge of the answers of AI assistants.';

/** [SH]-style side-by-side comparison: the judge names the better of two responses with a single label. */
export function defaultPairwiseTemplates(answers: PairwiseAnswers, allowTie: boolean): PromptTemplates {
  const choice = allowTie
    ? `Answer with "${answers.first}" if Response 1 is better, "${answers.second}" if Response 2 is better, or "${answers.tie}" if neither is better.`
    : `Answer with a single ${/^\d$/.test(answers.first + answers.second) ? 'digit' : 'label'}: "${answers.first}" if Response 1 is better, "${answers.second}" if Response 2 is better.`;
  const criteria = [
    'Consider helpfulness, correctness, relevance and level of detail, and whether the response is written in the',
    'language of the instruction unless the instruction asks for another one. The order in which the responses are',
    'shown, their length and their style must not influence you.',
  ];
  return {
    system: JUDGE_SYSTEM,
    user: [
      'Below is an instruction written in {{language}}, followed by two responses to it.',
      '',
      'Decide which response follows the instruction better.',
      ...criteria,
      '',
      '[Instruction]',
      '{{instruction}}',
      '',
      '[Response 1]',
      '{{response_a}}',
      '',
      '[Response 2]',
      '{{response_b}}',
      '',
      `Which response is better? ${choice} Do not write anything else.`,
    ].join('\n'),
    multiTurnUser: [
      'Below are two conversations in {{language}} between a user and an AI assistant. The user asks the same questions',
      'in both; the assistant\'s answers differ. Response 1 and Response 2 are the assistant\'s last answers.',
      '',
      'Decide which last answer follows the user\'s last instruction better, in the context of the conversation before it.',
      ...criteria,
      '',
      '[Conversation with Response 1]',
      '{{conversation_a}}',
      '',
      '[Conversation with Response 2]',
      '{{conversation_b}}',
      '',
      `Which response is better? ${choice} Do not write anything else.`,
    ].join('\n'),
  };
}

/**
 * [KE]-style helpfulness grading on a Likert scale, answered as JSON. The language gate is applied afterwards by the
 * scoring step (a response in the wrong language scores 1), so the prompt does not mention language.
 */
export function defaultLikertTemplates(scale: ScoreScale): PromptTemplates {
  const anchors = scale.min === 1 && scale.max === 6
    ? [
      '1 = not helpful at all: irrelevant, nonsensical or refuses without reason',
      '2 = barely helpful: mostly wrong or misses the point of the instruction',
      '3 = somewhat helpful: addresses the instruction but with major errors or omissions',
      '4 = helpful: follows the instruction with minor errors or omissions',
      '5 = very helpful: accurate, complete and clear',
      '6 = perfectly helpful: an excellent answer that could not reasonably be improved',
    ]
    : [`${scale.min} = not helpful at all`, `${scale.max} = perfectly helpful`];
  const answerFormat = [
    'Answer with a JSON object and nothing else, with two keys: "reasoning", a short explanation of your',
    `judgement, and "score", an integer from ${scale.min} to ${scale.max}. For example:`,
    `{"reasoning": "The response answers the question but misses one of the two parts.", "score": ${Math.min(scale.max, scale.min + 3)}}`,
  ];
  const criteria = [
    'Consider whether it follows the instruction, and its relevance, accuracy, depth and level of detail.',
    `Rate it on a scale from ${scale.min} to ${scale.max}:`,
    ...anchors,
  ];
  return {
    system: JUDGE_SYSTEM,
    user: [
      'Please act as an impartial judge and evaluate how helpful the response below is to the user\'s instruction.',
      ...criteria,
      '',
      '[Instruction]',
      '{{instruction}}',
      '',
      '[Response]',
      '{{response}}',
      '',
      ...answerFormat,
    ].join('\n'),
    multiTurnUser: [
      'Please act as an impartial judge and evaluate how helpful the assistant\'s last answer in the conversation below is',
      'to the user\'s last instruction, in the context of the conversation before it.',
      ...criteria,
      '',
      '[Conversation]',
      '{{conversation}}',
      '',
      ...answerFormat,
    ].join('\n'),
  };
}

/** [CH]-style rating on a short scale, ending with "Rating: [[n]]"; the response must be in the instruction's language. */
export function defaultRatingTemplates(scale: ScoreScale): PromptTemplates {
  const anchors = scale.min === 1 && scale.max === 3
    ? '1 = poor (unhelpful, wrong, or not in the language of the question), 2 = acceptable, 3 = excellent'
    : `${scale.min} = worst, ${scale.max} = best`;
  const criteria = [
    'Consider helpfulness, relevance, accuracy, depth and level of detail. Begin with a short explanation and be as',
    `objective as possible. Then rate the response on a scale of ${scale.min} to ${scale.max} (${anchors}) by strictly`,
    `following this format: "Rating: [[n]]", for example: "Rating: [[${Math.round((scale.min + scale.max) / 2)}]]".`,
  ];
  return {
    system: JUDGE_SYSTEM,
    user: [
      'Please act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the',
      'question displayed below. The question is written in {{language}}, and the response must be written in the same',
      'language as the question; a response in another language is not acceptable unless the question asks for one.',
      ...criteria,
      '',
      '[Question]',
      '{{instruction}}',
      '',
      '[The Start of Assistant\'s Answer]',
      '{{response}}',
      '[The End of Assistant\'s Answer]',
    ].join('\n'),
    multiTurnUser: [
      'Please act as an impartial judge and evaluate the quality of the AI assistant\'s last answer in the conversation',
      'below, in the context of the conversation before it. The user writes in {{language}}, and the answer must be',
      'written in the same language; an answer in another language is not acceptable unless the user asks for one.',
      ...criteria,
      '',
      '[The Start of the Conversation]',
      '{{conversation}}',
      '[The End of the Conversation]',
    ].join('\n'),
  };
}

/**
 * A conversation as the judge reads it: every turn's user message and assistant answer, in order, the last one
 * being the answer judged.
 */
export function renderConversation(turns: readonly { readonly user: string; readonly assistant: string }[]): string {
  return turns.map((t, i) => `### User (turn ${i + 1}):\n${t.user}\n\n### Assistant (turn ${i + 1}):\n${t.assistant}`).join('\n\n');
}
