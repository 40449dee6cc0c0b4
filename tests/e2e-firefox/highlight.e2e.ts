/**
 * Spotting and highlighting in real Firefox (ESR): the same pages and expectations as the
 * Chromium suite (tests/e2e/highlight.e2e.ts), through Firefox's own CSS Highlight API.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, askTabAt, highlightsIn, inExtension, pageStatus, useFirefox } from './harness';

const env = useFirefox();

describe('highlighting a news page in Firefox', () => {
  it('marks the terms the page names, in English, Korean and Russian (screenshot saved to test-results/)', async () => {
    const page = await env.ff.open('/pages/article.html');
    const status = await pageStatus(env.control, page);
    expect(status.mode).toBe('highlight-api');
    // The status says scanned once the mentions in view are registered: read them at once.
    const all = await highlightsIn(page);
    expect(all.filter((h) => h.id === 'lead').map((h) => h.text)).toEqual(expect.arrayContaining(['North Korean', 'Kim Jong Un', 'Vladimir Putin', 'Vostochny Cosmodrome', 'Russian Far East', 'Pyongyang', 'artillery shells', 'Moscow']));
    expect(all.filter((h) => h.id === 'korean').map((h) => h.text)).toEqual(expect.arrayContaining(['김정은이', '평양에서']));
    expect(all.filter((h) => h.id === 'russian').map((h) => h.text)).toEqual(expect.arrayContaining(['Кремль', 'Путин', 'космодроме Восточный']));
    expect(all.filter((h) => h.id === 'shells').map((h) => h.text)).toEqual(expect.arrayContaining(['152mm shells', 'cash-for-weapons']));
    // The marks are painted: Firefox's ::highlight() applies the manifest's stylesheet.
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'firefox-highlights.png') });
    await page.close();
  });

  it('finds a mention split across inline elements', async () => {
    const page = await env.ff.open('/pages/article.html');
    await pageStatus(env.control, page);
    const split = (await highlightsIn(page)).filter((h) => h.id === 'split');
    expect(split.map((h) => h.text)).toEqual(['Kim Jong Un']);
    expect(split[0]!.name).toBe('nkr-quiet-person');
    await page.close();
  });

  it('follows text the page adds after load', async () => {
    const page = await env.ff.open('/pages/article.html');
    await pageStatus(env.control, page);
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
    const page = await env.ff.open('/pages/article.html');
    await pageStatus(env.control, page);
    // First the positive signal (the lead is highlighted), then what must stay unmarked.
    const ids = new Set((await highlightsIn(page)).map((h) => h.id));
    expect(ids.has('lead')).toBe(true);
    for (const id of ['comment', 'editor', 'code', 'hidden']) expect(ids.has(id)).toBe(false);
    await page.close();
  });

  it('never changes the page’s DOM', async () => {
    const page = await env.ff.open('/pages/pristine.html');
    const status = await pageStatus(env.control, page);
    expect(status.mentions).toBeGreaterThan(5);
    const { before, after } = await page.evaluate(() => ({ before: (window as unknown as { __bodyBefore: string }).__bodyBefore, after: document.body.innerHTML }));
    expect(before).toBeTruthy();
    expect(after).toBe(before);
    await page.close();
  });

  it.each([
    ['a page about other things that uses only general words', 'off-topic'],
    ['a story about one side, though it names Kim Jong Un in full', 'one-side'],
    ['a story about a visit elsewhere that names North Korea once, as where the visitor came from', 'visit-elsewhere'],
    ['a story about Russia ending another country’s panel of experts (Mali)', 'panel-elsewhere'],
    ['an inter-Korean border story whose only link to Russia is an archive photo caption', 'caption-elsewhere'],
    ['a story about Russia that names North Korea twice (Putin’s security chiefs on the Korean peninsula)', 'one-side-twice'],
    ['a story of the North’s soldiers crossing the border into the South (북한군 twice, never Russia)', 'army-at-home'],
  ])('highlights nothing on %s', async (_story, name) => {
    const page = await env.ff.open(`/pages/${name}.html`);
    const status = await pageStatus(env.control, page);
    expect(status.onTopic).toBe(false);
    expect(await highlightsIn(page)).toEqual([]);
    await page.close();
  });

  it('opens on a KCNA story of the families of the fallen that names the troops only by their operation abroad, never Russia', async () => {
    const page = await env.ff.open('/pages/operation-abroad.html');
    const status = await pageStatus(env.control, page);
    expect(status.onTopic).toBe(true);
    expect((await highlightsIn(page)).map((h) => h.text)).toEqual(expect.arrayContaining(['зарубежной военной операции', 'Ким Чен Ын']));
    await page.close();
  });

  it('opens on a Russian report of Kim in Komsomolsk-on-Amur, which names Russia only by its own places, and never marks the places', async () => {
    const page = await env.ff.open('/pages/far-east-visit.html');
    const status = await pageStatus(env.control, page);
    expect(status.onTopic).toBe(true);
    const texts = (await highlightsIn(page)).map((h) => h.text);
    expect(texts).toEqual(expect.arrayContaining(['Ким Чен Ын', 'КНДР']));
    expect(texts).toEqual(expect.not.arrayContaining(['Комсомольске-на-Амуре', 'Комсомольск-на-Амуре', 'Хабаровского края']));
    await page.close();
  });

  it('leaves the talks of a story about the Kim–Putin meeting in Beijing plain, and highlights the 2024 summit it names', async () => {
    const page = await env.ff.open('/pages/which-summit.html');
    const status = await pageStatus(env.control, page);
    expect(status.onTopic).toBe(true);
    const texts = (await highlightsIn(page)).map((h) => h.text);
    expect(texts).toEqual(expect.arrayContaining(['Kim Jong Un', 'summit in Pyongyang']));
    expect(texts).not.toContain('talks');
    expect(texts).not.toContain('meeting');
    await page.close();
  });

  it('applies a settings change to the open tab at once', async () => {
    const page = await env.ff.open('/pages/article.html');
    await pageStatus(env.control, page);
    await inExtension(env.control, async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const { settings } = await api.storage.local.get('settings');
      await api.storage.local.set({ settings: { ...((settings as object | undefined) ?? {}), disabledSites: ['reuters.com'] } });
    });
    await expect.poll(async () => (await highlightsIn(page)).length).toBe(0);
    await inExtension(env.control, async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const { settings } = await api.storage.local.get('settings');
      await api.storage.local.set({ settings: { ...((settings as object | undefined) ?? {}), disabledSites: [] } });
    });
    await expect.poll(async () => (await highlightsIn(page)).length).toBeGreaterThan(5);
    const status = await askTabAt<{ running: boolean }>(env.control, page.url(), { type: 'page-status' });
    expect(status.running).toBe(true);
    await page.close();
  });
});
