// Prompt templates: the built-in wording for each protocol (protocols.md §1, §4, §5) and the named placeholders a
// user's own template may use to reproduce a paper's exact wording.
import type { ScoreScale } from '../model/records';

export const PLACEHOLDERS = ['instruction', 'response', 'response_a', 'response_b', 'language', 'language_code'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Readonly<Partial<Record<Placeholder, string>>>;

/** The two chat messages a judge receives; the system message is optional. */
export interface PromptTemplates {
  readonly system: string | null;
  readonly user: string;
}

export type ProtocolKind = 'pairwise' | 'likert' | 'rating';

/** Which placeholders a protocol's user template needs, and which would be meaningless in it. */
const REQUIRED: Readonly<Record<ProtocolKind, readonly Placeholder[]>> = {
  pairwise: ['instruction', 'response_a', 'response_b'],
  likert: ['instruction', 'response'],
  rating: ['instruction', 'response'],
};
const FORBIDDEN: Readonly<Record<ProtocolKind, readonly Placeholder[]>> = {
  pairwise: ['response'],
  likert: ['response_a', 'response_b'],
  rating: ['response_a', 'response_b'],
};

// Double braces, so that the literal JSON examples a Likert prompt needs ({"score": 4}) stay as they are.
const PLACEHOLDER_PATTERN = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1]!))];
}

/** Problems with a template, as sentences; empty when it is usable for the protocol. */
export function templateProblems(text: string, kind: ProtocolKind, role: 'system' | 'user'): string[] {
  const used = placeholdersIn(text);
  const problems: string[] = [];
  const unknown = used.filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p));
  if (unknown.length) {
    problems.push(`unknown placeholder ${unknown.map((p) => `{{${p}}}`).join(', ')} (known: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')})`);
  }
  const forbidden = FORBIDDEN[kind].filter((p) => used.includes(p));
  if (forbidden.length) {
    problems.push(`${forbidden.map((p) => `{{${p}}}`).join(', ')} has no value in a ${kind} judge (it uses ${REQUIRED[kind].map((p) => `{{${p}}}`).join(', ')})`);
  }
  if (role === 'user') {
    const missing = REQUIRED[kind].filter((p) => !used.includes(p));
    if (missing.length) problems.push(`a ${kind} template must contain ${missing.map((p) => `{{${p}}}`).join(', ')}`);
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
  return {
    system: JUDGE_SYSTEM,
    user: [
      'Below is an instruction written in {{language}}, followed by two responses to it.',
      '',
      'Decide which response follows the instruction better. Consider helpfulness, correctness, relevance and level of',
      'detail, and whether the response is written in the language of the instruction unless the instruction asks for',
      'another one. The order in which the responses are shown, their length and their style must not influence you.',
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
  return {
    system: JUDGE_SYSTEM,
    user: [
      'Please act as an impartial judge and evaluate how helpful the response below is to the user\'s instruction.',
      'Consider whether it follows the instruction, and its relevance, accuracy, depth and level of detail.',
      `Rate it on a scale from ${scale.min} to ${scale.max}:`,
      ...anchors,
      '',
      '[Instruction]',
      '{{instruction}}',
      '',
      '[Response]',
      '{{response}}',
      '',
      'Answer with a JSON object and nothing else, with two keys: "reasoning", a short explanation of your',
      `judgement, and "score", an integer from ${scale.min} to ${scale.max}. For example:`,
      `{"reasoning": "The response answers the question but misses one of the two parts.", "score": ${Math.min(scale.max, scale.min + 3)}}`,
    ].join('\n'),
  };
}

/** [CH]-style rating on a short scale, ending with "Rating: [[n]]"; the response must be in the instruction's language. */
export function defaultRatingTemplates(scale: ScoreScale): PromptTemplates {
  const anchors = scale.min === 1 && scale.max === 3
    ? '1 = poor (unhelpful, wrong, or not in the language of the question), 2 = acceptable, 3 = excellent'
    : `${scale.min} = worst, ${scale.max} = best`;
  return {
    system: JUDGE_SYSTEM,
    user: [
      'Please act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the',
      'question displayed below. The question is written in {{language}}, and the response must be written in the same',
      'language as the question; a response in another language is not acceptable unless the question asks for one.',
      'Consider helpfulness, relevance, accuracy, depth and level of detail. Begin with a short explanation and be as',
      `objective as possible. Then rate the response on a scale of ${scale.min} to ${scale.max} (${anchors}) by strictly`,
      `following this format: "Rating: [[n]]", for example: "Rating: [[${Math.round((scale.min + scale.max) / 2)}]]".`,
      '',
      '[Question]',
      '{{instruction}}',
      '',
      '[The Start of Assistant\'s Answer]',
      '{{response}}',
      '[The End of Assistant\'s Answer]',
    ].join('\n'),
  };
}
