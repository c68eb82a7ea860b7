// `langlens plot` as a user runs it: a real process on the demo run, the figure and its specification written,
// a restyled specification rendered again, and mistakes named.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT, temporaryFolder } from '../../support/paths';

const TSX = pathToFileURL(require.resolve('tsx')).href;

function langlens(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', TSX, join(PROJECT_ROOT, 'src/cli/main.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANGLENS_DB: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('langlens plot', function () {
  this.timeout(180_000);
  let folder: ReturnType<typeof temporaryFolder>;
  before(() => {
    folder = temporaryFolder();
    assert.equal(
      langlens(
        folder.path,
        'import',
        join(PROJECT_ROOT, 'demo'),
        join(PROJECT_ROOT, 'scripts/demo/judge-rating3.jsonl'),
      ).code,
      0,
    );
  });
  after(() => folder.remove());

  it('writes the heatmap as a PDF and its Vega-Lite specification, counting the cells left out', () => {
    const pdf = join(folder.path, 'if.pdf');
    const spec = join(folder.path, 'if.vl.json');
    const result = langlens(
      folder.path,
      'plot',
      'if-heatmap',
      '--run',
      'demo',
      '--baseline',
      'mono-en',
      '-o',
      pdf,
      '--spec',
      spec,
    );
    assert.equal(result.code, 0, result.stderr);
    assert.ok(readFileSync(pdf).subarray(0, 5).equals(Buffer.from('%PDF-')));
    assert.match(result.stderr, /6 cell\(s\) left out and marked \(baseline\)/);
    const written = JSON.parse(readFileSync(spec, 'utf8')) as {
      $schema: string;
      data: { values: { system: string; lang: string; valueText: string }[] };
    };
    assert.match(written.$schema, /vega-lite\/v6/);
    assert.equal(written.data.values.find((d) => d.system === 'multi-40' && d.lang === 'ar')?.valueText, '87.5');
  });

  it('renders a restyled specification again, through the same pipeline', () => {
    const spec = join(folder.path, 'ratings.vl.json');
    assert.equal(langlens(folder.path, 'plot', 'ratings', '--run', 'demo', '--spec', spec).code, 0);
    const restyled = JSON.parse(readFileSync(spec, 'utf8')) as {
      config: { range: { ordinal: string[] } };
      width?: number;
    };
    restyled.config.range.ordinal = ['#000000', '#777777', '#DDDDDD'];
    writeFileSync(spec, JSON.stringify(restyled));
    const svg = join(folder.path, 'ratings.svg');
    const result = langlens(folder.path, 'plot', '--from-spec', spec, '-o', svg);
    assert.equal(result.code, 0, result.stderr);
    const text = readFileSync(svg, 'utf8');
    assert.match(text, /fill="#000000"/);
    assert.doesNotMatch(text, /<text\b/);
  });

  it('names the mistakes: an unknown chart, a missing baseline, an unknown file type', () => {
    const unknown = langlens(folder.path, 'plot', 'pie', '-o', 'x.svg');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no chart "pie" \(known: judge-vs-humans, if-heatmap/);
    assert.match(langlens(folder.path, 'plot', 'if-heatmap', '-o', 'x.svg').stderr, /needs --baseline/);
    assert.match(
      langlens(folder.path, 'plot', 'ratings', '-o', 'x.gif').stderr,
      /-o x\.gif: the figure's extension is \.svg, \.pdf, \.png/,
    );
  });
});
