/**
 * The toolbar popup, opened for a news tab (in a window of its own that does not take focus, since
 * automation cannot click the toolbar button): what it says about the page, and its one-click switches.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { askPage, highlightsIn, openPopupFor, pageStatus, resetSettings, useExtensionBrowser } from './harness';

const env = useExtensionBrowser();

/** The popup for a tab, on its "This page" tab (it opens on the reader's notes). */
async function openPopup(page: import('playwright-core').Page) {
  const popup = await openPopupFor(env.browser, page);
  await popup.getByRole('tab', { name: 'This page' }).click();
  return popup;
}

/** The sample article, scanned, with the popup opened for its tab. */
async function openArticleWithPopup() {
  const page = await env.browser.open('/pages/article.html');
  await pageStatus(env.browser, page);
  return { page, popup: await openPopup(page) };
}

describe('the popup', () => {
  // The switches change the shared browser's settings: put them back even when a test fails.
  afterEach(() => resetSettings(env.browser));

  it('says what the page holds and how it is highlighted', async () => {
    const page = await env.browser.open('/pages/pristine.html'); // a page that does not change after load
    const status = await pageStatus(env.browser, page);
    const popup = await openPopup(page);
    await expect.poll(() => popup.getByTestId('page-summary').textContent()).toContain(`${status.mentions} mentions of ${status.terms.length} terms`);
    await expect(popup.getByTestId('mode').textContent()).resolves.toContain('CSS Highlight API');
    await expect(popup.getByRole('list', { name: 'Terms on this page' }).textContent()).resolves.toContain('Kim Jong Un');
    await expect(popup.locator('footer').textContent()).resolves.toMatch(/corpus v\d+: \d+ terms, 13 passages/);
    await popup.close();
    await page.close();
  });

  it('says why nothing is marked on a page off the topic', async () => {
    const page = await env.browser.open('/pages/one-side.html');
    const status = await pageStatus(env.browser, page);
    expect(status.found).toBeGreaterThan(0);
    const popup = await openPopup(page);
    await expect.poll(() => popup.getByTestId('page-summary').textContent()).toBe(`0 mentions marked: this page does not look like it is about North Korea and Russia; it names the paper's terms ${status.found} times in passing.`);
    await popup.close();
    await page.close();
  });

  it('marks a page off the topic when the reader asks, for this visit only', async () => {
    const page = await env.browser.open('/pages/one-side.html');
    const before = await pageStatus(env.browser, page);
    expect(before.onTopic).toBe(false);
    expect(await highlightsIn(page)).toEqual([]);
    const popup = await openPopup(page);
    await popup.getByRole('button', { name: 'Mark them anyway' }).click();
    // The page lights with what it names, and the popup says so.
    await expect.poll(async () => (await highlightsIn(page)).length).toBeGreaterThan(0);
    await expect.poll(() => popup.getByTestId('page-summary').textContent()).toMatch(/^\d+ mentions? of \d+ terms? from the paper\.$/);
    await expect(popup.getByRole('button', { name: 'Mark them anyway' }).count()).resolves.toBe(0);
    // Closed first: a click gave the popup's window focus, and the page is asked as the focused window's tab.
    await popup.close();
    const after = await pageStatus(env.browser, page);
    expect(after.onTopic).toBe(true);
    expect(after.mentions).toBeGreaterThan(0);
    await page.close();
    // Nothing is remembered: the page opened again is judged afresh.
    const again = await env.browser.open('/pages/one-side.html');
    expect((await pageStatus(env.browser, again)).onTopic).toBe(false);
    expect(await highlightsIn(again)).toEqual([]);
    await again.close();
  });

  it('forgets the reader’s mark when a single-page app moves to another address', async () => {
    const page = await env.browser.open('/pages/one-side.html');
    await pageStatus(env.browser, page);
    await askPage(env.browser, page, { type: 'mark-page' });
    await expect.poll(async () => (await highlightsIn(page)).length).toBeGreaterThan(0);
    // The app pushes a new address and changes its text: a new article, judged afresh.
    await page.evaluate(() => {
      history.pushState({}, '', '?next-story');
      const p = document.createElement('p');
      p.textContent = 'More stories from the region.';
      document.querySelector('article, main, body')!.append(p);
    });
    await expect.poll(async () => (await highlightsIn(page)).length, { timeout: 10_000 }).toBe(0);
    expect((await pageStatus(env.browser, page)).onTopic).toBe(false);
    await page.close();
  });

  it('turns highlighting off on this site in one click, and back on', async () => {
    const { page, popup } = await openArticleWithPopup();
    const siteSwitch = popup.getByRole('switch', { name: 'Highlight on reuters.com' });
    await expect(siteSwitch.isChecked()).resolves.toBe(true);
    await siteSwitch.click({ force: true });
    await expect.poll(async () => (await highlightsIn(page)).length).toBe(0);
    await expect.poll(() => popup.getByTestId('page-summary').textContent()).toContain('Highlighting is off here');
    await siteSwitch.click({ force: true });
    await expect.poll(async () => (await highlightsIn(page)).length).toBeGreaterThan(5);
    await popup.close();
    await page.close();
  });

  it('turns highlighting off everywhere, which also greys out the site switch', async () => {
    const { page, popup } = await openArticleWithPopup();
    await popup.getByRole('switch', { name: 'Highlight on all sites' }).click({ force: true });
    await expect.poll(async () => (await highlightsIn(page)).length).toBe(0);
    await expect(popup.getByRole('switch', { name: 'Highlight on reuters.com' }).isDisabled()).resolves.toBe(true);
    await popup.getByRole('switch', { name: 'Highlight on all sites' }).click({ force: true });
    await expect.poll(async () => (await highlightsIn(page)).length).toBeGreaterThan(5);
    await popup.close();
    await page.close();
  });

  it('steps to the next mention from its button', async () => {
    const { page, popup } = await openArticleWithPopup();
    await popup.getByRole('button', { name: 'Go to next mention' }).click();
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('nkr-focus'))).toBe(true);
    await page.close();
  });
});
