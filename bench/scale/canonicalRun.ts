// The scale tier's data: a canonical run at a multiple of Shaham et al.'s size (1× = 12 languages × 617 prompts ×
// 12 systems, 88,848 responses of about 1,500 characters), every system judged against the baseline in both
// orders by one judge and the human-labelled items also by a second judge, human pairwise votes and ratings on a
// share of the items by two or three annotators per language (some given twice, the earlier superseded), written
// as JSONL streams so that generating takes little memory. Deterministic: the same shape, the same files.
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { close, LANGUAGES, SCALE, text, write } from '../importRun';

export interface RunShape {
  /** Prompts per language: 617 × scale. */
  readonly scale: number;
  /** The share of pairwise items (a system against the baseline on one prompt) with human votes. */
  readonly labelledShare: number;
  /** Annotators per language; each labelled prompt is labelled by `votes` of them. */
  readonly annotators: number;
  /** How many annotators label a labelled prompt: the first, or the second on every third prompt. */
  readonly votes: readonly [number, number];
  /** The share of pairwise votes given once more, earlier, so that the later one supersedes it. */
  readonly supersededShare: number;
}

/** `npm run bench -- --scale N`: 8% of items labelled by 2 or 3 annotators per language. */
export function scaleShape(scale: number): RunShape {
  return { scale, labelledShare: 0.08, annotators: 3, votes: [2, 3], supersededShare: 0.04 };
}

/** The grid's database: the 1× run with every item and response labelled by six annotators (about 1 M labels). */
export const MILLION_LABELS: RunShape = {
  scale: 1,
  labelledShare: 1,
  annotators: 6,
  votes: [6, 6],
  supersededShare: 0,
};

export interface GeneratedFiles {
  readonly files: readonly string[];
  readonly records: Readonly<Record<'prompts' | 'responses' | 'judgments' | 'labels', number>>;
}

export const RUN = 'bench';
export const BASELINE = 'baseline';
const SYSTEMS = Array.from({ length: SCALE.systems }, (_, i) => (i === 0 ? BASELINE : `system-${i}`));
const STARTED = Date.parse('2024-06-01T10:00:00Z');

/** A number in [0, 1) fixed by its arguments (a 32-bit integer hash), so that every run of the bench is the same. */
export function unit(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ p, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return (h >>> 0) / 2 ** 32;
}

type Verdict = 'A' | 'B' | 'tie';

/** A rater's verdict on system vs baseline: the system's true edge plus the rater's noise. */
function verdict(edge: number, noise: number): Verdict {
  const d = edge + noise;
  return d > 0.25 ? 'A' : d < -0.25 ? 'B' : 'tie';
}

const RATING: readonly string[] = ['excellent', 'pass', 'fail'];

export async function generateCanonicalRun(folder: string, shape: RunShape): Promise<GeneratedFiles> {
  const names = ['prompts', 'responses', 'judgments', 'labels'] as const;
  const files = names.map((f) => join(folder, `${f}.jsonl`));
  const streams = files.map((f) => createWriteStream(f, { highWaterMark: 1 << 20 })) as WriteStream[];
  const counts = { prompts: 0, responses: 0, judgments: 0, labels: 0 };
  const emit = async (which: (typeof names)[number], record: object) => {
    counts[which]++;
    await write(streams[names.indexOf(which)]!, JSON.stringify(record));
  };
  const prompts = SCALE.prompts * shape.scale;
  for (const [li, lang] of LANGUAGES.slice(0, SCALE.languages).entries()) {
    const annotators = Array.from({ length: shape.annotators }, (_, a) => `${lang}-annotator-${a}`);
    for (let p = 0; p < prompts; p++) {
      const group = `p${p}`;
      const key = { run: RUN, group, lang };
      await emit('prompts', { kind: 'prompt', ...key, text: text(lang, 120, p) });
      for (const [s, system] of SYSTEMS.entries()) {
        await emit('responses', {
          kind: 'response',
          ...key,
          system,
          text: text(lang, SCALE.responseChars, p * 31 + s),
        });
      }
      const voters = annotators.slice(0, p % 3 === 2 ? shape.votes[1] : shape.votes[0]);
      const rated = new Set<string>();
      for (const [s, system] of SYSTEMS.entries()) {
        if (s === 0) continue;
        const edge = unit(li, p, s) - 0.45;
        const labelled = unit(li, p, s, 1) < shape.labelledShare;
        const judges = labelled ? ['gpt-judge', 'second-judge'] : ['gpt-judge'];
        for (const [j, judge] of judges.entries()) {
          for (const [o, order] of ['AB', 'BA'].entries()) {
            const noise = (unit(li, p, s, 2 + j, o) - 0.5) * (j === 0 ? 0.6 : 0.9);
            const v = unit(li, p, s, 9, j, o) < 0.01 ? 'invalid' : verdict(edge, noise);
            await emit('judgments', {
              kind: 'pairwise-judgment',
              ...key,
              judge,
              system_a: system,
              system_b: BASELINE,
              order,
              verdict: v,
              raw: `After comparing both answers, the better one is ${v === 'invalid' ? '(unclear)' : v}.`,
            });
          }
        }
        if (!labelled) continue;
        rated.add(system).add(BASELINE);
        for (const [a, annotator] of voters.entries()) {
          const at = (minutes: number) => new Date(STARTED + (p * 97 + s * 7 + a + minutes) * 60_000).toISOString();
          const vote = {
            kind: 'pairwise-label',
            ...key,
            annotator,
            system_a: system,
            system_b: BASELINE,
            verdict: verdict(edge, (unit(li, p, s, 20, a) - 0.5) * 0.5),
            order: unit(li, p, s, 21, a) < 0.5 ? 'AB' : 'BA',
            labelled_at: at(1000),
          };
          await emit('labels', vote);
          // An earlier vote on the same item, later in the file: the vote above must stay the current one.
          if (unit(li, p, s, 22, a) < shape.supersededShare)
            await emit('labels', { ...vote, verdict: vote.verdict === 'A' ? 'B' : 'A', labelled_at: at(0) });
        }
      }
      for (const system of rated) {
        for (const [a, annotator] of voters.entries()) {
          await emit('labels', {
            kind: 'rating-label',
            ...key,
            annotator,
            system,
            rating: RATING[Math.floor(unit(li, p, SYSTEMS.indexOf(system), 30, a) * 3)],
            labelled_at: new Date(STARTED + (p * 97 + a) * 60_000).toISOString(),
          });
        }
      }
    }
  }
  await Promise.all(streams.map(close));
  return { files, records: counts };
}
