// API keys in VS Code's SecretStorage, one per server (origin of the judge's base URL): never in settings, the
// database, logs or exports. Local servers that need no key simply have none.
import * as vscode from 'vscode';
import { DEFAULT_BASE_URL, isOpenAI } from '../../core/judge/definition';

const SECRET_PREFIX = 'langlens.apiKey:';

export function originOf(baseURL: string): string {
  return new URL(baseURL).origin;
}

/** The stored key for a judge's server, else the environment variable the definition names (as the CLI reads it). */
export async function apiKeyFor(secrets: vscode.SecretStorage, baseURL: string, apiKeyEnv: string): Promise<string | undefined> {
  return (await secrets.get(SECRET_PREFIX + originOf(baseURL))) || process.env[apiKeyEnv] || undefined;
}

/**
 * Asks for the key of one server and stores it; an empty answer removes the stored key. `knownBaseURLs` (from the
 * workspace's judge files) are offered, with OpenAI first. Returns the key, or undefined when cancelled or removed.
 */
export async function askForApiKey(secrets: vscode.SecretStorage, knownBaseURLs: readonly string[], preselect?: string): Promise<string | undefined> {
  const origin = preselect ? originOf(preselect) : await pickOrigin(knownBaseURLs);
  if (!origin) return undefined;
  const key = await vscode.window.showInputBox({
    title: `API key for ${origin}`,
    prompt: 'Stored in VS Code\'s secret storage, never in settings or files. Leave empty to remove the stored key.',
    password: true,
    ignoreFocusOut: true,
    placeHolder: isOpenAI(origin) ? 'sk-...' : 'the key the server expects (Authorization: Bearer ...)',
  });
  if (key === undefined) return undefined;
  if (key.trim() === '') {
    await secrets.delete(SECRET_PREFIX + origin);
    void vscode.window.showInformationMessage(`LangLens: the API key for ${origin} was removed.`);
    return undefined;
  }
  await secrets.store(SECRET_PREFIX + origin, key.trim());
  void vscode.window.showInformationMessage(`LangLens: the API key for ${origin} is stored.`);
  return key.trim();
}

async function pickOrigin(knownBaseURLs: readonly string[]): Promise<string | undefined> {
  const origins = [...new Set([originOf(DEFAULT_BASE_URL), ...knownBaseURLs.map(originOf)])];
  const other = 'Another server…';
  const picked = await vscode.window.showQuickPick([...origins, other], {
    title: 'LangLens: Set API Key', placeHolder: 'Which server is the key for?',
  });
  if (picked !== other) return picked;
  const typed = await vscode.window.showInputBox({
    title: 'Server base URL', prompt: 'The judge definition\'s "baseURL", e.g. https://api.together.xyz/v1', ignoreFocusOut: true,
    validateInput: (value) => {
      try {
        return /^https?:$/.test(new URL(value).protocol) ? undefined : 'an http(s) URL';
      } catch {
        return 'an http(s) URL';
      }
    },
  });
  return typed ? originOf(typed) : undefined;
}
