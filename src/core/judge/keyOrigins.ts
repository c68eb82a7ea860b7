// The servers the user allowed a key to be sent to, remembered in a file the user owns (never in the workspace, which
// a cloned repository controls): $LANGLENS_CONFIG_DIR, else $XDG_CONFIG_HOME/langlens, else ~/.config/langlens
// (%APPDATA%\langlens on Windows). One entry per key source and origin: allowing OPENAI_API_KEY for one host allows
// nothing else.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CoreError, messageOf, msg } from '../util/message';

export const KEY_ORIGINS_FILE = 'key-origins.json';

export function userConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LANGLENS_CONFIG_DIR) return env.LANGLENS_CONFIG_DIR;
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'langlens');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'langlens');
}

interface AllowedEntry {
  readonly key: string;
  readonly origin: string;
  readonly allowedAt: string;
}

/** The remembered (key source, origin) pairs. `key` names the source: "env:NAME" or "secret". */
export class KeyOrigins {
  constructor(readonly file: string = join(userConfigDir(), KEY_ORIGINS_FILE)) {}

  isAllowed(key: string, origin: string): boolean {
    return this.read().some((e) => e.key === key && e.origin === origin);
  }

  allow(key: string, origin: string, now = new Date()): void {
    if (this.isAllowed(key, origin)) return;
    const entries = [...this.read(), { key, origin, allowedAt: now.toISOString() }];
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    // Written whole and renamed, so that a crash never leaves half a file (which would forget every allowed origin).
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ allowed: entries }, null, 2) + '\n', { mode: 0o600 });
    renameSync(temporary, this.file);
  }

  private read(): AllowedEntry[] {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return [];
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new CoreError(
        msg(
          '{0}: not valid JSON ({1}); fix or delete it (it lists the servers your API keys may go to)',
          this.file,
          messageOf(err),
        ),
      );
    }
    const allowed = (parsed as { allowed?: unknown }).allowed;
    if (!Array.isArray(allowed))
      throw new CoreError(msg('{0}: expected {"allowed": [{"key": "env:NAME", "origin": "https://..."}]}', this.file));
    return allowed.filter((e): e is AllowedEntry => typeof e?.key === 'string' && typeof e?.origin === 'string');
  }
}
