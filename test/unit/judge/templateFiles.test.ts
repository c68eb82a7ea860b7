// A judge file from a cloned repository cannot turn any readable file into a prompt sent to its server.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JudgeDefinitionError } from '../../../src/core/judge/definition';
import { MAX_TEMPLATE_BYTES } from '../../../src/core/judge/templateFiles';
import { judgeFile, tempDir } from './helpers';

const USER = '{{instruction}}\n{{response_a}}\n{{response_b}}';

function refusal(fields: Record<string, unknown>, dir: string): string {
  try {
    judgeFile({ model: 'm', protocol: 'pairwise', ...fields }, {}, dir);
  } catch (err) {
    assert.ok(err instanceof JudgeDefinitionError, String(err));
    return err.message;
  }
  assert.fail('the template was accepted');
}

describe("judge/templateFiles: templates stay inside the definition's folder", () => {
  let outside: string;
  let dir: string;

  beforeEach(() => {
    outside = tempDir();
    dir = join(outside, 'judges');
    mkdirSync(dir);
    writeFileSync(
      join(outside, 'id_rsa'),
      '-----BEGIN OPENSSH PRIVATE KEY----- {{instruction}} {{response_a}} {{response_b}}',
    );
  });

  it('refuses a template outside the folder, by a relative path, an absolute path or a symbolic link', () => {
    const relative = refusal({ template: '../id_rsa' }, dir);
    assert.match(relative, /judges\/test\.judge\.json: /);
    assert.match(
      relative,
      /field "template": template "\.\.\/id_rsa" lies outside the judge definition's folder .*judges \(it resolves to .*id_rsa\); templates must be inside that folder/,
    );
    assert.match(
      refusal({ systemTemplate: join(outside, 'id_rsa') }, dir),
      /field "systemTemplate": template ".*id_rsa" is an absolute path; it must be relative to the judge definition's folder/,
    );
    symlinkSync(join(outside, 'id_rsa'), join(dir, 'innocent.txt'));
    assert.match(
      refusal({ template: 'innocent.txt' }, dir),
      /template "innocent\.txt" lies outside the judge definition's folder/,
    );
  });

  it('refuses hidden files, binary files and large files, and names a missing one', () => {
    writeFileSync(join(dir, '.env'), `SECRET=1 ${USER}`);
    assert.match(refusal({ template: '.env' }, dir), /template "\.env" is a hidden file or inside a hidden folder/);
    writeFileSync(join(dir, 'binary.txt'), Buffer.concat([Buffer.from(USER), Buffer.from([0, 1, 2])]));
    assert.match(
      refusal({ template: 'binary.txt' }, dir),
      /template "binary\.txt" is not a text file \(it contains NUL bytes\)/,
    );
    writeFileSync(join(dir, 'latin1.txt'), Buffer.concat([Buffer.from(USER), Buffer.from([0xe9])]));
    assert.match(refusal({ template: 'latin1.txt' }, dir), /template "latin1\.txt" is not UTF-8 text/);
    writeFileSync(join(dir, 'big.txt'), USER + ' '.repeat(MAX_TEMPLATE_BYTES));
    assert.match(
      refusal({ template: 'big.txt' }, dir),
      /template "big\.txt" is 65,581 bytes; a template may have at most 65,536/,
    );
    mkdirSync(join(dir, 'folder.txt'));
    assert.match(refusal({ template: 'folder.txt' }, dir), /template "folder\.txt" is not a regular file/);
    assert.match(refusal({ template: 'missing.txt' }, dir), /cannot read the template "missing\.txt": no such file/);
  });

  it('accepts a template in a subfolder, and a system template with a placeholder or marked static', () => {
    mkdirSync(join(dir, 'prompts'));
    writeFileSync(join(dir, 'prompts', 'user.txt'), USER);
    writeFileSync(join(dir, 'prompts', 'system.txt'), 'Please act as an impartial judge.');
    writeFileSync(join(dir, 'prompts', 'system-lang.txt'), 'You judge answers written in {{language}}.');
    assert.match(
      refusal({ template: 'prompts/user.txt', systemTemplate: 'prompts/system.txt' }, dir),
      /field "systemTemplate": template "prompts\/system\.txt" has no placeholder such as \{\{language\}\}, so it would be sent as it is: if it is a fixed system message, say so with "staticSystemTemplate": true/,
    );
    const fixed = judgeFile(
      {
        model: 'm',
        protocol: 'pairwise',
        template: 'prompts/user.txt',
        systemTemplate: 'prompts/system.txt',
        staticSystemTemplate: true,
      },
      {},
      dir,
    );
    assert.equal(fixed.templates.system, 'Please act as an impartial judge.');
    assert.equal(fixed.templates.user, USER);
    const placeholder = judgeFile(
      { model: 'm', protocol: 'pairwise', template: 'prompts/user.txt', systemTemplate: 'prompts/system-lang.txt' },
      {},
      dir,
    );
    assert.equal(placeholder.templates.system, 'You judge answers written in {{language}}.');
    assert.match(
      refusal({ staticSystemTemplate: true }, dir),
      /field "staticSystemTemplate": applies only with a "systemTemplate" file/,
    );
  });
});
