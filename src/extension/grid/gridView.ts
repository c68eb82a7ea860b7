// Turns one prompt group's rows into what the grid webview shows. No vscode import: unit-testable.
import { itemVerdict } from '../../core/model/verdicts';
import type { GroupPairwise, PromptGroupData } from '../../core/store/promptGroup';
import type {
  GridCellView,
  GridLanguageView,
  GridView,
  HumanLabelView,
  PairJudgmentView,
  SampleView,
} from '../../../shared/protocol/grid';
import type { DisplayLanguage } from '../displayLanguage';
import { detectionView } from '../languages';
import { renderMarkdown } from '../markdown';

export interface GridPlace {
  readonly index: number;
  readonly count: number;
  readonly focusLanguage: string | null;
}

/** The group's view, its languages named in the display language (in the order of their tags). */
export function gridView(data: PromptGroupData, place: GridPlace, display: DisplayLanguage): GridView {
  const languages = [...new Set([...data.prompts.map((p) => p.lang), ...data.responses.map((r) => r.lang)])].sort();
  const systems = [...new Set([...data.systems])].sort((a, b) => a.localeCompare(b));
  return {
    run: data.ref.run,
    group: data.ref.group,
    turn: data.ref.turn,
    turns: data.turns,
    position: { index: place.index, count: place.count },
    languages: languages.map((lang) => languageRow(data, lang, display)),
    systems: systems.filter((s) => data.responses.some((r) => r.system === s)),
    cells: cells(data, display),
    focusLanguage: place.focusLanguage,
  };
}

function languageRow(data: PromptGroupData, lang: string, display: DisplayLanguage): GridLanguageView {
  return {
    language: display.language(lang),
    prompt: promptHtml(data.prompts.find((p) => p.lang === lang)?.text ?? null),
    pairJudgments: pairJudgments(data.pairwise.filter((j) => j.lang === lang)),
    humanPairs: data.labels
      .filter((l) => l.lang === lang && l.kind === 'pairwise' && l.systemA !== null && l.systemB !== null)
      .map((l) => ({
        annotator: l.annotator,
        value: l.value,
        comment: l.comment,
        systemA: l.systemA!,
        systemB: l.systemB!,
      })),
  };
}

/** One entry per judge and pair, with each order's verdict and the combined verdict. */
function pairJudgments(rows: readonly GroupPairwise[]): PairJudgmentView[] {
  const byPair = new Map<string, GroupPairwise[]>();
  for (const row of rows) {
    const key = JSON.stringify([row.judge, row.systemA, row.systemB]);
    byPair.set(key, [...(byPair.get(key) ?? []), row]);
  }
  return [...byPair.values()].map((orders) => ({
    judge: orders[0]!.judge,
    systemA: orders[0]!.systemA,
    systemB: orders[0]!.systemB,
    combined: itemVerdict(orders),
    orders: orders.map((o) => ({ order: o.order, verdict: o.verdict, reasoning: o.reasoning, raw: o.raw })),
  }));
}

function promptHtml(text: string | null): string | null {
  return text === null ? null : renderMarkdown(text);
}

function cells(data: PromptGroupData, display: DisplayLanguage): GridCellView[] {
  const byCell = new Map<string, SampleView[]>();
  for (const r of data.responses) {
    const key = JSON.stringify([r.lang, r.system]);
    const same = (x: { lang: string; system: string | null; seed: number | null }) =>
      x.lang === r.lang && x.system === r.system && x.seed === r.seed;
    const labels = (kind: 'rating' | 'language'): HumanLabelView[] =>
      data.labels
        .filter((l) => l.kind === kind && same(l))
        // A rating on a criterion says which, so that a response's fluency and faithfulness read apart.
        .map((l) => ({
          annotator: l.annotator,
          value: l.criterion ? `${l.criterion}: ${l.value}` : l.value,
          comment: l.comment,
        }));
    byCell.set(key, [
      ...(byCell.get(key) ?? []),
      {
        seed: r.seed,
        html: renderMarkdown(r.text),
        detected: detectionView(
          r.lang,
          {
            lang: r.detectedLang,
            confidence: r.detectionConfidence,
            detector: r.detector,
            parts: r.detectionParts,
          },
          display.language,
        ),
        scores: data.pointwise.filter(same).map((s) => ({
          judge: s.judge,
          scale: s.scale,
          min: s.scaleMin,
          max: s.scaleMax,
          score: s.score,
          reasoning: s.reasoning,
          raw: s.raw,
        })),
        ratings: labels('rating'),
        languageLabels: labels('language'),
        flaggedBy: data.flags.filter(same).map((f) => f.annotator),
      },
    ]);
  }
  return [...byCell.entries()].map(([key, samples]) => {
    const [lang, system] = JSON.parse(key) as [string, string];
    return { lang, system, samples };
  });
}
