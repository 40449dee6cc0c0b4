/**
 * Sites the reader enabled beyond the built-in list. A browser prompt cannot be answered from a
 * test, so this profile starts with access to example.org already granted (a copy of the build
 * whose manifest holds it, as if the reader had said yes): what follows is the extension's own
 * work, the background registering its script for the granted site (syncReaderSites, at install)
 * and the popup's "Enable on …" injecting it into the open tab at once.
 */
import { describe, expect, it } from 'vitest';
import { highlightsIn, openPopupFor, pageStatus, tabIdOf, useExtensionVariant } from './harness';

const GRANTED = ['*://example.org/*', '*://*.example.org/*'];
const env = useExtensionVariant((m) => {
  m.host_permissions.push(...GRANTED);
});

const registered = () => env.browser.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
const openOnExampleOrg = async () => {
  const page = await env.browser.context.newPage();
  await page.goto('http://example.org/pages/article.html');
  return page;
};

describe('a site the reader enabled', () => {
  it('gets the content script from the registration the background makes at install', async () => {
    await expect.poll(registered).toEqual([expect.objectContaining({ id: 'reader-enabled-sites', matches: [...GRANTED].sort(), persistAcrossSessions: true })]);
    const [script] = await registered();
    // The built-in sites are excluded: they already have the manifest's script, never two.
    expect(script!.excludeMatches).toEqual(expect.arrayContaining(['*://*.reuters.com/*']));
    const page = await openOnExampleOrg();
    expect((await pageStatus(env.browser, page)).mentions).toBeGreaterThan(5);
    expect((await highlightsIn(page)).map((h) => h.text)).toEqual(expect.arrayContaining(['Kim Jong Un']));
    await page.close();
  });

  it('starts on the open tab at once from the popup’s “Enable on …”, without a reload', async () => {
    // As before the reader enabled it: no script registered, the tab open without one.
    await env.browser.worker.evaluate(() => chrome.scripting.unregisterContentScripts({ ids: ['reader-enabled-sites'] }));
    const page = await openOnExampleOrg();
    const tabId = await tabIdOf(env.browser, page);
    const before = await env.browser.worker.evaluate(
      (id) =>
        chrome.tabs.sendMessage(id, { type: 'page-status' }).then(
          () => 'answered',
          (e: Error) => e.message,
        ),
      tabId,
    );
    expect(before).toMatch(/Receiving end does not exist/);

    const popup = await openPopupFor(env.browser, page);
    await popup.getByRole('tab', { name: 'This page' }).click(); // the popup opens on the reader's notes
    await popup.getByRole('button', { name: 'Enable on example.org' }).click();
    await expect.poll(() => popup.getByTestId('page-summary').textContent(), { timeout: 5000 }).toMatch(/\d+ mentions of \d+ terms/);
    await expect.poll(async () => (await highlightsIn(page)).length).toBeGreaterThan(5);
    await popup.close();
    await page.close();
  });
});
