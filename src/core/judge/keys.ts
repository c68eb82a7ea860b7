// Which API key a judge's requests carry, and whether the user must first allow it: a key is bound to the server it
// was meant for. OPENAI_API_KEY goes only to https://api.openai.com unless the user allows more; any other server
// gets the key the user stored for its origin (editor), or the environment variable the definition names, once the
// user allowed that variable for that origin (a judge file in a cloned repository can name any variable and any host).
import type { JudgeDefinition } from './definition';
import type { KeyOrigins } from './keyOrigins';
import { isOpenAI, originOf } from './servers';

export const OPENAI_KEY_ENV = 'OPENAI_API_KEY';

export type KeySource =
  | { readonly kind: 'secret'; readonly origin: string }
  | { readonly kind: 'env'; readonly name: string }
  | { readonly kind: 'none' };

export interface ResolvedKey {
  readonly source: KeySource;
  readonly key?: string;
  readonly origin: string;
  /** The key may not be sent before the user allows this source for this origin. */
  readonly needsApproval: boolean;
  /** How the source is remembered in KeyOrigins. */
  readonly approvalKey?: string;
}

export interface KeyLookup {
  readonly env: NodeJS.ProcessEnv;
  /** The key stored for the definition's origin (the editor's secret storage), if any. */
  readonly secret?: string;
  readonly allowed: KeyOrigins;
}

/** The environment variable a definition's key comes from: its own "apiKeyEnv", else OPENAI_API_KEY for OpenAI only. */
export function keyEnvOf(definition: JudgeDefinition): string | undefined {
  return definition.apiKeyEnv ?? (isOpenAI(definition.baseURL) ? OPENAI_KEY_ENV : undefined);
}

export function resolveApiKey(definition: JudgeDefinition, lookup: KeyLookup): ResolvedKey {
  const origin = originOf(definition.baseURL);
  // A key stored for this origin was given by the user for this very server.
  if (lookup.secret) return { source: { kind: 'secret', origin }, key: lookup.secret, origin, needsApproval: false };
  const name = keyEnvOf(definition);
  const key = name ? lookup.env[name]?.trim() : undefined;
  if (!name || !key) return { source: { kind: 'none' }, origin, needsApproval: false };
  const approvalKey = `env:${name}`;
  const bound = name === OPENAI_KEY_ENV && isOpenAI(definition.baseURL);
  return {
    source: { kind: 'env', name },
    key,
    origin,
    needsApproval: !bound && !lookup.allowed.isAllowed(approvalKey, origin),
    approvalKey,
  };
}

/** "environment variable OPENAI_API_KEY", for the confirmation and the plan. */
export function describeKeySource(resolved: ResolvedKey, local: boolean): string {
  const s = resolved.source;
  if (s.kind === 'secret') return `the key stored for ${s.origin} (LangLens: Set API Key)`;
  if (s.kind === 'env')
    return `environment variable ${s.name}${resolved.needsApproval ? ` (not yet allowed for ${resolved.origin})` : ''}`;
  return local ? 'none (a local server needs none)' : 'none: no key is sent';
}

/** Why a key is held back, and how to allow it: the CLI's message. */
export function approvalMessage(resolved: ResolvedKey, file: string): string {
  const name = resolved.source.kind === 'env' ? resolved.source.name : 'the key';
  return (
    `the judge ${file} would send the key in ${name} to ${resolved.origin}, which it has not been allowed to go to. ` +
    `If this judge file and server are yours, run again with --allow-key-for ${resolved.origin} (remembered for ${name} ` +
    `in your user configuration, not in the workspace)`
  );
}
