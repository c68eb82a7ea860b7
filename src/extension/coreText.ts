// The core's messages (src/core/util/message.ts) in VS Code's display language: an import's problem naming file,
// line and field, a judge definition's problems, a study design's or the store's errors. The core keeps its English
// `message` for the CLI and the logs; the editor shows `text`, its template translated through the l10n bundles
// (scripts/l10n-extract.mjs adds the core's templates to l10n/bundle.l10n.json) and its arguments filled, a cause
// named inside a message translated too. Everywhere the editor shows a core error or note, it goes through here.
// No vscode import: the unit tests run it in node with the English localiser or a bundle's.
import { fillTemplate, Message, messageOf } from '../core/util/message';
import { ENGLISH, type Localiser } from './localiser';

/** A core message (or a plain string, shown as it is) in the localiser's language. */
export function localised(text: Message | string, l10n: Localiser = ENGLISH): string {
  if (typeof text === 'string') return text;
  const args = text.args.map((a) => (a instanceof Message ? localised(a, l10n) : a));
  // The template is one of the core's msg() literals, which the extractor keeps in the bundle.
  return text.verbatim ? fillTemplate(text.template, args.map(String)) : l10n.t(text.template, ...args);
}

/** What an error says, in the localiser's language when it is one of the core's; else its own message. */
export function errorText(err: unknown, l10n: Localiser = ENGLISH): string {
  return localised(messageOf(err), l10n);
}

/** The first line of what an error says (an import error lists a problem a line). */
export function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}
