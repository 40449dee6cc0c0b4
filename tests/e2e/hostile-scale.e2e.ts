/**
 * Pages that try to freeze or break highlighting (issue 11): 100,000 mentions, or all of them in
 * one block, are scanned to the end without an error, and shown up to the per-page cap, which the
 * page status reports. Only shown mentions near the viewport are registered with the browser
 * (its work per frame grows with them), and scrolling brings the next ones in.
 * (Speed is measured by `npm run bench -- --only storm`.)
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageStatus, useExtensionBrowser } from './harness';

const env = useExtensionBrowser();

const registered = (page: Page) => page.evaluate(() => [...CSS.highlights].filter(([n]) => !['nkr-focus', 'nkr-active'].includes(n)).reduce((n, [, h]) => n + h.size, 0));
/** Index of the paragraph (or span) holding each registered range. */
const registeredAt = (page: Page) =>
  page.evaluate(() =>
    [...CSS.highlights.values()].flatMap((h) =>
      [...h].map((r) => {
        const el = (r as Range).startContainer.parentElement!;
        return [...el.parentElement!.children].indexOf(el);
      }),
    ),
  );

async function stormed(query: string, scrollTo?: number) {
  const page = await env.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(env.browser.url(`/pages/storm.html?${query}`));
  const status = await pageStatus(env.browser, page);
  await expect.poll(() => registered(page)).toBeGreaterThan(0);
  const highlighted = await registered(page);
  let after: number[] = [];
  if (scrollTo !== undefined) {
    await page.evaluate((i) => document.querySelectorAll('#feed > p')[i]!.scrollIntoView({ block: 'center' }), scrollTo);
    await expect.poll(async () => (await registeredAt(page)).some((i) => Math.abs(i - scrollTo) < 5), { timeout: 3000 }).toBe(true);
    after = await registeredAt(page);
  }
  await page.close();
  return { status, highlighted, errors, after };
}

describe('a page with a storm of mentions', () => {
  it('scans 100,000 mentions to the end and shows them up to the cap, with no error', async () => {
    // Shown: the first 3,000 (600 paragraphs); scroll to the 500th and its mentions are registered.
    const { status, highlighted, errors, after } = await stormed('mentions=100000', 500);
    expect(errors).toEqual([]);
    expect(status.found).toBe(100_000);
    expect(status.mentions).toBe(status.cap);
    expect(status.capped).toBe(true);
    expect(highlighted).toBeLessThan(600); // near the viewport only
    expect(Math.min(...after)).toBeGreaterThan(400); // the ones at the top went
    expect(after.length).toBeLessThan(600);
  });

  it('does the same when they are all in one block', async () => {
    const { status, highlighted, errors } = await stormed('mentions=20000&block=1');
    expect(errors).toEqual([]);
    expect(status.found).toBe(20_000);
    expect(status.mentions).toBe(Math.min(20_000, status.cap));
    expect(highlighted).toBeGreaterThan(0);
    expect(highlighted).toBeLessThan(status.mentions);
  });
});
