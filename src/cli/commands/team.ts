import { databaseLocation, redactedUrl, Store } from '../../core/store/store';
import { teamInit } from '../../core/store/team';
import { UsageError, type Command } from '../command';

export const teamCommand: Command = {
  name: 'team',
  summary: 'set up a team on a PostgreSQL store: a login role per annotator, enforced by the database',
  options: {
    annotators: { type: 'string' },
    'role-prefix': { type: 'string', default: 'langlens_' },
    'not-blind': { type: 'boolean', default: false },
  },
  help: `usage: langlens team init --db postgres://LEAD@HOST/DATABASE --annotators NAME,NAME... [--role-prefix P] [--not-blind] [--json]

Run once by the lead, as the role that owns LangLens's tables (the one that first opened the store). Creates a
login role P<name> (default prefix langlens_) for each annotator, with a new password printed once, and turns on
row-level security: an annotator reads the runs, prompts and responses, appends labels and language flags only
under their own name and reads back only their own; the lead reads and assigns everything. In a blind study (the
default) annotators cannot read the judges or their verdicts; --not-blind lets them. Run it again to add
annotators: existing roles keep their passwords. See docs/team.md.`,
  async run(context) {
    if (context.positionals[0] !== 'init') throw new UsageError('the team subcommand is "init"');
    if (databaseLocation(context.db).engine !== 'postgres') {
      throw new UsageError('team init needs a PostgreSQL store: --db postgres://... (or LANGLENS_DB)');
    }
    const names = typeof context.values.annotators === 'string' ? context.values.annotators.split(',') : [];
    const annotators = names.map((n) => n.trim()).filter((n) => n !== '');
    if (annotators.length === 0) throw new UsageError('--annotators names at least one annotator');
    const store = await Store.open(context.db);
    try {
      const members = await teamInit(store, {
        annotators,
        rolePrefix: context.values['role-prefix'] as string,
        blind: context.values['not-blind'] !== true,
      });
      const server = new URL(context.db);
      const urlFor = (role: string) => {
        const url = new URL(server.toString());
        url.username = role;
        url.password = '';
        return redactedUrl(url.toString());
      };
      if (context.json) {
        const rows = members.map((m) => ({ ...m, url: urlFor(m.role) }));
        context.stdout.write(JSON.stringify({ database: redactedUrl(context.db), members: rows }, null, 2) + '\n');
        return 0;
      }
      context.stdout.write(
        [
          `team on ${redactedUrl(context.db)}: row-level security on labels, language flags, positions and assignments`,
          ...members.map((m) =>
            m.password
              ? `  ${m.annotator}: role ${m.role}, password ${m.password} (shown once), database ${urlFor(m.role)}`
              : `  ${m.annotator}: role ${m.role} existed already (password unchanged)`,
          ),
          'Each annotator sets langlens.database.url to their URL and runs "LangLens: Set Database Password".',
        ].join('\n') + '\n',
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
