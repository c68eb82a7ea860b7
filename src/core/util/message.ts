// The core's words for people: an error or a note the editor shows in VS Code's display language, while the CLI, the
// logs and every `err.message` keep the English. A `Message` holds its English template, with {0} placeholders, and
// its arguments (themselves messages when a cause is named inside another message); `String(message)` is the
// English text. `msg('literal', …)` is the one way to make one: scripts/l10n-extract.mjs finds its literal templates
// in src/core and adds them to l10n/bundle.l10n.json, so that the editor can translate them with vscode.l10n.t
// (src/extension/coreText.ts). The core's errors keep their message as `text`, beside the English `message`.

export type MessageArg = string | number | Message;

export class Message {
  /**
   * `verbatim`: a message that only arranges others (lines of problems, "file:line: …"), with no words of its own to
   * translate: the editor fills it as it is, its arguments translated.
   */
  constructor(
    readonly template: string,
    readonly args: readonly MessageArg[],
    readonly verbatim = false,
  ) {}

  /** The English text, as the CLI prints it. */
  toString(): string {
    return fillTemplate(this.template, this.args.map(String));
  }
}

/**
 * A message in English with {0}, {1}, … for its arguments. The template must be a string literal (the bundles are
 * keyed by it). Arguments other than numbers and messages are written as a template literal writes them.
 */
export function msg(template: string, ...args: unknown[]): Message {
  return new Message(template, args.map(argument));
}

/** Messages (or English strings) one after another, `separator` between them: nothing of its own to translate. */
export function joinMessages(parts: readonly (Message | string)[], separator = '\n'): Message {
  return new Message(parts.map((_, i) => `{${i}}`).join(separator), parts, true);
}

/** A message that only places its parts, such as "{0}: {1}" (a file and what is wrong with it). */
export function arrange(template: string, ...args: unknown[]): Message {
  return new Message(template, args.map(argument), true);
}

function argument(a: unknown): MessageArg {
  return a instanceof Message || typeof a === 'number' ? a : String(a);
}

/** `template` with {N} replaced by `values[N]` (left as it is when there is no such value). */
export function fillTemplate(template: string, values: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => values[Number(i)] ?? whole);
}

/** An error of the core whose message the editor can translate; `message` is its English text. */
export class CoreError extends Error {
  constructor(readonly text: Message) {
    super(String(text));
  }
}

/** What an error says: the message it carries for translation (`text`), else its English `message`. */
export function messageOf(err: unknown): Message | string {
  if (err instanceof Error) {
    const text = (err as { text?: unknown }).text;
    return text instanceof Message ? text : err.message;
  }
  return String(err);
}

/** The English text of a message or of a string: what the CLI and the logs show. */
export function english(text: Message | string): string {
  return String(text);
}

/**
 * The key of the message a problem, a note or an outcome carries for the editor, beside its English `message`: a
 * symbol, so that the objects the CLI prints as JSON (`--json`) stay exactly as they were.
 */
export const TEXT: unique symbol = Symbol('LangLens message');

/** A problem's or note's words as its fields: the English `message` (what tests, the CLI and the logs read) and its message. */
export function wording(text: Message | string): { message: string; [TEXT]?: Message } {
  return typeof text === 'string' ? { message: text } : { message: String(text), [TEXT]: text };
}
