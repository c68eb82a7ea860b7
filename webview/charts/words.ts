// The charts panel's words, as the host sent them (src/extension/charts/chartsWords.ts): the page has none of its
// own.
import { CHARTS_PHRASES } from '../../shared/protocol/charts';
import { PanelWords } from '../shared/words';

export const w = new PanelWords(CHARTS_PHRASES);
