/**
 * The page status says "scanned" only once the highlights of the mentions in view are registered:
 * a reader opening the popup right after a scan never reads "N mentions" over an unpainted page,
 * and tests may read CSS.highlights as soon as the status says scanned.
 *
 * To see both at one instant, a listener in the content script's own world records, for each
 * status request, whether the lead paragraph's mentions are registered, in the same task in which
 * the content script answers that request (no frame can pass in between).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { changeSettings, inContentScript, pageStatus, resetSettings, tabIdOf, useExtensionBrowser, type ExtensionBrowser } from './harness';
import type { Page } from 'playwright-core';

const env = useExtensionBrowser();

afterEach(() => resetSettings(env.browser));

/** Records, per probe number, whether #id holds a registered highlight when the probe arrives. */
async function installProbe(browser: ExtensionBrowser, page: Page, id: string): Promise<void> {
  await inContentScript(
    browser,
    page,
    async (id) => {
      const scope = globalThis as unknown as { __statusProbe?: Record<number, boolean> };
      scope.__statusProbe = {};
      chrome.runtime.onMessage.addListener((message: { type?: string; probe?: number }) => {
        if (message?.type !== 'page-status' || typeof message.probe !== 'number') return undefined;
        const target = document.getElementById(id);
        let painted = false;
        for (const [name, highlight] of CSS.highlights) if (!['nkr-focus', 'nkr-active'].includes(name)) for (const range of highlight) if (target?.contains((range as Range).startContainer)) painted = true;
        scope.__statusProbe![message.probe] = painted;
        return undefined;
      });
      return true;
    },
    id,
  );
}

/**
 * Turns the extension back on for the page (it was off for the site) and asks the status back to
 * back until it says scanned; returns the number of the probe that first said so.
 */
async function reenableAndProbe(browser: ExtensionBrowser, tabId: number): Promise<number> {
  return browser.worker.evaluate(async (tabId) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...((settings as object | undefined) ?? {}), disabledSites: [] } });
    for (let probe = 0; probe < 5000; probe++) {
      const reply = await chrome.tabs.sendMessage(tabId, { type: 'page-status', probe }, { frameId: 0 });
      if (reply?.ok && reply.value.running && reply.value.scan) return probe;
    }
    throw new Error('the page never said scanned');
  }, tabId);
}

describe('the page status and the painted highlights', () => {
  it('says scanned only once the mentions in view are registered, scan after scan', async () => {
    const page = await env.browser.open('/pages/article.html');
    await pageStatus(env.browser, page);
    await installProbe(env.browser, page, 'lead');
    const tabId = await tabIdOf(env.browser, page);
    for (let round = 0; round < 3; round++) {
      // Off for the site: the highlights go; back on: a fresh scan, asked about without pause.
      await changeSettings(env.browser, { disabledSites: ['reuters.com'] });
      await pageStatus(env.browser, page, 'stopped');
      const probe = await reenableAndProbe(env.browser, tabId);
      const painted = await inContentScript(env.browser, page, async (probe) => (globalThis as unknown as { __statusProbe: Record<number, boolean> }).__statusProbe[probe], probe);
      expect(painted, `round ${round}: status said scanned (probe ${probe}) while #lead had no registered highlight`).toBe(true);
    }
    await page.close();
  });
});
