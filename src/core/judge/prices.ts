// Token prices and cost estimates. Prices change: the built-in table is a convenience with a date on it, and a judge
// definition's "price" or a price table file overrides it (docs/judges.md).
import { readFileSync } from 'node:fs';
import type { JudgeVia } from '../store/judgeRequests';
import type { ChatMessage } from './client';
import type { JudgeDefinition } from './definition';
import { isLocalServer } from './servers';
import { CoreError, messageOf, msg } from '../util/message';

/** US dollars per million tokens. */
export interface TokenPrice {
  readonly input: number;
  readonly output: number;
}

export type PriceTable = Readonly<Record<string, TokenPrice>>;

/** OpenAI's standard (not Batch) prices as published in August 2025, per million tokens. */
export const BUILT_IN_PRICES: PriceTable = {
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4-turbo': { input: 10, output: 30 },
  'gpt-4': { input: 30, output: 60 },
  'gpt-3.5-turbo': { input: 0.5, output: 1.5 },
  o3: { input: 2, output: 8 },
  'o4-mini': { input: 1.1, output: 4.4 },
};

/** The Batch API charges half the standard price. */
export const BATCH_PRICE_FACTOR = 0.5;

/**
 * The price of a model: the definition's own price first, then the table, matching the longest model-name prefix
 * (so "gpt-4o-mini-2024-07-18" is priced as gpt-4o-mini, not gpt-4o). Undefined when unknown: cost is then not shown
 * rather than shown as zero.
 */
export function priceOf(
  model: string,
  own: TokenPrice | undefined,
  table: PriceTable = BUILT_IN_PRICES,
): TokenPrice | undefined {
  if (own) return own;
  const name = model.toLowerCase();
  const match = Object.keys(table)
    .filter((prefix) => name === prefix || name.startsWith(`${prefix}-`))
    .sort((a, b) => b.length - a.length)[0];
  return match === undefined ? undefined : table[match];
}

/**
 * A judge's price: its own "price", else the table's, else free on a local server (undefined: unknown). A local
 * server serving a model of the table is priced by the table: it is most likely a proxy to a paid API.
 */
export function priceForJudge(
  definition: JudgeDefinition,
  table: PriceTable = BUILT_IN_PRICES,
): TokenPrice | undefined {
  const price = priceOf(definition.model, definition.price, table);
  return price ?? (isLocalServer(definition.baseURL) ? { input: 0, output: 0 } : undefined);
}

export function costOf(promptTokens: number, completionTokens: number, price: TokenPrice, via: JudgeVia): number {
  const factor = via === 'batch' ? BATCH_PRICE_FACTOR : 1;
  return ((promptTokens * price.input + completionTokens * price.output) / 1_000_000) * factor;
}

/**
 * A deliberately high token count for a text not yet sent: one token per three UTF-8 bytes overestimates English
 * (about four characters a token) and comes close for scripts that take three bytes a character (CJK).
 */
export function estimateTokens(text: string): number {
  return Math.ceil(Buffer.byteLength(text, 'utf8') / 3);
}

/** Tokens of chat framing a message may add (role markers, separators), and the reply's priming. */
const FRAMING_TOKENS_PER_MESSAGE = 8;
const FRAMING_TOKENS_PER_REQUEST = 8;

/**
 * The most input tokens a request can be counted as: no tokenizer of a chat model makes more than one token of a
 * UTF-8 byte (byte-level BPE, and SentencePiece with byte fallback, cover at least a byte per token), plus framing.
 * This is what a budget reserves; estimateTokens is the expected figure shown in a plan.
 */
export function worstCaseInputTokens(messages: readonly ChatMessage[]): number {
  return messages.reduce(
    (n, m) => n + Buffer.byteLength(m.content, 'utf8') + FRAMING_TOKENS_PER_MESSAGE,
    FRAMING_TOKENS_PER_REQUEST,
  );
}

/** Reads a price table file: {"model": {"input": USD per 1M tokens, "output": USD per 1M tokens}, ...}. */
export function loadPriceTable(path: string): PriceTable {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new CoreError(msg('{0}: cannot read the price table: {1}', path, messageOf(err)));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CoreError(msg('{0}: a price table is a JSON object {"model": {"input": 2.5, "output": 10}}', path));
  }
  const table: Record<string, TokenPrice> = {};
  for (const [model, value] of Object.entries(parsed)) table[model] = parsePrice(value, `${path}: "${model}"`);
  return { ...BUILT_IN_PRICES, ...table };
}

export function parsePrice(value: unknown, where: string): TokenPrice {
  const v = value as { input?: unknown; output?: unknown } | null;
  const ok = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
  if (typeof v !== 'object' || v === null || !ok(v.input) || !ok(v.output)) {
    throw new CoreError(
      msg('{0} must be {"input": USD per million input tokens, "output": USD per million output tokens}', where),
    );
  }
  return { input: v.input as number, output: v.output as number };
}

export function formatUsd(amount: number | undefined): string {
  if (amount === undefined) return 'cost unknown';
  return amount < 0.01 && amount > 0 ? `$${amount.toFixed(4)}` : `$${amount.toFixed(2)}`;
}
