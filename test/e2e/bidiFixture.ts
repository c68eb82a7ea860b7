// A second run for the right-to-left, layout and font steps: right-to-left paragraphs that open with a Latin word,
// an English paragraph inside a Hebrew answer, bidi control characters, a haiku's single line breaks, and long
// prompts, in 8 languages (Russian 7th, so that its row starts below the fold) × 3 systems.
export const BIDI_RUN = 'e2e-bidi';
export const BIDI_GROUP = 'b1';
export const BIDI_SYSTEMS = ['sys-a', 'sys-b', 'sys-c'];
export const HEBREW_PROMPT =
  'הסבר איך מכינים כוס תה, צעד אחר צעד, ומה עושים אם המים כבר רתחו לפני שהכנתם את הכוס והשקית.';
export const HAIKU = 'old silent pond\na frog jumps into the pond\nsplash! silence again';
export const HEBREW_LATIN_FIRST = 'Python היא שפת תכנות פופולרית, והיא קלה ללמידה.';
export const ARABIC_LATIN_FIRST = 'OpenAI هي شركة أبحاث في مجال الذكاء الاصطناعي.';
export const ENGLISH_IN_HEBREW = 'This paragraph is in English, with one Hebrew word: שלום.';
/** A right-to-left override that would reverse "txt.exe" into view as "exe.txt" if it were applied. */
export const OVERRIDE_TRICK = 'Open the file invoice\u202Etxt.exe\u202C now.';

const PROMPTS: Record<string, string> = {
  ar: 'اشرح كيف تُحضّر كوبًا من الشاي خطوة بخطوة، ولماذا يجب أن يكون الماء ساخنًا جدًا عند صبه على الأوراق.',
  de: 'Erkläre Schritt für Schritt, wie man eine Tasse Tee zubereitet.',
  en: 'Explain how to make a cup of tea, step by step.',
  es: 'Explica cómo preparar una taza de té, paso a paso.',
  he: HEBREW_PROMPT,
  hi: 'एक कप चाय बनाने का तरीका चरण दर चरण समझाइए।',
  ru: 'Объясните, как заварить чашку чая, шаг за шагом.',
  zh: '请一步一步地解释如何泡一杯茶。',
};

const FILLER: Record<string, string> = {
  ar: 'اغلِ ماءً عذبًا، ثم ضع كيس الشاي في الكوب، واسكب الماء وانتظر ثلاث دقائق.',
  de: 'Frisches Wasser kochen, den Teebeutel in eine Tasse legen, aufgießen und drei Minuten warten.',
  en: 'Boil fresh water, put the tea bag in a cup, pour the water and wait three minutes.',
  es: 'Hierve agua fresca, pon la bolsita en una taza, vierte el agua y espera tres minutos.',
  he: 'הרתיחו מים טריים, שימו שקית תה בכוס, מזגו את המים והמתינו שלוש דקות.',
  hi: 'ताज़ा पानी उबालें, कप में टी बैग रखें, पानी डालें और तीन मिनट प्रतीक्षा करें।',
  ru: 'Вскипятите свежую воду, положите пакетик в чашку, залейте и подождите три минуты.',
  zh: '把清水烧开，把茶包放进杯子里，倒入开水，等待三分钟。',
};

function responseText(lang: string, system: string): string {
  const paragraphs = Array.from({ length: 8 }, (_, i) => `${i + 1}. ${FILLER[lang]}`);
  if (lang === 'he' && system === 'sys-a') paragraphs.unshift(HEBREW_LATIN_FIRST, ENGLISH_IN_HEBREW);
  if (lang === 'ar' && system === 'sys-a') paragraphs.unshift(ARABIC_LATIN_FIRST);
  if (lang === 'en' && system === 'sys-a') paragraphs.unshift(HAIKU, OVERRIDE_TRICK);
  return paragraphs.join('\n\n');
}

/** The run as canonical JSONL lines (docs/formats.md). */
export function bidiRunLines(): string {
  const rows: object[] = [];
  for (const [lang, text] of Object.entries(PROMPTS)) {
    rows.push({ kind: 'prompt', run: BIDI_RUN, group: BIDI_GROUP, lang, text });
    for (const system of BIDI_SYSTEMS) {
      rows.push({ kind: 'response', run: BIDI_RUN, group: BIDI_GROUP, lang, system, text: responseText(lang, system) });
    }
  }
  return rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
}
