#!/usr/bin/env node
// Mutation check: applies each mutation below on its own (a small, meaningful change to the code), runs the unit
// tests that should catch it, and reports the mutations that left those tests green ("survivors"). Exits 1 if any
// survives or if a mutation no longer applies (its search text is gone: update the list with the code).
// `npm run mutants` (slow: one mocha run per mutation). `npm run mutants -- raterKappa` runs the matching ones only.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** file, the exact text to change (once in the file), its replacement, the tests that must catch it, and why. */
const MUTATIONS = [
  {
    name: 'allBeside: a read inside a transaction sent to the second connection (misses its uncommitted rows)',
    file: 'src/core/store/sqlite.ts',
    search: 'this.inTransaction || this.localFolder === undefined ? undefined',
    replace: 'this.localFolder === undefined ? undefined',
    tests: ['test/unit/storage/readsBeside.test.ts'],
  },
  {
    name: 'SqliteDatabase.close: the second connection left open',
    file: 'src/core/store/sqlite.ts',
    search: 'await (await reader?.catch(() => undefined))?.close();',
    replace: 'void reader;',
    tests: ['test/unit/storage/readsBeside.test.ts'],
  },
  {
    name: 'prompt_item_totals: the last response of a system on a prompt deleted, the system still counted',
    file: 'src/core/store/migrations/0018-prompt-item-totals.ts',
    search: "systems = systems - (NOT ${otherOfSystem('OLD')})",
    replace: 'systems = systems',
    tests: ['test/unit/annotation/promptItemTotals.test.ts'],
  },
  {
    name: 'prompt_item_totals: a new response taken for another of its system (new systems not counted)',
    file: 'src/core/store/migrations/0018-prompt-item-totals.ts',
    search: "(row === 'NEW' ? ' AND x.id <> NEW.id)' : ')')",
    replace: "')'",
    tests: ['test/unit/annotation/promptItemTotals.test.ts'],
  },
  {
    name: 'bradleyTerry: a warm start it diverges from left without ratings',
    file: 'src/core/metrics/stats/bradleyTerry.ts',
    search: `      this.theta.fill(0);
      if (this.newtonFit(wins)) return this.converged();`,
    replace: `      if (!start) {
        this.theta.fill(0);
        if (this.newtonFit(wins)) return this.converged();
      }`,
    tests: ['test/unit/stats/judgingStats.test.ts'],
  },
  {
    name: 'lengthControlledRefit: a resample whose warm-started Newton diverges left undefined',
    file: 'src/core/metrics/stats/lengthControlledWinRate.ts',
    search: 'if (Number.isNaN(intercept)) intercept = fit(0, 0);',
    replace: '',
    tests: ['test/unit/stats/judgingStats.test.ts'],
  },
  {
    name: 'lengthControlledRefit: the weights of a resample ignored in the standard deviation',
    file: 'src/core/metrics/stats/lengthControlledWinRate.ts',
    search: 'squares += weightOf[k]! * (deltas[active[k]!]! - mean) ** 2;',
    replace: 'squares += (deltas[active[k]!]! - mean) ** 2;',
    tests: ['test/unit/stats/judgingStats.test.ts'],
  },
  {
    name: "lengthControlledResamples: the draws of one-item clusters tallied into the wrong items' classes",
    file: 'src/core/metrics/stats/lengthControlledWinRate.ts',
    search: 'classOfCluster[c] = classes.classOf[i]!;',
    replace: 'classOfCluster[c] = classes.classOf[i]! && 0;',
    tests: ['test/unit/stats/judgingStats.test.ts'],
  },
  {
    name: 'raterKappa: a pair sharing exactly --min-items items is dropped',
    file: 'src/core/metrics/agreement/raterKappa.ts',
    search: '>= options.minItems',
    replace: '> options.minItems',
    tests: ['test/unit/scores/agreementReference.test.ts'],
  },
  {
    name: 'fields: a fractional whole number accepted',
    file: 'src/core/import/fields.ts',
    search: 'if (Number.isSafeInteger(n)) return n;',
    replace: 'if (Number.isFinite(n)) return n;',
    tests: ['test/unit/import/fieldValues.test.ts'],
  },
  {
    name: 'canonical: a fractional turn accepted',
    file: 'src/core/import/formats/canonical.ts',
    search: "turn: f.optionalInteger(row, 'turn', 1),",
    replace: "turn: f.has(row, 'turn') ? f.number(row, 'turn') : 1,",
    tests: ['test/unit/import/fieldValues.test.ts'],
  },
  {
    name: 'canonical: a fractional seed accepted',
    file: 'src/core/import/formats/canonical.ts',
    search: "return f.optionalInteger(row, 'seed', 0);",
    replace: "return f.has(row, 'seed') ? f.number(row, 'seed') : 0;",
    tests: ['test/unit/import/fieldValues.test.ts'],
  },
  {
    name: "scales: a score above its scale's maximum accepted",
    file: 'src/core/import/scales.ts',
    search: '!(score >= scale.min && score <= scale.max)',
    replace: '!(score >= scale.min)',
    tests: ['test/unit/import/fieldValues.test.ts'],
  },
  {
    name: 'fields: Unix seconds read as milliseconds in labelled_at',
    file: 'src/core/import/fields.ts',
    search: 'new Date(Math.round(v * 1000)).toISOString()',
    replace: 'new Date(Math.round(v)).toISOString()',
    tests: ['test/unit/import/fieldValues.test.ts'],
  },
  {
    name: 'blindOrder: the study-wide blind seed ignored',
    file: 'src/core/annotation/blindOrder.ts',
    search: "configuredSeed.trim() === '' ?",
    replace: 'true ?',
    tests: ['test/unit/annotation/queue.test.ts'],
  },
  {
    name: 'blindOrder: an off-by-one in the shuffle that always swaps',
    file: 'src/core/annotation/blindOrder.ts',
    search: 'random.nextInt(i + 1)',
    replace: 'random.nextInt(i)',
    tests: ['test/unit/annotation/queue.test.ts'],
  },
  {
    name: "queue: the annotator's language order ignored",
    file: 'src/core/annotation/queue.ts',
    search: 'return i === -1 ? languages.length : i;',
    replace: 'return 0;',
    tests: ['test/unit/annotation/queue.test.ts'],
  },
  {
    name: 'parse: a digit-string score read one too low',
    file: 'src/core/judge/parse.ts',
    search: '/^\\s*-?\\d+(\\.\\d+)?\\s*$/.test(v) ? Number(v) : v',
    replace: '/^\\s*-?\\d+(\\.\\d+)?\\s*$/.test(v) ? Number(v) - 1 : v',
    tests: ['test/unit/judge/parse.test.ts'],
  },
  {
    name: 'below humans: judge − humans read on its point estimate instead of its interval',
    file: 'src/core/metrics/audit/judgeMinusHumans.ts',
    search: "if (upper < 0) return 'below';",
    replace: "if (difference.value < 0) return 'below';",
    tests: ['test/unit/audit/belowHumans.test.ts'],
  },
  {
    name: 'pairwiseItems: a BA verdict taken as AB in the reference order',
    file: 'src/core/metrics/agreement/pairwiseItems.ts',
    search: "(item.reference === 'BA' ? flipVerdict(verdict) : verdict)",
    replace: '(verdict)',
    tests: ['test/unit/scores/agreementReference.test.ts'],
  },
  {
    name: 'pairwiseItems: the reference order of an item always AB',
    file: 'src/core/metrics/agreement/pairwiseItems.ts',
    search:
      "if (!draft.reference && (row.order === 'AB' || row.order === 'BA')) draft.reference = row.order;\n  }\n  for",
    replace: "if (!draft.reference && (row.order === 'AB' || row.order === 'BA')) draft.reference = 'AB';\n  }\n  for",
    tests: ['test/unit/scores/agreementReference.test.ts'],
  },
  {
    // franc's codes and the files' go through one normalisation (model/languageCodes.ts): ton becomes to there.
    name: 'languageCodes: an ISO 639-3 code with an ISO 639-1 equivalent kept as it is',
    file: 'src/core/model/languageCodes.ts',
    search: 'return twoLetterEquivalent(code) ?? code;',
    replace: 'return code;',
    tests: ['test/unit/import/trust.test.ts'],
  },
  {
    name: 'sources: a score table missing from langlens export',
    file: 'src/core/report/sources.ts',
    search: '...SCORE_SOURCES, ...STUDY_SOURCES]',
    replace: '...SCORE_SOURCES.slice(1), ...STUDY_SOURCES]',
    tests: ['test/unit/scores/handChecked.test.ts'],
  },
  {
    name: 'latest: the earliest label wins',
    file: 'src/core/store/latest.ts',
    search: '`${alias}.labelled_at DESC, ${alias}.id DESC`',
    replace: '`${alias}.labelled_at ASC, ${alias}.id DESC`',
    tests: ['test/unit/labels/latest.test.ts'],
  },
  {
    name: 'lint: a folder cycle through metrics as one folder not seen',
    file: 'scripts/eslint/folderCycles.mjs',
    search: 'for (const level of [0, 1])',
    replace: 'for (const level of [1])',
    tests: ['test/unit/lint/architecture.test.ts'],
  },
  {
    name: 'lint: SQL in a template string outside the store allowed',
    file: 'eslint.config.mjs',
    search: '{ selector: `TemplateElement[value.raw=${SQL}]`',
    replace: '{ selector: `TemplateElement[value.raw=/^NEVER$/]`',
    tests: ['test/unit/lint/architecture.test.ts'],
  },
  {
    name: "lint: a webview importing another panel's code allowed",
    file: 'eslint.config.mjs',
    search: "regex: '^\\\\.\\\\./(?!shared/|",
    replace: "regex: '^NEVER(?!shared/|",
    tests: ['test/unit/lint/architecture.test.ts'],
  },
  {
    name: 'test support: a missing ../shared/data skipped under CI=true',
    file: 'test/support/paths.ts',
    search: "if (process.env.CI === 'true') throw",
    replace: "if (process.env.CI === 'no') throw",
    tests: ['test/unit/acceptance/sharedData.test.ts'],
  },
  {
    name: 'clusterMatrix: fractional sums taken from cluster weights too (not bit for bit the draw-order sums)',
    file: 'src/core/metrics/stats/clusterMatrix.ts',
    search: 'const exact = onSteps && ',
    replace: 'const exact = ',
    tests: ['test/unit/scores/bootstrapMany.test.ts'],
  },
  {
    name: 'draw kernel: a fill that does not carry the state from one chunk to the next',
    file: 'src/core/util/drawKernel.ts',
    search: '    words.set(state, 0);\n    for (let at = 0; at < out.length; at += FILL_CHUNK) {\n',
    replace: '    for (let at = 0; at < out.length; at += FILL_CHUNK) {\n      words.set(state, 0);\n',
    tests: ['test/unit/stats/random.test.ts'],
  },
  {
    name: "ratings chart: a tooltip title written as an English literal, not from the style's words",
    file: 'src/core/charts/ratingBars.ts',
    search: "{ field: 'series', title: w.rating }",
    replace: "{ field: 'series', title: 'Rating' }",
    tests: ['test/unit/charts/chartWords.test.ts'],
  },
  {
    name: 'chartItems: a rating named in the display language looked up as it is (no items behind it)',
    file: 'src/extension/charts/chartsView.ts',
    search: '(ratingOfSeries(chartWords(l10n), target.series) ?? target.series)',
    replace: 'target.series',
    tests: ['test/unit/charts/chartWords.test.ts'],
  },
  {
    name: "judge-consistency table: a count's note written as an English literal, not from the table's words",
    file: 'src/core/report/scoreTables.ts',
    search: '...countedNote(combinedOnly, w.combinedOnly),',
    replace:
      "...countNote(combinedOnly, 'pair(s) came with an already combined verdict and no order information: in neither.'),",
    tests: ['test/unit/charts/reportWords.test.ts'],
  },
  {
    name: "Charts panel: the charts' tables built without the display language's words (their notes English)",
    file: 'src/extension/charts/chartsView.ts',
    search: '  const options = tableOptionsFor(run, baseline, l10n);',
    replace: '  const options = tableOptionsFor(run, baseline);',
    tests: ['test/unit/charts/reportWords.test.ts'],
  },
  {
    name: "Charts panel: the items behind a mark listed in the core's English words, not the display language's",
    file: 'src/extension/charts/chartsView.ts',
    search: 'tableOptionsFor(run, baseline), markWords(l10n));',
    replace: 'tableOptionsFor(run, baseline));',
    tests: ['test/unit/charts/itemsBehindMark.test.ts'],
  },
  {
    name: "Run Judge's progress: the rate written in English, not through the display language's words",
    file: 'src/extension/judge/judgeWords.ts',
    search: "l10n.t('{0} req/s', l10n.number(p.requestsPerSecond, 1))",
    replace: '`${p.requestsPerSecond.toFixed(1)} req/s`',
    tests: ['test/unit/judge/judgeWords.test.ts'],
  },
  {
    name: 'prompt_item_totals: an import into SQLite does not count again the prompts it wrote responses to',
    file: 'src/core/store/responseCounts.ts',
    search: 'if (this.prompts.size > 0) await this.db.run(RECOUNT, [JSON.stringify([...this.prompts])]);',
    replace: '',
    tests: ['test/unit/annotation/promptItemTotals.test.ts'],
  },
  {
    name: 'prompt_item_totals: the insert trigger not put back after an import set it aside',
    file: 'src/core/store/responseCounts.ts',
    search: 'await this.db.exec(this.triggerSql);',
    replace: '',
    tests: ['test/unit/annotation/promptItemTotals.test.ts'],
  },
  {
    name: "BatchInsert: a shared column bound at the next row parameter's number (the rows misaligned)",
    file: 'src/core/store/batchInsert.ts',
    search: 'cells.push(`?${sharedNumber[column] ?? ++next}`);',
    replace: 'cells.push(`?${sharedNumber[column] ?? next++}`);',
    tests: ['test/unit/storage/batchInsert.test.ts'],
  },
  {
    name: 'BatchInsert: every column taken as shared, whatever its rows hold',
    file: 'src/core/store/batchInsert.ts',
    search: 'while (row < start + count && values[row * columns + column] === first) row++;',
    replace: 'row = start + count;',
    tests: ['test/unit/storage/batchInsert.test.ts'],
  },
  {
    name: "DuplicateCheck: the seed left out of a response's identity",
    file: 'src/core/import/duplicates.ts',
    search: '.name(r.system).name(r.seed).key()',
    replace: '.name(r.system).key()',
    tests: ['test/unit/import/duplicates.test.ts'],
  },
  {
    name: "agreementDashboardOffThread: the intervals computed on the extension host's own thread, holding it",
    file: 'src/core/metrics/audit/dashboardThread.ts',
    search: 'items.length >= DASHBOARD_WORKER_FROM_ITEMS ? ownWorkerScript() : null',
    replace: 'null',
    tests: ['test/unit/audit/dashboardThread.test.ts'],
  },
  {
    name: 'startDashboardWorker: the worker started ahead and never used holds the process open',
    file: 'src/core/metrics/audit/dashboardThread.ts',
    search: `  idle();
  return started;`,
    replace: `  return started;`,
    tests: ['test/unit/audit/dashboardThread.test.ts'],
  },
  {
    name: "recordsFromWire: a posted record's source given another file (its label's fingerprint changes)",
    file: 'src/core/import/rowPassWire.ts',
    search: 'record.source = { file: batch.file, line: record.source }',
    replace: "record.source = { file: 'elsewhere.jsonl', line: record.source }",
    tests: ['test/unit/import/rowPassWorker.test.ts'],
  },
  {
    name: 'readJsonLineBatches: the rows before a line that is not JSON dropped with it',
    file: 'src/core/import/readers/jsonLines.ts',
    search: `      } catch (err) {
        if (rows.length > 0) yield rows;`,
    replace: `      } catch (err) {`,
    tests: [
      'test/unit/import/readers.test.ts',
      'test/unit/import/trust.test.ts',
      'test/unit/import/importFile.test.ts',
    ],
  },
];

function runTests(tests) {
  const mocha = join(ROOT, 'node_modules/.bin/mocha');
  const args = ['--no-config', '--node-option', 'import=tsx', '--timeout', '60000', '--reporter', 'dot', ...tests];
  return spawnSync(mocha, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: process.env.CI ?? '' } });
}

const filter = process.argv[2];
const chosen = MUTATIONS.filter((m) => !filter || m.name.includes(filter) || m.file.includes(filter));
const survivors = [];
const stale = [];
let restore;
process.on('SIGINT', () => {
  restore?.();
  process.exit(130);
});

for (const mutation of chosen) {
  const path = join(ROOT, mutation.file);
  if (!existsSync(path)) {
    stale.push(mutation);
    console.log(`STALE     ${mutation.name}: ${mutation.file} is gone`);
    continue;
  }
  const original = readFileSync(path, 'utf8');
  const at = original.indexOf(mutation.search);
  if (at === -1 || original.indexOf(mutation.search, at + 1) !== -1) {
    stale.push(mutation);
    console.log(
      `STALE     ${mutation.name}: the search text is ${at === -1 ? 'not' : 'more than once'} in ${mutation.file}`,
    );
    continue;
  }
  restore = () => writeFileSync(path, original);
  writeFileSync(path, original.slice(0, at) + mutation.replace + original.slice(at + mutation.search.length));
  let result;
  try {
    result = runTests(mutation.tests);
  } finally {
    restore();
    restore = undefined;
  }
  if (result.status === 0) {
    survivors.push(mutation);
    console.log(`SURVIVED  ${mutation.name} (${mutation.tests.join(', ')} stayed green)`);
  } else {
    const failing = /(\d+) failing/.exec(result.stdout)?.[1];
    console.log(`killed    ${mutation.name}${failing ? ` (${failing} failing)` : ` (mocha exited ${result.status})`}`);
  }
}

// The unmutated tests must pass, or every "kill" above means nothing.
const baseline = runTests([...new Set(chosen.flatMap((m) => m.tests))]);
if (baseline.status !== 0)
  console.log(`BASELINE  the tests fail without any mutation:\n${baseline.stdout}${baseline.stderr}`);
console.log(
  `\n${chosen.length} mutation(s): ${chosen.length - survivors.length - stale.length} killed, ${survivors.length} survived, ${stale.length} stale`,
);
process.exit(survivors.length > 0 || stale.length > 0 || baseline.status !== 0 ? 1 : 0);
