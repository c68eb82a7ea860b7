// Removes what is not prose from an LLM response before its language is identified: code, URLs, e-mail addresses,
// Markdown and HTML markup, math and numbers. A response that is mostly code has little prose left, and is then
// reported as too short rather than guessed from identifiers.

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** Drops fenced code blocks (``` or ~~~, also unterminated ones: a truncated answer may stop inside one). */
function dropFencedBlocks(text: string): string {
  const kept: string[] = [];
  let fence: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const m = FENCE.exec(line);
    if (fence === null) {
      if (m) fence = m[1]!;
      else kept.push(line);
    } else if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) {
      fence = null;
    }
  }
  return kept.join('\n');
}

// Each pattern with a cheap test the text must pass for the pattern to be able to match (a character every match
// contains): most answers have nothing to strip for most patterns, and the Unicode-class patterns cost more than the
// rest of the identification on a long answer.
const REPLACEMENTS: ReadonlyArray<readonly [pattern: RegExp, replacement: string, prefilter?: RegExp]> = [
  // HTML: blocks whose content is not prose, comments, then the tags themselves (their text is kept).
  [/<(pre|code|script|style|kbd|samp|math|svg)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ', /</],
  [/<!--[\s\S]*?-->/g, ' ', /<!--/],
  [/<\/?[A-Za-z][\w:-]*(\s[^<>]*)?\/?>/g, ' ', /</],
  [/&(#\d+|#x[\da-f]+|[a-z]+);/gi, ' ', /&/],
  // Inline code, with any number of backticks.
  [/(`+)[^`]*?\1/g, ' ', /`/],
  // Display and inline LaTeX math with explicit delimiters, and LaTeX commands.
  [/\$\$[\s\S]*?\$\$/g, ' ', /\$\$/],
  [/\\\[[\s\S]*?\\\]|\\\([\s\S]*?\\\)/g, ' ', /\\/],
  [/\\[A-Za-z]+/g, ' ', /\\/],
  // Markdown images go entirely; links keep their text; reference definitions go.
  [/!\[[^\]]*\]\([^)]*\)/g, ' ', /!\[/],
  [/\[([^\]]*)\]\([^)]*\)/g, ' $1 ', /\]\(/],
  [/^\s{0,3}\[[^\]]+\]:\s*\S+.*$/gm, ' ', /\]:/],
  // URLs (with or without scheme) and e-mail addresses.
  [/\b(?:[a-z][a-z\d+.-]*:\/\/|www\.)[^\s<>()"'`]+/gi, ' ', /:\/\/|www\./i],
  [/(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu, ' ', /@/],
  // Code-like tokens outside backticks: identifiers with underscores, dotted paths (os.path.join, index.ts),
  // calls (print(...)), scope and arrow operators.
  [/(?<![\p{L}\p{N}])[\p{L}\p{N}]+_[\p{L}\p{N}_]*/gu, ' ', /_/],
  [/(?<![\p{L}\p{N}])[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)+(?:\([^)]*\))?/gu, ' ', /[^\s.]\.[^\s.]/],
  [/(?<![\p{L}\p{N}])[\p{L}\p{N}]+\([^)]*\)/gu, ' ', /[^\s(]\(/],
  [/(?<!\S)\S*(?:::|->|=>|\+\+|==|!=|&&|\|\|)\S*/g, ' ', /::|->|=>|\+\+|==|!=|&&|\|\|/],
  // Numbers with their separators and the Latin letters glued to them (3.14, 1,000, 10km, 2nd, v2, H2O).
  [/(?<!\p{Script=Latin})\p{Script=Latin}*\p{N}[\p{N}.,:/'’-]*(?:\p{Script=Latin}+\p{N}*)*/gu, ' ', /\p{N}/u],
];

/**
 * Code, URLs, e-mail addresses, markup, math and numbers removed; lines and punctuation kept (for `runningText`,
 * which reads a line's shape: list items, headings, tables, quotes).
 */
export function stripMarkup(text: string): string {
  return stripInlineMarkup(dropCodeBlocks(text));
}

/** Fenced code blocks removed (the first step of `stripMarkup`, on the whole text: a fence spans lines). */
export function dropCodeBlocks(text: string): string {
  return dropFencedBlocks(text.normalize('NFC'));
}

/** The rest of `stripMarkup`, on text whose code blocks are gone (a long answer's sampled lines only). */
export function stripInlineMarkup(text: string): string {
  let out = text;
  for (const [pattern, replacement, prefilter] of REPLACEMENTS) {
    if (!prefilter || prefilter.test(out)) out = out.replace(pattern, replacement);
  }
  return out;
}

/**
 * Markdown emphasis, headings, quotes, tables and list markers are punctuation: every symbol and punctuation mark
 * other than an apostrophe or hyphen inside a word becomes a space, and white space is collapsed.
 */
export function stripPunctuation(text: string): string {
  return text
    .replace(/[^\p{L}\p{M}\s'’-]|(?<![\p{L}\p{M}])['’-]|['’-](?![\p{L}\p{M}])/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Prose only: code, URLs, e-mail addresses, markup, math, numbers and punctuation removed, white space collapsed. */
export function stripNonProse(text: string): string {
  return stripPunctuation(stripMarkup(text));
}
