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
import { PROJECT_ROOT } from '../../support/paths';
import { freshSchema, requirePostgres, type TestLocation } from '../../support/testDatabase';

function pairLabel(annotator: string, value: 'A' | 'B', fingerprint: string): LabelWrite {
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
    systemA: 'mono-en',
    systemB: 'multi-3',
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

describe('langlens team: a role per annotator, enforced by the database', function () {
  let server: string;
  let schema: TestLocation;
  let lead: Store;
  let members: TeamMember[];
  const prefix = `lt${Date.now().toString(36)}_`;

  before(async function () {
    server = requirePostgres(this);
    schema = freshSchema(server);
    lead = await Store.open(schema.location);
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
      await appendLabel(noa, pairLabel('noa', 'A', 'noa-1'));
      await assert.rejects(appendLabel(noa, pairLabel('ilan', 'A', 'noa-as-ilan')), /row-level security/);
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
    // The lead reads everyone's.
    assert.deepEqual(
      (await connectionOf(lead).all<{ fingerprint: string }>('SELECT fingerprint FROM labels ORDER BY id')).map(
        (r) => r.fingerprint,
      ),
      ['ilan-1', 'noa-1'],
    );
  });
});
