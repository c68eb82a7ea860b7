// langlens team init: each annotator's own role, and the database (row-level security and grants, not the editor)
// keeps them to their own labels and, in a blind study, away from the judges.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import pg from 'pg';
import { importFile } from '../../../src/core/import/importFile';
import { appendLabel, currentLabelsOf, type LabelWrite } from '../../../src/core/store/annotation';
import { connectionOf } from '../../../src/core/store/connection';
import { Store } from '../../../src/core/store/store';
import { teamInit, type TeamMember } from '../../../src/core/store/team';
import { AnnotationSession } from '../../../src/extension/annotate/session';
import { PROJECT_ROOT } from '../../support/paths';
import { freshSchema, requirePostgres, type TestLocation } from '../../support/testDatabase';

function pairLabel(
  annotator: string,
  value: 'A' | 'B',
  fingerprint: string,
  systems: readonly [string, string] = ['mono-en', 'multi-3'],
): LabelWrite {
  return {
    kind: 'pairwise',
    fingerprint,
    annotator,
    comment: null,
    labelledAt: '2026-01-01T10:00:00Z',
    run: 'demo',
    group: 'egg',
    lang: 'es',
    turn: 1,
    systemA: systems[0],
    systemB: systems[1],
    value,
    presentation: 'AB',
  };
}

/** The schema's URL for a member's own login. */
function loginUrl(location: string, member: TeamMember): string {
  const url = new URL(location);
  url.username = member.role;
  url.password = member.password!;
  return url.toString();
}

/** What an annotator's connection calls the systems the lead names. */
async function aliasesOf(store: Store, systems: readonly [string, string]): Promise<[string, string]> {
  const ids = await Promise.all(
    systems.map(async (name) => {
      const row = await connectionOf(lead_).get<{ id: number }>('SELECT id FROM systems WHERE name = ?', [name]);
      return row!.id;
    }),
  );
  const names = await connectionOf(store).all<{ id: number; name: string }>('SELECT id, name FROM system_names');
  const alias = (id: number) => names.find((n) => n.id === id)!.name;
  return [alias(ids[0]!), alias(ids[1]!)];
}
let lead_: Store;

describe('langlens team: a role per annotator, enforced by the database', function () {
  let server: string;
  let schema: TestLocation;
  let lead: Store;
  let members: TeamMember[];
  const prefix = `lt${Date.now().toString(36)}_`;

  before(async function () {
    server = requirePostgres(this);
    schema = freshSchema(server);
    lead = lead_ = await Store.open(schema.location);
    for (const file of ['prompts.jsonl', 'responses.jsonl', 'judge-pairwise.jsonl']) {
      await importFile(lead, join(PROJECT_ROOT, 'demo', file));
    }
    members = await teamInit(lead, { annotators: ['noa', 'ilan'], rolePrefix: prefix });
    await appendLabel(lead, pairLabel('ilan', 'B', 'ilan-1'));
  });
  after(async () => {
    await lead?.close();
    await schema?.drop();
    if (!server) return; // skipped: no server
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    for (const role of [...(members ?? []).map((m) => m.role), `${prefix}annotators`]) {
      await client.query(`DROP ROLE IF EXISTS "${role}"`);
    }
    await client.end();
  });

  it('creates a login role with a new password for each annotator, and keeps existing ones as they are', async () => {
    assert.deepEqual(
      members.map((m) => [m.annotator, m.role, typeof m.password]),
      [
        ['noa', `${prefix}noa`, 'string'],
        ['ilan', `${prefix}ilan`, 'string'],
      ],
    );
    const again = await teamInit(lead, { annotators: ['noa'], rolePrefix: prefix });
    assert.deepEqual(again, [{ annotator: 'noa', role: `${prefix}noa`, password: undefined }]);
  });

  it('lets an annotator append and read back only their own labels, never under another name', async () => {
    const noa = await Store.open(loginUrl(schema.location, members[0]!));
    try {
      // Blind: noa knows the systems by their aliases (system_names), in the same order of ids as the lead.
      const aliases = await aliasesOf(noa, ['mono-en', 'multi-3']);
      await appendLabel(noa, pairLabel('noa', 'A', 'noa-1', aliases));
      await assert.rejects(appendLabel(noa, pairLabel('ilan', 'A', 'noa-as-ilan', aliases)), /row-level security/);
      assert.deepEqual(
        (await currentLabelsOf(noa, 'demo', 'noa', 'pairwise')).map((l) => l.value),
        ['A'],
      );
      assert.deepEqual(await currentLabelsOf(noa, 'demo', 'ilan', 'pairwise'), []);
      const seen = await connectionOf(noa).all<{ fingerprint: string }>('SELECT fingerprint FROM labels');
      assert.deepEqual(
        seen.map((r) => r.fingerprint),
        ['noa-1'],
      );
      assert.deepEqual(
        (await connectionOf(noa).all<{ name: string }>('SELECT name FROM annotators')).map((r) => r.name),
        ['noa'],
      );
      // Blind: the judges' verdicts are not the annotators' to read.
      await assert.rejects(connectionOf(noa).all('SELECT * FROM pairwise_judgments'), /permission denied/);
      await assert.rejects(connectionOf(noa).run("UPDATE labels SET value = 'B'"), /permission denied/);
      await assert.rejects(connectionOf(noa).run('DELETE FROM labels'), /permission denied/);
    } finally {
      await noa.close();
    }
    // The lead reads everyone's, with the systems' names.
    assert.deepEqual(
      await connectionOf(lead).all(
        `SELECT l.fingerprint, sa.name AS "a", sb.name AS "b" FROM labels l JOIN systems sa ON sa.id = l.system_a_id
         JOIN systems sb ON sb.id = l.system_b_id ORDER BY l.id`,
      ),
      [
        { fingerprint: 'ilan-1', a: 'mono-en', b: 'multi-3' },
        { fingerprint: 'noa-1', a: 'mono-en', b: 'multi-3' },
      ],
    );
  });

  it("hides the systems' names from an annotator of a blind study, and the annotate flow works on aliases", async () => {
    const noa = await Store.open(loginUrl(schema.location, members[0]!));
    try {
      await assert.rejects(connectionOf(noa).all('SELECT name FROM systems'), /permission denied/);
      await assert.rejects(connectionOf(noa).all('SELECT * FROM systems'), /permission denied/);
      const ids = await connectionOf(noa).all<{ id: number }>('SELECT id FROM systems ORDER BY id');
      const shown = await connectionOf(noa).all<{ id: number; name: string }>(
        'SELECT id, name FROM system_names ORDER BY id',
      );
      const real = await connectionOf(lead).all<{ id: number; name: string }>(
        'SELECT id, name FROM system_names ORDER BY id',
      );
      assert.deepEqual(
        shown.map((s) => s.id),
        ids.map((s) => s.id),
      );
      assert.ok(
        shown.every((s) => /^system-[0-9a-f]{12}$/.test(s.name)),
        JSON.stringify(shown),
      );
      assert.equal(new Set(shown.map((s) => s.name)).size, shown.length);
      assert.deepEqual(real.map((s) => s.name).sort(), await lead.systemNames('demo'));
      // The annotate flow as noa: her queue, an item's texts, a rating written and read back.
      const spec = {
        run: 'demo',
        task: 'rating' as const,
        annotator: 'noa',
        languages: [],
        seed: '',
        blind: true,
        restrictedTo: null,
      };
      const session = await AnnotationSession.open(noa, spec);
      const responses = await connectionOf(lead).get<{ n: number }>('SELECT count(*) AS n FROM responses');
      assert.equal(session.items.length, responses!.n);
      const [view] = await session.itemViews(noa, 0, 1);
      assert.ok(view && String(view.responses[0]!.html).length > 0, 'the response is shown');
      assert.ok(!JSON.stringify(view).includes('mono-en') && !JSON.stringify(view).includes('multi-3'));
      const item = session.items[0]!;
      await appendLabel(
        noa,
        session.labelWrite({
          id: 'noa-r1',
          itemKey: item.key,
          value: 'pass',
          comment: null,
          labelledAt: '2026-01-02T00:00:00Z',
        }),
      );
      const again = await AnnotationSession.open(noa, spec);
      assert.equal(again.view().labelledMask[0], '1');
      const stored = await connectionOf(lead).get<{ system: string }>(
        "SELECT s.name AS system FROM labels l JOIN systems s ON s.id = l.system_id WHERE l.fingerprint = 'noa-r1'",
      );
      assert.ok(stored && real.some((s) => s.name === stored.system) && !stored.system.startsWith('system-'));
    } finally {
      await noa.close();
    }
  });

  it("gives the team's grants again when a later migration makes a view again", async () => {
    // A database one migration behind: 0014 makes system_names again (DROP VIEW, CREATE VIEW), which drops its grants.
    await connectionOf(lead).run("DELETE FROM schema_migrations WHERE id = '0016-team-overlap'");
    await connectionOf(lead).exec('ALTER VIEW current_labels RESET (security_invoker)');
    await lead.close();
    lead = await Store.open(schema.location);
    const ilan = await Store.open(loginUrl(schema.location, members[1]!));
    try {
      const names = await connectionOf(ilan).all<{ name: string }>('SELECT name FROM system_names');
      assert.ok(names.length > 0 && names.every((s) => s.name.startsWith('system-')));
      await assert.rejects(connectionOf(ilan).all('SELECT name FROM systems'), /permission denied/);
      // Still only her own labels through the view (security_invoker given again).
      const seen = await connectionOf(ilan).all<{ fingerprint: string }>('SELECT fingerprint FROM current_labels');
      assert.deepEqual(
        seen.map((r) => r.fingerprint),
        ['ilan-1'],
      );
    } finally {
      await ilan.close();
    }
  });
});
