/**
 * The settings page (the extension's options page), as the reader uses it: every change reaches
 * an open news tab at once, hidden terms come back, and the paper is cited from the corpus.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { changeSettings, highlightsIn, pageStatus, resetSettings, ROOT, useExtensionBrowser } from './harness';

const env = useExtensionBrowser();
const corpus = JSON.parse(readFileSync(join(ROOT, 'data/corpus.json'), 'utf8'));
afterEach(() => resetSettings(env.browser));

async function openOptions(): Promise<Page> {
  const options = await env.browser.context.newPage();
  await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
  await options.getByRole('heading', { level: 1 }).waitFor();
  return options;
}
const storedSettings = () => env.browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as Record<string, unknown> | undefined);

describe('the settings page', () => {
  it('switches an open tab to the strong style and to first mentions only', async () => {
    const page = await env.browser.open('/pages/article.html');
    const before = await pageStatus(env.browser, page);
    const options = await openOptions();
    await options.getByRole('radio', { name: /Strong/ }).check();
    await expect.poll(async () => new Set((await highlightsIn(page)).map((h) => h.name.split('-')[1]))).toEqual(new Set(['strong']));
    await expect.poll(() => options.locator('p.status').textContent()).toContain('Saved');
    await options.getByRole('switch', { name: 'Mark only the first mention of each term' }).click({ force: true });
    await expect.poll(async () => (await highlightsIn(page)).length).toBe(before.terms.length);
    expect(await storedSettings()).toMatchObject({ style: 'strong', firstMentionOnly: true });
    await options.close();
    await page.close();
  });

  it('sets the hover delay the pages use', async () => {
    const options = await openOptions();
    await options.getByRole('slider').fill('800');
    await expect.poll(async () => (await storedSettings())?.hoverDelayMs).toBe(800);
    await expect(options.locator('output').textContent()).resolves.toBe('800 ms');
    await options.close();
  });

  it('lists hidden terms and sites turned off by name, and brings them back', async () => {
    await changeSettings(env.browser, { hiddenTerms: ['kim-jong-un'], disabledSites: ['bbc.co.uk'] });
    const page = await env.browser.open('/pages/article.html');
    await pageStatus(env.browser, page);
    expect((await highlightsIn(page)).filter((h) => h.text === 'Kim Jong Un')).toEqual([]);
    const options = await openOptions();
    // Shown by its label (from the published matcher data), not its id.
    await options.getByRole('button', { name: 'Highlight Kim Jong Un again' }).click();
    await expect.poll(async () => (await highlightsIn(page)).filter((h) => h.text === 'Kim Jong Un').length).toBeGreaterThan(0);
    await options.getByRole('button', { name: 'Turn back on for bbc.co.uk' }).click();
    await expect.poll(async () => (await storedSettings())?.disabledSites).toEqual([]);
    await options.getByText('None. Use “Don’t highlight” on a card to hide a term.').waitFor();
    await options.close();
    await page.close();
  });

  it('follows a change made elsewhere (the popup, a card) without a reload', async () => {
    const options = await openOptions();
    expect(await options.getByRole('radio', { name: /Quiet/ }).isChecked()).toBe(true);
    await changeSettings(env.browser, { style: 'strong' });
    await expect.poll(() => options.getByRole('radio', { name: /Strong/ }).isChecked()).toBe(true);
    await options.close();
  });

  it('cites the paper from the corpus, with its link', async () => {
    const options = await openOptions();
    const citation = options.getByTestId('citation');
    await expect.poll(() => citation.textContent()).toContain(corpus.citation.title);
    await expect(citation.textContent()).resolves.toContain(corpus.citation.author);
    await expect(citation.textContent()).resolves.toContain('4 December 2024');
    await expect(citation.getByRole('link').getAttribute('href')).resolves.toBe(corpus.citation.url);
    await options.close();
  });
});
