// The scale tier's databases, generated once and kept in .langlens/bench-cache (gitignored): a file is named after
// its shape and a hash of the generator and of the store's migrations, so a changed generator makes new data, a new
// migration a database imported as a user's import now writes it (a migration that adds what the import computes,
// such as responses' lengths, would otherwise leave it empty), and an unchanged one is reused.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../src/core/import/importFile';
import { MIGRATIONS } from '../../src/core/store/migrations';
import { Store } from '../../src/core/store/store';
import { generateCanonicalRun, type RunShape } from './canonicalRun';

export const CACHE = join(__dirname, '..', '..', '.langlens', 'bench-cache');

function cachedPath(name: string, shape: RunShape): string {
  const generator =
    readFileSync(join(__dirname, 'canonicalRun.ts'), 'utf8') +
    readFileSync(join(__dirname, '..', 'importRun.ts'), 'utf8');
  const migrations = JSON.stringify(MIGRATIONS);
  const version = createHash('sha256')
    .update(generator)
    .update(JSON.stringify(shape))
    .update(migrations)
    .digest('hex')
    .slice(0, 10);
  return join(CACHE, `${name}-${version}.db`);
}

/**
 * The database of a shape, generating and importing it the first time (written under a temporary name and renamed
 * when complete, so an interrupted bench leaves nothing half-made). Opened once for writing on every call, so that
 * a cached database gains the migrations added since it was made, as a user's would.
 */
export async function benchDatabase(name: string, shape: RunShape, log: (line: string) => void): Promise<string> {
  const path = cachedPath(name, shape);
  if (!existsSync(path)) {
    mkdirSync(CACHE, { recursive: true });
    const folder = mkdtempSync(join(CACHE, `${name}-making-`));
    try {
      const started = Date.now();
      const generated = await generateCanonicalRun(folder, shape);
      const made = join(folder, 'run.db');
      const store = await Store.open(made);
      try {
        for (const file of generated.files) await importFile(store, file);
      } finally {
        await store.close();
      }
      renameSync(made, path);
      const counts = Object.entries(generated.records).map(([k, n]) => `${n.toLocaleString('en')} ${k}`);
      log(`(generated ${name} in ${((Date.now() - started) / 1000).toFixed(0)} s: ${counts.join(', ')})`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  await (await Store.open(path)).close();
  return path;
}
