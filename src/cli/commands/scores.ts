import { detectResponseLanguages } from '../../core/languages';
import { EXPORT_FORMATS } from '../../core/report/render';
import { SCORE_SOURCES as SCORE_TABLES } from '../../core/report/scoreSources';
import { STUDY_SOURCES } from '../../core/report/studySources';
import { UsageError, type Command } from '../command';
import { openExistingStore } from '../openStore';
import { TABLE_OPTION_HELP, TABLE_OPTION_SPEC, tableOptions } from '../tableOptions';
import { chooseSources, outputFormat, renderTables } from '../tableOutput';

/** The score tables and the lead's study tables (annotator-scores). */
const SCORE_SOURCES = [...SCORE_TABLES, ...STUDY_SOURCES];

/** Tables that read responses' languages: before them, responses not detected yet are detected (once). */
const NEEDS_LANGUAGES = new Set(['likert', 'rating3', 'io-agreement', 'io-mismatches']);

export const scoresCommand: Command = {
  name: 'scores',
  summary: 'side-by-side, Likert, 1–3 × language id, human ratings, language agreement, judge consistency, kappa/alpha',
  options: { ...TABLE_OPTION_SPEC, format: { type: 'string' }, 'no-detect': { type: 'boolean', default: false } },
  help: `usage: langlens scores TABLE... [options]

Prints score tables (protocols.md §1-§6), per language, each figure with its n and a 95% bootstrap interval
over prompt groups (--seed makes it reproducible). Every table can also be exported: langlens export TABLE.

tables:
${SCORE_SOURCES.map((s) => `  ${s.id.padEnd(19)}${s.description}`).join('\n')}

  --format F            ${EXPORT_FORMATS.join(', ')} (default: text; --json is the same as --format json)
  --no-detect           do not detect the language of responses not detected yet (they count as "not detected")

The score tables are always per system and language (and per run, turn and criterion when there are several); --by
breaks down the chance-* tables and the judging tables (judge-correlation, reliability, kappa-pairs, judge-accuracy,
length-bias, lc-winrate, bradley-terry), e.g. --by criterion pools languages within each criterion. docs/scores.md
says what each figure's n is and what is left out.

${TABLE_OPTION_HELP}

examples:
  langlens scores if-matrix --baseline "mono-{lang}" --judge gpt-4
  langlens scores likert rating3 io-agreement --run demo
  langlens scores chance-ratings --by lang --seed 7
  langlens scores judge-accuracy --gold expert --invalid-as wrong
  langlens scores annotator-scores --gold adjudicated
  langlens scores disagreements --task rating --lang he
  langlens scores judge-correlation reliability length-bias bradley-terry`,
  async run(context) {
    const wanted = context.positionals.flatMap((p) => p.split(',')).filter(Boolean);
    if (wanted.length === 0) throw new UsageError(`name a table (${SCORE_SOURCES.map((s) => s.id).join(', ')})`);
    const sources = chooseSources(wanted, SCORE_SOURCES, 'score');
    const format = outputFormat(context, 'text');
    const options = tableOptions(context);
    if (
      sources.some((s) => s.id === 'sxs' || s.id === 'if-matrix' || s.id === 'lc-winrate') &&
      options.baseline === undefined
    ) {
      throw new UsageError(
        'sxs, if-matrix and lc-winrate need --baseline SYSTEM, or a per-language pattern such as "mono-{lang}"',
      );
    }
    const store = await openExistingStore(context);
    try {
      if (!context.values['no-detect'] && sources.some((s) => NEEDS_LANGUAGES.has(s.id))) {
        const reports = await detectResponseLanguages(store, {
          ...(options.run !== undefined ? { run: options.run } : {}),
          signal: context.signal,
        });
        const detected = reports.reduce((n, r) => n + r.detected, 0);
        if (detected > 0)
          context.stderr.write(`(detected the language of ${detected} response(s) not detected before)\n`);
      }
      const tables = [];
      for (const source of sources) tables.push(await source.build(store, options));
      context.stdout.write(renderTables(tables, format));
      return 0;
    } finally {
      await store.close();
    }
  },
};
