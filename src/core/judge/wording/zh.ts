// The built-in prompts in Chinese (Simplified), for `instructionsLanguage: "prompt"`; zh-Hant prompts get them too.
import { likertExample, type Wording } from './wording';

export const chinese: Wording = {
  tag: 'zh',
  system: '你是一名认真、公正的评审，负责评判人工智能助手的回答。',
  userTurn: (n) => `### 用户（第 ${n} 轮）：`,
  assistantTurn: (n) => `### 助手（第 ${n} 轮）：`,
  rationaleIn: (language) => `请用${language}写出你的解释。`,
  pairwise: {
    intro: '下面是一条用中文写的指令，以及针对它的两个回答。',
    task: '请判断哪个回答更好地遵循了指令。',
    criteria: [
      '请考虑回答的有用性、正确性、相关性和详细程度，以及回答是否使用了指令的语言（除非指令要求使用其他语言）。',
      '回答的展示顺序、长度和风格都不应影响你的判断。',
    ],
    instruction: '[指令]',
    response1: '[回答 1]',
    response2: '[回答 2]',
    multiIntro: [
      '下面是用户与人工智能助手之间的两段中文对话。两段对话中用户提出的问题相同，助手的回答不同。',
      '回答 1 和回答 2 分别是两段对话中助手的最后一个回答。',
    ],
    multiTask: '请结合之前的对话，判断哪一个最后的回答更好地遵循了用户的最后一条指令。',
    conversation1: '[包含回答 1 的对话]',
    conversation2: '[包含回答 2 的对话]',
    choiceWithTie: (a) =>
      `如果回答 1 更好，请回答"${a.first}"；如果回答 2 更好，请回答"${a.second}"；如果两者都不比对方更好，请回答"${a.tie}"。`,
    choiceSingle: (a, digits) =>
      `请只用${digits ? '一个数字' : '一个标签'}回答：如果回答 1 更好，回答"${a.first}"；如果回答 2 更好，回答"${a.second}"。`,
    closing: (choice) => `哪个回答更好？${choice}不要写任何其他内容。`,
  },
  likert: {
    intro: '请作为一名公正的评审，评估下面的回答对用户指令的帮助程度。',
    multiIntro: [
      '请作为一名公正的评审，结合之前的对话，评估下面对话中助手的最后一个回答对用户最后一条指令的帮助程度。',
    ],
    consider: '请考虑它是否遵循了指令，以及它的相关性、准确性、深度和详细程度。',
    rateOn: (s) => `请按 ${s.min} 到 ${s.max} 分打分：`,
    anchors6: [
      '1 = 完全没有帮助：答非所问、毫无意义或无理由地拒绝',
      '2 = 几乎没有帮助：大部分错误，或没有抓住指令的要点',
      '3 = 有一定帮助：回应了指令，但有重大错误或遗漏',
      '4 = 有帮助：遵循了指令，只有轻微的错误或遗漏',
      '5 = 非常有帮助：准确、完整、清晰',
      '6 = 极有帮助：出色的回答，几乎无法再改进',
    ],
    anchorsOther: (s) => [`${s.min} = 完全没有帮助`, `${s.max} = 极有帮助`],
    instruction: '[指令]',
    response: '[回答]',
    conversation: '[对话]',
    exampleReasoning: '该回答回应了问题，但遗漏了问题两个部分中的一个。',
    answerFormat: (s) => [
      '请只用一个 JSON 对象回答，不要写其他内容。该对象包含两个键："reasoning"，对你的评判的简短解释；',
      `"score"，一个 ${s.min} 到 ${s.max} 之间的整数。例如：`,
      likertExample(chinese, s),
    ],
  },
  rating: {
    intro: [
      '请作为一名公正的评审，评估人工智能助手对下面问题所给回答的质量。问题是用中文写的，回答必须使用与问题相同的语言；',
      '除非问题要求使用其他语言，否则用其他语言写的回答是不可接受的。',
    ],
    multiIntro: [
      '请作为一名公正的评审，结合之前的对话，评估下面对话中人工智能助手最后一个回答的质量。用户使用中文，回答必须使用相同的语言；',
      '除非用户要求使用其他语言，否则用其他语言写的回答是不可接受的。',
    ],
    anchors3: '1 = 差（没有帮助、错误，或没有使用问题的语言），2 = 可以接受，3 = 优秀',
    anchorsOther: (s) => `${s.min} = 最差，${s.max} = 最好`,
    criteria: (s, anchors, example) => [
      '请考虑有用性、相关性、准确性、深度和详细程度。先给出简短的解释，并尽可能保持客观。',
      `然后按 ${s.min} 到 ${s.max} 分为回答打分（${anchors}），并严格遵循以下格式："Rating: [[n]]"，例如："Rating: [[${example}]]"。`,
    ],
    question: '[问题]',
    answerStart: '[助手回答开始]',
    answerEnd: '[助手回答结束]',
    conversationStart: '[对话开始]',
    conversationEnd: '[对话结束]',
  },
};
