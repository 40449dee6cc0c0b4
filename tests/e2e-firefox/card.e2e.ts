/**
 * The hover card in real Firefox: contents, the in-card keyboard, and saving a note through the
 * extension's frame (Firefox gives the frame a fixed moz-extension:// address: see differences.e2e.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStoredNotes } from '../../scripts/support/page-side';
import { ARTIFACTS, askTabAt, cardHandle, cardText, clickCardButton, focusedInCard, inCard, inExtension, openCard, pageStatus, pointAt, typeNote, useFirefox, waitForCard } from './harness';

const env = useFirefox();

/** Every note in the extension's database, read from an extension page. */
const readNotes = () => inExtension(env.control, readStoredNotes);

describe('hovering a mention in Firefox', () => {
  it('shows the card with the term, a passage and the citation, and hides it when the pointer leaves (screenshot saved)', async () => {
    const page = await env.ff.open('/pages/article.html');
    await pageStatus(env.control, page);
    await openCard(page, 'lead', 'Vostochny Cosmodrome');
    expect(await cardText(page, 'h2')).toBe('Vostochny Cosmodrome');
    expect(await cardText(page, 'blockquote')).toContain('the two leaders met at the Vostochny cosmodrome');
    expect(await cardText(page, '.citation')).toContain('Edward Howell');
    mkdirSync(ARTIFACTS, { recursive: true });
    await new Promise((r) => setTimeout(r, 300)); // past the fade-in
    await page.screenshot({ path: join(ARTIFACTS, 'firefox-card.png') });
    await page.mouse.move(5, 600, { steps: 3 });
    await waitForCard(page, true);
    await page.close();
  });

  it('shows nothing for a pointer that only passes over a mention', async () => {
    const page = await env.ff.open('/pages/article.html');
    await pageStatus(env.control, page);
    const at = await pointAt(page, 'lead', 'Kim Jong Un');
    await page.mouse.move(at.x - 80, at.y);
    await page.mouse.move(at.x + 80, at.y, { steps: 8 });
    await page.mouse.move(at.x + 80, at.y + 300);
    await new Promise((r) => setTimeout(r, 900));
    expect(await cardHandle(page)).toBeNull();
    await page.close();
  });
});

describe('the keyboard in Firefox', () => {
  it('opens the card at the next mention, keeps Tab inside it, and closes with Escape, returning focus', async () => {
    const page = await env.ff.open('/pages/article.html');
    await pageStatus(env.control, page);
    await page.focus('nav a');
    // What Alt+Shift+J does (a driver cannot press a browser shortcut): the background asks the page to step.
    await askTabAt(env.control, page.url(), { type: 'step-mention', direction: 1 });
    await waitForCard(page);
    const role = await inCard(page, (root) => root.querySelector('.card')?.getAttribute('role'));
    expect(role).toBe('dialog');
    await expect.poll(() => focusedInCard(page)).not.toBeNull();
    const seen = new Set<string | null>();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      seen.add(await focusedInCard(page));
    }
    expect(seen.has(null)).toBe(false); // Tab never left the card
    expect(seen.has('Close')).toBe(true);
    await page.keyboard.press('Escape');
    await waitForCard(page, true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('World');
    await page.close();
  });
});

describe('saving a note in Firefox', () => {
  it('saves the comment and tags typed into the extension’s frame, unheard by the page', async () => {
    const page = await env.ff.open('/pages/article.html');
    await pageStatus(env.control, page);
    await page.evaluate(() => {
      const w = window as unknown as { heard: string[] };
      w.heard = [];
      for (const type of ['keydown', 'keyup', 'input', 'beforeinput']) window.addEventListener(type, () => w.heard.push(type), true);
    });
    const before = (await readNotes()).length;
    await openCard(page, 'shells', '152mm', true);
    await clickCardButton(page, 'Save note');
    await typeNote(page, 'Check the calibre figures.', 'artillery, calibre');
    await expect.poll(() => cardText(page, '[role=status]'), { timeout: 10_000 }).toBe('Saved to your notes.');
    const notes = await readNotes();
    expect(notes).toHaveLength(before + 1);
    expect(notes.at(-1)).toMatchObject({
      termId: 'artillery-152mm',
      quote: 'Analysts estimate that millions of 152mm shells have crossed the border since the cash-for-weapons arrangement began.',
      pageUrl: env.ff.url('/pages/article.html'),
      comment: 'Check the calibre figures.',
      tags: ['artillery', 'calibre'],
    });
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
    await page.close();
  });
});
