// The annotation panel's keys as VS Code commands (langlens.annotate.<action>), and the user's own keybindings of
// them. The webview handles its default keys itself (a key pressed in it needs no round trip); an action the user
// bound in keybindings.json is left to VS Code, which runs its command, and the panel shows the user's keys.
import { readFile } from 'node:fs/promises';
import type { KeyMapView } from '../../../shared/protocol/annotate';

/** Every action a command stands for (webview/annotate/keys.ts actionId). */
export const ANNOTATE_ACTIONS = [
  'excellent',
  'pass',
  'fail',
  'left',
  'tie',
  'right',
  'flag',
  'flagLeft',
  'flagRight',
  'next',
  'previous',
  'skip',
  'nextUnlabelled',
  'undo',
  'comment',
  'guidelines',
  'help',
] as const;

const PREFIX = 'langlens.annotate.';

/** keybindings.json is JSON with comments and trailing commas. */
function parseJsonc(text: string): unknown {
  const stripped = text
    .replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_m, str: string | undefined) => str ?? '')
    .replace(/,(\s*[\]}])/g, '$1');
  return JSON.parse(stripped) as unknown;
}

/**
 * The user's keybindings of the panel's commands: an entry binding langlens.annotate.<action> to a key rebinds that
 * action (a "-langlens.annotate.<action>" removal alone only takes VS Code's binding away: the panel's keys stay).
 * A file that does not parse names itself in the error.
 */
export function keyMapOf(text: string, file: string): KeyMapView {
  let entries: unknown;
  try {
    entries = text.trim() === '' ? [] : parseJsonc(text);
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(entries)) throw new Error(`${file}: expected a list of keybindings`);
  const userKeys: Record<string, string[]> = {};
  for (const entry of entries as { command?: unknown; key?: unknown }[]) {
    if (typeof entry?.command !== 'string' || typeof entry.key !== 'string') continue;
    if (!entry.command.startsWith(PREFIX)) continue;
    const action = entry.command.slice(PREFIX.length);
    if (!(ANNOTATE_ACTIONS as readonly string[]).includes(action)) continue;
    (userKeys[action] ??= []).push(entry.key);
  }
  return { rebound: Object.keys(userKeys), userKeys };
}

/** The key map of a keybindings.json file (none: no rebinding). */
export async function readKeyMap(file: string): Promise<KeyMapView> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { rebound: [], userKeys: {} };
    throw err;
  }
  return keyMapOf(text, file);
}
