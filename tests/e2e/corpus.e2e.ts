/**
 * What the extension does with a bundled corpus it cannot trust: a broken one is refused
 * without touching what is stored; a hostile but well-formed one is shown as plain text.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusHash } from '../../lib/corpus/hash';
import type { Corpus } from '../../lib/corpus/schema';
import { card, corpusStatus, EXTENSION_DIR, launchWithExtension, openCard, pageStatus, ROOT, saveNoteThroughForm, startServer, type StaticServer } from './harness';

const corpus: Corpus = JSON.parse(readFileSync(join(ROOT, 'data/corpus.json'), 'utf8'));
let server: StaticServer;
const temp: string[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the built extension whose bundled corpus.json is `content`. */
function extensionWithCorpus(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nkr-ext-'));
  temp.push(dir);
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'corpus.json'), content);
  return dir;
}

describe('a bundled corpus that does not validate', () => {
  it('is refused, says why, and leaves the stored corpus and notes untouched', async () => {
    const extensionDir = extensionWithCorpus(JSON.stringify(corpus));
    const profile = mkdtempSync(join(tmpdir(), 'nkr-profile-'));
    temp.push(profile);

    // First run: the good corpus goes in, and the reader saves a note.
    let b = await launchWithExtension(server, { extensionDir, userDataDir: profile });
    expect(await corpusStatus(b)).toMatchObject({ version: corpus.version, notes: 0 });
    const notePage = await b.open('/pages/article.html');
    await pageStatus(b, notePage);
    const saved = await saveNoteThroughForm(b, notePage, { termId: 'kim-jong-un', quote: 'Kim Jong Un arrived.', comment: 'keep me', tags: ['x'] });
    expect(saved).toMatchObject({ ok: true });
    await b.close();

    // The extension's files now carry a newer corpus with a term missing its summary.
    const broken = structuredClone(corpus) as unknown as { version: number; terms: { summary?: string }[] };
    broken.version = corpus.version + 1;
    delete broken.terms[0]!.summary;
    writeFileSync(join(extensionDir, 'corpus.json'), JSON.stringify(broken));

    b = await launchWithExtension(server, { extensionDir, userDataDir: profile });
    try {
      const refusal = await b.worker.evaluate(async () => {
        for (let i = 0; i < 100; i++) {
          const { corpusRefusal } = await chrome.storage.local.get('corpusRefusal');
          if (corpusRefusal) return corpusRefusal;
          await new Promise((r) => setTimeout(r, 50));
        }
        return null;
      });
      expect(refusal).toMatchObject({ source: 'bundled', problems: [expect.stringContaining(`${corpus.terms[0]!.id} → summary`)] });
      expect(await corpusStatus(b)).toMatchObject({ version: corpus.version, hash: corpus.hash, terms: corpus.terms.length, notes: 1 });
      const page = await b.open('/pages/article.html');
      expect((await pageStatus(b, page)).mentions).toBeGreaterThan(5); // still working on the old corpus
    } finally {
      await b.close();
    }
  });
});

describe('a hostile but well-formed corpus', () => {
  it('shows markup and javascript: text as plain text on the card, and runs none of it', async () => {
    const XSS = '<img src=x onerror="document.title=\'pwned\'">';
    const evil = structuredClone(corpus) as Corpus;
    const term = evil.terms.find((t) => t.id === 'vostochny-cosmodrome')!;
    term.label = `Vostochny ${XSS}`;
    term.summary = `javascript:document.title='pwned' ${XSS}`;
    const passage = evil.passages.find((p) => p.id === 'p-summits')!;
    passage.text = passage.text.replace('Vostochny cosmodrome', `Vostochny cosmodrome ${XSS} <a href="javascript:document.title='pwned'">link</a>`);
    evil.hash = await corpusHash(evil as unknown as Record<string, unknown>);
    const b = await launchWithExtension(server, { extensionDir: extensionWithCorpus(JSON.stringify(evil)) });
    try {
      const page = await b.open('/pages/article.html');
      await pageStatus(b, page);
      await openCard(page, 'lead', 'Vostochny Cosmodrome');
      await expect(card(page).locator('h2').textContent()).resolves.toBe(`Vostochny ${XSS}`);
      await expect(card(page).locator('.summary').textContent()).resolves.toContain("javascript:document.title='pwned'");
      await expect(card(page).locator('blockquote').first().textContent()).resolves.toContain('<a href="javascript:');
      expect(await card(page).locator('img').count()).toBe(0);
      expect(await card(page).locator('a[href^="javascript"]').count()).toBe(0);
      // The positive signal: the click really reached the quote (seen by the page as a click on the
      // card's host), and a task queued after it (where a javascript: navigation would run) has run.
      const clicked = page.evaluate(() => new Promise<string>((resolve) => addEventListener('click', (e) => setTimeout(() => resolve((e.target as Element).localName), 0), { capture: true, once: true })));
      await card(page).locator('blockquote').first().click();
      expect(await clicked).toBe('nkr-card-host');
      expect(await page.title()).not.toBe('pwned');
    } finally {
      await b.close();
    }
  });
});
