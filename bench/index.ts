// `npm run bench`: speed and memory of each part, printed as figures and ratios against a baseline measured in
// the same run. Nothing here is asserted: the figures are for people to read and compare across changes.
// Parts may be chosen by name: npm run bench -- import langid
import { cpus, totalmem } from 'node:os';
import { benchAgreementTable } from './agreementTable';
import { benchImport } from './importBench';
import { benchJudgeRunner } from './judgeRunner';
import { benchLanguageIdentification } from './langid';
import { benchScoresTables } from './scoresTables';

const PARTS: Record<string, () => Promise<void>> = {
  import: benchImport,
  langid: benchLanguageIdentification,
  judge: benchJudgeRunner,
  agreement: benchAgreementTable,
  scores: () => benchScoresTables(),
};

async function main(): Promise<void> {
  const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = chosen.filter((name) => !PARTS[name]);
  if (unknown.length)
    throw new Error(`unknown part(s) ${unknown.join(', ')}; choose from ${Object.keys(PARTS).join(', ')}`);
  console.log(
    `# LangLens benchmarks: Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
  );
  for (const [name, run] of Object.entries(PARTS)) {
    if (chosen.length && !chosen.includes(name)) continue;
    await run();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
