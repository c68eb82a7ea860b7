// The grid's words, as the host sent them (src/extension/grid/gridWords.ts): the page has none of its own.
import { GRID_PHRASES } from '../../shared/protocol/grid';
import { PanelWords } from '../shared/words';

export const w = new PanelWords(GRID_PHRASES);
