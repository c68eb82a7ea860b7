// The draw kernel's WebAssembly bytes are what its source compiles to: the .wat is the code reviewed and changed.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../support/paths';

describe('stats: the draw kernel', () => {
  it('is compiled from src/core/util/drawKernel.wat as it stands', () => {
    const check = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'drawKernel.mjs'), '--check'], {
      encoding: 'utf8',
    });
    assert.equal(check.status, 0, check.stderr);
    assert.match(check.stdout, /matches drawKernel\.wat/);
  });
});
