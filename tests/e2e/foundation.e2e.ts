import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeSettings, corpusStatus, EXTENSION_DIR, pageStatus, resetSettings, ROOT, tabIdOf, useExtensionBrowser } from './harness';

const corpus = JSON.parse(readFileSync(join(ROOT, 'data/corpus.json'), 'utf8'));

const env = useExtensionBrowser();

describe('the installed extension', () => {
  it('seeds the database with the bundled corpus (read back through the extension)', async () => {
    const status = await corpusStatus(env.browser);
    expect(status).toMatchObject({ version: corpus.version, hash: corpus.hash, source: 'bundled', passages: corpus.passages.length, terms: corpus.terms.length, events: corpus.events.length, notes: 0 });
  });

  it('runs its content script on a news page', async () => {
    const page = await env.browser.open('/pages/article.html');
    const status = await pageStatus(env.browser, page);
    expect(status.running).toBe(true);
    expect(status.mode).toBe('highlight-api');
    expect(status.mentions).toBeGreaterThan(5);
    await page.close();
  });

  it('lights a page that found no matcher data published: the page asks the background, which publishes it', async () => {
    // The state a background stopped mid-setup leaves (Firefox suspends an idle event page): the
    // corpus is in the database but content scripts find no matcher data in storage.
    await corpusStatus(env.browser);
    await env.browser.worker.evaluate(() => chrome.storage.local.remove('matcherData'));
    const page = await env.browser.open('/pages/article.html');
    const status = await pageStatus(env.browser, page);
    expect(status.running).toBe(true);
    expect(status.mentions).toBeGreaterThan(5);
    // Published again for every page after it, not just held by this one.
    expect(await env.browser.worker.evaluate(async () => Boolean((await chrome.storage.local.get('matcherData')).matcherData))).toBe(true);
    await page.close();
  });

  it('asks for the matcher data when the reader turns it on, if the page started while it was off', async () => {
    await corpusStatus(env.browser);
    await changeSettings(env.browser, { enabled: false });
    await env.browser.worker.evaluate(() => chrome.storage.local.remove('matcherData'));
    const page = await env.browser.open('/pages/article.html');
    expect((await pageStatus(env.browser, page, 'stopped')).reason).toBe('disabled-everywhere');
    // Nothing published it meanwhile: the page that would run is the one that asks.
    expect(await env.browser.worker.evaluate(async () => Boolean((await chrome.storage.local.get('matcherData')).matcherData))).toBe(false);
    await resetSettings(env.browser);
    const status = await pageStatus(env.browser, page);
    expect(status.mentions).toBeGreaterThan(5);
    await page.close();
  });

  it('does not run on a site that is not on the list and was not enabled', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`http://example.org/pages/article.html`);
    // The positive control: the same article on a listed site, opened after it, is scanned…
    const listed = await env.browser.open('/pages/article.html');
    expect((await pageStatus(env.browser, listed)).mentions).toBeGreaterThan(5);
    await listed.close();
    // …while on example.org no content script is there to answer, and nothing is highlighted.
    const tabId = await tabIdOf(env.browser, page);
    const answer = await env.browser.worker.evaluate(
      (id) =>
        chrome.tabs.sendMessage(id, { type: 'page-status' }).then(
          () => 'answered',
          (e: Error) => e.message,
        ),
      tabId,
    );
    expect(answer).toMatch(/Receiving end does not exist/);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await page.close();
  });

  it('refuses a malformed request and one from outside the extension', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`chrome-extension://${env.browser.extensionId}/popup.html`);
    const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'lookup', termId: '<img src=x>', context: '' }));
    expect(reply).toMatchObject({ ok: false });
    expect(reply.error).toMatch(/malformed request/);
    await page.close();
  });
});

describe('the build', () => {
  it('leaves loadable Chrome and Firefox builds and their zips', () => {
    const chrome = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    const firefox = JSON.parse(readFileSync(join(ROOT, '.output/firefox-mv3/manifest.json'), 'utf8'));
    expect(chrome.manifest_version).toBe(3);
    expect(firefox.browser_specific_settings.gecko.id).toBeTruthy();
    const zips = readdirSync(join(ROOT, '.output')).filter((f) => f.endsWith('.zip'));
    expect(zips.some((f) => f.includes('chrome'))).toBe(true);
    expect(zips.some((f) => f.includes('firefox'))).toBe(true);
  });
});
