// The words of the list behind a chart's mark (src/core/charts/itemsBehind.ts: its title, summary and each item's
// detail) in VS Code's display language: the chart by its title, the language by its name, ratings, verdicts and
// language outcomes in words, counts and scores written as the display language writes numbers. One l10n.t with a
// literal per text, so that scripts/l10n-extract.mjs finds them.
import { CHARTS } from '../../core/charts';
import type { MarkWords } from '../../core/charts/itemsBehind';
import type { LanguageOutcome } from '../../core/languages/effectiveLanguage';
import { RATINGS, type PairVerdict, type PresentationOrder, type Rating } from '../../core/model/records';
import type { DisplayLanguage } from '../displayLanguage';
import { chartWords } from './chartWords';

export function markWords(l10n: DisplayLanguage): MarkWords {
  const words = chartWords(l10n);
  // A list's separator (Arabic and Chinese write their own commas).
  const comma = l10n.t(', ');
  const verdict = (v: PairVerdict) => (v === 'tie' ? l10n.t('tie') : v === 'invalid' ? l10n.t('invalid') : v);
  const order = (o: PresentationOrder) => (o === 'combined' ? l10n.t('combined') : o);
  // A mark's rating comes as the table names it (excellent); a declared scale's level is the user's.
  const rating = (r: string) => ((RATINGS as readonly string[]).includes(r) ? words.ratings.levels[r as Rating] : r);
  const outcomes: Record<LanguageOutcome, string> = {
    match: l10n.t('match'),
    mismatch: l10n.t('mismatch'),
    mixed: l10n.t('mixed'),
    undetermined: l10n.t('undetermined'),
    'not-detected': l10n.t('not detected'),
  };
  return {
    title: (target) => {
      const chart = CHARTS.find((c) => c.id === target.chart);
      const what = [
        l10n.language(target.lang).name,
        target.system,
        target.judge,
        target.series === null ? null : rating(target.series),
      ].filter((x) => x !== null);
      return l10n.t('{0}: {1}', chart ? chart.text(words).title : target.chart, what.join(comma));
    },
    summary: (items) => l10n.t('{0} item(s) behind this mark.', l10n.number(items)),
    orders: (orders, combined) =>
      l10n.t(
        '{0} → {1}',
        orders.map((o) => l10n.t('{0}: {1}', order(o.order), verdict(o.verdict))).join(comma),
        verdict(combined ?? 'invalid'),
      ),
    heatmapPair: (systemA, systemB, orders) => l10n.t('{0} (A) vs {1} (B): {2}', systemA, systemB, orders),
    pair: (systemA, systemB, orders) => l10n.t('{0} vs {1}: {2}', systemA, systemB, orders),
    rated: (r, annotator) => l10n.t('{0} by {1}', rating(r), annotator),
    scored: (judge, score) =>
      score === null ? l10n.t('{0}: unparsable', judge) : l10n.t('{0}: score {1}', judge, l10n.number(score)),
    language: (outcome, effective) =>
      effective ? l10n.t('{0} ({1})', outcomes[outcome], l10n.language(effective).name) : outcomes[outcome],
    withSeed: (detail, seed) => l10n.t('{0}, seed {1}', detail, l10n.number(seed)),
  };
}
