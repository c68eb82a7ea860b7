// The built-in judge prompts' wording in one language: every sentence the templates are built from (templates.ts).
// English is the default; `instructionsLanguage: "prompt"` picks the wording of each prompt's own language. The
// labels the answer is read by ("1", "2", "tie", the JSON keys "reasoning" and "score", "Rating: [[n]]") are never
// translated: the parsers look for them as they are.
import type { PairwiseAnswers } from '../templates';

export interface Scale {
  readonly min: number;
  readonly max: number;
}

export interface Wording {
  /** The language's BCP-47 tag. */
  readonly tag: string;
  readonly system: string;
  /** "### User (turn 1):", "### Assistant (turn 1):" in a conversation shown to the judge. */
  readonly userTurn: (turn: number) => string;
  readonly assistantTurn: (turn: number) => string;
  /** "Write your explanation in Spanish.", with the language's name in this wording's language. */
  readonly rationaleIn: (languageName: string) => string;
  readonly pairwise: {
    /** The first line; may hold {{language}} (English) or name the language itself. */
    readonly intro: string;
    readonly task: string;
    readonly criteria: readonly string[];
    readonly instruction: string;
    readonly response1: string;
    readonly response2: string;
    readonly multiIntro: readonly string[];
    readonly multiTask: string;
    readonly conversation1: string;
    readonly conversation2: string;
    readonly choiceWithTie: (a: PairwiseAnswers) => string;
    /** `digits`: both labels are single digits, so the judge is asked for "a single digit". */
    readonly choiceSingle: (a: PairwiseAnswers, digits: boolean) => string;
    readonly closing: (choice: string) => string;
  };
  readonly likert: {
    readonly intro: string;
    readonly multiIntro: readonly string[];
    readonly consider: string;
    readonly rateOn: (s: Scale) => string;
    /** The six anchors of the 1-6 scale. */
    readonly anchors6: readonly string[];
    readonly anchorsOther: (s: Scale) => readonly string[];
    readonly instruction: string;
    readonly response: string;
    readonly conversation: string;
    readonly answerFormat: (s: Scale) => readonly string[];
    /** The example reasoning in the JSON example. */
    readonly exampleReasoning: string;
  };
  readonly rating: {
    readonly intro: readonly string[];
    readonly multiIntro: readonly string[];
    readonly anchors3: string;
    readonly anchorsOther: (s: Scale) => string;
    readonly criteria: (s: Scale, anchors: string, example: number) => readonly string[];
    readonly question: string;
    readonly answerStart: string;
    readonly answerEnd: string;
    readonly conversationStart: string;
    readonly conversationEnd: string;
  };
}

/** The JSON example of a Likert answer, with the score four above the minimum (or the maximum). */
export function likertExample(w: Wording, s: Scale): string {
  return `{"reasoning": "${w.likert.exampleReasoning}", "score": ${Math.min(s.max, s.min + 3)}}`;
}
