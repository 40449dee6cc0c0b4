/**
 * The extension's own pages in Firefox, at moz-extension://<pinned uuid>/: the toolbar popup
 * (opened as a tab about a news tab, since a driver cannot click the toolbar button) and the
 * settings page. The All notes page and corpus sync have files of their own (notes.e2e.ts, sync.e2e.ts).
 */
import { describe, expect, it } from 'vitest';
import { highlightsIn, openPopupFor, pageStatus, useFirefox } from './harness';

const env = useFirefox();

/** Clicks the element matched by `selector` (by its centre, as a reader would). */
async function click(page: import('puppeteer-core').Page, selector: string) {
  const box = await page.$eval(selector, (el) => {
    el.scrollIntoView({ block: 'nearest' });
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.click(box.x, box.y);
}

describe('the popup in Firefox', () => {
  it('says what the page holds and how it is highlighted, and names the paper’s corpus', async () => {
    const page = await env.ff.open('/pages/pristine.html');
    const status = await pageStatus(env.control, page);
    const popup = await openPopupFor(env.control, page, env.ff.extensionUrl('popup.html?view=page'));
    await expect.poll(() => popup.text('[data-testid=page-summary]'), { timeout: 10_000 }).toContain(`${status.mentions} mentions of ${status.terms.length} terms`);
    expect(await popup.text('[data-testid=mode]')).toContain('CSS Highlight API');
    expect(await popup.text('[aria-label="Terms on this page"]')).toContain('Kim Jong Un');
    await expect.poll(() => popup.text('footer')).toMatch(/corpus v\d+: \d+ terms, \d+ passages/);
    // Nothing withdrawn: no access notice.
    expect(await popup.text('[data-testid=access-notice]')).toBeNull();
    await popup.close();
    await page.close();
  });

  it('marks a page off the topic when the reader asks', async () => {
    const page = await env.ff.open('/pages/one-side.html');
    const before = await pageStatus(env.control, page);
    expect(before.onTopic).toBe(false);
    expect(await highlightsIn(page)).toEqual([]);
    const popup = await openPopupFor(env.control, page, env.ff.extensionUrl('popup.html?view=page'));
    await expect.poll(() => popup.text('button'), { timeout: 10_000 }).not.toBeNull();
    await expect.poll(async () => (await popup.text('[data-testid=page-summary]')) ?? '', { timeout: 10_000 }).toContain('0 mentions marked');
    await popup.click('button', 'Mark them anyway');
    await expect.poll(async () => (await highlightsIn(page)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => popup.text('[data-testid=page-summary]')).toMatch(/^\d+ mentions? of \d+ terms? from the paper\.$/);
    await popup.close();
    expect((await pageStatus(env.control, page)).onTopic).toBe(true);
    await page.close();
  });

  it('turns highlighting off on this site in one click, and back on', async () => {
    const page = await env.ff.open('/pages/article.html');
    await pageStatus(env.control, page);
    const popup = await openPopupFor(env.control, page, env.ff.extensionUrl('popup.html?view=page'));
    // The switch named by its label, as a screen reader would find it.
    await expect.poll(() => popup.checked('input[role=switch]', 'Highlight on reuters.com'), { timeout: 10_000 }).toBe(true);
    await popup.click('input[role=switch]', 'Highlight on reuters.com');
    await expect.poll(async () => (await highlightsIn(page)).length).toBe(0);
    await expect.poll(() => popup.text('[data-testid=page-summary]')).toContain('Highlighting is off here');
    await popup.click('input[role=switch]', 'Highlight on reuters.com');
    await expect.poll(async () => (await highlightsIn(page)).length).toBeGreaterThan(5);
    await popup.close();
    await page.close();
  });
});

describe('the settings page in Firefox', () => {
  it('shows the settings and applies a change to open tabs at once', async () => {
    const page = await env.ff.open('/pages/article.html');
    await pageStatus(env.control, page);
    const options = await env.ff.openExtensionPage('options.html', 'form.settings');
    expect(await options.$eval('h1', (el) => el.textContent)).toContain('settings');
    await click(options, 'input[name=style][value=strong]');
    // The article is now a background tab, whose frames Firefox throttles: give the repaint time.
    await expect.poll(async () => new Set((await highlightsIn(page)).map((h) => h.name.split('-')[1])), { timeout: 10_000 }).toEqual(new Set(['strong']));
    await expect.poll(() => options.$eval('[role=status]', (el) => el.textContent)).toContain('Saved');
    await click(options, 'input[name=style][value=quiet]');
    await expect.poll(async () => new Set((await highlightsIn(page)).map((h) => h.name.split('-')[1])), { timeout: 10_000 }).toEqual(new Set(['quiet']));
    await options.close();
    await page.close();
  });
});
