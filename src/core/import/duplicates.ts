// Records of one import that name the same thing (a prompt, a response, a judge's verdict or score) twice.
// Identical repeats are harmless; repeats with different content would be resolved last-wins without a word,
// so they are reported with the lines of both.
import { hash } from 'node:crypto';
import type { CanonicalRecord, PairwiseJudgmentRecord } from '../model/records';
import { flipVerdict } from '../model/verdicts';

export interface Conflict {
  readonly line: number;
  readonly earlierLine: number;
  readonly what: string;
}

export class DuplicateCheck {
  private readonly seen = new Map<string, { line: number; content: string }>();

  /** The conflict this record makes with an earlier one of the same identity, if its content differs. */
  check(record: CanonicalRecord, line: number): Conflict | undefined {
    const key = keyOf(record);
    if (key === undefined) return undefined;
    const content = digest(contentOf(record));
    const earlier = this.seen.get(key);
    if (!earlier) {
      this.seen.set(key, { line, content });
      return undefined;
    }
    const conflict = earlier.content === content ? undefined : { line, earlierLine: earlier.line, what: what(record) };
    earlier.line = line;
    earlier.content = content;
    return conflict;
  }
}

/**
 * Long texts are compared by hash, so that the check holds a few bytes per record, not the file; a verdict and its
 * short raw answer are kept as they are (hashing them cost more than holding them).
 */
function digest(content: string): string {
  return content.length <= 80 ? content : hash('sha1', content, 'base64');
}

/** A pairwise verdict named with its pair in the stored order (the lower name first), flipped to match. */
function pairOf(r: PairwiseJudgmentRecord) {
  // The same pair named the other way round is the same verdict, flipped.
  const swap = r.systemA > r.systemB;
  return swap
    ? {
        a: r.systemB,
        b: r.systemA,
        order: r.order === 'combined' ? r.order : r.order === 'AB' ? 'BA' : 'AB',
        verdict: flipVerdict(r.verdict),
      }
    : { a: r.systemA, b: r.systemB, order: r.order, verdict: r.verdict };
}

/**
 * What makes a record the same as another, as the database sees it; undefined for human labels, which are
 * history (a later label of the same annotator supersedes an earlier one and both are kept). Built for every
 * record, so as plain strings: what the record is in words is said only for a conflict (what()).
 */
function keyOf(r: CanonicalRecord): string | undefined {
  switch (r.kind) {
    case 'prompt':
      return `prompt\u0000${r.run}\u0000${r.group}\u0000${r.lang}\u0000${r.turn}`;
    case 'response':
      return `response\u0000${r.run}\u0000${r.group}\u0000${r.lang}\u0000${r.turn}\u0000${r.system}\u0000${r.seed}`;
    case 'pairwise-judgment': {
      const { a, b, order } = pairOf(r);
      return `pairwise\u0000${r.run}\u0000${r.group}\u0000${r.lang}\u0000${r.turn}\u0000${r.judge}\u0000${r.judgeHash ?? ''}\u0000${r.criterion ?? ''}\u0000${a}\u0000${b}\u0000${order}`;
    }
    case 'pointwise-judgment':
      return `pointwise\u0000${r.run}\u0000${r.group}\u0000${r.lang}\u0000${r.turn}\u0000${r.system}\u0000${r.seed}\u0000${r.judge}\u0000${r.judgeHash ?? ''}\u0000${r.criterion ?? ''}`;
    default:
      return undefined; // labels are history; a redeclared schema name is refused where the schema is stored
  }
}

/** The content two records of one key must share (keyOf's kinds only). */
function contentOf(r: CanonicalRecord): string {
  switch (r.kind) {
    case 'prompt':
    case 'response':
      return r.text;
    case 'pairwise-judgment':
      return JSON.stringify([pairOf(r).verdict, r.raw ?? null, r.reasoning ?? null]);
    case 'pointwise-judgment':
      return JSON.stringify([r.scale.name, r.scale.min, r.scale.max, r.score, r.raw ?? null, r.reasoning ?? null]);
    default:
      return '';
  }
}

/** The record in words, for the message of a conflict. */
function what(r: CanonicalRecord): string {
  if (r.kind === 'schema') return 'the schema';
  const where = `run ${r.run}, group ${r.group}, ${r.lang}${r.turn > 1 ? `, turn ${r.turn}` : ''}`;
  switch (r.kind) {
    case 'prompt':
      return `the prompt of ${where}`;
    case 'response':
      return `the response of ${r.system}${r.seed ? ` (seed ${r.seed})` : ''} to ${where}`;
    case 'pairwise-judgment': {
      const { a, b, order } = pairOf(r);
      return `${r.judge}'s verdict${r.criterion ? ` on ${r.criterion}` : ''} on ${a} vs ${b} (${order === 'combined' ? 'both orders' : `order ${order}`}) for ${where}`;
    }
    case 'pointwise-judgment':
      return `${r.judge}'s score${r.criterion ? ` (${r.criterion})` : ''} of ${r.system} for ${where}`;
    default:
      return `the ${r.kind} of ${where}`;
  }
}
