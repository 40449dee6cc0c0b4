/**
 * Pages that try to freeze or break highlighting (issue 11): 100,000 mentions, or all of them in
 * one block, are scanned to the end without an error, and highlighted up to the per-page cap,
 * which the page status reports. (Speed is measured by `npm run bench -- --only storm`.)
 */
import { describe, expect, it } from 'vitest';
import { pageStatus, useExtensionBrowser } from './harness';

const env = useExtensionBrowser();

async function stormed(query: string) {
  const page = await env.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(env.browser.url(`/pages/storm.html?${query}`));
  const status = await pageStatus(env.browser, page);
  const highlighted = await page.evaluate(() => [...CSS.highlights].filter(([n]) => !['nkr-focus', 'nkr-active'].includes(n)).reduce((n, [, h]) => n + h.size, 0));
  await page.close();
  return { status, highlighted, errors };
}

describe('a page with a storm of mentions', () => {
  it('scans 100,000 mentions to the end and shows them up to the cap, with no error', async () => {
    const { status, highlighted, errors } = await stormed('mentions=100000');
    expect(errors).toEqual([]);
    expect(status.found).toBe(100_000);
    expect(status.mentions).toBe(status.cap);
    expect(status.capped).toBe(true);
    expect(highlighted).toBe(status.cap);
  });

  it('does the same when they are all in one block', async () => {
    const { status, highlighted, errors } = await stormed('mentions=20000&block=1');
    expect(errors).toEqual([]);
    expect(status.found).toBe(20_000);
    expect(highlighted).toBe(Math.min(20_000, status.cap!));
  });
});
