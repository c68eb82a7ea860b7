// Language identification of model outputs (protocols.md §4-§6): franc-all, restricted to a run's languages and
// their confusable neighbours, behind safeguards. Pure: no vscode, no database; the caller stores the Detection.
//
// Pipeline: strip code, URLs, e-mail addresses, markup, math and numbers (strip.ts) → find the dominant script
// (scripts.ts) → a script that names one language decides alone (Han → zh, Han with kana → ja, Hangul → ko, Bengali,
// Greek, Thai, Georgian, Armenian, ...) → otherwise franc decides among the candidates written in that script
// (Latin, Cyrillic, Arabic, Devanagari; Hebrew only when Yiddish is a candidate), on the letters of that script only.
//
// Choices, measured on hplt-prompts (549 native-speaker prompts, 11 languages, cut to ≤50/100/300 characters) with
// `npx tsx bench/langid.ts`, which prints the per-language table, a sensitivity table and simulated wrong-language
// answers; docs/langid.md keeps the numbers. Accuracy is among determined answers, coverage the share not "und".
// - franc's trigram profiles come from the UDHR (formal, third person), so short conversational text often scores a
//   neighbour above its own language (franc alone: Norwegian → Danish, Spanish → Galician/Occitan; 94.0% / 82.0% at
//   ≤100 chars overall, worst language 77%). Three corrections on franc's score:
//   · +0.05 for the run's own languages (an answer is usually in a run language): ≤100 chars 96.0% → 98.4%, no
//     77% → 100%, es 82% → 93%; wrong-language answers missed (counted as the run's language) 1.0% → 1.9%.
//   · −2 × the share of letters the candidate's alphabet lacks (ы, э are not Bulgarian, ř, ů not Slovak): coverage
//     +3 points, ru 93% → 96% at ≤100 chars.
//   · +1 × the share of English function words (you, what, please, ...) for English, a candidate in every run: en
//     91% → 98% at ≤50 chars, 98% → 100% at ≤100.
// - "ambiguous" when the margin between the best candidate and the best one of another language, times √letters, is
//   below 0.4 (0.04 at 100 letters, 0.08 at 25, 0.023 at 300): the margin's noise shrinks like 1/√letters. On the
//   distinct cuts, a fixed margin of 0.03 gave 92.1% accuracy (93% coverage) at 25-60 letters and 99.1% (99%) above;
//   the scaled one 95.9% (85%) and 99.5% (98%). No "ambiguous" at all: 95.0% at ≤100 chars, worst language 83%.
// - "too-short" below 25 letters of the script for a model decision: the scaled margin already refuses most unclear
//   short texts (minLetters 15 changes nothing measurable), while the "about 50" would leave 82% of the
//   ≤50-character cuts undetermined for no gain at ≤100 (98.6% vs 98.4%). Below 5 letters for a script decision.
// - confidence: the dominant script's share of the letters, times, for a model decision, 1 − 0.5·e^(−1.6·z) with
//   z = margin × √letters, which follows the measured accuracy of determined answers at each z (0.75 at the threshold,
//   0.93 at z = 1.25, 0.99 at z = 2.5).
// Issue 16 added: the running text (prose.ts), decisive Cyrillic letters and kana/Hangul (evidence.ts, scripts.ts),
// function words of the close groups (words.ts, weight 2), bounded samples of long answers and `mul` (chunks.ts).
// Result, all 11 languages: ≤50 chars 98.4% / 91.3%, ≤100 99.0% / 95.3%, ≤300 99.4% / 95.4% (before: 96.8 / 86.0,
// 98.4 / 91.4, 98.6 / 92.3). docs/langid.md has the tables, the speed and the eld comparison.
import { data as francData } from 'franc-all/data.js';
import { languageKey, parseLanguageTag, sameLanguage, UNDETERMINED, type LanguageTag } from '../model/language';
import { FrancCodeIndex, francCodeToTag } from './iso639';
import { neighboursOf } from './neighbours';
import { MIXED, mixedParts, sampleChunks, sampleLines, type LanguageShare } from './chunks';
import { englishWordShare, foreignLetterShare, lettersDecide, ruledOutByLetters } from './evidence';
import { runningText } from './prose';
import { keepScript, letterCountsOfScript, scriptProfile, type ScriptCode, type ScriptProfile } from './scripts';
import { dropCodeBlocks, stripInlineMarkup, stripPunctuation } from './strip';
import { functionWordDeficits, wordsOf } from './words';
import { trigramScores } from './trigrams';

export type UndeterminedReason = 'too-short' | 'ambiguous' | 'no-letters' | 'unsupported-script';

export interface LanguageScore {
  readonly lang: LanguageTag;
  /**
   * The decision score: franc's normalised score (1 for its best candidate, lower for the others; candidates of one
   * script only) plus the run-language prior and the English-word evidence, minus the alphabet penalty. 1 for a
   * script decision.
   */
  readonly score: number;
}

export interface Detection {
  /** The detected language, or "und" (see `reason`). */
  readonly lang: LanguageTag;
  /** 0..1; 0 for "und". */
  readonly confidence: number;
  /** Why the language is undetermined; absent when it was determined. */
  readonly reason?: UndeterminedReason;
  /** ISO 15924 code of the dominant script ("Jpan" for Han with kana, "Zyyy" without letters, "Zzzz" unknown). */
  readonly script: ScriptCode;
  /** "script": decided by the writing system alone; "model": by franc among the script's candidates. */
  readonly method: 'script' | 'model' | 'none';
  /** Letters of the dominant script left after code, URLs, markup and numbers were removed. */
  readonly letters: number;
  /** Score gap between the best candidate and the best one of another language (model decisions only; 1 without a rival). */
  readonly margin?: number;
  /** Best first. */
  readonly candidates: readonly LanguageScore[];
  /** For "mul" (a mixed answer): its languages and their shares of the decided chunks, largest first. */
  readonly parts?: readonly LanguageShare[];
}

export interface LanguageIdentifierOptions {
  /** The run's languages. Their confusable neighbours are added unless `neighbours` is false. */
  readonly languages: readonly LanguageTag[];
  /**
   * More candidates, without neighbours and without the run-language prior (languages a model might drift into).
   * English is a candidate for Latin-script text in any case, Russian for Cyrillic, Arabic for Arabic script.
   */
  readonly extraCandidates?: readonly LanguageTag[];
  /** Add the confusable neighbours of the run's languages (default true). */
  readonly neighbours?: boolean;
  /** Below this many letters of the dominant script, a model decision is "too-short" (default 25). */
  readonly minLetters?: number;
  /** Below this many letters, a script decision (Hangul, Han, Thai, ...) is "too-short" (default 5). */
  readonly minScriptLetters?: number;
  /**
   * The score margin a model decision needs at 100 letters; it scales with 1/√letters (0.08 at 25 letters, 0.023 at
   * 300). Below it the answer is "ambiguous" (default 0.04).
   */
  readonly minMargin?: number;
  /** Added to the score of the run's own languages before the model decides (default 0.05). */
  readonly runLanguagePrior?: number;
  /** Subtracted from a candidate's score, times the share of the text's letters its alphabet lacks (default 2). */
  readonly alphabetPenalty?: number;
  /** Added to English's score, times the share of the words that are English function words (default 1). */
  readonly englishWordWeight?: number;
  /**
   * Subtracted from a close-group candidate's score, times the share of the text's words by which its function words
   * fall short of the best group member's (default 1; see words.ts).
   */
  readonly functionWordWeight?: number;
}

export interface LanguageIdentifier {
  /** Every language the identifier can answer: run languages, neighbours, script defaults and fallbacks, script languages. */
  readonly candidates: readonly LanguageTag[];
  /** Run languages that neither a script rule nor a franc model can produce: they will never be detected. */
  readonly unsupported: readonly LanguageTag[];
  detect(text: string): Detection;
}

// Defaults, chosen on hplt-prompts (see the comment at the top of this file and docs/langid.md).
export const DEFAULT_MIN_LETTERS = 25;
export const DEFAULT_MIN_SCRIPT_LETTERS = 5;
export const DEFAULT_MIN_MARGIN = 0.04;
export const DEFAULT_RUN_LANGUAGE_PRIOR = 0.05;
export const DEFAULT_ALPHABET_PENALTY = 2;
export const DEFAULT_ENGLISH_WORD_WEIGHT = 1;
export const DEFAULT_FUNCTION_WORD_WEIGHT = 2;
/** Subtracted from a candidate the text's letters rule out (evidence.ts): more than any franc score difference. */
const RULED_OUT = 1;

/** Scripts that name one language without any model (where franc has one model per script, or none). */
const SCRIPT_LANGUAGE: Readonly<Record<ScriptCode, string>> = {
  Hani: 'zh',
  Jpan: 'ja',
  Hang: 'ko',
  Beng: 'bn',
  Thai: 'th',
  Grek: 'el',
  Geor: 'ka',
  Armn: 'hy',
  Taml: 'ta',
  Telu: 'te',
  Knda: 'kn',
  Mlym: 'ml',
  Gujr: 'gu',
  Guru: 'pa',
  Orya: 'or',
  Sinh: 'si',
  Khmr: 'km',
  Laoo: 'lo',
  Thaa: 'dv',
  Syrc: 'syr',
  Mong: 'mn',
  Cher: 'chr',
  Tfng: 'zgh',
  Yiii: 'ii',
  Java: 'jv',
  Olck: 'sat',
  Vaii: 'vai',
  Tavt: 'blt',
};

/**
 * Scripts franc has several models for. `always`: candidates whatever the run's languages (what a model falls back
 * to: an English answer must be detectable in any run). `fallback`: the candidates when no run language is written
 * in the script (the answer is then in a wrong language anyway; this names the likely one).
 */
interface ModelScript {
  readonly group: string;
  readonly always: readonly string[];
  readonly fallback: readonly string[];
}

const MODEL_SCRIPTS: Readonly<Record<ScriptCode, ModelScript>> = {
  Latn: {
    group: 'Latin',
    always: ['en'],
    fallback: [
      'en',
      'es',
      'fr',
      'de',
      'it',
      'pt',
      'nl',
      'pl',
      'tr',
      'id',
      'vi',
      'sv',
      'da',
      'no',
      'cs',
      'ro',
      'hu',
      'fi',
    ],
  },
  Cyrl: { group: 'Cyrillic', always: ['ru'], fallback: ['ru', 'uk', 'bg', 'sr', 'mk', 'be', 'kk'] },
  Arab: { group: 'Arabic', always: ['ar'], fallback: ['ar', 'fa', 'ur'] },
  Deva: { group: 'Devanagari', always: ['hi'], fallback: ['hi', 'mr', 'ne'] },
  Hebr: { group: 'Hebrew', always: ['he'], fallback: ['he'] },
  Ethi: { group: 'Ethiopic', always: ['am'], fallback: ['am', 'ti'] },
  Mymr: { group: 'Myanmar', always: ['my'], fallback: ['my'] },
  Tibt: { group: 'Tibetan', always: ['bo'], fallback: ['bo'] },
  Cans: { group: 'Canadian_Aboriginal', always: ['iu'], fallback: ['iu', 'cr', 'oj'] },
};

/** Bengali script letters used by Assamese and not by Bengali (ৰ, ৱ). */
const ASSAMESE_LETTERS = /[\u09F0\u09F1]/u;

const ALL_FRANC_CODES = new FrancCodeIndex(Object.values(francData).flatMap((models) => Object.keys(models)));

/**
 * How one script is resolved for this run: a single language, or franc over `codes`. `preferred`: the languageKeys
 * of the run's own languages among them, which get the run-language prior.
 */
interface ModelPlan {
  readonly kind: 'model';
  readonly group: string;
  readonly codes: readonly string[];
  readonly preferred: ReadonlySet<string>;
}
type Plan = { readonly kind: 'single'; readonly lang: LanguageTag } | ModelPlan;

function tag(raw: string): LanguageTag {
  const parsed = parseLanguageTag(raw);
  if (!parsed) throw new Error(`not a language tag: ${raw}`);
  return parsed;
}

/**
 * The candidates for one model script: the run's languages written in it, the neighbours of those languages (a
 * neighbour counts only in the script of the language it neighbours: Serbian is Bulgarian's neighbour in Cyrillic,
 * not Czech's rival in Latin), the script's `always` languages and the extra candidates; the `fallback` set instead of
 * the first three when no run language is written in the script.
 */
function planModelScript(
  spec: ModelScript,
  run: readonly LanguageTag[],
  extra: readonly LanguageTag[],
  neighbours: boolean,
): Plan {
  const inScript = new Set(Object.keys(francData[spec.group] ?? {}));
  const codesOf = (tags: readonly LanguageTag[]) =>
    tags.flatMap((t) => ALL_FRANC_CODES.codesFor(t)).filter((c) => inScript.has(c));
  const own = run.filter((t) => codesOf([t]).length > 0);
  const base =
    own.length === 0
      ? codesOf(spec.fallback.map(tag))
      : [...codesOf(own), ...(neighbours ? codesOf(own.flatMap(neighboursOf)) : []), ...codesOf(spec.always.map(tag))];
  const codes = [...new Set([...base, ...codesOf(extra)])];
  const keys = new Set(codes.map((c) => languageKey(francCodeToTag(c))));
  if (keys.size === 1) return { kind: 'single', lang: francCodeToTag(codes[0]!) };
  return { kind: 'model', group: spec.group, codes, preferred: new Set(own.map(languageKey)) };
}

export function createLanguageIdentifier(options: LanguageIdentifierOptions): LanguageIdentifier {
  const minLetters = options.minLetters ?? DEFAULT_MIN_LETTERS;
  const minScriptLetters = options.minScriptLetters ?? DEFAULT_MIN_SCRIPT_LETTERS;
  const minMargin = options.minMargin ?? DEFAULT_MIN_MARGIN;
  const prior = options.runLanguagePrior ?? DEFAULT_RUN_LANGUAGE_PRIOR;
  const alphabetPenalty = options.alphabetPenalty ?? DEFAULT_ALPHABET_PENALTY;
  const englishWeight = options.englishWordWeight ?? DEFAULT_ENGLISH_WORD_WEIGHT;
  const functionWordWeight = options.functionWordWeight ?? DEFAULT_FUNCTION_WORD_WEIGHT;

  const run = distinct(options.languages);
  const extra = distinct(options.extraCandidates ?? []).filter((t) => !run.some((r) => sameLanguage(r, t)));
  const plans = new Map<ScriptCode, Plan>();
  const neighbours = options.neighbours !== false;
  for (const [script, spec] of Object.entries(MODEL_SCRIPTS))
    plans.set(script, planModelScript(spec, run, extra, neighbours));
  for (const [script, lang] of Object.entries(SCRIPT_LANGUAGE)) plans.set(script, { kind: 'single', lang: tag(lang) });

  const candidates: LanguageTag[] = [];
  for (const plan of plans.values()) {
    if (plan.kind === 'single') candidates.push(plan.lang);
    else candidates.push(...plan.codes.map(francCodeToTag));
  }
  candidates.push(tag('as')); // Bengali script with Assamese letters, see detect

  /** The ranked candidates of a text in a model script, franc's scores with the evidence added. */
  function rank(sample: string, script: ScriptCode, plan: ModelPlan): LanguageScore[] {
    const letters = letterCountsOfScript(sample, script);
    const words = wordsOf(sample);
    const english = script === 'Latn' ? englishWordShare(sample) : 0;
    const scored = rankCandidates(sample, plan.group, plan.codes);
    const deficits = functionWordDeficits(
      words,
      scored.map((c) => c.lang),
    );
    const ruledOut = scored.map((c) => ruledOutByLetters(words, script, c.lang));
    const decisive = ruledOut.some((r) => !r);
    // franc's score, raised for the run's own languages (the prior) and for English by its function words, lowered
    // by the share of letters the candidate's alphabet lacks and by the function words it lacks against its close
    // neighbours; a candidate whose alphabet the text's letters rule out drops below every other.
    return scored
      .map(({ lang, score }, i) => {
        const key = languageKey(lang);
        const evidence =
          (plan.preferred.has(key) ? prior : 0) +
          (key === 'en' ? englishWeight * english : 0) -
          alphabetPenalty * foreignLetterShare(letters, lang) +
          functionWordWeight * (deficits.get(lang) ?? 0) -
          (decisive && ruledOut[i] ? RULED_OUT : 0);
        return { lang, score: score + evidence };
      })
      .sort((a, b) => b.score - a.score);
  }

  /** One text decided on its own: by its script, or by the model among the script's candidates. */
  function decide(prose: string): Detection {
    const profile = scriptProfile(prose);
    const base = { script: profile.script, letters: profile.scriptLetters };
    if (profile.letters === 0) return und('no-letters', { ...base, method: 'none', candidates: [] });
    const plan = plans.get(profile.script);
    if (!plan) return und('unsupported-script', { ...base, method: 'none', candidates: [] });
    if (plan.kind === 'single') return decideByScript(prose, profile, plan.lang);
    const ranked = rank(keepScript(prose, profile.script), profile.script, plan);
    return fromRanking(ranked, profile.scriptLetters, profile.share, base);
  }

  function decideByScript(prose: string, profile: ScriptProfile, planned: LanguageTag): Detection {
    const base = { script: profile.script, letters: profile.scriptLetters };
    // Bengali script is Bengali unless a letter Bengali does not use shows that it is Assamese.
    const lang = profile.script === 'Beng' && ASSAMESE_LETTERS.test(prose) ? tag('as') : planned;
    const single = [{ lang, score: 1 }];
    if (profile.scriptLetters < minScriptLetters)
      return und('too-short', { ...base, method: 'script', candidates: single });
    return { ...base, lang, confidence: profile.share, method: 'script', candidates: single };
  }

  function fromRanking(
    ranked: readonly LanguageScore[],
    letters: number,
    share: number,
    base: { script: ScriptCode; letters: number },
  ): Detection {
    const best = ranked[0];
    if (!best) return und('ambiguous', { ...base, method: 'model', candidates: ranked });
    const rival = ranked.find((r) => languageKey(r.lang) !== languageKey(best.lang));
    const margin = rival ? best.score - rival.score : 1;
    const out = { ...base, method: 'model' as const, margin, candidates: ranked };
    // A text too short for the model is still decided when its letters rule every rival out (ы: not Bulgarian).
    const decisive = lettersDecide(base.script) && margin >= RULED_OUT / 2 && letters >= minScriptLetters;
    if (letters < minLetters && !decisive) return und('too-short', out);
    // Noise in the margin shrinks like 1/√letters: `minMargin` is the margin needed at 100 letters.
    const z = (margin * Math.sqrt(letters)) / 10;
    if (z < minMargin) return und('ambiguous', out);
    return { ...out, lang: best.lang, confidence: share * modelConfidence(margin * Math.sqrt(letters)) };
  }

  /**
   * A long text, decided on a bounded sample of its chunks: the model's scores averaged over the chunks (weighted by
   * their letters), and `mul` when a second language holds a real share of the confidently decided chunks.
   */
  function decideChunks(chunks: readonly string[]): Detection {
    const decided = chunks.map((chunk) => ({ chunk, detection: decide(stripPunctuation(chunk)) }));
    const whole = stripPunctuation(chunks.join('\n'));
    const profile = scriptProfile(whole);
    const plan = plans.get(profile.script);
    let detection: Detection;
    if (!plan || plan.kind === 'single' || profile.letters === 0) {
      detection = decide(whole);
    } else {
      const sums = new Map<LanguageTag, number>();
      let letters = 0;
      for (const { detection: d } of decided) {
        if (d.script !== profile.script || d.method !== 'model') continue;
        letters += d.letters;
        for (const c of d.candidates) sums.set(c.lang, (sums.get(c.lang) ?? 0) + c.score * d.letters);
      }
      const ranked = [...sums].map(([lang, sum]) => ({ lang, score: sum / letters })).sort((a, b) => b.score - a.score);
      detection =
        letters === 0
          ? decide(whole)
          : fromRanking(ranked, letters, profile.share, { script: profile.script, letters: profile.scriptLetters });
    }
    const parts = mixedParts(decided.map((d) => d.detection));
    if (!parts) return detection;
    const { reason: _reason, ...rest } = detection;
    return { ...rest, lang: MIXED, confidence: parts.confidence, parts: parts.parts };
  }

  function detect(text: string): Detection {
    // Code blocks go first (a fence spans lines); the costlier patterns run on the sampled lines only.
    const { lines, apart } = runningText(stripInlineMarkup(sampleLines(dropCodeBlocks(text)).join('\n')));
    const chunks = sampleChunks(lines);
    if (chunks.length >= 2) return decideChunks(chunks);
    // The names, titles and quotes set apart weigh only when the running text alone is too short to decide.
    const running = decide(stripPunctuation(lines.join('\n')));
    if (apart.length === 0 || (running.reason !== 'too-short' && running.reason !== 'no-letters')) return running;
    return decide(stripPunctuation([...lines, ...apart].join('\n')));
  }

  return {
    candidates: distinct(candidates),
    unsupported: run.filter((t) => !candidates.some((c) => sameLanguage(c, t))),
    detect,
  };
}

function distinct(tags: readonly LanguageTag[]): LanguageTag[] {
  const out: LanguageTag[] = [];
  for (const t of tags) if (!out.some((o) => sameLanguage(o, t))) out.push(t);
  return out;
}

/** franc's scores for `codes`, one entry per BCP-47 tag (the best of its codes), best first. */
function rankCandidates(sample: string, group: string, codes: readonly string[]): LanguageScore[] {
  const scores = new Map<string, LanguageScore>();
  for (const { code, score } of trigramScores(sample, group, codes)) {
    const lang = francCodeToTag(code);
    const prev = scores.get(lang);
    if (!prev || prev.score < score) scores.set(lang, { lang, score });
  }
  return [...scores.values()].sort((a, b) => b.score - a.score);
}

/**
 * The share of determined answers that were right at this margin × √letters on hplt-prompts (both the 11-language
 * run and the simulated wrong-language answers): ~0.75 at the decision threshold (0.4), 0.93 at 1.25, 0.99 at 2.5.
 */
function modelConfidence(scaledMargin: number): number {
  return 1 - 0.5 * Math.exp(-1.6 * scaledMargin);
}

function und(reason: UndeterminedReason, rest: Omit<Detection, 'lang' | 'confidence' | 'reason'>): Detection {
  return { ...rest, lang: UNDETERMINED, confidence: 0, reason };
}
