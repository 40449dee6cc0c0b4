/**
 * A page that tries to see, drive or switch off the extension (issue 11): it hears nothing at
 * start-up, its shutdown event does nothing, its synthetic events open no card and click
 * nothing, and it can neither read nor replace the note frame's address.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allHighlighted, card, noteFrame, openCard, pageStatus, pointAt, useExtensionBrowser } from './harness';

const env = useExtensionBrowser();

/** Opens a page whose own script records every message and every extension-named event it hears. */
async function openListening(path: string): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.addInitScript((id) => {
    const w = window as unknown as { heard: string[] };
    w.heard = [];
    window.addEventListener('message', (e) => w.heard.push(`message:${JSON.stringify(e.data)}`), true);
    for (const name of ['wxt:content-script-started', 'wxt:locationchange']) {
      const type = `${id}:content:${name}`;
      document.addEventListener(type, () => w.heard.push(`event:${type}`), true);
      window.addEventListener(type, () => w.heard.push(`event:${type}`), true);
    }
  }, env.browser.extensionId);
  await page.goto(env.browser.url(path));
  return page;
}

const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: string[] }).heard);

describe('a page cannot see or switch off the extension', () => {
  it('hears no message and no event from the extension at start-up', async () => {
    const page = await openListening('/pages/article.html');
    const status = await pageStatus(env.browser, page);
    expect(status.mentions).toBeGreaterThan(0); // it ran
    expect(await heard(page)).toEqual([]);
    await page.close();
  });

  it('ignores WXT’s shutdown event and message sent by the page: highlights stay, new text is still found', async () => {
    const page = await openListening('/pages/article.html');
    await pageStatus(env.browser, page);
    // The page adds its own update 600 ms after load: count the highlights once it is marked, or
    // its names would be counted as the page's attack changing what was there.
    await page.waitForSelector('#late');
    await expect.poll(() => allHighlighted(page), { timeout: 3000 }).toContain('Kremlin');
    const before = await allHighlighted(page);
    expect(before).toContain('Vostochny Cosmodrome');
    await page.evaluate((id) => {
      const type = `${id}:content:wxt:content-script-started`;
      const detail = { contentScriptName: 'content', messageId: 'page' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, ...detail }, '*');
    }, env.browser.extensionId);
    // Still alive: text the page adds now is highlighted (the positive signal), and nothing was lost.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'later';
      p.textContent = 'Later, the Panel of Experts reported again.';
      // Into the article, as a live update would go: outside it, on a page that marks its article, text is furniture.
      document.querySelector('article')!.append(p);
    });
    await expect.poll(() => allHighlighted(page), { timeout: 3000 }).toContain('Panel of Experts');
    expect((await allHighlighted(page)).filter((t) => before.includes(t)).length).toBe(before.length);
    expect((await pageStatus(env.browser, page)).running).toBe(true);
    await page.close();
  });
});

describe('a page cannot drive the card', () => {
  it('opens no card for synthetic pointer and keyboard events', async () => {
    const page = await env.browser.open('/pages/article.html');
    await pageStatus(env.browser, page);
    const at = await pointAt(page, 'lead', 'Vostochny Cosmodrome');
    await page.evaluate(async ({ x, y }) => {
      for (let i = 0; i < 20; i++) {
        const init = { clientX: x + (i % 3), clientY: y, bubbles: true, composed: true, pointerType: 'mouse' };
        document.elementFromPoint(x, y)?.dispatchEvent(new PointerEvent('pointermove', init));
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'J', altKey: true, shiftKey: true, bubbles: true }));
        await new Promise((r) => setTimeout(r, 50));
      }
    }, at);
    await new Promise((r) => setTimeout(r, 600)); // well past the hover delay
    expect(await page.evaluate(() => document.querySelector('nkr-card-host') !== null)).toBe(false);
    // The positive signal: a real pointer resting on the same spot does open it.
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await card(page).waitFor({ state: 'visible', timeout: 3000 });
    await page.close();
  });

  it('cannot look into the card or press its buttons', async () => {
    const page = await env.browser.open('/pages/article.html');
    await pageStatus(env.browser, page);
    await openCard(page, 'lead', 'Vostochny Cosmodrome');
    const attempt = await page.evaluate(() => {
      const host = document.querySelector('nkr-card-host');
      const root = host?.shadowRoot ?? null;
      const buttons = root ? [...root.querySelectorAll('button')] : [];
      for (const b of buttons) if (/highlight|site/i.test(b.textContent ?? '')) b.click();
      host?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      return { hostFound: host !== null, rootVisible: root !== null, clicked: buttons.length };
    });
    expect(attempt).toEqual({ hostFound: true, rootVisible: false, clicked: 0 });
    await new Promise((r) => setTimeout(r, 400));
    expect(await card(page).isVisible()).toBe(true); // a synthetic Escape closes nothing
    const settings = await env.browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as { hiddenTerms?: string[]; disabledSites?: string[] } | undefined);
    expect(settings?.hiddenTerms ?? []).toEqual([]);
    expect(settings?.disabledSites ?? []).toEqual([]);
    await page.close();
  });
});

describe('a page cannot read or replace the note frame', () => {
  it('finds no frame address in the DOM or its resource timings, and cannot reach the frame to replace it', async () => {
    const page = await env.browser.open('/pages/article.html');
    await pageStatus(env.browser, page);
    await openCard(page, 'lead', 'Kim Jong Un', true);
    await card(page).getByRole('button', { name: 'Save note' }).click();
    const form = await noteFrame(page);
    await form.getByLabel('Your note').waitFor();
    const seen = await page.evaluate(() => {
      const addresses: string[] = [];
      for (const f of document.querySelectorAll('iframe')) addresses.push(f.src);
      const host = document.querySelector('nkr-card-host');
      for (const f of host?.shadowRoot?.querySelectorAll('iframe') ?? []) addresses.push(f.src);
      for (const e of performance.getEntries()) if (/extension|note-form/.test(e.name)) addresses.push(e.name);
      let readable: string | null = null;
      for (let i = 0; i < window.frames.length; i++) {
        try {
          readable = window.frames[i]!.location.href;
        } catch {
          /* cross-origin: good */
        }
      }
      return { addresses, readable, frames: window.frames.length };
    });
    expect(seen.addresses).toEqual([]);
    expect(seen.readable).toBeNull();
    // A frame in a shadow tree is not one of the page's `window.frames`: the page cannot even
    // count it, so it cannot navigate it to a look-alike (the card also drops a frame that loads twice).
    expect(seen.frames).toBe(0);
    await expect(card(page).locator('iframe').count()).resolves.toBe(1);
    await page.close();
  });
});
