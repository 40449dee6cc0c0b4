/**
 * The wrap painter in real Chromium, for browsers without the CSS Custom Highlight API. Chromium
 * 156 has no switch that turns the API off (--disable-blink-features=HighlightAPI leaves it on),
 * so this profile removes it from the extension's own isolated world before the content script
 * starts: a script of the same extension, first in the manifest, at document_start. The page's
 * world keeps the API; the content script sees none and falls back, as in an older browser.
 */
import { describe, expect, it } from 'vitest';
import { pageStatus, useExtensionVariant } from './harness';

const REMOVE_API = `delete CSS.highlights; delete globalThis.Highlight;`;

const env = useExtensionVariant(
  (m) => {
    m.content_scripts.unshift({ matches: m.content_scripts[0].matches, js: ['no-highlight-api.js'], run_at: 'document_start' });
  },
  { 'no-highlight-api.js': REMOVE_API },
);

describe('highlighting without the CSS Highlight API', () => {
  it('wraps mentions in <nkr-mark> elements coloured by kind, says so, and leaves the text as it was', async () => {
    const page = await env.browser.open('/pages/article.html');
    const textBefore = await page.evaluate(() => document.getElementById('lead')!.textContent);
    const status = await pageStatus(env.browser, page);
    expect(status.mode).toBe('wrap');
    expect(status.mentions).toBeGreaterThan(5);
    const marks = await page.locator('#lead nkr-mark').evaluateAll((els) => els.map((el) => ({ text: el.textContent, kind: (el as HTMLElement).dataset.kind, colour: getComputedStyle(el).textDecorationColor })));
    expect(marks.map((m) => m.text)).toEqual(expect.arrayContaining(['Kim Jong Un', 'Vostochny Cosmodrome']));
    expect(marks.find((m) => m.text === 'Kim Jong Un')).toMatchObject({ kind: 'person', colour: 'rgb(232, 89, 12)' }); // KIND_COLOUR.person
    // Wrapping adds elements but never changes what the page says.
    expect(await page.evaluate(() => document.getElementById('lead')!.textContent)).toBe(textBefore);
    // No highlight was registered in the page (the page's own world still has the API).
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await page.close();
  });

  it('unwraps every mark when the reader turns the site off', async () => {
    const page = await env.browser.open('/pages/article.html');
    await pageStatus(env.browser, page);
    expect(await page.locator('nkr-mark').count()).toBeGreaterThan(5);
    const htmlWith = await page.evaluate(() => document.getElementById('lead')!.textContent);
    await env.browser.worker.evaluate(async () => {
      await chrome.storage.local.set({ settings: { disabledSites: ['reuters.com'] } });
    });
    try {
      await expect.poll(() => page.locator('nkr-mark').count()).toBe(0);
      expect(await page.evaluate(() => document.getElementById('lead')!.textContent)).toBe(htmlWith);
    } finally {
      await env.browser.worker.evaluate(async () => {
        await chrome.storage.local.remove('settings');
      });
    }
    await page.close();
  });
});
