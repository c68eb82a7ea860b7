// The languages the built-in prompts are written in, by primary language subtag.
import { arabic } from './ar';
import { english } from './en';
import { spanish } from './es';
import { hebrew } from './he';
import { russian } from './ru';
import type { Wording } from './wording';
import { chinese } from './zh';

export type { Wording } from './wording';
export { english } from './en';

const WORDINGS: ReadonlyMap<string, Wording> = new Map(
  [english, spanish, russian, hebrew, arabic, chinese].map((w) => [w.tag, w]),
);

export const WORDING_LANGUAGES: readonly string[] = [...WORDINGS.keys()];

/** The wording for a prompt's language tag ("zh-Hant" → zh), or undefined when none is shipped. */
export function wordingFor(tag: string): Wording | undefined {
  return WORDINGS.get(tag.split(/[-_]/)[0]!.toLowerCase());
}
