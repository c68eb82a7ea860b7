import { writeFileSync } from 'node:fs';
import { labelRecords } from '../../core/store/labelExport';
import { namePattern } from '../../core/util/pattern';
import type { Command } from '../command';
import { openExistingStore } from '../openStore';

export const exportLabelsCommand: Command = {
  name: 'export-labels',
  summary: "write human labels and language flags as canonical JSONL, to merge annotators' work elsewhere",
  options: {
    run: { type: 'string' },
    annotators: { type: 'string' },
    current: { type: 'boolean', default: false },
    output: { type: 'string', short: 'o' },
  },
  help: `usage: langlens export-labels [-o FILE] [--run NAME] [--annotators PATTERN] [--current]

Writes every human label (ratings, pairwise verdicts with the order shown, language labels) and every
"not in the prompt's language" flag as canonical JSONL (docs/formats.md). Each record keeps its id and time, so
importing the file into another database reproduces the labels there, and importing it again, or a later export
of the same database, adds nothing twice: annotators can work in their own databases and a lead merges them with
langlens import.

  -o, --output FILE     write to FILE instead of stdout ("-": stdout)
  --run NAME            one run (default: all)
  --annotators PATTERN  annotators by pattern, e.g. "alice,bob" or "*,!test-*" (default: all)
  --current             only each annotator's current label per target (default: the whole history, undos included)`,
  async run(context) {
    const v = context.values;
    const store = await openExistingStore(context);
    try {
      const matches = v.annotators === undefined ? () => true : namePattern(String(v.annotators));
      const rows = (
        await labelRecords(store, {
          ...(v.run !== undefined ? { run: String(v.run) } : {}),
          currentOnly: v.current === true,
        })
      ).filter((r) => matches(String(r.annotator)));
      const text = rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
      if (v.output !== undefined && v.output !== '-') {
        // "-o -" is standard output
        writeFileSync(String(v.output), text);
        context.stderr.write(`wrote ${rows.length} labels and flags to ${v.output}\n`);
      } else context.stdout.write(text);
      return 0;
    } finally {
      await store.close();
    }
  },
};
