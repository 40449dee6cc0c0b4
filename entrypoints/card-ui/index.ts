import { CARD_UI_GLOBAL } from '@/lib/card-contract';
import { createCardUi } from './mount';

/**
 * The card's code, injected by the background on the first hover (scripting.executeScript into
 * the content script's isolated world), so pages pay for Preact and Floating UI only when used.
 */
export default defineUnlistedScript(() => {
  const scope = globalThis as Record<string, unknown>;
  scope[CARD_UI_GLOBAL] ??= createCardUi();
});
