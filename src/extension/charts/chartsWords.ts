// The charts panel's words in VS Code's display language (shared/protocol/charts.ts CHARTS_PHRASES says which
// placeholders each has): one vscode.l10n.t per phrase, so that scripts/l10n-extract.mjs puts them in
// l10n/bundle.l10n.json. The charts' titles, descriptions and marks come from the core and are not the panel's.
import type { ChartsPhrase } from '../../../shared/protocol/charts';
import type { Words } from '../../../shared/protocol/words';
import { auditPhrases } from '../dashboard/auditWords';
import { panelWords } from '../panel';

export function chartsWords(): Words<ChartsPhrase> {
  return panelWords<ChartsPhrase>({
    ...auditPhrases(),
  });
}
