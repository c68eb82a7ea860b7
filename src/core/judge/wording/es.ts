// The built-in prompts in Spanish, for `instructionsLanguage: "prompt"`.
import { likertExample, type Wording } from './wording';

export const spanish: Wording = {
  tag: 'es',
  system: 'Eres un juez cuidadoso e imparcial de las respuestas de asistentes de inteligencia artificial.',
  userTurn: (n) => `### Usuario (turno ${n}):`,
  assistantTurn: (n) => `### Asistente (turno ${n}):`,
  rationaleIn: (language) => `Escribe tu explicación en ${language}.`,
  pairwise: {
    intro: 'A continuación hay una instrucción escrita en español, seguida de dos respuestas a ella.',
    task: 'Decide qué respuesta sigue mejor la instrucción.',
    criteria: [
      'Ten en cuenta la utilidad, la corrección, la pertinencia y el nivel de detalle, y si la respuesta está escrita en el',
      'idioma de la instrucción, salvo que la instrucción pida otro. Ni el orden en que se muestran las respuestas, ni su',
      'longitud, ni su estilo deben influirte.',
    ],
    instruction: '[Instrucción]',
    response1: '[Respuesta 1]',
    response2: '[Respuesta 2]',
    multiIntro: [
      'A continuación hay dos conversaciones en español entre un usuario y un asistente de IA. El usuario hace las mismas',
      'preguntas en ambas; las respuestas del asistente difieren. La Respuesta 1 y la Respuesta 2 son las últimas respuestas del asistente.',
    ],
    multiTask:
      'Decide qué última respuesta sigue mejor la última instrucción del usuario, en el contexto de la conversación anterior.',
    conversation1: '[Conversación con la Respuesta 1]',
    conversation2: '[Conversación con la Respuesta 2]',
    choiceWithTie: (a) =>
      `Responde con "${a.first}" si la Respuesta 1 es mejor, "${a.second}" si la Respuesta 2 es mejor, o "${a.tie}" si ninguna es mejor.`,
    choiceSingle: (a, digits) =>
      `Responde con ${digits ? 'un solo dígito' : 'una sola etiqueta'}: "${a.first}" si la Respuesta 1 es mejor, "${a.second}" si la Respuesta 2 es mejor.`,
    closing: (choice) => `¿Qué respuesta es mejor? ${choice} No escribas nada más.`,
  },
  likert: {
    intro:
      'Actúa como un juez imparcial y evalúa lo útil que es la respuesta siguiente para la instrucción del usuario.',
    multiIntro: [
      'Actúa como un juez imparcial y evalúa lo útil que es la última respuesta del asistente en la conversación siguiente',
      'para la última instrucción del usuario, en el contexto de la conversación anterior.',
    ],
    consider: 'Ten en cuenta si sigue la instrucción, y su pertinencia, exactitud, profundidad y nivel de detalle.',
    rateOn: (s) => `Califícala en una escala de ${s.min} a ${s.max}:`,
    anchors6: [
      '1 = nada útil: irrelevante, sin sentido o se niega sin motivo',
      '2 = apenas útil: mayormente incorrecta o no capta el sentido de la instrucción',
      '3 = algo útil: atiende la instrucción, pero con errores u omisiones importantes',
      '4 = útil: sigue la instrucción con errores u omisiones menores',
      '5 = muy útil: exacta, completa y clara',
      '6 = perfectamente útil: una respuesta excelente que no podría mejorarse razonablemente',
    ],
    anchorsOther: (s) => [`${s.min} = nada útil`, `${s.max} = perfectamente útil`],
    instruction: '[Instrucción]',
    response: '[Respuesta]',
    conversation: '[Conversación]',
    exampleReasoning: 'La respuesta contesta la pregunta, pero omite una de sus dos partes.',
    answerFormat: (s) => [
      'Responde con un objeto JSON y nada más, con dos claves: "reasoning", una breve explicación de tu',
      `valoración, y "score", un número entero de ${s.min} a ${s.max}. Por ejemplo:`,
      likertExample(spanish, s),
    ],
  },
  rating: {
    intro: [
      'Actúa como un juez imparcial y evalúa la calidad de la respuesta que un asistente de IA ha dado a la pregunta',
      'que se muestra a continuación. La pregunta está escrita en español, y la respuesta debe estar escrita en el mismo',
      'idioma que la pregunta; una respuesta en otro idioma no es aceptable, salvo que la pregunta lo pida.',
    ],
    multiIntro: [
      'Actúa como un juez imparcial y evalúa la calidad de la última respuesta del asistente de IA en la conversación',
      'siguiente, en el contexto de la conversación anterior. El usuario escribe en español, y la respuesta debe estar',
      'escrita en el mismo idioma; una respuesta en otro idioma no es aceptable, salvo que el usuario lo pida.',
    ],
    anchors3:
      '1 = deficiente (inútil, incorrecta o no escrita en el idioma de la pregunta), 2 = aceptable, 3 = excelente',
    anchorsOther: (s) => `${s.min} = la peor, ${s.max} = la mejor`,
    criteria: (s, anchors, example) => [
      'Ten en cuenta la utilidad, la pertinencia, la exactitud, la profundidad y el nivel de detalle. Empieza con una breve',
      `explicación y sé lo más objetivo posible. Después califica la respuesta en una escala de ${s.min} a ${s.max} (${anchors})`,
      `siguiendo estrictamente este formato: "Rating: [[n]]", por ejemplo: "Rating: [[${example}]]".`,
    ],
    question: '[Pregunta]',
    answerStart: '[Inicio de la respuesta del asistente]',
    answerEnd: '[Fin de la respuesta del asistente]',
    conversationStart: '[Inicio de la conversación]',
    conversationEnd: '[Fin de la conversación]',
  },
};
