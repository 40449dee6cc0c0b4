/**
 * On install and update, runs the content script in the tabs already open on the sites it runs
 * on (the built-in list and the sites the reader enabled), so an update does not leave those
 * pages without highlights until reloaded. The previous version's script notices it is orphaned
 * and stops by itself (entrypoints/content/lifecycle.ts).
 */

interface ScriptSet {
  matches: string[];
  js: string[];
  css: string[];
}

/** The content scripts the extension runs: the manifest's, and the one registered for reader-enabled sites. */
async function scriptSets(): Promise<ScriptSet[]> {
  const sets: ScriptSet[] = (browser.runtime.getManifest().content_scripts ?? []).map((c) => ({ matches: c.matches ?? [], js: c.js ?? [], css: c.css ?? [] }));
  const registered = await browser.scripting.getRegisteredContentScripts().catch(() => []);
  for (const r of registered) sets.push({ matches: r.matches ?? [], js: r.js ?? [], css: r.css ?? [] });
  return sets.filter((s) => s.matches.length && s.js.length);
}

/** Injects the content script (and its stylesheet) into every open tab one of its sets matches, once each. */
export async function injectIntoOpenTabs(): Promise<number> {
  const done = new Set<number>();
  for (const set of await scriptSets()) {
    // Host permissions let tabs.query match URLs without the "tabs" permission.
    const tabs = await browser.tabs.query({ url: set.matches }).catch(() => []);
    for (const tab of tabs) {
      if (tab.id === undefined || tab.discarded || done.has(tab.id)) continue;
      done.add(tab.id);
      const target = { tabId: tab.id };
      try {
        if (set.css.length) await browser.scripting.insertCSS({ target, files: set.css });
        await browser.scripting.executeScript({ target, files: set.js });
      } catch (error) {
        // A tab that cannot be scripted (an error page, a page being unloaded) just waits for its next load.
        console.info('[NK–RU Context] Could not start on an open tab:', error instanceof Error ? error.message : error);
      }
    }
  }
  return done.size;
}
