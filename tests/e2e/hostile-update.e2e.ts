/**
 * An extension update or reload while pages are open (issue 11): the orphaned content script
 * stops cleanly (its highlights go, no errors in the page's console) and the new version is
 * injected into the open page, so new highlights come without a page reload.
 */
import { describe, expect, it } from 'vitest';
import { allHighlighted, card, openCard, pageStatus, useExtensionBrowser } from './harness';

const env = useExtensionBrowser();

describe('after the extension reloads', () => {
  it('removes the old highlights, injects the new version, and the page logs no error', async () => {
    const page = await env.browser.open('/pages/article.html');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' || /context invalidated/i.test(m.text())) errors.push(m.text());
    });
    await pageStatus(env.browser, page);
    // The page adds a paragraph after load: compare once it is in.
    await expect.poll(() => allHighlighted(page), { timeout: 5000 }).toContain('Kremlin');
    const before = await pageStatus(env.browser, page);
    expect(before.mentions).toBeGreaterThan(0);
    // Keep the old run's Highlight objects, to tell them from the new run's.
    await page.evaluate(() => {
      (window as unknown as { old: unknown[] }).old = [...CSS.highlights.values()];
    });
    const names = await page.evaluate(() => [...CSS.highlights.keys()]);
    expect(names.length).toBeGreaterThan(0);

    // Chromium disables a reloaded command-line extension unless developer mode is on (as it is for a developer).
    const settingsPage = await env.browser.context.newPage();
    await settingsPage.goto('chrome://extensions/');
    await settingsPage.evaluate(() => (chrome as unknown as { developerPrivate: { updateProfileConfiguration(c: object): Promise<void> } }).developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }));
    await settingsPage.close();
    const oldWorker = env.browser.worker;
    await oldWorker.evaluate(() => {
      setTimeout(() => chrome.runtime.reload(), 10);
    });
    // The reloaded extension starts a new service worker: find it.
    let worker = oldWorker;
    for (let i = 0; i < 300 && worker === oldWorker; i++) {
      await new Promise((r) => setTimeout(r, 50));
      worker = env.browser.context.serviceWorkers().find((w) => w !== oldWorker && w.url().includes(env.browser.extensionId)) ?? oldWorker;
    }
    expect(worker).not.toBe(oldWorker);
    (env.browser as { worker: typeof worker }).worker = worker;

    const state = () =>
      page.evaluate(() => {
        const old = (window as unknown as { old: unknown[] }).old;
        const now = [...CSS.highlights.values()];
        return { oldLeft: now.filter((h) => old.includes(h)).length, fresh: now.filter((h) => !old.includes(h)).reduce((n, h) => n + (h as Highlight).size, 0) };
      });
    await expect.poll(state, { timeout: 10_000 }).toEqual({ oldLeft: 0, fresh: expect.any(Number) });
    await expect.poll(async () => (await state()).fresh, { timeout: 10_000 }).toBeGreaterThan(0);
    const after = await pageStatus(env.browser, page);
    expect(after.terms).toEqual(before.terms);
    expect(after.mentions).toBe(before.mentions);
    // The new run answers hovers; the old one no longer tries (no "Extension context invalidated").
    await openCard(page, 'lead', 'Vostochny Cosmodrome');
    await expect(card(page).locator('h2').textContent()).resolves.toBe('Vostochny Cosmodrome');
    if (errors.length) console.error('PAGE ERRORS:', JSON.stringify(errors));
    expect(errors.join('\n')).toBe(''); // named in the failure, if any
    await page.close();
  });
});
