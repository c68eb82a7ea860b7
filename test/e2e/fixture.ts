// Generated run files for the end-to-end test, in the canonical layout (docs/formats.md): 12 languages
// (right-to-left, CJK and Devanagari among them) × 12 systems × 6 prompt groups, Markdown responses, judge
// verdicts and two other annotators' labels, plus one group whose response tries to run script.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const RUN = 'e2e-run';
export const LANGUAGES = ['en', 'es', 'ru', 'he', 'ar', 'zh', 'hi', 'de', 'fr', 'ja', 'fa', 'ur'] as const;
export const SYSTEMS = [
  'mono-en',
  'mono-es',
  'mono-ru',
  'mono-he',
  'multi-2',
  'multi-3',
  'multi-4',
  'multi-5',
  'multi-6',
  'pinch-40',
  'pinch-100',
  'full-multi',
];
export const GROUPS = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'];
/** The group whose English response carries HTML that must never run. */
export const XSS_GROUP = 'q0-xss';
export const XSS_RESPONSE = [
  'Here is some text before the payloads.',
  '',
  '<script>document.body.dataset.pwned = "script"; window.parent.postMessage({ type: "pwned" }, "*");</script>',
  '',
  '<img src="x" onerror="document.body.dataset.pwned = \'img\'">',
  '',
  '<iframe src="javascript:document.body.dataset.pwned=\'iframe\'"></iframe>',
  '',
  "[a javascript link](javascript:document.body.dataset.pwned='link')",
  '',
  '![remote image](https://example.invalid/tracker.png)',
].join('\n');

type Lang = (typeof LANGUAGES)[number];

const PROMPTS: Record<Lang, string> = {
  en: 'Explain how to make a cup of tea, step by step.',
  es: 'Explica cómo preparar una taza de té, paso a paso.',
  ru: 'Объясните, как заварить чашку чая, шаг за шагом.',
  he: 'הסבר איך מכינים כוס תה, צעד אחר צעד.',
  ar: 'اشرح كيف تُحضّر كوبًا من الشاي خطوة بخطوة.',
  zh: '请一步一步地解释如何泡一杯茶。',
  hi: 'एक कप चाय बनाने का तरीका चरण दर चरण समझाइए।',
  de: 'Erkläre Schritt für Schritt, wie man eine Tasse Tee zubereitet.',
  fr: 'Explique étape par étape comment préparer une tasse de thé.',
  ja: 'お茶の入れ方を順を追って説明してください。',
  fa: 'توضیح دهید چگونه یک فنجان چای درست کنیم، قدم به قدم.',
  ur: 'قدم بہ قدم بتائیں کہ چائے کا ایک کپ کیسے بنایا جاتا ہے۔',
};

const STEPS: Record<Lang, [string, string, string]> = {
  en: ['Boil fresh water.', 'Put the tea bag in a cup.', 'Pour the water and wait three minutes.'],
  es: ['Hierve agua fresca.', 'Pon la bolsita de té en una taza.', 'Vierte el agua y espera tres minutos.'],
  ru: ['Вскипятите свежую воду.', 'Положите чайный пакетик в чашку.', 'Залейте водой и подождите три минуты.'],
  he: ['הרתיחו מים טריים.', 'שימו שקית תה בכוס.', 'מזגו את המים והמתינו שלוש דקות.'],
  ar: ['اغلِ ماءً عذبًا.', 'ضع كيس الشاي في الكوب.', 'اسكب الماء وانتظر ثلاث دقائق.'],
  zh: ['把清水烧开。', '把茶包放进杯子里。', '倒入开水，等待三分钟。'],
  hi: ['ताज़ा पानी उबालें।', 'कप में टी बैग रखें।', 'पानी डालें और तीन मिनट प्रतीक्षा करें।'],
  de: ['Frisches Wasser kochen.', 'Den Teebeutel in eine Tasse legen.', 'Wasser aufgießen und drei Minuten warten.'],
  fr: [
    'Faites bouillir de l’eau fraîche.',
    'Mettez le sachet de thé dans une tasse.',
    'Versez l’eau et attendez trois minutes.',
  ],
  ja: ['新しい水を沸かします。', 'カップにティーバッグを入れます。', 'お湯を注いで三分待ちます。'],
  fa: ['آب تازه را بجوشانید.', 'کیسه چای را در فنجان بگذارید.', 'آب را بریزید و سه دقیقه صبر کنید.'],
  ur: ['تازہ پانی ابالیں۔', 'کپ میں ٹی بیگ رکھیں۔', 'پانی ڈالیں اور تین منٹ انتظار کریں۔'],
};

interface Row {
  [field: string]: unknown;
}

function response(lang: Lang, system: string, group: string): string {
  const [a, b, c] = STEPS[lang];
  // mono-en answers every prompt in English: the language mismatch the grid and the explorer must mark.
  const steps = system === 'mono-en' ? STEPS.en : [a, b, c];
  const variant = (SYSTEMS.indexOf(system) + GROUPS.indexOf(group)) % 3;
  if (variant === 0)
    return `1. ${steps[0]}\n2. ${steps[1]}\n3. ${steps[2]}\n\nMixed text: **${steps[0]}** (100°C, \`brew --minutes 3\`).`;
  if (variant === 1) return `${steps.join(' ')}\n\n| # | step |\n|---|---|\n| 1 | ${steps[0]} |\n| 2 | ${steps[1]} |`;
  return `- ${steps[0]}\n- ${steps[1]}\n\n\`\`\`python\nbrew(minutes=3)  # ${system}\n\`\`\`\n\n${steps[2]}`;
}

export function fixtureRows(): { prompts: Row[]; responses: Row[]; judgments: Row[]; labels: Row[] } {
  const prompts: Row[] = [];
  const responses: Row[] = [];
  const judgments: Row[] = [];
  const labels: Row[] = [];
  for (const group of GROUPS) {
    for (const lang of LANGUAGES) {
      prompts.push({ kind: 'prompt', run: RUN, group, lang, text: `${PROMPTS[lang]} (${group})` });
      for (const system of SYSTEMS) {
        responses.push({ kind: 'response', run: RUN, group, lang, system, text: response(lang, system, group) });
        judgments.push({
          kind: 'pointwise-judgment',
          run: RUN,
          group,
          lang,
          system,
          judge: 'gpt-judge',
          scale: 'likert-6',
          score: system === 'mono-en' && lang !== 'en' ? 1 : 3 + (SYSTEMS.indexOf(system) % 4),
          reasoning: `The answer lists the steps ${system === 'mono-en' && lang !== 'en' ? 'but in English' : 'clearly'}.`,
        });
      }
      for (const [systemA, systemB] of [
        ['multi-3', 'mono-en'],
        ['multi-3', 'full-multi'],
      ]) {
        judgments.push({
          kind: 'pairwise-judgment',
          run: RUN,
          group,
          lang,
          judge: 'gpt-judge',
          system_a: systemA,
          system_b: systemB,
          order: 'AB',
          verdict: 'A',
          reasoning: `${systemA} answers in the right language.`,
        });
        judgments.push({
          kind: 'pairwise-judgment',
          run: RUN,
          group,
          lang,
          judge: 'gpt-judge',
          system_a: systemA,
          system_b: systemB,
          order: 'BA',
          verdict: systemB === 'mono-en' ? 'A' : 'B',
          reasoning: 'Second order.',
        });
      }
      for (const [annotator, rating] of [
        ['alice', 'pass'],
        ['bob', 'excellent'],
      ] as const) {
        if (lang === 'he' || lang === 'ar') {
          labels.push({
            kind: 'rating-label',
            run: RUN,
            group,
            lang,
            system: 'multi-3',
            annotator,
            rating,
            labelled_at: '2025-01-02T10:00:00Z',
          });
        }
      }
    }
  }
  prompts.push({ kind: 'prompt', run: RUN, group: XSS_GROUP, lang: 'en', text: 'Show me some HTML.' });
  responses.push({ kind: 'response', run: RUN, group: XSS_GROUP, lang: 'en', system: 'mono-en', text: XSS_RESPONSE });
  responses.push({
    kind: 'response',
    run: RUN,
    group: XSS_GROUP,
    lang: 'en',
    system: 'multi-3',
    text: 'Plain **Markdown** answer.',
  });
  return { prompts, responses, judgments, labels };
}

/** Writes the run files into a folder: one file per record kind, as a run folder usually has. */
export function writeFixture(folder: string): void {
  mkdirSync(folder, { recursive: true });
  const rows = fixtureRows();
  for (const [name, list] of Object.entries(rows)) {
    writeFileSync(join(folder, `${name}.jsonl`), list.map((r) => JSON.stringify(r)).join('\n') + '\n');
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  writeFixture(process.argv[2] ?? 'e2e-workspace');
}
