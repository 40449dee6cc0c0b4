/**
 * The relevance gate reads the article, not the page (issue 13), in real Chromium: a film review
 * that names Russia twice, beside navigation, a "Most read" list and a footer that name North
 * Korea, Kim Jong Un and sanctions, stays quiet; an article about the topic lights up.
 */
import { describe, expect, it } from 'vitest';
import { highlightsIn, pageStatus, useExtensionBrowser } from './harness';

const env = useExtensionBrowser();

describe('the gate on real-world page shapes', () => {
  it('stays quiet on a page that names both countries only in passing and in its furniture', async () => {
    const page = await env.browser.open('/pages/passing.html');
    const status = await pageStatus(env.browser, page); // scanned: the positive signal first
    expect(status.running).toBe(true);
    expect(status.onTopic).toBe(false);
    expect(await highlightsIn(page)).toEqual([]); // including "arms transfers" in the review
    await page.close();
  });

  it('shows an on-topic word ("arms transfers") in an article on the topic, though its term is never named in full', async () => {
    const page = await env.browser.open('/pages/background.html');
    await pageStatus(env.browser, page);
    expect((await highlightsIn(page)).filter((h) => h.id === 'transfers').map((h) => h.text)).toEqual(expect.arrayContaining(['arms transfers']));
    await page.close();
  });

  it('opens on an article about the topic', async () => {
    const page = await env.browser.open('/pages/background.html');
    const status = await pageStatus(env.browser, page);
    expect(status.onTopic).toBe(true);
    expect((await highlightsIn(page)).map((h) => h.text)).toEqual(expect.arrayContaining(['North Korea', 'Moscow', 'artillery shells']));
    await page.close();
  });

  it('lets stop phrases claim their words in the page, from the bundled corpus', async () => {
    const page = await env.browser.open('/pages/background.html');
    await pageStatus(env.browser, page);
    const council = (await highlightsIn(page)).filter((h) => h.id === 'council').map((h) => h.text);
    // "Russia’s |Security Council": Russia is left to match, the Security Council is not the UN's;
    // satellite imagery is not satellite technology, Vostochny port is not the cosmodrome.
    expect(council).toEqual(['Russia']);
    await page.close();
  });
});
