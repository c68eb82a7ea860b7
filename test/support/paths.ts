import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(__dirname, '../..');

/** ../shared/data beside the project: present in CI and on the developers' machines, absent in a user's clone. */
export const SHARED_DATA = resolve(PROJECT_ROOT, '../shared/data');

/**
 * Skips the calling suite, saying why, when the published data sets are not beside the project: right for a user's
 * clone. Under CI=true it fails instead, so that the published figures cannot pass in CI by not being checked.
 */
export function requireSharedData(context: Mocha.Context, ...parts: string[]): string {
  const path = join(SHARED_DATA, ...parts);
  if (!existsSync(path)) {
    const why = `${path} is absent (the published data sets live in ../shared/data beside the project)`;
    if (process.env.CI === 'true') throw new Error(`CI=true: ${why}; the acceptance tests must run in CI`);
    console.warn(`      skipped: ${why}`);
    context.skip();
  }
  return path;
}

/** A fresh folder for a test's database and files, removed by the returned function. */
export function temporaryFolder(prefix = 'langlens-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
