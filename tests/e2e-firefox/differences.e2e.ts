/**
 * What Firefox does differently from Chromium, each checked in Firefox (README "Firefox"):
 * the note frame's address (use_dynamic_url is ignored), the background as an event page that
 * sleeps and wakes, and a listed site's access withdrawn by the reader.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardText, clickCardButton, FIREFOX_DIR, highlightsIn, inCard, inExtension, NEWS_HOST, openCard, openPopupFor, OTHER_NEWS_HOST, pageStatus, typeNote, useFirefox } from './harness';

// A short idle timeout, so the event page is put to sleep within the test; long enough that the
// install's corpus setup (parse, validate, store, publish the matcher data) finishes first on a
// slow machine, where 1.5 s cut it off and pages found no corpus.
const IDLE_MS = 5000;
const env = useFirefox({ prefs: { 'extensions.background.idle.timeout': IDLE_MS } });
const manifest = JSON.parse(readFileSync(join(FIREFOX_DIR, 'manifest.json'), 'utf8'));

/** Whether the background page is alive now (extension.getViews lists it only while it runs). */
const backgroundAlive = () =>
  inExtension(env.control, async () => {
    const api = (globalThis as unknown as { browser: { extension: { getViews(): Window[] } } }).browser;
    return api.extension.getViews().some((w) => w.location.pathname.includes('background'));
  });

/**
 * Wakes the background with a read-only message and, in the same call, says whether it runs. Asked
 * on its own after a page loads, the page's own wake-up may be more than IDLE_MS old already.
 */
const wakeAndCheck = () =>
  inExtension(env.control, async () => {
    const api = (globalThis as unknown as { browser: { extension: { getViews(): Window[] }; runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
    await api.runtime.sendMessage({ type: 'corpus-status' });
    return api.extension.getViews().some((w) => w.location.pathname.includes('background'));
  });

describe('Firefox differences', () => {
  it('ignores use_dynamic_url: the note frame lives at the install’s own moz-extension:// address, and works', async () => {
    expect(manifest.web_accessible_resources[0].resources).toContain('note-form.html');
    const page = await env.ff.open('/pages/article.html');
    await pageStatus(env.control, page);
    await openCard(page, 'lead', 'Kim Jong Un', true);
    await clickCardButton(page, 'Save note');
    const frameSrc = () => inCard(page, (root) => root.querySelector('iframe')?.getAttribute('src') ?? null);
    await expect.poll(frameSrc, { timeout: 10_000, interval: 50 }).not.toBeNull();
    const src = await frameSrc();
    // The address is this profile's random UUID (pinned by the test), not a per-session one:
    // stable, but not the add-on id, so a page cannot guess it from the extension's listing.
    expect(src).toMatch(new RegExp(`^moz-extension://${env.ff.uuid}/note-form\\.html#`));
    expect(env.ff.uuid).not.toContain(env.ff.addonId);
    await typeNote(page, 'From the fixed-address frame.', 'firefox');
    await expect.poll(() => cardText(page, '[role=status]'), { timeout: 10_000 }).toBe('Saved to your notes.');
    await page.close();
  });

  it('runs the background as an event page that sleeps when idle and wakes for the next card', async () => {
    expect(manifest.background.scripts).toEqual(['background.js']);
    expect(manifest.background.service_worker).toBeUndefined();
    const page = await env.ff.open('/pages/article.html');
    await pageStatus(env.control, page);
    expect(await wakeAndCheck()).toBe(true);
    await expect.poll(backgroundAlive, { timeout: IDLE_MS * 10, interval: 250 }).toBe(false);
    // Asleep: a hover still gets its card (the lookup message wakes the background).
    await openCard(page, 'un', 'UN Panel of Experts');
    expect(await cardText(page, 'h2')).toBe('UN Panel of Experts');
    expect(await cardText(page, 'blockquote')).toContain('vetoed');
    await page.close();
  });

  it('lights a page that finds no matcher data while the event page sleeps: the page wakes it to publish', async () => {
    // What an event page suspended mid-setup leaves: the corpus stored, no matcher data published.
    await inExtension(env.control, async () => {
      await (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.remove('matcherData');
    });
    await expect.poll(backgroundAlive, { timeout: IDLE_MS * 10, interval: 250 }).toBe(false);
    const page = await env.ff.open('/pages/article.html');
    expect((await pageStatus(env.control, page)).mentions).toBeGreaterThan(5);
    const published = await inExtension(env.control, async () => Boolean((await (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.get('matcherData')).matcherData));
    expect(published).toBe(true);
    await page.close();
  });

  it('notices when the reader withdraws a listed site’s access, and says so in the popup', async () => {
    const before = await env.ff.open('/pages/article.html');
    await pageStatus(env.control, before);
    // What the reader does from Firefox's extensions menu ("Always allow on reuters.com" off).
    await inExtension(env.control, async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const removed = await api.permissions.remove({ origins: ['*://*.reuters.com/*'] });
      if (!removed) throw new Error('Firefox kept the permission');
    });
    const granted = await inExtension(env.control, async () => (await (globalThis as unknown as { browser: typeof chrome }).browser.permissions.getAll()).origins ?? []);
    expect(granted).not.toContain('*://*.reuters.com/*');

    // A listed site still allowed runs as before (the positive signal) …
    const other = await env.ff.open('/pages/article.html', OTHER_NEWS_HOST);
    expect((await pageStatus(env.control, other)).mentions).toBeGreaterThan(5);
    // … while a fresh page on the withdrawn site gets no script and no marks.
    await before.reload({ waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 500));
    expect(await highlightsIn(before)).toEqual([]);

    // The popup about the withdrawn site's tab (its address is hidden now, so the notice names the site).
    const popup = await openPopupFor(env.control, before, env.ff.extensionUrl('popup.html?view=page'));
    await expect.poll(() => popup.text('[data-testid=access-notice]'), { timeout: 10_000 }).toContain('withdrawn');
    expect(await popup.text('[data-testid=access-notice]')).toContain('reuters.com');
    expect(await popup.text('[data-testid=access-notice] button')).toMatch(/Allow .*again/);
    // The popup on the still-allowed site says the same (the reader sees it wherever they are).
    const otherPopup = await openPopupFor(env.control, other, env.ff.extensionUrl('popup.html?view=page'));
    await expect.poll(() => otherPopup.text('[data-testid=access-notice]'), { timeout: 10_000 }).toContain('reuters.com');
    expect(NEWS_HOST).toContain('reuters.com');
    await popup.close();
    await otherPopup.close();
    for (const p of [before, other]) await p.close();
  });
});
