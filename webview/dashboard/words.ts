// The dashboard's words, as the host sent them (src/extension/dashboard/dashboardWords.ts): the page has none of
// its own.
import { DASHBOARD_PHRASES } from '../../shared/protocol/dashboard';
import { PanelWords } from '../shared/words';

export const w = new PanelWords(DASHBOARD_PHRASES);
