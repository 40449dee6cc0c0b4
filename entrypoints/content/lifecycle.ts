/**
 * The one AbortController of a page run, and what ends it. Only the extension can: when it is
 * updated, reloaded or removed, this (now orphaned) script's runtime loses its id, and the run
 * stops, removing its highlights and observers. Nothing the page sends is listened to, so no
 * page can stop it; the page's own trusted activity merely prompts an early look.
 */

/** How often an idle page checks that its extension is still there, in ms. */
const CHECK_EVERY_MS = 1000;

/** Whether this script's extension still exists (false once it was updated, reloaded or removed). */
export function extensionAlive(): boolean {
  try {
    const chromeRuntime = (globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime;
    return Boolean(chromeRuntime ? chromeRuntime.id : browser.runtime?.id);
  } catch {
    return false;
  }
}

/** Starts a page run; it aborts when the extension goes away. */
export function startPageRun(): AbortController {
  const controller = new AbortController();
  const { signal } = controller;
  const check = () => {
    if (!signal.aborted && !extensionAlive()) controller.abort();
  };
  const timer = setInterval(check, CHECK_EVERY_MS);
  document.addEventListener('visibilitychange', check, { signal });
  // The reader's input is checked first (capture, registered before any feature): an orphaned
  // script stops before its hover or key handling would call an extension that is gone.
  for (const type of ['pointermove', 'pointerdown', 'keydown', 'scroll']) {
    document.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) check();
      },
      { capture: true, passive: true, signal },
    );
  }
  signal.addEventListener('abort', () => clearInterval(timer));
  return controller;
}
