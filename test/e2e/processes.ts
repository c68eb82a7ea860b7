// The extension host of the code-server this test started (by its process tree, never by name: other code-servers
// run on the machine), to kill it as a crash would.
import { readdirSync, readFileSync } from 'node:fs';

function parentOf(pid: number): number | undefined {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces: state, then the parent's pid.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

function descends(pid: number, root: number): boolean {
  for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 1 && hops < 20; hops++) {
    if (p === root) return true;
    p = parentOf(p);
  }
  return false;
}

/** The pids of the extension hosts under root (code-server's own pid). */
export function extensionHosts(root: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => pid !== root && /--type=extensionHost/.test(commandLine(pid)) && descends(pid, root));
}
