// The MT-bench score as FastChat's show_result prints it (llm_judge/show_result.py, single mode): per judge and
// system, the mean 1-10 score of each turn and the mean over every scored answer of all turns ("average", which
// is not the mean of the turn means when turns have different counts). Unparsable scores (-1) are left out and
// counted. LangLens keeps it per run and language, never pooled across languages.
import type { PointwiseScoreRow } from '../../store/scoreQueries';
import type { LanguageTag } from '../../model/language';
import { judgeLabels } from '../judgeLabels';
import { ratio, type Estimate, type IntervalSettings } from '../estimate';
import { collect } from './slices';
import { ClusterTally } from '../clusterTally';

export interface MtBenchScoreRow {
  readonly run: string;
  readonly lang: LanguageTag;
  readonly judge: string;
  readonly system: string;
  /** The mean score of each turn, by turn number (n = scored answers of that turn). */
  readonly turns: ReadonlyMap<number, Estimate>;
  /** The mean of every scored answer (n = all of them). */
  readonly average: Estimate;
  /** Unparsable judge answers, left out. */
  readonly invalid: number;
}

interface Cell {
  readonly run: string;
  readonly lang: LanguageTag;
  readonly judge: string;
  readonly system: string;
  readonly tally: ClusterTally;
  invalid: number;
}

/** The turns present in the rows, in order; each takes two sums (score, count), after the overall two. */
function turnIndex(rows: readonly PointwiseScoreRow[]): Map<number, number> {
  const turns = [...new Set(rows.map((r) => r.turn))].sort((a, b) => a - b);
  return new Map(turns.map((turn, i) => [turn, 2 + 2 * i]));
}

export function mtBenchScores(
  rows: readonly PointwiseScoreRow[],
  options: { intervals?: IntervalSettings },
): MtBenchScoreRow[] {
  const label = judgeLabels(rows);
  const index = turnIndex(rows);
  const cells = new Map<string, Cell>();
  for (const row of rows) {
    const judge = label(row);
    const cell = collect(cells, [row.run, row.lang, judge, row.system].join('\u0000'), () => ({
      run: row.run,
      lang: row.lang,
      judge,
      system: row.system,
      tally: new ClusterTally(2 + 2 * index.size),
      invalid: 0,
    }));
    if (row.score === null) {
      cell.invalid++;
      continue;
    }
    const sums = cell.tally.of(row);
    const at = index.get(row.turn)!;
    sums[0]! += row.score;
    sums[1]! += 1;
    sums[at]! += row.score;
    sums[at + 1]! += 1;
  }
  return [...cells.values()]
    .sort(
      (a, b) =>
        a.run.localeCompare(b.run) ||
        a.lang.localeCompare(b.lang) ||
        a.judge.localeCompare(b.judge) ||
        a.system.localeCompare(b.system),
    )
    .map((cell) => {
      const figures = [ratio(0, 1), ...[...index.values()].map((at) => ratio(at, at + 1))];
      const [average, ...perTurn] = cell.tally.estimates(figures, options.intervals);
      const turns = new Map<number, Estimate>();
      [...index.keys()].forEach((turn, i) => {
        if (perTurn[i]!.n > 0) turns.set(turn, perTurn[i]!);
      });
      return {
        run: cell.run,
        lang: cell.lang,
        judge: cell.judge,
        system: cell.system,
        turns,
        average: average!,
        invalid: cell.invalid,
      };
    });
}
