/**
 * Runs the content script on sites the reader enabled beyond the curated list: every origin
 * granted through the optional host permission gets one run-time registered content script.
 */
const SCRIPT_ID = 'reader-enabled-sites';

/** Makes the registered content script match exactly the granted optional origins. */
export async function syncReaderSites(): Promise<string[]> {
  const manifest = browser.runtime.getManifest();
  const curated = manifest.content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
  const files = manifest.content_scripts?.[0];
  const { origins = [] } = await browser.permissions.getAll();
  const extra = origins.filter((o) => !curated.includes(o) && /^(\*|https?):\/\//.test(o));
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (extra.length === 0 || !files?.js) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return [];
  }
  const script = {
    id: SCRIPT_ID,
    matches: extra,
    // The curated sites already have the manifest's script; never run two on one page.
    excludeMatches: curated,
    js: files.js,
    css: files.css ?? [],
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  if (existing.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return extra;
}
