// Pairwise votes with a judge per row, by humans or models, with or without the conversations voted on:
// - lmsys/mt_bench_human_judgments (human.jsonl, gpt4_pair.jsonl; on Hugging Face with conversation_a/_b):
//   {"question_id":81,"model_a":"alpaca-13b","model_b":"gpt-3.5-turbo","winner":"model_b","judge":"expert_17","turn":1,
//    "conversation_a":[{"role":"user","content":...},{"role":"assistant","content":...},...], "conversation_b":[...]}
// - Chatbot Arena votes (lmsys/chatbot_arena_conversations): the same fields with judge "arena_user_973", "winner"
//   "tie (bothbad)", "language":"English", "tstamp" (seconds since 1970), "anony", moderation tags.
import type { CanonicalRecord, PairVerdict, PromptKey, SourceRef } from '../../model/records';
import type { LanguageTag } from '../../model/language';
import { FieldError } from '../errors';
import * as f from '../fields';
import type { Row } from '../fields';
import { languageFromEnglishName } from '../languageNames';
import { defaultLanguage, type FormatContext, type ImportFormat } from './format';
import { msg } from '../../util/message';

/** Votes by these judges are human labels; any other judge (gpt4_pair, gpt4_single...) is an automatic judge. */
const HUMAN_JUDGE = /^(expert|author|human|annotator|crowd|arena_user)/i;

export const mtBenchFormat: ImportFormat = {
  name: 'mt-bench',
  description:
    'pairwise votes by humans and judges, with or without the conversations (MT-bench human judgments, Chatbot Arena)',
  syntaxes: ['jsonl', 'json', 'csv'],
  matches: (_name, first) => ['judge', 'model_a', 'model_b', 'question_id', 'winner'].every((k) => k in first),
  open: (context) => ({ convert: (row, source) => convertVote(row, context, source) }),
};

function languageOf(row: Row, context: FormatContext): LanguageTag {
  if (!f.has(row, 'language')) return defaultLanguage(context);
  const name = f.text(row, 'language');
  const tag =
    languageFromEnglishName(name) ??
    (/^[a-z]{2,3}([-_][A-Za-z0-9]+)*$/.test(name) ? f.language(row, 'language') : undefined);
  if (!tag)
    throw new FieldError(
      'language',
      msg('"{0}" is not a language name LangLens knows (such as English, Chinese)', name),
    );
  return tag;
}

function convertVote(row: Row, context: FormatContext, source: SourceRef): CanonicalRecord[] {
  const judge = f.text(row, 'judge');
  const systemA = f.text(row, 'model_a');
  const systemB = f.text(row, 'model_b');
  if (systemA === systemB) throw new FieldError('model_b', msg('is the same model as model_a ("{0}")', systemA));
  const raw = f.text(row, 'winner');
  const key: PromptKey = {
    run: context.options.run ?? 'mt-bench',
    group: f.text(row, 'question_id'),
    lang: languageOf(row, context),
    turn: f.optionalInteger(row, 'turn', 1),
  };
  const records = conversationRecords(row, key, systemA, systemB, source);
  const verdict = winnerVerdict(raw);
  if (HUMAN_JUDGE.test(judge)) {
    if (verdict === 'invalid') throw new FieldError('winner', msg('"{0}" is not model_a, model_b or tie', raw));
    const labelledAt = f.has(row, 'tstamp') ? epochSeconds(row) : undefined;
    records.push({
      kind: 'pairwise-label',
      ...key,
      annotator: judge,
      systemA,
      systemB,
      verdict,
      ...(labelledAt ? { labelledAt } : {}),
      source,
    });
    return records;
  }
  // The published GPT-4 verdicts already merge both orders ("tie (inconsistent)" when they disagree).
  records.push({ kind: 'pairwise-judgment', ...key, judge, systemA, systemB, order: 'combined', verdict, raw, source });
  return records;
}

/** Chatbot Arena's tstamp: seconds since 1970, as time.time() gives it. */
function epochSeconds(row: Row): string {
  const seconds = f.number(row, 'tstamp');
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime()))
    throw new FieldError('tstamp', msg('{0} is not a time in seconds since 1970', seconds));
  return date.toISOString();
}

interface Message {
  readonly role: string;
  readonly content: string;
}

function messages(row: Row, field: string): Message[] | undefined {
  const v = row[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw new FieldError(field, msg('expected a list of {role, content} messages'));
  return v.map((m, i) => {
    const role = (m as { role?: unknown } | null)?.role;
    const content = (m as { content?: unknown } | null)?.content;
    if (typeof role !== 'string' || typeof content !== 'string')
      throw new FieldError(`${field}[${i}]`, msg('expected {role, content} texts'));
    return { role, content };
  });
}

/** A conversation's turns: each user message and the assistant's answer after it. */
function turnsOf(conversation: readonly Message[], field: string): { user: string; answer: string }[] {
  const turns: { user: string; answer: string }[] = [];
  conversation.forEach((m, i) => {
    if (m.role === 'user') turns.push({ user: m.content, answer: '' });
    else if (m.role === 'assistant' && turns.length > 0) turns[turns.length - 1]!.answer = m.content;
    else if (m.role !== 'system')
      throw new FieldError(`${field}[${i}].role`, msg('"{0}" where a user or assistant message was expected', m.role));
  });
  return turns;
}

/** The prompts (the user's turns) and both models' responses of conversation_a / conversation_b. */
function conversationRecords(
  row: Row,
  key: PromptKey,
  systemA: string,
  systemB: string,
  source: SourceRef,
): CanonicalRecord[] {
  const a = messages(row, 'conversation_a');
  const b = messages(row, 'conversation_b');
  if (!a && !b) return [];
  if (!a || !b)
    throw new FieldError(
      a ? 'conversation_b' : 'conversation_a',
      msg('is missing while the other conversation is there'),
    );
  const turnsA = turnsOf(a, 'conversation_a');
  const turnsB = turnsOf(b, 'conversation_b');
  if (turnsA.length !== turnsB.length)
    throw new FieldError('conversation_b', msg('has {0} turns, conversation_a {1}', turnsB.length, turnsA.length));
  const out: CanonicalRecord[] = [];
  turnsA.forEach((turn, i) => {
    if (turnsB[i]!.user !== turn.user)
      throw new FieldError('conversation_b', msg("turn {0}'s user message differs from conversation_a's", i + 1));
    const at = { ...key, turn: i + 1 };
    out.push({ kind: 'prompt', ...at, text: turn.user, source });
    out.push({ kind: 'response', ...at, system: systemA, seed: 0, text: turn.answer, source });
    out.push({ kind: 'response', ...at, system: systemB, seed: 0, text: turnsB[i]!.answer, source });
  });
  return out;
}

function winnerVerdict(winner: string): PairVerdict {
  const w = winner.trim().toLowerCase();
  if (w === 'model_a') return 'A';
  if (w === 'model_b') return 'B';
  if (w === 'tie' || w.startsWith('tie ') || w.startsWith('tie(')) return 'tie';
  return 'invalid';
}
