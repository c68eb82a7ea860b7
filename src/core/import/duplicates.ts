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
  /** Each identity seen: its position in `lines` and `contents`. */
  private readonly positions = new Map<string, number>();
  private readonly lines: number[] = [];
  private readonly contents: string[] = [];
  private readonly names = new NameNumbers();

  /** The conflict this record makes with an earlier one of the same identity, if its content differs. */
  check(record: CanonicalRecord, line: number): Conflict | undefined {
    const identity = identityOf(record, this.names);
    if (!identity) return undefined;
    const content = digest(identity.content);
    const position = this.positions.get(identity.key);
    if (position === undefined) {
      this.positions.set(identity.key, this.lines.length);
      this.lines.push(line);
      this.contents.push(content);
      return undefined;
    }
    const earlierLine = this.lines[position]!;
    const conflict = this.contents[position] === content ? undefined : { line, earlierLine, what: describe(record) };
    this.lines[position] = line;
    this.contents[position] = content;
    return conflict;
  }
}

/**
 * A number for each name (a run, a group, a system, a judge...) and each identity as the numbers of its parts, two
 * UTF-16 units each, in one short flat string. An import holds one entry per record it checks, and keys of text
 * (run, group and judge spelt out and joined for every record) made most of the check's cost in garbage: the
 * check took 0.9 s of the worker's 2.7-3.2 s for Shaham et al.'s run, and 0.5 s of V8's collector threads.
 */
class NameNumbers {
  private readonly numbers = new Map<string, number>();
  private readonly parts: number[] = [];

  private of(name: string): number {
    let n = this.numbers.get(name);
    if (n === undefined) {
      n = this.numbers.size;
      this.numbers.set(name, n);
    }
    return n;
  }

  /** Starts a key of the given kind (a small number: which table the identity is of). */
  begin(kind: number): this {
    this.parts.length = 0;
    this.parts.push(kind);
    return this;
  }

  /** A name, or a number (a turn, a seed) by its text. */
  name(value: string | number): this {
    const n = this.of(typeof value === 'number' ? String(value) : value);
    this.parts.push(n & 0xffff, n >>> 16);
    return this;
  }

  /** One of a few values (a presentation order). */
  small(value: number): this {
    this.parts.push(value);
    return this;
  }

  key(): string {
    return String.fromCharCode(...this.parts);
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

const PROMPT = 1,
  RESPONSE = 2,
  PAIRWISE = 3,
  POINTWISE = 4;
const ORDERS = { AB: 0, BA: 1, combined: 2 } as const;

/**
 * What makes a record the same as another, as the database sees it; undefined for human labels, which are
 * history (a later label of the same annotator supersedes an earlier one and both are kept). No closure is made
 * per record: what a record is, in words, is said by describe() only when there is a conflict.
 */
function identityOf(r: CanonicalRecord, names: NameNumbers): Identity | undefined {
  if (r.kind === 'schema') return undefined; // a redeclared name is refused where the schema is stored
  switch (r.kind) {
    case 'prompt':
      return { key: promptKey(names, PROMPT, r).key(), content: r.text };
    case 'response':
      return { key: promptKey(names, RESPONSE, r).name(r.system).name(r.seed).key(), content: r.text };
    case 'pairwise-judgment': {
      const { a, b, order, verdict } = canonicalPair(r);
      return {
        key: promptKey(names, PAIRWISE, r)
          .name(r.judge)
          .name(r.judgeHash ?? '')
          .name(r.criterion ?? '')
          .name(a)
          .name(b)
          .small(ORDERS[order])
          .key(),
        content: contentOf(verdict, r.raw, r.reasoning),
      };
    }
    case 'pointwise-judgment':
      return {
        key: promptKey(names, POINTWISE, r)
          .name(r.system)
          .name(r.seed)
          .name(r.judge)
          .name(r.judgeHash ?? '')
          .name(r.criterion ?? '')
          .key(),
        content: contentOf(r.scale.name, r.scale.min, r.scale.max, r.score, r.raw, r.reasoning),
      };
    default:
      return undefined;
  }
}

/** The start of every identity: the kind of record and its prompt (run, group, language, turn). */
function promptKey(names: NameNumbers, kind: number, r: Exclude<CanonicalRecord, { kind: 'schema' }>): NameNumbers {
  return names.begin(kind).name(r.run).name(r.group).name(r.lang).name(r.turn);
}

/**
 * The values as one text that no other values give: a string by its length and itself, anything else (a number,
 * or null, undefined taken as null) as its text and a semicolon, which that text never holds; built without
 * JSON.stringify of an array per record.
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
