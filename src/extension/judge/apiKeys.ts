// API keys in VS Code's SecretStorage, one per server (origin of the judge's base URL): never in settings, the
// database, logs or exports. Local servers that need no key simply have none.
import * as vscode from 'vscode';
import { DEFAULT_BASE_URL, type JudgeDefinition } from '../../core/judge/definition';
import { KeyOrigins } from '../../core/judge/keyOrigins';
import { resolveApiKey, type ResolvedKey } from '../../core/judge/keys';
import { isOpenAI, originOf } from '../../core/judge/servers';
import { pickText } from '../quickPick';

const SECRET_PREFIX = 'langlens.apiKey:';

/**
 * The key for a judge's server: the one stored for its origin, else the environment variable the definition names
 * (as the CLI reads it), under the same binding rules (keys.ts).
 */
export async function apiKeyFor(
  secrets: vscode.SecretStorage,
  definition: JudgeDefinition,
  allowed: KeyOrigins,
): Promise<ResolvedKey> {
  const secret = (await secrets.get(SECRET_PREFIX + originOf(definition.baseURL))) || undefined;
  return resolveApiKey(definition, { env: process.env, ...(secret ? { secret } : {}), allowed });
}

/**
 * Asks before a key goes to a server it was not allowed for (the definition may come from a cloned repository);
 * remembers the answer in the user's configuration. Returns whether the key may be sent.
 */
export async function approveKey(
  resolved: ResolvedKey,
  definition: JudgeDefinition,
  allowed: KeyOrigins,
): Promise<boolean> {
  if (!resolved.needsApproval || !resolved.approvalKey) return true;
  const name =
    resolved.source.kind === 'env'
      ? vscode.l10n.t('the environment variable {0}', resolved.source.name)
      : vscode.l10n.t('the key');
  const allow = vscode.l10n.t('Allow and Remember');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Send the API key in {0} to {1}?', name, resolved.origin),
    {
      modal: true,
      detail: vscode.l10n.t(
        'The judge {0} sends its requests to {1}, and your key in {2} has not been allowed to go there. Allow it only if this judge file and this server are yours. The choice is remembered in {3}, not in the workspace.',
        vscode.workspace.asRelativePath(definition.file),
        resolved.origin,
        name,
        allowed.file,
      ),
    },
    allow,
  );
  if (answer !== allow) return false;
  allowed.allow(resolved.approvalKey, resolved.origin);
  return true;
}

/**
 * Asks for the key of one server and stores it; an empty answer removes the stored key. `knownBaseURLs` (from the
 * workspace's judge files) are offered, with OpenAI first. Returns the key, or undefined when cancelled or removed.
 */
export async function askForApiKey(
  secrets: vscode.SecretStorage,
  knownBaseURLs: readonly string[],
  preselect?: string,
): Promise<string | undefined> {
  const origin = preselect ? originOf(preselect) : await pickOrigin(knownBaseURLs);
  if (!origin) return undefined;
  const key = await vscode.window.showInputBox({
    title: vscode.l10n.t('API key for {0}', origin),
    prompt: vscode.l10n.t(
      "Stored in VS Code's secret storage, never in settings or files. Leave empty to remove the stored key.",
    ),
    password: true,
    ignoreFocusOut: true,
    placeHolder: isOpenAI(origin)
      ? vscode.l10n.t('sk-...')
      : vscode.l10n.t('the key the server expects (Authorization: Bearer ...)'),
  });
  if (key === undefined) return undefined;
  if (key.trim() === '') {
    await secrets.delete(SECRET_PREFIX + origin);
    void vscode.window.showInformationMessage(vscode.l10n.t('LangLens: the API key for {0} was removed.', origin));
    return undefined;
  }
  await secrets.store(SECRET_PREFIX + origin, key.trim());
  void vscode.window.showInformationMessage(vscode.l10n.t('LangLens: the API key for {0} is stored.', origin));
  return key.trim();
}

async function pickOrigin(knownBaseURLs: readonly string[]): Promise<string | undefined> {
  const origins = [...new Set([originOf(DEFAULT_BASE_URL), ...knownBaseURLs.map(originOf)])];
  const other = vscode.l10n.t('Another server…');
  const picked = await pickText([...origins, other], {
    title: vscode.l10n.t('LangLens: Set API Key'),
    placeHolder: vscode.l10n.t('Which server is the key for?'),
  });
  if (picked !== other) return picked;
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Server base URL'),
    prompt: vscode.l10n.t('The judge definition\'s "baseURL", e.g. https://api.together.xyz/v1'),
    ignoreFocusOut: true,
    validateInput: (value) => {
      try {
        return /^https?:$/.test(new URL(value).protocol) ? undefined : vscode.l10n.t('an http(s) URL');
      } catch {
        return vscode.l10n.t('an http(s) URL');
      }
    },
  });
  return typed ? originOf(typed) : undefined;
}
