/**
 * Corpus sync in real Firefox against a real feed server on 127.0.0.1 (the Chromium suite:
 * tests/e2e/sync.e2e.ts): the reader sets the feed address on the settings page, v1 → v2 reaches
 * an open page without a reload; then an update whose manifest was altered after signing is
 * refused, says why, and changes nothing. The extension is a Firefox TEST build that trusts a key
 * generated here (scripts/feed/build-test.ts).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../lib/corpus/schema';
import type { PageStatus } from '../../lib/messages';
import { buildTestExtension } from '../../scripts/feed/build-test';
import { serveFeed, type FeedServer } from '../../scripts/feed/server';
import { evolve, publishToDir, rehash, testKey, type TestKey } from '../support/feed-factory';
import { highlightsIn, inExtension, launchFirefox, pageStatus, ROOT, type FirefoxWithExtension } from './harness';

const bundled: Corpus = JSON.parse(readFileSync(join(ROOT, 'data/corpus.json'), 'utf8'));
let key: TestKey;
let v2: Corpus;
let feed: FeedServer;
let ff: FirefoxWithExtension;
let options: Page;
const temp: string[] = [];

beforeAll(async () => {
  key = await testKey('firefox-e2e-key');
  const extensionDir = buildTestExtension([{ id: key.id, publicKey: key.publicKey }], 'firefox');
  v2 = await evolve(bundled, {
    newTerm: { id: 'launch-site', label: 'Launch site', alias: 'launch site', passage: 'p-summits' },
    summaryOf: 'vladimir-putin',
    summary: 'Russia’s president, in the revised corpus.',
    removePassage: 'p-cash-for-weapons',
  });
  const published = await publishToDir(v2, key);
  temp.push(published.dir);
  feed = await serveFeed(published.dir);
  // The news pages still come from the recording proxy; the feed is fetched straight from its
  // server on 127.0.0.1 (loopback is not sent to the proxy), as a reader's local feed would be.
  ff = await launchFirefox({ extensionDir, prefs: { 'network.proxy.allow_hijacking_localhost': false, 'network.proxy.no_proxies_on': '127.0.0.1' } });
  options = await ff.openExtensionPage('options.html', 'input[name=feedUrl]');
}, 180_000);

afterAll(async () => {
  await ff?.close();
  await feed?.close();
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

/** The stored corpus's version and hash, asked of the background as the options page does. */
const corpusStatus = () =>
  inExtension(options, async () => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    for (let i = 0; i < 100; i++) {
      const reply = await api.runtime.sendMessage({ type: 'corpus-status' });
      if (reply?.ok && reply.value) return reply.value as { version: number; hash: string; terms: number };
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('no corpus status');
  });

/** The sync log's rows, newest first: outcome and text. */
const logRows = () => options.$$eval('.sync-log tbody tr', (rows) => rows.map((r) => ({ outcome: r.getAttribute('data-outcome'), text: r.textContent ?? '' })));

/** A real click on the settings page's button named `name`; returns the sync's new log row. */
async function syncWith(name: string): Promise<{ outcome: string | null; text: string }> {
  const before = (await logRows()).length;
  await options.bringToFront();
  const at = await options.evaluate((name) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
    if (!button) return null;
    button.scrollIntoView({ block: 'center' });
    const r = button.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, name);
  if (!at) throw new Error(`no button "${name}" on the settings page`);
  await options.mouse.click(at.x, at.y);
  await expect.poll(async () => (await logRows()).length, { timeout: 30_000 }).toBe(before + 1);
  return (await logRows())[0]!;
}

const lowerHighlights = async (page: Page) => (await highlightsIn(page)).map((h) => h.text.toLowerCase());

/** The page's status once two reads a quarter of a second apart agree (its rescans have settled). */
async function settledStatus(page: Page): Promise<PageStatus> {
  let last = await pageStatus(options, page);
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const next = await pageStatus(options, page);
    if (next.mentions === last.mentions && JSON.stringify(next.terms) === JSON.stringify(last.terms)) return next;
    last = next;
  }
  throw new Error('the page status never settled');
}

describe('corpus sync from a signed feed in Firefox', () => {
  it('v1 → v2 reaches an open page without a reload: the new term is highlighted', async () => {
    const page = await ff.open('/pages/article.html');
    const before = await pageStatus(options, page);
    expect(before.terms.map((t) => t.id)).not.toContain('launch-site');
    expect(await lowerHighlights(page)).toContain('vladimir putin'); // scanned with the bundled corpus…
    expect(await lowerHighlights(page)).not.toContain('launch site'); // …which lacks the new term
    expect(await corpusStatus()).toMatchObject({ version: bundled.version, hash: bundled.hash });

    // The reader types the feed's address and saves: the browser's own typing, a trusted click.
    await options.bringToFront();
    await options.click('input[name=feedUrl]');
    await options.keyboard.type(`http://127.0.0.1:${feed.port}/manifest.json`);
    const row = await syncWith('Save feed settings');
    expect(row.outcome, row.text).toBe('updated');
    expect(row.text).toContain(`to ${v2.version}`);
    expect(await corpusStatus()).toMatchObject({ version: v2.version, hash: v2.hash, terms: bundled.terms.length + 1 });
    expect(feed.requests.map((r) => r.path)).toContain('/manifest.json');

    // The open page, never reloaded, now highlights the new term, and its status counts it.
    await page.bringToFront();
    await expect.poll(() => lowerHighlights(page), { timeout: 10_000 }).toContain('launch site');
    const after = await pageStatus(options, page);
    expect(after.terms.map((t) => t.id)).toContain('launch-site');
    await page.close();
  });

  it('refuses an update whose manifest was changed after signing, and changes nothing', async () => {
    const page = await ff.open('/pages/article.html');
    // The page adds a paragraph 600 ms after load: compare with the status once it is counted too,
    // or a fast first scan makes the "before" short of the same page's "after".
    await page.waitForSelector('#late');
    const before: PageStatus = await settledStatus(page);
    const corpusBefore = await corpusStatus();
    expect(corpusBefore).toMatchObject({ version: v2.version, hash: v2.hash });

    // v3, published with the trusted key, then its manifest altered (a later expiry) in transit.
    const v3 = await rehash({ ...structuredClone(v2), version: v2.version + 1 });
    const good = await publishToDir(v3, key);
    temp.push(good.dir);
    feed.setDir(good.dir);
    const tampered = readFileSync(join(good.dir, 'manifest.json'), 'utf8').replace(/"expires": "\d{4}/, '"expires": "2099');
    expect(tampered).not.toBe(readFileSync(join(good.dir, 'manifest.json'), 'utf8'));
    feed.override('/manifest.json', (_q, r) => r.writeHead(200, { 'content-type': 'application/json' }).end(tampered));
    try {
      const row = await syncWith('Sync now');
      expect(row.outcome, row.text).toBe('failed');
      expect(row.text).toMatch(/signature does not match/);
    } finally {
      feed.override('/manifest.json', null);
    }
    // Nothing was fetched past the manifest, the corpus is v2 still, and the page shows the same.
    expect(feed.requests.filter((r) => r.path === `/${good.feed.manifest.corpus.url}`)).toEqual([]);
    expect(await corpusStatus()).toEqual(corpusBefore);
    await page.bringToFront();
    const after = await pageStatus(options, page);
    expect(after.terms).toEqual(before.terms);
    expect(after.mentions).toBe(before.mentions);
    await page.close();
  });
});
