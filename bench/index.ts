// `npm run bench`: speed and memory of each part, printed as figures and ratios against a baseline measured in
// the same run. Nothing here is asserted: the figures are for people to read and compare across changes.
// Parts may be chosen by name: npm run bench -- import langid. The scale tier (issue 11's targets on generated runs,
// cached) runs only when asked: npm run bench -- --scale 4 (alone, or with parts named).
import { cpus, totalmem } from 'node:os';
import { benchAgreementTable } from './agreementTable';
import { benchGridOpen } from './gridOpen';
import { benchImport } from './importBench';
import { benchJudgeRunner } from './judgeRunner';
import { benchLanguageIdentification } from './langid';
import { benchScale } from './scale';
import { benchScoresTables } from './scoresTables';
import { benchTeam } from './team';

const PARTS: Record<string, () => Promise<void>> = {
  import: benchImport,
  langid: benchLanguageIdentification,
  judge: benchJudgeRunner,
  agreement: benchAgreementTable,
  scores: () => benchScoresTables(),
};

/** Parts run only when named (npm run bench -- team grid): a minute each, and a server or code-server to run. */
const ON_REQUEST: Record<string, () => Promise<void>> = {
  team: benchTeam,
  grid: benchGridOpen,
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const scaleAt = args.indexOf('--scale');
  const scale = scaleAt < 0 ? undefined : Number(args[scaleAt + 1]);
  if (scale !== undefined && !(Number.isInteger(scale) && scale >= 1))
    throw new Error(`--scale takes a whole number of times Shaham et al.'s run (1, 2, 4), not ${args[scaleAt + 1]}`);
  const chosen = args.filter((a, i) => !a.startsWith('-') && (scaleAt < 0 || i !== scaleAt + 1));
  const unknown = chosen.filter((name) => !PARTS[name] && !ON_REQUEST[name]);
  if (unknown.length) {
    const known = [...Object.keys(PARTS), ...Object.keys(ON_REQUEST)].join(', ');
    throw new Error(`unknown part(s) ${unknown.join(', ')}; choose from ${known}`);
  }
  console.log(
    `# LangLens benchmarks: Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
  );
  for (const [name, run] of Object.entries(PARTS)) {
    if ((chosen.length || scale !== undefined) && !chosen.includes(name)) continue;
    await run();
  }
  for (const [name, run] of Object.entries(ON_REQUEST)) if (chosen.includes(name)) await run();
  if (scale !== undefined) await benchScale(scale);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
