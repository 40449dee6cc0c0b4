import { CARD_UI_GLOBAL, registeredCardUi } from '@/lib/card-contract';
import { createCardUi } from './mount';

/**
 * The card's code, injected by the background on the first hover (scripting.executeScript into
 * the content script's isolated world), so pages pay for Preact and Floating UI only when used.
 */
export default defineUnlistedScript(() => {
  // Replaces card code of another build (an update), never this build's own (a second injection).
  if (!registeredCardUi()) (globalThis as Record<string, unknown>)[CARD_UI_GLOBAL] = createCardUi();
});
