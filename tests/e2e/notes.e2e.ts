/**
 * Readers' notes in real Chromium: saved through the card's frame, found, edited, deleted and
 * restored in the popup; exported and imported on the All notes page; a hostile note shown as text;
 * "This page" revealing a term and showing the paper's view of the article. Screenshots of the
 * popup in light and dark go to test-results/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readStoredNotes } from '../../scripts/support/page-side';
import { beforeAll, describe, expect, it } from 'vitest';
import { card, launchWithExtension, openCard, openPopupFor, pageStatus, ROOT, useExtensionBrowser, type ExtensionBrowser } from './harness';

const ARTIFACTS = join(ROOT, 'test-results');
beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
});

const env = useExtensionBrowser();

interface StoredNote {
  id: string;
  createdAt: number;
  updatedAt: number;
  comment: string;
  tags: string[];
  quote: string;
  pageUrl: string;
  pageTitle: string;
  termId: string;
  passageText: string;
}

/** Every stored note, read with plain IndexedDB in an extension page (not through the code under test). */
async function storedNotes(page: Page): Promise<StoredNote[]> {
  return (await page.evaluate(readStoredNotes)) as StoredNote[];
}

async function openExtensionPage(browser: ExtensionBrowser, path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** Saves a note from the card on the sample article, through the note frame. */
async function saveNoteThroughCard(comment: string, tags: string): Promise<void> {
  const page = await env.browser.open('/pages/article.html');
  await pageStatus(env.browser, page);
  await openCard(page, 'shells', '152mm', true);
  await card(page).getByRole('button', { name: 'Save note' }).click();
  // The form is an extension page in a frame: found among the page's frames (the card's root may be closed).
  let form = page.frames().find((f) => f.url().includes('/note-form.html'));
  for (let i = 0; !form && i < 100; i++) {
    await page.waitForTimeout(50);
    form = page.frames().find((f) => f.url().includes('/note-form.html'));
  }
  if (!form) throw new Error('the note form did not open');
  await form.getByLabel('Your note').fill(comment);
  await form.getByLabel(/Tags/).fill(tags);
  await form.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => card(page).locator('[role=status]').textContent()).toBe('Saved to your notes.');
  await page.close();
}

/** The file a click downloads, as text. */
async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe('notes in the popup', () => {
  it('shows a note saved in a tab at once, finds it by tag, edits it, deletes it and undoes the delete', async () => {
    const popup = await openExtensionPage(env.browser, 'popup.html');
    // First run: the empty state says what to do, and the search has focus.
    await expect.poll(() => popup.getByTestId('notes-empty').textContent()).toContain('Save note');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search notes');

    await saveNoteThroughCard('Check the calibre figures.', 'artillery, e2e-tag');
    // The open popup shows it without being reopened (liveQuery).
    await expect.poll(() => popup.locator('#notes-list [role=option]').count()).toBe(1);
    const [saved] = await storedNotes(popup);
    expect(saved).toMatchObject({ comment: 'Check the calibre figures.', tags: ['artillery', 'e2e-tag'], termId: 'artillery-152mm' });

    // Find it by its tag, by typing and by the tag filter.
    await popup.getByLabel('Search notes').fill('#e2e-tag');
    await expect.poll(() => popup.locator('#notes-list [role=option]').count()).toBe(1);
    await popup.getByLabel('Search notes').fill('#no-such-tag');
    await expect.poll(() => popup.getByTestId('notes-none').isVisible()).toBe(true);
    await popup.getByLabel('Search notes').fill('');
    await popup.getByLabel('Filter by tag').selectOption('e2e-tag');
    await expect(popup.locator('#notes-list [role=option]').first().textContent()).resolves.toContain('Check the calibre figures.');

    // Keyboard: Enter opens the selected note; edit the comment and tags in place.
    await popup.getByLabel('Search notes').focus();
    await popup.keyboard.press('Enter');
    await popup.getByLabel('Your note').fill('Calibre figures checked against the paper.');
    await popup.getByLabel(/Tags/).fill('artillery, e2e-tag, checked');
    await popup.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(async () => (await storedNotes(popup))[0]?.comment).toBe('Calibre figures checked against the paper.');
    const edited = (await storedNotes(popup))[0]!;
    expect(edited).toMatchObject({ id: saved!.id, createdAt: saved!.createdAt, tags: ['artillery', 'e2e-tag', 'checked'] });
    expect(edited.updatedAt).toBeGreaterThan(saved!.updatedAt);
    // The link goes back to the quoted sentence.
    const href = await popup.getByTestId('note-page').getByRole('link').getAttribute('href');
    expect(href).toBe(`${env.browser.url('/pages/article.html')}#:~:text=Analysts%20estimate%20that%20millions,the%20cash%2Dfor%2Dweapons%20arrangement%20began.`);
    await expect(popup.getByRole('region', { name: 'The paper’s passage' }).textContent()).resolves.toMatch(/122-mm and 152-mm artillery[\s\S]*Howell/);

    // Back to the list; the Delete key deletes the selected note; Undo restores the same note.
    await popup.keyboard.press('Escape');
    await popup.getByRole('listbox').focus();
    await popup.keyboard.press('Delete');
    await expect.poll(() => popup.getByRole('status').filter({ hasText: 'Note deleted.' }).isVisible()).toBe(true);
    await expect.poll(async () => (await storedNotes(popup)).length).toBe(0);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await storedNotes(popup)).length).toBe(1);
    const restored = (await storedNotes(popup))[0]!;
    expect(restored).toEqual(edited);
    await expect.poll(() => popup.locator('#notes-list [role=option]').count()).toBe(1);
    await popup.close();
  });

  it('exports Markdown and JSON, imports the JSON into a fresh profile, and refuses a broken file changing nothing', async () => {
    const page = await openExtensionPage(env.browser, 'notes.html');
    await expect.poll(() => page.locator('#notes-list [role=option]').count()).toBeGreaterThan(0);
    const notes = await storedNotes(page);

    const md = await downloadOf(page, () => page.getByRole('button', { name: 'Markdown', exact: true }).click());
    expect(md.name).toMatch(/^notes-\d{4}-\d{2}-\d{2}\.md$/);
    expect(md.text).toContain('## 152-mm artillery');
    expect(md.text).toContain('> Analysts estimate that millions of 152mm shells have crossed the border since the cash-for-weapons arrangement began.');
    expect(md.text).toContain('#:~:text=Analysts%20estimate%20that%20millions,the%20cash%2Dfor%2Dweapons%20arrangement%20began.');
    expect(md.text).toContain('122-mm and 152-mm artillery');
    expect(md.text).toMatch(/Edward Howell \\\(2024\\\), ‘North Korea and Russia/);
    expect(md.text).toContain('Tags: #artillery #e2e-tag #checked');

    const json = await downloadOf(page, () => page.getByRole('button', { name: 'JSON backup', exact: true }).click());
    const backup = JSON.parse(json.text);
    expect(backup).toMatchObject({ format: 'nk-russia-context/notes', version: 1 });
    expect(backup.notes).toHaveLength(notes.length);
    const file = join(ARTIFACTS, 'notes-backup.json');
    writeFileSync(file, json.text);
    await page.close();

    const fresh = await launchWithExtension(env.server);
    try {
      const other = await openExtensionPage(fresh, 'notes.html');
      await expect.poll(() => other.getByTestId('notes-empty').isVisible()).toBe(true);
      await other.getByLabel('Import a JSON backup').setInputFiles(file);
      await expect.poll(() => other.getByTestId('import-message').textContent()).toContain(`${notes.length} new`);
      const imported = await storedNotes(other);
      const own = (n: StoredNote) => {
        const { search: _s, site: _t, ...rest } = n as StoredNote & { search?: string; site?: string };
        return rest;
      };
      expect(imported.map(own).sort((a, b) => a.id.localeCompare(b.id))).toEqual(notes.map(own).sort((a, b) => a.id.localeCompare(b.id)));

      // A broken backup: the second entry's tags are not a list. Nothing changes; the error says where.
      const broken = join(ARTIFACTS, 'notes-broken.json');
      writeFileSync(
        broken,
        JSON.stringify({
          ...backup,
          notes: [
            { ...backup.notes[0], id: '11111111-1111-4111-8111-111111111111', comment: 'new one' },
            { ...backup.notes[0], tags: 'oops' },
          ],
        }),
      );
      await other.getByLabel('Import a JSON backup').setInputFiles(broken);
      await expect.poll(() => other.getByRole('alert').textContent()).toContain('Entry 2, field "tags"');
      expect((await storedNotes(other)).map(own).sort((a, b) => a.id.localeCompare(b.id))).toEqual(notes.map(own).sort((a, b) => a.id.localeCompare(b.id)));
      await expect(other.locator('#notes-list [role=option]').count()).resolves.toBe(notes.length);
    } finally {
      await fresh.close();
    }
  });

  it('shows a note whose quote and title hold markup and a javascript: link as plain text', async () => {
    const hostile = {
      id: '22222222-2222-4222-8222-222222222222',
      createdAt: 1_800_000_000_000,
      updatedAt: 1_800_000_000_000,
      termId: 'kim-jong-un',
      termLabel: 'Kim Jong Un <b>bold</b>',
      quote: '<img src=x onerror="window.pwned=1"> Kim Jong Un arrived',
      pageUrl: 'https://www.reuters.com/world/x',
      pageTitle: 'javascript:window.pwned=2 <img src=x onerror="window.pwned=3">',
      passageText: '<script>window.pwned=4</script>',
      passageSection: 'x',
      comment: '<a href="javascript:window.pwned=5">click</a>',
      tags: ['<i>t</i>'],
    };
    const file = join(ARTIFACTS, 'notes-hostile.json');
    writeFileSync(file, JSON.stringify({ format: 'nk-russia-context/notes', version: 1, notes: [hostile] }));
    const page = await openExtensionPage(env.browser, 'notes.html');
    await page.getByLabel('Import a JSON backup').setInputFiles(file);
    await expect.poll(() => page.getByTestId('import-message').textContent()).toContain('1 new');
    await page.getByLabel('Search notes').fill('pwned');
    await expect.poll(() => page.locator('#notes-list [role=option]').count()).toBe(1);
    await expect(page.locator('#notes-list [role=option]').first().textContent()).resolves.toContain('<a href="javascript:window.pwned=5">click</a>');
    await page.getByLabel('Search notes').press('Enter');
    await expect.poll(() => page.getByTestId('note-quote').textContent()).toBe(hostile.quote);
    await expect(page.getByTestId('note-page').textContent()).resolves.toContain(hostile.pageTitle);
    const report = await page.evaluate(() => ({
      pwned: (window as unknown as { pwned?: number }).pwned,
      imgs: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('main script').length,
      hrefs: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    }));
    expect(report.pwned).toBeUndefined();
    expect(report.imgs).toBe(0);
    expect(report.scripts).toBe(0);
    for (const href of report.hrefs) expect(href).not.toMatch(/^javascript:/i);
    // Clean up for the tests after this one.
    await page.getByRole('button', { name: 'Delete note' }).click();
    await page.close();
  });
});

describe('notes after a corpus update', () => {
  it('says when the paper’s passage changed or left the corpus, and keeps the text the reader saw', async () => {
    const base = {
      createdAt: 1_800_000_000_000,
      updatedAt: 1_800_000_000_000,
      termId: 'vostochny-cosmodrome',
      termLabel: 'Vostochny Cosmodrome',
      quote: 'Kim met Putin at the cosmodrome.',
      pageUrl: 'https://www.reuters.com/world/y',
      pageTitle: 'Summit',
      passageSection: 'From friendship to formal partnership',
      tags: ['corpus-update'],
    };
    const notes = [
      { ...base, id: '33333333-3333-4333-8333-333333333331', passageId: 'p-summits', passageText: 'An older wording of this passage, from before the update.', comment: 'changed passage' },
      { ...base, id: '33333333-3333-4333-8333-333333333332', passageId: 'p-dropped-in-update', passageText: 'A passage the update removed.', comment: 'dropped passage' },
    ];
    const file = join(ARTIFACTS, 'notes-corpus-update.json');
    writeFileSync(file, JSON.stringify({ format: 'nk-russia-context/notes', version: 1, notes }));
    const page = await openExtensionPage(env.browser, 'notes.html');
    await page.getByLabel('Import a JSON backup').setInputFiles(file);
    await expect.poll(() => page.getByTestId('import-message').textContent()).toContain('2 new');
    for (const [comment, warning, kept] of [
      ['changed passage', /has changed since you saved the note/, 'An older wording of this passage'],
      ['dropped passage', /no longer in the paper’s corpus/, 'A passage the update removed.'],
    ] as const) {
      await page.getByLabel('Search notes').fill(comment);
      await expect.poll(() => page.locator('#notes-list [role=option]').count()).toBe(1);
      await page.getByLabel('Search notes').press('Enter');
      await expect.poll(() => page.getByTestId('passage-status').textContent()).toMatch(warning);
      await expect(page.getByRole('region', { name: 'The paper’s passage' }).textContent()).resolves.toContain(kept);
      await page.getByRole('button', { name: 'Delete note' }).click();
    }
    await page.close();
  });
});

describe('this page', () => {
  /** The popup for a tab (a window of its own that does not take focus), on the view asked for. */
  async function popupFor(browser: ExtensionBrowser, page: Page, view: 'page' | 'notes') {
    const popup = await openPopupFor(browser, page);
    if (view === 'page') await popup.getByRole('tab', { name: 'This page' }).click();
    return popup;
  }

  it('lists the terms with counts, reveals one on the page, and saves a passage the paper has on the article', async () => {
    const page = await env.browser.open('/pages/article.html');
    const status = await pageStatus(env.browser, page);
    const popup = await popupFor(env.browser, page, 'page');
    await expect.poll(() => popup.getByTestId('page-topic').textContent()).toBe('This page is about North Korea and Russia.');
    // Each term the page reported, with its count (the article grows after load, so counts are matched loosely).
    for (const term of status.terms.slice(0, 3)) {
      await expect.poll(() => popup.getByRole('button', { name: new RegExp(`^Show ${term.label!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} on the page \\(\\d+ mentions?\\)$`) }).count()).toBe(1);
    }
    // The paper's view: three passages, each with its section and a save action.
    const paper = popup.getByTestId('paper-view');
    await expect.poll(() => paper.getByRole('listitem').count()).toBe(3);
    await expect(paper.textContent()).resolves.toMatch(/¶\d+/);
    await paper
      .getByRole('button', { name: /Save the passage/ })
      .first()
      .click();
    await expect.poll(() => paper.getByRole('status').first().textContent()).toBe('Saved to your notes.');
    const notes = await storedNotes(popup);
    expect(notes.some((n) => n.pageUrl === env.browser.url('/pages/article.html') && n.passageText.length > 0 && n.comment === '')).toBe(true);
    // Reveal a term: the tab scrolls to it and opens its card.
    await popup.getByRole('button', { name: /^Show 152-mm artillery on the page/ }).click();
    await expect.poll(() => card(page).isVisible()).toBe(true);
    await expect(card(page).textContent()).resolves.toContain('152-mm artillery');
    await page.close();
    if (!popup.isClosed()) await popup.close();
  });

  it.each(['light', 'dark'] as const)('draws the popup in the %s scheme (screenshots saved to test-results/)', async (scheme) => {
    const themed = await launchWithExtension(env.server, { colorScheme: scheme, viewport: { width: 410, height: 600 } });
    try {
      const notes = await openExtensionPage(themed, 'notes.html');
      // Sample notes on the fixture pages (tests/fixtures/notes), the passages taken from the corpus.
      await notes.getByLabel('Import a JSON backup').setInputFiles(join(ROOT, 'tests/fixtures/notes/sample-notes.json'));
      await expect.poll(() => notes.getByTestId('import-message').textContent()).toContain('4 new');
      await notes.close();
      const page = await themed.open('/pages/article.html');
      await pageStatus(themed, page);
      const popup = await popupFor(themed, page, 'notes');
      await popup.setViewportSize({ width: 410, height: 600 });
      await expect.poll(() => popup.locator('#notes-list [role=option]').count()).toBeGreaterThan(0);
      const colours = await popup.evaluate(() => ({ bg: getComputedStyle(document.body).backgroundColor, fg: getComputedStyle(document.body).color }));
      const lum = (rgb: string) => {
        const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      if (scheme === 'light') expect(lum(colours.bg)).toBeGreaterThan(lum(colours.fg));
      else expect(lum(colours.bg)).toBeLessThan(lum(colours.fg));
      await popup.screenshot({ path: join(ARTIFACTS, `popup-notes-${scheme}.png`) });
      await popup.getByRole('tab', { name: 'This page' }).click();
      await expect.poll(() => popup.getByTestId('paper-view').getByRole('listitem').count()).toBe(3);
      await popup.screenshot({ path: join(ARTIFACTS, `popup-page-${scheme}.png`), fullPage: true });
      // The list view alone, for the README (docs/screenshot-popup-notes.png is a copy of the light one).
      await popup.getByRole('tab', { name: 'Notes' }).click();
      await popup.locator('#notes-list [role=option]').first().waitFor();
      await popup.screenshot({ path: join(ARTIFACTS, `popup-notes-list-${scheme}.png`) });
    } finally {
      await themed.close();
    }
  });
});
