// A long answer is decided on a bounded, representative sample of its running text: it is cut into chunks of whole
// sentences (about CHUNK_LETTERS letters, never mixing two scripts), and at most MAX_CHUNKS of them, spread evenly
// from the first to the last, are read. Each chunk is also decided alone, which is what shows a mixed answer (Hindi
// that continues in English, a Bulgarian half and a Russian half) as `mul` with each language's share.
import { languageKey, parseLanguageTag, type LanguageTag } from '../model/language';
import { lettersIn, scriptCounts, type ScriptCode } from './scripts';

/** Texts with more letters of running text than this are read in chunks; shorter ones whole. */
export const LONG_TEXT_LETTERS = 300;
/** A chunk closes once it has this many letters (at a sentence end, or at a word inside a longer sentence). */
export const CHUNK_LETTERS = 120;
/** At most this many chunks of the sampled lines are read. */
export const MAX_CHUNKS = 3;
/** A second language holding at least this share of the decided chunks' letters makes the answer `mul`. */
export const MIXED_SHARE = 0.25;
/** Chunks decided with less confidence than this do not count towards `mul` (neighbour confusions are not mixing). */
export const MIXED_CHUNK_CONFIDENCE = 0.9;
/** A second language in the first one's script from a single chunk needs this share. */
export const SINGLE_CHUNK_SHARE = 0.4;

/** A text longer than this (after markup is stripped) is read in SAMPLE_WINDOWS windows of whole lines. */
export const SAMPLE_CHARS = 600;
/** The windows: the beginning, the middle and the end (a mixed answer often switches language part way). */
export const SAMPLE_WINDOWS = 3;

/**
 * The lines to read of a long text: SAMPLE_WINDOWS runs of consecutive lines, spread evenly over the text, each
 * about SAMPLE_CHARS / SAMPLE_WINDOWS characters (a line longer than that is cut at a space). A text no longer than
 * SAMPLE_CHARS is read whole; the work per answer is bounded whatever its length.
 */
export function sampleLines(text: string): string[] {
  if (text.length <= SAMPLE_CHARS) return text.split('\n');
  const lines = text.split('\n').filter((l) => /\S/.test(l));
  const total = lines.reduce((sum, l) => sum + l.length + 1, 0);
  const window = SAMPLE_CHARS / SAMPLE_WINDOWS;
  const picked: string[] = [];
  let offset = 0;
  let line = 0;
  for (let w = 0; w < SAMPLE_WINDOWS; w++) {
    const start = (w * (total - window)) / (SAMPLE_WINDOWS - 1);
    while (line < lines.length && offset + lines[line]!.length + 1 <= start) offset += lines[line++]!.length + 1;
    let taken = 0;
    while (line < lines.length && taken < window) {
      const l = lines[line]!;
      const piece = l.length > window ? l.slice(0, l.indexOf(' ', window) > 0 ? l.indexOf(' ', window) : l.length) : l;
      picked.push(piece);
      taken += piece.length + 1;
      offset += l.length + 1;
      line++;
    }
  }
  return picked;
}

export const MIXED: LanguageTag = parseLanguageTag('mul')!;

interface Unit {
  readonly text: string;
  readonly letters: number;
  readonly script: ScriptCode | null;
  /** The unit starts a line (a paragraph or list item): a chunk a quarter full closes there. */
  readonly lineStart?: boolean;
}

const kanaAsHan = (code: ScriptCode): ScriptCode => (code === 'Kana' ? 'Hani' : code);

/** Letters of a piece of text and its most frequent script. */
function unitOf(text: string): Unit {
  const counts = scriptCounts(text, kanaAsHan);
  let letters = 0;
  let script: ScriptCode | null = null;
  for (const [code, n] of counts) {
    letters += n;
    if (script === null || n > counts.get(script)!) script = code;
  }
  return { text, letters, script };
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** A sentence longer than two chunks is cut into pieces of about one chunk, at words (at characters without spaces). */
function pieces(sentence: string): string[] {
  if (sentence.length <= 2 * CHUNK_LETTERS || lettersIn(sentence) <= 2 * CHUNK_LETTERS) return [sentence];
  const tokens = UNSPACED.test(sentence) ? Array.from(sentence) : sentence.split(/(?<=\s)/);
  const out: string[] = [];
  let current = '';
  let letters = 0;
  for (const token of tokens) {
    current += token;
    letters += lettersIn(token);
    if (letters >= CHUNK_LETTERS) {
      out.push(current);
      current = '';
      letters = 0;
    }
  }
  if (current.trim()) out.push(current);
  return out;
}

/**
 * The chunks to read of a text's running lines, or none when the text is short enough to be read whole
 * (≤ LONG_TEXT_LETTERS letters).
 */
export function sampleChunks(lines: readonly string[]): string[] {
  const units = lines
    .flatMap((line) =>
      line
        .split(/(?<=[.!?;。！？])\s*/u)
        .flatMap(pieces)
        .map((text, i) => ({ ...unitOf(text), lineStart: i === 0 })),
    )
    .filter((u) => u.letters > 0);
  const total = units.reduce((sum, u) => sum + u.letters, 0);
  if (total <= LONG_TEXT_LETTERS) return [];
  const chunks: { text: string; letters: number; script: ScriptCode | null }[] = [];
  let current: { text: string; letters: number; script: ScriptCode | null } | null = null;
  for (const unit of units) {
    const switches = current !== null && current.script !== unit.script && current.letters >= CHUNK_LETTERS / 4;
    const paragraph = current !== null && unit.lineStart === true && current.letters >= CHUNK_LETTERS / 4;
    if (current === null || switches || paragraph || current.letters >= CHUNK_LETTERS) {
      current = { text: unit.text, letters: unit.letters, script: unit.script };
      chunks.push(current);
    } else {
      current.text += `\n${unit.text}`;
      current.letters += unit.letters;
    }
  }
  // A short last chunk belongs to the one before it.
  const last = chunks.at(-1)!;
  if (chunks.length > 1 && last.letters < CHUNK_LETTERS / 4) {
    chunks.pop();
    chunks.at(-1)!.text += `\n${last.text}`;
  }
  if (chunks.length <= MAX_CHUNKS) return chunks.map((c) => c.text);
  const picked: string[] = [];
  for (let i = 0; i < MAX_CHUNKS; i++)
    picked.push(chunks[Math.round((i * (chunks.length - 1)) / (MAX_CHUNKS - 1))]!.text);
  return picked;
}

export interface LanguageShare {
  readonly lang: LanguageTag;
  /** Share of the letters of the confidently decided chunks, 0..1. */
  readonly share: number;
}

interface ChunkDecision {
  readonly lang: LanguageTag;
  readonly confidence: number;
  readonly letters: number;
  readonly script: ScriptCode;
}

/**
 * The languages of a mixed answer and their shares (largest first), or null when it is not mixed: fewer than two
 * chunks decided with confidence, no second language with MIXED_SHARE of their letters, or a second language in the
 * first one's script from a single chunk. Confidence: the share of
 * all chunk letters that was decided with confidence.
 */
export function mixedParts(chunks: readonly ChunkDecision[]): { parts: LanguageShare[]; confidence: number } | null {
  const byKey = new Map<string, { lang: LanguageTag; letters: number; chunks: number; scripts: Set<ScriptCode> }>();
  let counted = 0;
  let all = 0;
  let decided = 0;
  for (const c of chunks) {
    all += c.letters;
    if (c.confidence < MIXED_CHUNK_CONFIDENCE || c.lang === MIXED || languageKey(c.lang) === 'und') continue;
    decided++;
    counted += c.letters;
    const key = languageKey(c.lang);
    const entry = byKey.get(key) ?? { lang: c.lang, letters: 0, chunks: 0, scripts: new Set<ScriptCode>() };
    entry.letters += c.letters;
    entry.chunks++;
    entry.scripts.add(c.script);
    byKey.set(key, entry);
  }
  if (decided < 2 || byKey.size < 2) return null;
  const entries = [...byKey.values()].sort((a, b) => b.letters - a.letters);
  const [first, second] = [entries[0]!, entries[1]!];
  if (second.letters / counted < MIXED_SHARE) return null;
  // In one script, one chunk of a neighbour is more often a confusion than a second language: it takes two chunks,
  // or one that is a real part of the answer (SINGLE_CHUNK_SHARE).
  const sameScript = [...second.scripts].every((s) => first.scripts.has(s));
  if (sameScript && second.chunks < 2 && second.letters / counted < SINGLE_CHUNK_SHARE) return null;
  const parts = entries.map((e) => ({ lang: e.lang, share: e.letters / counted }));
  return { parts, confidence: counted / all };
}
