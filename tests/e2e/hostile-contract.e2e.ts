/**
 * The tab-message contract in a real page: requests are checked where they arrive (a bad one is
 * answered with the reason, not acted on), the popup's `reveal-term` opens the term's card, and
 * the bench build's hooks are absent from the production build.
 */
import { describe, expect, it } from 'vitest';
import { askPage, card, pageStatus, useExtensionBrowser } from './harness';

const env = useExtensionBrowser();

/** Sends any message to the active tab's content script and returns its raw reply. */
async function rawReply(message: unknown): Promise<unknown> {
  return env.browser.worker.evaluate(async (m) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(tab!.id!, m, { frameId: 0 });
  }, message);
}

describe('tab messages', () => {
  it('answers a malformed request with the reason and does nothing', async () => {
    const page = await env.browser.open('/pages/article.html');
    await pageStatus(env.browser, page);
    await expect(rawReply({ type: 'step-mention', direction: 7 })).resolves.toEqual({ ok: false, error: 'step-mention: direction must be 1 or -1.' });
    await expect(rawReply({ type: 'reveal-term', termId: '<img src=x>' })).resolves.toMatchObject({ ok: false });
    // The production build has no bench hooks: nothing answers `rescan`.
    await expect(rawReply({ type: 'rescan', repeat: 2 })).resolves.toBeUndefined();
    const status = await pageStatus(env.browser, page);
    expect(status.cardLatencies).toBeUndefined();
    expect(await card(page).count()).toBe(0);
    await page.close();
  });

  it('reveals a term: scrolls to its first mention and opens its card', async () => {
    const page = await env.browser.open('/pages/article.html');
    await pageStatus(env.browser, page);
    await expect(askPage(env.browser, page, { type: 'reveal-term', termId: 'no-such-term' })).resolves.toEqual({ found: false });
    await expect(askPage(env.browser, page, { type: 'reveal-term', termId: 'vostochny-cosmodrome' })).resolves.toEqual({ found: true });
    await card(page).waitFor({ state: 'visible', timeout: 3000 });
    await expect(card(page).locator('h2').textContent()).resolves.toBe('Vostochny Cosmodrome');
    const focus = await page.evaluate(() => [...(CSS.highlights.get('nkr-focus') ?? [])].map((r) => (r as Range).toString()));
    expect(focus).toEqual(['Vostochny']); // the first mention: the headline's "…at Vostochny"
    await page.close();
  });
});
