/**
 * Privacy in Chromium: while pages load, cards open, a note is saved and the popup and settings
 * page are used, no part of the extension (service worker, content script, card, note frame,
 * popup, settings) sends anything anywhere. Two independent nets catch a request:
 * - the network: Chromium's only way out is a recording proxy (--proxy-server, loopback
 *   included), so a request from any context, whatever the driver can see, lands there;
 * - the driver: every request Playwright reports for the context, pages and service worker alike,
 *   attributed to the page, frame or worker that made it.
 * (With a feed URL set, that URL would be the one allowed addition: none is set by default.)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, unexpectedRequests, type NewsProxy } from '../../scripts/support/recording-proxy';
import { askPage, card, launchWithExtension, noteFrame, openCard, openPopupFor, pageStatus, ROOT, type ExtensionBrowser } from './harness';

const ARTIFACTS = join(ROOT, 'test-results');
const BROWSER_OWN = 'chromium-own-services.invalid';
let proxy: NewsProxy;
let browser: ExtensionBrowser;
/** What the driver saw: URL, and who asked (a page's or frame's URL, or the service worker). */
const driverSaw: { url: string; by: string }[] = [];

beforeAll(async () => {
  proxy = await startProxy();
  // The proxy doubles as the page server: the harness maps the news host to it, and every
  // request, to any host, goes through it.
  browser = await launchWithExtension(
    { port: proxy.port, close: async () => {} },
    {
      args: [
        `--proxy-server=http://127.0.0.1:${proxy.port}`,
        '--proxy-bypass-list=<-loopback>',
        // Chromium's own services (sign-in, extension updates, autofill) are pointed at a name
        // only these flags use, so the proxy can tell the browser's traffic from the extension's.
        // Since Chromium 150 the browser also asks Google's search host (its AI mode) and the push
        // service (GCM check-in) at start-up, and prefetches zero-prefix suggestions from the
        // default search engine: those go to the same name, or are switched off.
        ...['gaia-url', 'lso-url', 'google-apis-url', 'google-base-url'].map((flag) => `--${flag}=http://${BROWSER_OWN}/`),
        ...['gcm-checkin-url', 'gcm-mcs-endpoint', 'gcm-registration-url'].map((flag) => `--${flag}=http://${BROWSER_OWN}/gcm`),
        `--apps-gallery-update-url=http://${BROWSER_OWN}/update`,
        `--component-updater=url-source=http://${BROWSER_OWN}/components`,
        '--disable-features=AutofillServerCommunication,OptimizationHints,OptimizationGuideModelDownloading,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,NetworkTimeServiceQuerying,OmniboxZeroSuggestPrefetching,ZeroSuggestPrefetching,ZeroSuggestPrefetchingOnSRP,ZeroSuggestPrefetchingOnWeb,PreconnectToSearch',
      ],
    },
  );
  // The harness blocks other hosts inside the driver; here the proxy refuses them instead, so
  // the two nets stay independent (a blocked request would never reach the proxy).
  await browser.context.unrouteAll({ behavior: 'ignoreErrors' });
  browser.context.on('request', (request) => {
    const worker = request.serviceWorker();
    let by = 'unknown';
    try {
      by = worker ? `service worker ${worker.url()}` : request.frame().url();
    } catch {
      by = 'unknown';
    }
    driverSaw.push({ url: request.url(), by });
  });
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
});

describe('privacy in Chromium', () => {
  it('sends nothing anywhere while reading, hovering, saving a note and using the popup and settings', async () => {
    const opened: string[] = [];
    const open = async (path: string) => {
      const p = await browser.open(path);
      opened.push(p.url());
      return p;
    };

    const article = await open('/pages/article.html');
    await pageStatus(browser, article);
    await openCard(article, 'lead', 'Vostochny Cosmodrome');
    await openCard(article, 'un', 'UN Panel of Experts', true);
    await card(article).locator('.related button').first().click();
    await card(article).getByRole('button', { name: 'Save note' }).click();
    const form = await noteFrame(article);
    await form.getByLabel('Your note').fill('A private thought.');
    await form.getByLabel(/Tags/).fill('private');
    await form.getByLabel(/Tags/).press('Enter');
    await expect.poll(() => card(article).locator('[role=status]').textContent()).toBe('Saved to your notes.');
    await askPage(browser, article, { type: 'step-mention', direction: 1 });

    for (const path of ['/pages/pristine.html', '/pages/hostile.html', '/pages/replace.html', '/pages/off-topic.html']) {
      const p = await open(path);
      await pageStatus(browser, p);
    }
    const popup = await openPopupFor(browser, article);
    await popup.getByRole('tab', { name: 'This page' }).click(); // it opens on the reader's notes
    await expect.poll(() => popup.getByTestId('page-summary').textContent(), { timeout: 10_000 }).toContain('mentions');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('form.settings').first().waitFor();
    // Give anything scheduled (timers, alarms, a lazy fetch) time to show itself.
    await new Promise((r) => setTimeout(r, 2000));

    const seen = [...proxy.seen];
    const driverWeb = driverSaw.filter((r) => /^https?:/.test(r.url));
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'privacy-chromium.json'), JSON.stringify({ proxy: seen, driver: driverSaw }, null, 2));
    // Both nets were in the path: they saw the pages …
    expect(seen.filter((r) => opened.includes(r.url))).toHaveLength(opened.length);
    expect(driverWeb.filter((r) => opened.includes(r.url)).length).toBeGreaterThanOrEqual(opened.length);
    // … and nothing else.
    // Chromium 150 also opens, at moments no run could pin down (never under a net log), a tunnel
    // to Google's download redirector for the browser's own downloads, which no switch points
    // elsewhere. Only that tunnel is set aside: the driver's net below still sees every request the
    // extension's pages, frames and worker make, to any host, that one included.
    const browserDownloads = (r: { method: string; host: string }) => r.method === 'CONNECT' && r.host === 'redirector.gvt1.com';
    expect(
      unexpectedRequests(
        seen.filter((r) => r.host !== BROWSER_OWN && !browserDownloads(r)),
        opened,
      ),
    ).toEqual([]);
    expect(driverWeb.filter((r) => !opened.includes(r.url) && !r.url.endsWith('/favicon.ico'))).toEqual([]);
  });
});
