// lm-sys/arena-hard-auto, data/<bench>/: question.jsonl with turns as {"content"} objects, model_answer/<model>.jsonl
// with choices[].turns[{"content", "token_len"}] (FastChat's layout with objects for texts), and
// model_judgment/<judge>/<model>.jsonl: {"question_id", "model", "judge", "games": [game 1, game 2]}, each game's
// "score" a label such as "A>>B". gen_judgment.py shows the baseline as A in game 1 and the model as A in game 2,
// so the two games are the two orders. The baseline is not in the file; it is the row's "baseline" when there is
// one, else the baseline arena-hard-v2.0 sets for the row's category (utils/judge_utils.py JUDGE_SETTINGS; v2.0
// rows name the question "uid"), else arena-hard-v0.1's gpt-4-0314.
import { basename, dirname } from 'node:path';
import type { CanonicalRecord, PairVerdict } from '../../model/records';
import { FieldError } from '../errors';
import * as f from '../fields';
import type { Row } from '../fields';
import { answerTurns, fastChatRun, systemOfAnswerFile, turnTexts } from './fastChat';
import { defaultLanguage, type ImportFormat } from './format';
import { msg } from '../../util/message';

export const ARENA_HARD_BASELINE = 'gpt-4-0314';
const V2_BASELINES: Readonly<Record<string, string>> = {
  hard_prompt: 'o3-mini-2025-01-31',
  coding: 'o3-mini-2025-01-31',
  math: 'o3-mini-2025-01-31',
  creative_writing: 'gemini-2.0-flash-001',
};

const isContentList = (turns: unknown) => Array.isArray(turns) && typeof turns[0] === 'object' && turns[0] !== null;

export const arenaHardQuestionFormat: ImportFormat = {
  name: 'arena-hard-question',
  description: 'Arena-Hard question.jsonl (turns as {"content"} objects)',
  syntaxes: ['jsonl'],
  matches: (_name, first) => 'question_id' in first && isContentList(first.turns),
  open: (context) => {
    const run = fastChatRun(context, 'arena-hard');
    return {
      convert: (row, source) =>
        turnTexts(row.turns, 'turns').map((text, i) => ({
          kind: 'prompt' as const,
          run,
          group: f.text(row, 'question_id'),
          lang: defaultLanguage(context),
          turn: i + 1,
          text,
          source,
        })),
    };
  },
};

export const arenaHardAnswerFormat: ImportFormat = {
  name: 'arena-hard-answer',
  description:
    "Arena-Hard model_answer/<model>.jsonl (choices[].turns[{content, token_len}]; the system is the file's name)",
  syntaxes: ['jsonl'],
  matches: (_name, first) =>
    'question_id' in first &&
    Array.isArray(first.choices) &&
    isContentList((first.choices as { turns?: unknown }[])[0]?.turns),
  open: (context) => {
    const run = fastChatRun(context, 'arena-hard');
    const system = context.options.system ?? systemOfAnswerFile(context.file);
    return {
      convert: (row, source) =>
        answerTurns(row).map(([seed, turn, text]) => ({
          kind: 'response' as const,
          run,
          group: f.text(row, 'question_id'),
          lang: defaultLanguage(context),
          turn,
          system,
          seed,
          text,
          source,
        })),
    };
  },
};

/** A game's label in screen terms: which of the two answers shown (first, second) is better. */
function screenVerdict(label: unknown): 'first' | 'second' | 'tie' | 'invalid' {
  if (typeof label !== 'string') return 'invalid';
  const l = label.replace(/\s/g, '');
  if (l === 'A>>B' || l === 'A>B' || l === 'B<A' || l === 'B<<A') return 'first';
  if (l === 'B>>A' || l === 'B>A' || l === 'A<B' || l === 'A<<B') return 'second';
  if (l === 'A=B' || l === 'B=A') return 'tie';
  return 'invalid';
}

/** The verdict in record terms (A = baseline, B = the judged model) of a game that showed `first` first. */
function recordVerdict(screen: ReturnType<typeof screenVerdict>, baselineFirst: boolean): PairVerdict {
  if (screen === 'tie' || screen === 'invalid') return screen;
  return (screen === 'first') === baselineFirst ? 'A' : 'B';
}

export const arenaHardJudgmentFormat: ImportFormat = {
  name: 'arena-hard-judgment',
  description:
    'Arena-Hard model_judgment/<judge>/<model>.jsonl (games[].score such as "A>>B"; both games are both orders)',
  syntaxes: ['jsonl'],
  matches: (_name, first) => ('question_id' in first || 'uid' in first) && Array.isArray(first.games),
  open: (context) => {
    const run = fastChatRun(context, 'arena-hard');
    // model_judgment/<judge>/<model>.jsonl is named after the answer file, as the answers' systems are.
    const inJudgeFolder = basename(dirname(dirname(context.file))) === 'model_judgment';
    return {
      convert(row, source): CanonicalRecord[] {
        const games = row.games;
        if (!Array.isArray(games) || games.length === 0 || games.length > 2)
          throw new FieldError('games', msg('expected one or two games'));
        const systemB =
          context.options.system ?? (inJudgeFolder ? systemOfAnswerFile(context.file) : f.text(row, 'model'));
        const category = f.optionalText(row, 'category');
        const systemA =
          f.optionalText(row, 'baseline') ?? (category ? V2_BASELINES[category] : undefined) ?? ARENA_HARD_BASELINE;
        if (systemA === systemB) throw new FieldError('model', msg('is the baseline itself ("{0}")', systemA));
        const judge = f.optionalText(row, 'judge') ?? (inJudgeFolder ? basename(dirname(context.file)) : undefined);
        if (!judge) throw new FieldError('judge', msg('is missing'));
        const key = {
          run,
          group: f.text(row, 'question_id' in row ? 'question_id' : 'uid'),
          lang: defaultLanguage(context),
          turn: 1,
        };
        return games.map((game, g) => {
          const at = `games[${g}]`;
          if (typeof game !== 'object' || game === null)
            throw new FieldError(at, msg('expected an object with "score"'));
          const gameRow = game as Row;
          const baselineFirst = g === 0;
          const label = gameRow.score;
          if (label !== null && label !== undefined && typeof label !== 'string')
            throw new FieldError(`${at}.score`, msg('expected a label such as "A>B", or null'));
          return {
            kind: 'pairwise-judgment' as const,
            ...key,
            judge,
            systemA,
            systemB,
            order: baselineFirst ? ('AB' as const) : ('BA' as const),
            verdict: recordVerdict(screenVerdict(label), baselineFirst),
            raw: typeof label === 'string' ? label : 'null',
            ...(typeof gameRow.judgment === 'string' && gameRow.judgment !== '' ? { reasoning: gameRow.judgment } : {}),
            source,
          };
        });
      },
    };
  },
};
