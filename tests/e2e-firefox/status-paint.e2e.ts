/**
 * In Firefox too, the page status says "scanned" only once the highlights of the mentions in view
 * are registered (the Chromium twin: tests/e2e/status-paint.e2e.ts). A listener in the content
 * script's own world records, for each status request, whether the lead paragraph's mentions are
 * registered, in the same task in which the content script answers it.
 */
import { describe, expect, it } from 'vitest';
import { askTabAt, inExtension, pageStatus, tabIdOf, useFirefox } from './harness';
import type { PageStatus } from '../../lib/messages';

const env = useFirefox();

type Api = typeof chrome;

/**
 * Installs, in the content script's world of tab `tabId`, a listener that records for each probed
 * status request whether #`id`'s mentions are registered. The functions are written inside the
 * evaluated call: the extension page's CSP (enforced on WebDriver BiDi calls since Firefox 140.12)
 * forbids building one from its source there.
 */
function installStatusProbe(tabId: number, id: string): Promise<unknown> {
  return env.control.evaluate(
    async (tabId, id) => {
      const browser = (globalThis as unknown as { browser: Api }).browser;
      const install = (id: string) => {
        const scope = globalThis as unknown as { __statusProbe?: Record<number, boolean>; browser: Api };
        scope.__statusProbe = {};
        scope.browser.runtime.onMessage.addListener((message: { type?: string; probe?: number }) => {
          if (message?.type !== 'page-status' || typeof message.probe !== 'number') return undefined;
          const target = document.getElementById(id);
          let painted = false;
          // The page's own registry (the content-script world's view of it cannot be iterated).
          const registry = (window as unknown as { wrappedJSObject: { CSS: typeof CSS } }).wrappedJSObject.CSS.highlights;
          for (const [name, highlight] of registry) if (!['nkr-focus', 'nkr-active'].includes(name)) for (const range of highlight) if (target?.contains((range as Range).startContainer)) painted = true;
          scope.__statusProbe![message.probe] = painted;
          return undefined;
        });
        return true;
      };
      const [result] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: install, args: [id] });
      return result?.result;
    },
    tabId,
    id,
  );
}

/** What the probe recorded for status request `probe`: whether #lead's mentions were registered. */
function probedPaint(tabId: number, probe: number): Promise<boolean> {
  return env.control.evaluate(
    async (tabId, probe) => {
      const browser = (globalThis as unknown as { browser: Api }).browser;
      const read = (probe: number) => (globalThis as unknown as { __statusProbe: Record<number, boolean> }).__statusProbe[probe];
      const [result] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: read, args: [probe] });
      return result?.result as boolean;
    },
    tabId,
    probe,
  );
}

async function setDisabledSites(sites: string[]): Promise<void> {
  await inExtension(
    env.control,
    async (sites) => {
      const storage = (globalThis as unknown as { browser: Api }).browser.storage.local;
      const { settings } = await storage.get('settings');
      await storage.set({ settings: { ...((settings as object | undefined) ?? {}), disabledSites: sites } });
    },
    sites,
  );
}

describe('the page status and the painted highlights in Firefox', () => {
  it('says scanned only once the mentions in view are registered, scan after scan', async () => {
    const page = await env.ff.open('/pages/article.html');
    await pageStatus(env.control, page);
    const tabId = await tabIdOf(env.control, page.url());
    await installStatusProbe(tabId, 'lead');
    for (let round = 0; round < 3; round++) {
      // Off for the site: the highlights go; back on: a fresh scan, asked about without pause.
      await setDisabledSites(['reuters.com']);
      await askTabAt(env.control, page.url(), { type: 'page-status' }, (s: PageStatus) => !s.running && s.reason === 'disabled-on-site');
      const probe = await env.control.evaluate(async (tabId) => {
        const browser = (globalThis as unknown as { browser: Api }).browser;
        const { settings } = await browser.storage.local.get('settings');
        await browser.storage.local.set({ settings: { ...((settings as object | undefined) ?? {}), disabledSites: [] } });
        for (let probe = 0; probe < 5000; probe++) {
          const reply = (await browser.tabs.sendMessage(tabId, { type: 'page-status', probe }, { frameId: 0 })) as { ok?: boolean; value?: PageStatus } | undefined;
          if (reply?.ok && reply.value?.running && reply.value.scan) return probe;
        }
        throw new Error('the page never said scanned');
      }, tabId);
      const painted = await probedPaint(tabId, probe);
      expect(painted, `round ${round}: status said scanned (probe ${probe}) while #lead had no registered highlight`).toBe(true);
    }
    await page.close();
  });
});
