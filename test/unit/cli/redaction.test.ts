// No password in a printed URL: every message of the langlens command that names a database (success, failure,
// --json, team init, copy) shows a server's URL with *** for its password, whatever the command and the outcome.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { redactedUrl, redactUrlsIn } from '../../../src/core/store/store';
import { PROJECT_ROOT, temporaryFolder } from '../../support/paths';
import { freshSchema, requirePostgres, type TestLocation } from '../../support/testDatabase';

const TSX = pathToFileURL(require.resolve('tsx')).href;
const SECRET = 'Sh0uld-never-be-printed';

function langlens(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', TSX, join(PROJECT_ROOT, 'src/cli/main.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANGLENS_DB: '' },
  });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function assertNoPassword(output: string, password: string, what: string): void {
  assert.ok(!output.includes(password), `${what} printed the password:\n${output}`);
  assert.ok(!output.includes(encodeURIComponent(password)), `${what} printed the password (encoded):\n${output}`);
}

describe('database URLs in messages: never with their password', function () {
  this.timeout(180_000);
  let folder: ReturnType<typeof temporaryFolder>;
  before(() => (folder = temporaryFolder()));
  after(() => folder.remove());

  it('redacts the password of any URL in a text, and only the password', () => {
    assert.equal(
      redactUrlsIn(
        `cannot connect to postgres://lead:${SECRET}@db.example.org:5432/study?schema=s1 (and mysql://u:p@h/x)`,
      ),
      'cannot connect to postgres://lead:***@db.example.org:5432/study?schema=s1 (and mysql://u:***@h/x)',
    );
    assert.equal(redactedUrl(`postgres://lead:${SECRET}@h/db`), 'postgres://lead:***@h/db');
    assert.equal(redactedUrl('postgres://lead@h/db'), 'postgres://lead@h/db');
    assert.equal(redactUrlsIn('/home/me/.langlens/langlens.db'), '/home/me/.langlens/langlens.db');
  });

  it('a server that cannot be reached: text and --json failures of every store command', () => {
    const url = `postgres://lead:${SECRET}@127.0.0.1:1/study`;
    for (const args of [
      ['summary'],
      ['summary', '--json'],
      ['import', join(PROJECT_ROOT, 'demo', 'prompts.jsonl')],
      ['team', 'init', '--annotators', 'noa'],
    ]) {
      const result = langlens(folder.path, ...args, '--db', url);
      assert.notEqual(result.code, 0, args.join(' '));
      assertNoPassword(result.output, SECRET, args.join(' '));
      assert.match(result.output, /postgres:\/\/lead:\*\*\*@127\.0\.0\.1:1\/study/, args.join(' '));
    }
    const fromEnvironment = spawnSync(
      process.execPath,
      ['--import', TSX, join(PROJECT_ROOT, 'src/cli/main.ts'), 'summary'],
      { cwd: folder.path, encoding: 'utf8', env: { ...process.env, LANGLENS_DB: url } },
    );
    assertNoPassword(`${fromEnvironment.stdout}${fromEnvironment.stderr}`, SECRET, 'LANGLENS_DB');
    const copy = langlens(folder.path, 'copy', '--from', url, '--to', join(folder.path, 'copy.db'));
    assertNoPassword(copy.output, SECRET, 'copy');
    // A URL of another scheme is refused, naming it without its password.
    const mysql = langlens(folder.path, 'summary', '--db', `mysql://root:${SECRET}@h/x`);
    assert.equal(mysql.code, 2);
    assertNoPassword(mysql.output, SECRET, 'mysql');
    assert.match(mysql.output, /mysql:\/\/root:\*\*\*@h\/x/);
  });

  describe('on a real server', () => {
    let server: string;
    let schema: TestLocation;
    const prefix = `lr${Date.now().toString(36)}_`;
    before(function () {
      server = requirePostgres(this);
      schema = freshSchema(server);
    });
    after(async () => {
      await schema?.drop();
      if (!server) return;
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      for (const role of [`${prefix}noa`, `${prefix}annotators`]) await client.query(`DROP ROLE IF EXISTS "${role}"`);
      await client.end();
    });

    it('import, summary, team init and copy, as text and as --json, succeed without printing it', function () {
      const password = new URL(server).password;
      if (password === '') this.skip();
      const db = schema.location;
      const outputs: [string, ReturnType<typeof langlens>][] = [
        ['import', langlens(folder.path, 'import', join(PROJECT_ROOT, 'demo', 'prompts.jsonl'), '--db', db)],
        [
          'import --json',
          langlens(folder.path, 'import', join(PROJECT_ROOT, 'demo', 'responses.jsonl'), '--db', db, '--json'),
        ],
        ['summary', langlens(folder.path, 'summary', '--db', db)],
        ['summary --json', langlens(folder.path, 'summary', '--db', db, '--json')],
        [
          'team init',
          langlens(folder.path, 'team', 'init', '--annotators', 'noa', '--role-prefix', prefix, '--db', db),
        ],
        [
          'team init --json',
          langlens(folder.path, 'team', 'init', '--annotators', 'noa', '--role-prefix', prefix, '--db', db, '--json'),
        ],
        ['copy', langlens(folder.path, 'copy', '--from', db, '--to', join(folder.path, 'server-copy.db'))],
        [
          'copy --json',
          langlens(folder.path, 'copy', '--from', join(folder.path, 'server-copy.db'), '--to', db, '--json'),
        ],
        ['a failure', langlens(folder.path, 'agreement', '--run', 'no-such-run', '--db', db)],
      ];
      for (const [what, result] of outputs) {
        if (what !== 'a failure') assert.equal(result.code, 0, `${what}: ${result.output}`);
        assertNoPassword(result.output, password, what);
      }
      assert.match(outputs[0]![1].output, /database: postgres:\/\/postgres:\*\*\*@127\.0\.0\.1/);
      assert.match(outputs[4]![1].output, /noa: role .*noa, password \S+ \(shown once\)/);
    });
  });
});
