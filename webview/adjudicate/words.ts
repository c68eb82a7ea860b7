// The review panel's words, as the host sent them (src/extension/adjudicate/reviewWords.ts): the page has none of
// its own.
import { REVIEW_PHRASES } from '../../shared/protocol/adjudicate';
import { PanelWords } from '../shared/words';

export const w = new PanelWords(REVIEW_PHRASES);
