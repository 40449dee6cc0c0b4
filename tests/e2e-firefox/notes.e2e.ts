/**
 * The All notes page in real Firefox (the Chromium suite: tests/e2e/notes.e2e.ts): a note saved
 * from the card is listed, the search finds it and leaves another out, and a delete can be undone,
 * giving back the same note.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { readStoredNotes } from '../../scripts/support/page-side';
import { ARTIFACTS, cardText, clickCardButton, inExtension, openCard, pageStatus, typeNote, useFirefox } from './harness';

const env = useFirefox();

interface StoredNote {
  id: string;
  comment: string;
  tags: string[];
  termId: string;
}

/** Every note in the extension's database, read with plain IndexedDB (not through the code under test). */
const storedNotes = async () => (await inExtension(env.control, readStoredNotes)) as StoredNote[];

/** A real click at the centre of the first `selector` whose text includes `text` (when given). */
async function click(page: Page, selector: string, text?: string): Promise<void> {
  const at = await page.evaluate(
    (selector, text) => {
      const el = [...document.querySelectorAll(selector)].find((e) => text === null || (e.textContent ?? '').includes(text));
      if (!el) return null;
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    selector,
    text ?? null,
  );
  if (!at) throw new Error(`nothing matches ${selector}${text ? ` with "${text}"` : ''}`);
  await page.mouse.click(at.x, at.y);
}

/** Types `query` into the search field, replacing what was there, as a reader would. */
async function search(page: Page, query: string): Promise<void> {
  await click(page, 'input[aria-label="Search notes"]');
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  if (query) await page.keyboard.type(query);
}

const listed = (page: Page) => page.$$eval('#notes-list [role=option]', (options) => options.map((o) => o.textContent ?? ''));
const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent).catch(() => null);

describe('the All notes page in Firefox', () => {
  it('lists a note saved from the card, finds it by search, deletes it and undoes the delete', async () => {
    // A note saved the reader's way: from the card, through the extension's frame.
    const article = await env.ff.open('/pages/article.html');
    await pageStatus(env.control, article);
    await openCard(article, 'shells', '152mm', true);
    await clickCardButton(article, 'Save note');
    await typeNote(article, 'Check the calibre figures.', 'artillery, calibre');
    await expect.poll(() => cardText(article, '[role=status]'), { timeout: 10_000 }).toBe('Saved to your notes.');
    await article.close();
    const [saved] = await storedNotes();
    expect(saved).toMatchObject({ comment: 'Check the calibre figures.', tags: ['artillery', 'calibre'], termId: 'artillery-152mm' });

    const notes = await env.ff.openExtensionPage('notes.html', '#notes-list [role=option]');
    // A second note, imported from a backup, for the search to leave out.
    mkdirSync(ARTIFACTS, { recursive: true });
    const backup = join(ARTIFACTS, 'firefox-notes-backup.json');
    // The stored note minus the fields the database derives (search text, site), as an export writes it.
    const { search: _search, site: _site, ...fields } = saved! as StoredNote & { search?: unknown; site?: unknown };
    const other = { ...fields, id: '44444444-4444-4444-8444-444444444444', comment: 'Shipments by rail.', tags: ['logistics'] };
    writeFileSync(backup, JSON.stringify({ format: 'nk-russia-context/notes', version: 1, notes: [other] }));
    const input = (await notes.$('input[aria-label="Import a JSON backup"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(backup);
    await expect.poll(() => text(notes, '[data-testid=import-message]')).toContain('1 new');
    await expect.poll(async () => (await listed(notes)).length).toBe(2);

    // The search finds the saved note by its words and by its tag, and leaves the other out.
    await search(notes, 'calibre figures');
    await expect.poll(() => listed(notes)).toEqual([expect.stringContaining('Check the calibre figures.')]);
    await search(notes, '#logistics');
    await expect.poll(() => listed(notes)).toEqual([expect.stringContaining('Shipments by rail.')]);
    await search(notes, '#no-such-tag');
    await expect.poll(async () => (await notes.$('[data-testid=notes-none]')) !== null).toBe(true);

    // Open the saved note (Enter on the search), delete it, and undo.
    await search(notes, 'calibre');
    await expect.poll(async () => (await listed(notes)).length).toBe(1);
    await notes.keyboard.press('Enter');
    await notes.waitForSelector('article.note-detail');
    await click(notes, 'button', 'Delete note');
    await expect.poll(() => text(notes, '.undo[role=status]')).toContain('Note deleted.');
    await expect.poll(async () => (await storedNotes()).map((n) => n.id)).toEqual([other.id]);
    await click(notes, '.undo button', 'Undo');
    await expect.poll(async () => (await storedNotes()).length).toBe(2);
    expect((await storedNotes()).find((n) => n.id === saved!.id)).toEqual(saved);
    await search(notes, '');
    await expect.poll(async () => (await listed(notes)).length).toBe(2);
    await notes.close();
  });
});
