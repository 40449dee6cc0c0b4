/**
 * Paper or background on the card (issue 13), in real Chromium with the bundled corpus: a news-beat
 * term the paper does not cover (Sergey Lavrov) is highlighted and its card says "not from the
 * paper" with a source, beside a term the paper discusses. The two cards are saved side by side
 * as a screenshot (test-results/ and docs/).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { card, highlightsIn, openCard, pageStatus, ROOT, useExtensionBrowser } from './harness';

const ARTIFACTS = join(ROOT, 'test-results');
const env = useExtensionBrowser();
beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
});

describe('a background term beside a paper term', () => {
  it('highlights both, and their cards say which is the paper’s', async () => {
    const page = await env.browser.open('/pages/background.html');
    await page.setViewportSize({ width: 1000, height: 900 });
    const status = await pageStatus(env.browser, page);
    expect(status.onTopic).toBe(true);
    const texts = (await highlightsIn(page)).map((h) => h.text);
    expect(texts).toEqual(expect.arrayContaining(['Sergey Lavrov', 'Choe Son Hui', 'Kim Jong Un', 'Treaty on Comprehensive Strategic Partnership']));

    await openCard(page, 'lead', 'Sergey Lavrov');
    const background = card(page);
    await expect(background.locator('h2').textContent()).resolves.toBe('Sergey Lavrov');
    await expect(background.locator('section.background .grounding').first().textContent()).resolves.toBe('Background · not from the paper');
    await expect(background.locator('section.background .source').first().textContent()).resolves.toMatch(/^Source: /);
    // Linked only to the passage that bears on it: the "high-level ministerial visits" one.
    await expect(background.locator('blockquote').first().textContent()).resolves.toContain('high-level ministerial visits');
    const backgroundShot = await background.screenshot();

    await page.keyboard.press('Escape');
    await page.mouse.move(5, 880);
    await card(page).waitFor({ state: 'detached', timeout: 3000 });
    await openCard(page, 'lead', 'Kim Jong Un');
    const paper = card(page);
    await expect(paper.locator('h2').textContent()).resolves.toBe('Kim Jong Un');
    await expect(paper.locator('.grounding.paper').textContent()).resolves.toBe('From the paper');
    expect(await paper.locator('section.background:not(.record)').count()).toBe(0);
    const paperShot = await paper.screenshot();

    const side = await env.browser.context.newPage();
    const img = (png: Buffer, alt: string) => `<figure><img alt="${alt}" src="data:image/png;base64,${png.toString('base64')}"><figcaption>${alt}</figcaption></figure>`;
    await side.setContent(
      `<body style="margin:0;padding:16px;display:flex;gap:16px;align-items:flex-start;background:#eef1f4;font:13px system-ui">${img(backgroundShot, 'Background term: Sergey Lavrov')}${img(paperShot, 'Paper term: Kim Jong Un')}</body>`,
    );
    const both = await side.screenshot({ fullPage: true });
    writeFileSync(join(ARTIFACTS, 'card-background-vs-paper.png'), both);
    // The README's copy is refreshed only on request, so a test run never dirties the checkout.
    if (process.env.UPDATE_DOCS_SCREENSHOTS) writeFileSync(join(ROOT, 'docs', 'screenshot-card-background-vs-paper.png'), both);
    await side.close();
    await page.close();
  });
});
