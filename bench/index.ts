// `npm run bench`: speed and memory of each part, printed as figures and ratios against a baseline measured in
// the same run. Nothing here is asserted: the figures are for people to read and compare across changes.
// Parts may be chosen by name: npm run bench -- import langid
import { cpus, totalmem } from 'node:os';
import { benchAgreementTable } from './agreementTable';
import { benchImport } from './importBench';
import { benchJudgeRunner } from './judgeRunner';
import { benchLanguageIdentification } from './langid';
import { benchTeam } from './team';

const PARTS: Record<string, () => Promise<void>> = {
  import: benchImport,
  langid: benchLanguageIdentification,
  judge: benchJudgeRunner,
  agreement: benchAgreementTable,
};

/** Parts run only when named (npm run bench -- team): a minute each, and a server to run against. */
const ON_REQUEST: Record<string, () => Promise<void>> = {
  team: benchTeam,
};

async function main(): Promise<void> {
  const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = chosen.filter((name) => !PARTS[name] && !ON_REQUEST[name]);
  if (unknown.length) {
    const known = [...Object.keys(PARTS), ...Object.keys(ON_REQUEST)].join(', ');
    throw new Error(`unknown part(s) ${unknown.join(', ')}; choose from ${known}`);
  }
  console.log(
    `# LangLens benchmarks: Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
  );
  for (const [name, run] of Object.entries(PARTS)) {
    if (chosen.length && !chosen.includes(name)) continue;
    await run();
  }
  for (const [name, run] of Object.entries(ON_REQUEST)) if (chosen.includes(name)) await run();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
