// The built-in prompts in English (the default, and the wording of the published protocols).
import { likertExample, type Wording } from './wording';

export const english: Wording = {
  tag: 'en',
  system: 'You are a careful and impartial judge of the answers of AI assistants.',
  userTurn: (n) => `### User (turn ${n}):`,
  assistantTurn: (n) => `### Assistant (turn ${n}):`,
  rationaleIn: (language) => `Write your explanation in ${language}.`,
  pairwise: {
    intro: 'Below is an instruction written in {{language}}, followed by two responses to it.',
    task: 'Decide which response follows the instruction better.',
    criteria: [
      'Consider helpfulness, correctness, relevance and level of detail, and whether the response is written in the',
      'language of the instruction unless the instruction asks for another one. The order in which the responses are',
      'shown, their length and their style must not influence you.',
    ],
    instruction: '[Instruction]',
    response1: '[Response 1]',
    response2: '[Response 2]',
    multiIntro: [
      'Below are two conversations in {{language}} between a user and an AI assistant. The user asks the same questions',
      "in both; the assistant's answers differ. Response 1 and Response 2 are the assistant's last answers.",
    ],
    multiTask:
      "Decide which last answer follows the user's last instruction better, in the context of the conversation before it.",
    conversation1: '[Conversation with Response 1]',
    conversation2: '[Conversation with Response 2]',
    choiceWithTie: (a) =>
      `Answer with "${a.first}" if Response 1 is better, "${a.second}" if Response 2 is better, or "${a.tie}" if neither is better.`,
    choiceSingle: (a, digits) =>
      `Answer with a single ${digits ? 'digit' : 'label'}: "${a.first}" if Response 1 is better, "${a.second}" if Response 2 is better.`,
    closing: (choice) => `Which response is better? ${choice} Do not write anything else.`,
  },
  likert: {
    intro: "Please act as an impartial judge and evaluate how helpful the response below is to the user's instruction.",
    multiIntro: [
      "Please act as an impartial judge and evaluate how helpful the assistant's last answer in the conversation below is",
      "to the user's last instruction, in the context of the conversation before it.",
    ],
    consider: 'Consider whether it follows the instruction, and its relevance, accuracy, depth and level of detail.',
    rateOn: (s) => `Rate it on a scale from ${s.min} to ${s.max}:`,
    anchors6: [
      '1 = not helpful at all: irrelevant, nonsensical or refuses without reason',
      '2 = barely helpful: mostly wrong or misses the point of the instruction',
      '3 = somewhat helpful: addresses the instruction but with major errors or omissions',
      '4 = helpful: follows the instruction with minor errors or omissions',
      '5 = very helpful: accurate, complete and clear',
      '6 = perfectly helpful: an excellent answer that could not reasonably be improved',
    ],
    anchorsOther: (s) => [`${s.min} = not helpful at all`, `${s.max} = perfectly helpful`],
    instruction: '[Instruction]',
    response: '[Response]',
    conversation: '[Conversation]',
    exampleReasoning: 'The response answers the question but misses one of the two parts.',
    answerFormat: (s) => [
      'Answer with a JSON object and nothing else, with two keys: "reasoning", a short explanation of your',
      `judgement, and "score", an integer from ${s.min} to ${s.max}. For example:`,
      likertExample(english, s),
    ],
  },
  rating: {
    intro: [
      'Please act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the',
      'question displayed below. The question is written in {{language}}, and the response must be written in the same',
      'language as the question; a response in another language is not acceptable unless the question asks for one.',
    ],
    multiIntro: [
      "Please act as an impartial judge and evaluate the quality of the AI assistant's last answer in the conversation",
      'below, in the context of the conversation before it. The user writes in {{language}}, and the answer must be',
      'written in the same language; an answer in another language is not acceptable unless the user asks for one.',
    ],
    anchors3: '1 = poor (unhelpful, wrong, or not in the language of the question), 2 = acceptable, 3 = excellent',
    anchorsOther: (s) => `${s.min} = worst, ${s.max} = best`,
    criteria: (s, anchors, example) => [
      'Consider helpfulness, relevance, accuracy, depth and level of detail. Begin with a short explanation and be as',
      `objective as possible. Then rate the response on a scale of ${s.min} to ${s.max} (${anchors}) by strictly`,
      `following this format: "Rating: [[n]]", for example: "Rating: [[${example}]]".`,
    ],
    question: '[Question]',
    answerStart: "[The Start of Assistant's Answer]",
    answerEnd: "[The End of Assistant's Answer]",
    conversationStart: '[The Start of the Conversation]',
    conversationEnd: '[The End of the Conversation]',
  },
};
