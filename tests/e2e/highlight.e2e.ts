/**
 * Spotting and highlighting on real pages in real Chromium: the right words, split across
 * elements or added later, never inside form fields, editors or code, never touching the DOM.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { askPage, changeSettings, highlightsIn, pageStatus, resetSettings, useExtensionBrowser } from './harness';

const env = useExtensionBrowser({ '/pages/pristine.html': { 'content-security-policy': "default-src 'self'; style-src 'self'; script-src 'unsafe-inline'" } });

describe('highlighting a news page', () => {
  it('marks the terms the page names, in English, Korean and Russian', async () => {
    const page = await env.browser.open('/pages/article.html');
    await pageStatus(env.browser, page);
    const lead = (await highlightsIn(page)).filter((h) => h.id === 'lead').map((h) => h.text);
    expect(lead).toEqual(expect.arrayContaining(['North Korean', 'Kim Jong Un', 'Vladimir Putin', 'Vostochny Cosmodrome', 'Russian Far East', 'Pyongyang', 'artillery shells', 'Moscow']));
    const all = await highlightsIn(page);
    expect(all.filter((h) => h.id === 'korean').map((h) => h.text)).toEqual(expect.arrayContaining(['김정은이', '평양에서']));
    expect(all.filter((h) => h.id === 'russian').map((h) => h.text)).toEqual(expect.arrayContaining(['Кремль', 'Путин', 'космодроме Восточный']));
    expect(all.filter((h) => h.id === 'shells').map((h) => h.text)).toEqual(expect.arrayContaining(['152mm shells', 'cash-for-weapons']));
    await page.close();
  });

  it('finds a mention split across inline elements', async () => {
    const page = await env.browser.open('/pages/article.html');
    await pageStatus(env.browser, page);
    const split = (await highlightsIn(page)).filter((h) => h.id === 'split');
    expect(split.map((h) => h.text)).toEqual(['Kim Jong Un']);
    expect(split[0]!.name).toBe('nkr-quiet-person');
    await page.close();
  });

  it('follows text the page adds after load', async () => {
    const page = await env.browser.open('/pages/article.html');
    await pageStatus(env.browser, page);
    await page.waitForSelector('#late');
    await expect
      .poll(
        async () =>
          (await highlightsIn(page))
            .filter((h) => h.id === 'late')
            .map((h) => h.text)
            .sort(),
        { timeout: 5000 },
      )
      .toEqual(['Kim Jong Un', 'Kremlin', 'Vostochny Cosmodrome']);
    await page.close();
  });

  it('leaves text areas, editable regions, code and hidden text alone', async () => {
    const page = await env.browser.open('/pages/article.html');
    await pageStatus(env.browser, page);
    const ids = new Set((await highlightsIn(page)).map((h) => h.id));
    for (const id of ['comment', 'editor', 'code', 'hidden']) expect(ids.has(id)).toBe(false);
    await page.close();
  });

  it('never changes the page’s DOM, even under a strict CSP', async () => {
    const page = await env.browser.open('/pages/pristine.html');
    const status = await pageStatus(env.browser, page);
    expect(status.mentions).toBeGreaterThan(5);
    const { before, after } = await page.evaluate(() => ({ before: (window as unknown as { __bodyBefore: string }).__bodyBefore, after: document.body.innerHTML }));
    expect(before).toBeTruthy();
    expect(after).toBe(before);
    await page.close();
  });

  it('does not join words across table cells or list items', async () => {
    const page = await env.browser.open('/pages/pristine.html');
    await pageStatus(env.browser, page);
    const texts = (await highlightsIn(page)).map((h) => h.text);
    expect(texts).not.toContain('Kim Jong\u00a0Un');
    expect(texts.filter((t) => t.startsWith('Kim Jong'))).toEqual(['Kim Jong Un']); // the paragraph, not the table
    await page.close();
  });

  it('highlights nothing on a page about other things that uses only general words', async () => {
    const page = await env.browser.open('/pages/off-topic.html');
    const status = await pageStatus(env.browser, page);
    expect(status.onTopic).toBe(false);
    expect(await highlightsIn(page)).toEqual([]);
    await page.close();
  });
});

describe('the reader’s settings, applied to open tabs at once', () => {
  // One browser serves the whole file: a test that fails half-way must not leave its settings to the next.
  afterEach(() => resetSettings(env.browser));

  it('switches between the quiet and strong styles, and to first mentions only', async () => {
    const page = await env.browser.open('/pages/article.html');
    const before = await pageStatus(env.browser, page);
    await changeSettings(env.browser, { style: 'strong' });
    await expect.poll(async () => new Set((await highlightsIn(page)).map((h) => h.name.split('-')[1]))).toEqual(new Set(['strong']));
    await changeSettings(env.browser, { firstMentionOnly: true });
    await expect.poll(async () => (await pageStatus(env.browser, page)).terms.every((t) => t.count === 1)).toBe(true);
    const after = await pageStatus(env.browser, page);
    expect(after.mentions).toBe(before.terms.length);
    // The viewport window registers the reshown mentions when its observer next looks (a frame later).
    await expect.poll(async () => (await highlightsIn(page)).length).toBe(before.terms.length);
    await changeSettings(env.browser, { style: 'quiet', firstMentionOnly: false });
    await page.close();
  });

  it('turns off on a site and back on, remembered across page loads', async () => {
    const page = await env.browser.open('/pages/article.html');
    await pageStatus(env.browser, page);
    await changeSettings(env.browser, { disabledSites: ['reuters.com'] });
    await expect.poll(async () => (await highlightsIn(page)).length).toBe(0);
    await page.reload();
    expect(await pageStatus(env.browser, page, 'stopped')).toMatchObject({ running: false, reason: 'disabled-on-site', mentions: 0 });
    await changeSettings(env.browser, { disabledSites: [] });
    await expect.poll(async () => (await highlightsIn(page)).length).toBeGreaterThan(5);
    await page.close();
  });

  it('hides a term the reader chose not to see', async () => {
    const page = await env.browser.open('/pages/article.html');
    await pageStatus(env.browser, page);
    await changeSettings(env.browser, { hiddenTerms: ['kim-jong-un'] });
    await expect.poll(async () => (await highlightsIn(page)).filter((h) => h.text.startsWith('Kim')).length).toBe(0);
    await changeSettings(env.browser, { hiddenTerms: [] });
    await page.close();
  });
});

describe('keeping up with the page', () => {
  it('drops mentions of replaced text and finds those of a single-page-app navigation', async () => {
    const page = await env.browser.open('/pages/replace.html');
    await pageStatus(env.browser, page);
    expect(
      (await highlightsIn(page))
        .filter((h) => h.id === 'entry')
        .map((h) => h.text)
        .sort(),
    ).toEqual(['Kim Jong Un', 'Russian', 'Vostochny Cosmodrome']);
    await page.evaluate(() => (window as unknown as { replaceEntry(): void }).replaceEntry());
    await expect.poll(async () => (await highlightsIn(page)).filter((h) => h.id === 'entry').length).toBe(0);
    await page.evaluate(() => (window as unknown as { navigate(): void }).navigate());
    await expect
      .poll(async () =>
        (await highlightsIn(page))
          .filter((h) => h.id === 'story2')
          .map((h) => h.text)
          .sort(),
      )
      .toEqual(['ES-11/1', 'Panel of Experts on North Korea']);
    const status = await askPage<{ mentions: number }>(env.browser, page, { type: 'page-status' });
    expect(status.mentions).toBe(2);
    await page.close();
  });
});
