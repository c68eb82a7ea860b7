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
    const identity = identityOf(record);
    if (!identity) return undefined;
    const content = digest(identity.content);
    const earlier = this.seen.get(identity.key);
    if (!earlier) {
      this.seen.set(identity.key, { line, content });
      return undefined;
    }
    const conflict =
      earlier.content === content ? undefined : { line, earlierLine: earlier.line, what: describe(record) };
    this.seen.set(identity.key, { line, content });
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

interface Identity {
  readonly key: string;
  readonly content: string;
}

/**
 * What makes a record the same as another, as the database sees it; undefined for human labels, which are
 * history (a later label of the same annotator supersedes an earlier one and both are kept). No closure is made
 * per record: what a record is, in words, is said by describe() only when there is a conflict.
 */
function identityOf(r: CanonicalRecord): Identity | undefined {
  if (r.kind === 'schema') return undefined; // a redeclared name is refused where the schema is stored
  const prompt = `${r.run}\u0000${r.group}\u0000${r.lang}\u0000${r.turn}`;
  switch (r.kind) {
    case 'prompt':
      return { key: `prompt\u0000${prompt}`, content: r.text };
    case 'response':
      return { key: `response\u0000${prompt}\u0000${r.system}\u0000${r.seed}`, content: r.text };
    case 'pairwise-judgment': {
      const { a, b, order, verdict } = canonicalPair(r);
      return {
        key: `pairwise\u0000${prompt}\u0000${r.judge}\u0000${r.judgeHash ?? ''}\u0000${r.criterion ?? ''}\u0000${a}\u0000${b}\u0000${order}`,
        content: contentOf(verdict, r.raw, r.reasoning),
      };
    }
    case 'pointwise-judgment':
      return {
        key: `pointwise\u0000${prompt}\u0000${r.system}\u0000${r.seed}\u0000${r.judge}\u0000${r.judgeHash ?? ''}\u0000${r.criterion ?? ''}`,
        content: contentOf(r.scale.name, r.scale.min, r.scale.max, r.score, r.raw, r.reasoning),
      };
    default:
      return undefined;
  }
}

/**
 * The values as one text that no other values give: a string by its length and itself, anything else (a number,
 * null, undefined as null) as its JSON and a semicolon, which that JSON never holds. Cheaper than JSON.stringify
 * of the array, which took a third of the check.
 */
function contentOf(...values: readonly (string | number | null | undefined)[]): string {
  let content = '';
  for (const v of values) content += typeof v === 'string' ? `s${v.length}:${v}` : `j${v ?? null};`;
  return content;
}

/** The same pair named the other way round is the same verdict, flipped. */
function canonicalPair(r: PairwiseJudgmentRecord) {
  const swap = r.systemA > r.systemB;
  return {
    a: swap ? r.systemB : r.systemA,
    b: swap ? r.systemA : r.systemB,
    order: swap && r.order !== 'combined' ? (r.order === 'AB' ? 'BA' : 'AB') : r.order,
    verdict: swap ? flipVerdict(r.verdict) : r.verdict,
  };
}

/** The record identityOf names, in words, for the message of a conflict. */
function describe(r: CanonicalRecord): string {
  if (r.kind === 'schema') return 'the schema';
  const where = `run ${r.run}, group ${r.group}, ${r.lang}${r.turn > 1 ? `, turn ${r.turn}` : ''}`;
  switch (r.kind) {
    case 'prompt':
      return `the prompt of ${where}`;
    case 'response':
      return `the response of ${r.system}${r.seed ? ` (seed ${r.seed})` : ''} to ${where}`;
    case 'pairwise-judgment': {
      const { a, b, order } = canonicalPair(r);
      return `${r.judge}'s verdict${r.criterion ? ` on ${r.criterion}` : ''} on ${a} vs ${b} (${order === 'combined' ? 'both orders' : `order ${order}`}) for ${where}`;
    }
    case 'pointwise-judgment':
      return `${r.judge}'s score${r.criterion ? ` (${r.criterion})` : ''} of ${r.system} for ${where}`;
    default:
      return `the ${r.kind} of ${where}`;
  }
}
