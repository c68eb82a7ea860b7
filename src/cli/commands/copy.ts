import { copyStore } from '../../core/store/copy';
import { databaseLocation, redactedUrl, Store } from '../../core/store/store';
import { UsageError, type Command } from '../command';

export const copyCommand: Command = {
  name: 'copy',
  summary: 'copy a whole database to another, SQLite file or PostgreSQL server, either way',
  options: { from: { type: 'string' }, to: { type: 'string' } },
  help: `usage: langlens copy --from FILE|URL --to FILE|URL [--json]

Copies every run, verdict, label (with its history), language flag, assignment and judge request from one
database to another, SQLite file (FILE.db) or PostgreSQL server (postgres://user@host/database), either way,
with every id kept. The copy is one transaction: it completes or leaves the target as it was. Copying again
copies nothing twice (rows already there, identical, are counted); a row the target holds with other content
stops the copy, naming it. --db is not used.`,
  async run(context) {
    const [from, to] = [context.values.from, context.values.to];
    if (typeof from !== 'string' || typeof to !== 'string') throw new UsageError('copy needs --from and --to');
    const locations = [from, to].map((l) => {
      try {
        return databaseLocation(l);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
    });
    if (from === to) throw new UsageError('--from and --to name the same database');
    const source = await Store.open(from);
    try {
      const target = await Store.open(to);
      try {
        const tables = await copyStore(source, target);
        const shown = [from, to].map((l, i) => (locations[i]!.engine === 'postgres' ? redactedUrl(l) : l));
        if (context.json) {
          context.stdout.write(JSON.stringify({ from: shown[0], to: shown[1], tables }, null, 2) + '\n');
          return 0;
        }
        const copied = tables.reduce((sum, t) => sum + t.copied, 0);
        const present = tables.reduce((sum, t) => sum + t.present, 0);
        context.stdout.write(
          `copied ${copied} rows from ${shown[0]} to ${shown[1]}` +
            (present ? ` (${present} were there already, identical)` : '') +
            '\n' +
            tables
              .filter((t) => t.copied + t.present > 0)
              .map((t) => `  ${t.table}: ${t.copied} copied${t.present ? `, ${t.present} already there` : ''}`)
              .join('\n') +
            '\n',
        );
        return 0;
      } finally {
        await target.close();
      }
    } finally {
      await source.close();
    }
  },
};
