/**
 * Applies the reader-enabled-sites plan (lib/reader-sites.ts): run at install and whenever the
 * reader grants or removes an optional host permission.
 */
import { planReaderScript, READER_SCRIPT_ID } from '@/lib/reader-sites';
import { feedOriginPattern, parseSyncSettings, SYNC_SETTINGS_KEY } from '@/lib/sync/state';

export async function syncReaderSites(): Promise<void> {
  const manifest = browser.runtime.getManifest();
  const script = manifest.content_scripts?.[0];
  if (!script?.js) return;
  const curated = manifest.content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
  const { origins: granted = [] } = await browser.permissions.getAll();
  // The corpus feed's host permission is for downloading updates, not for reading pages there.
  const { feedUrl } = parseSyncSettings((await browser.storage.local.get(SYNC_SETTINGS_KEY))[SYNC_SETTINGS_KEY]);
  const origins = feedUrl ? granted.filter((o) => o !== feedOriginPattern(feedUrl)) : granted;
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [READER_SCRIPT_ID] })).length > 0;
  const plan = planReaderScript(origins, curated, { js: script.js, css: script.css ?? [] }, registered);
  if (plan.action === 'unregister') await browser.scripting.unregisterContentScripts({ ids: [READER_SCRIPT_ID] });
  else if (plan.action === 'register') await browser.scripting.registerContentScripts([plan.script]);
  else if (plan.action === 'update') await browser.scripting.updateContentScripts([plan.script]);
}

/**
 * syncReaderSites for event listeners: a failure would leave the reader's enabled sites without
 * the extension (or running it where access was removed), so it is logged, never dropped.
 */
export async function syncReaderSitesOrLog(): Promise<boolean> {
  try {
    await syncReaderSites();
    return true;
  } catch (error) {
    console.error('[NK–RU Context] Could not update the sites you enabled:', error);
    return false;
  }
}
