/**
 * The background contract in the production build, from the places requests really come from: a
 * page's content script cannot save a note (notes are written only through the note form), and
 * the benchmark's hooks are not in the build at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStoredNotes } from '../../scripts/support/page-side';
import { EXTENSION_DIR, inContentScript, inExtensionPage, pageStatus, saveNoteThroughForm, useExtensionBrowser, type ExtensionBrowser } from './harness';

const env = useExtensionBrowser();

/** The notes in the extension's IndexedDB, read raw from an extension page. */
const storedNotes = async (b: ExtensionBrowser) => (await inExtensionPage(b, readStoredNotes, undefined)) as { comment: string; pageUrl: string }[];

describe('requests from a page’s content script', () => {
  it('refuses save-note, and no note appears in the database; the note form still saves', async () => {
    const page = await env.browser.open('/pages/article.html');
    await pageStatus(env.browser, page); // the content script is running here
    const note = { termId: 'kim-jong-un', termLabel: 'Kim Jong Un', quote: 'Kim Jong Un arrived.', pageUrl: 'https://www.reuters.com/a', pageTitle: 'A', passageText: '', passageSection: '', comment: 'forged', tags: [] };
    const reply = await inContentScript(env.browser, page, (n) => chrome.runtime.sendMessage({ type: 'save-note', note: n }), note);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/Refused a malformed request/) });
    expect(await storedNotes(env.browser)).toEqual([]);

    // The positive control: the same world can open a note, which only the extension's form saves,
    // under the address the browser gives for the page.
    const saved = await saveNoteThroughForm(env.browser, page, { termId: 'kim-jong-un', quote: 'Kim Jong Un arrived.', comment: 'real', tags: [] });
    expect(saved).toMatchObject({ ok: true });
    expect(await storedNotes(env.browser)).toEqual([expect.objectContaining({ comment: 'real', pageUrl: page.url() })]);
    await page.close();
  });
});

describe('the production build', () => {
  it('answers no benchmark request: diagnostics is refused', async () => {
    const reply = await inExtensionPage(env.browser, () => chrome.runtime.sendMessage({ type: 'diagnostics' }), undefined);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/malformed request/) });
  });

  it('carries none of the benchmark’s hooks in its code', () => {
    const files = readdirSync(EXTENSION_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(files).toEqual(expect.arrayContaining(['background.js', 'content-scripts/content.js']));
    for (const file of files) {
      const code = readFileSync(join(EXTENSION_DIR, file), 'utf8');
      expect(code, file).not.toMatch(/diagnostics|lookupMs|__NKR_BENCH__/);
    }
  });
});
