import { shownLocation } from '../../core/store/store';
import type { Command } from '../command';
import { openExistingStore } from '../openStore';

export const summaryCommand: Command = {
  name: 'summary',
  summary: 'what the database holds: runs, languages, systems, judges, annotators',
  options: {},
  help: `usage: langlens summary [--db FILE] [--json]

Per run: prompt groups, languages with their prompts and responses, systems, judges with their verdicts
(and how many were unparsable), and human labels (current and superseded).`,
  async run(context) {
    const store = await openExistingStore(context);
    try {
      const runs = await store.summary();
      if (context.json) {
        context.stdout.write(JSON.stringify({ database: shownLocation(context.db), runs }, null, 2) + '\n');
        return 0;
      }
      if (runs.length === 0)
        context.stdout.write(`${shownLocation(context.db)} holds no runs yet: langlens import FILE...\n`);
      for (const run of runs) {
        const lines = [
          `run ${run.run}: ${run.groups} prompt groups, ${run.languages.length} languages, ${run.systems.length} systems, ${run.responses} responses`,
          `  languages: ${run.languages.map((l) => `${l.lang} (${l.prompts} prompts, ${l.responses} responses)`).join(', ')}`,
          `  systems:   ${run.systems.join(', ') || '–'}`,
          ...run.pairwiseJudgments.map(
            (j) => `  judge ${j.judge}: ${j.count} pairwise verdicts${j.invalid ? `, ${j.invalid} unparsable` : ''}`,
          ),
          ...run.pointwiseJudgments.map(
            (j) => `  judge ${j.judge}: ${j.count} ${j.scale} scores${j.invalid ? `, ${j.invalid} unparsable` : ''}`,
          ),
          ...run.labels.map(
            (l) =>
              `  ${l.kind} labels: ${l.current} current by ${l.annotators} annotators${l.superseded ? `, ${l.superseded} superseded (kept as history)` : ''}`,
          ),
        ];
        context.stdout.write(lines.join('\n') + '\n\n');
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
