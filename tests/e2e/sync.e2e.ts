/**
 * Corpus sync in real Chromium against a real feed server on 127.0.0.1: the reader sets the feed
 * address, v1 → v2 reaches an open page without a reload, a card and a note; a second sync gets
 * 304; then every failure in turn leaves v2 and the notes as they were, and says why in the log.
 * The extension is a TEST build that trusts a key generated here; the production build is checked
 * to trust none of it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../lib/corpus/schema';
import { makeFeed } from '../../lib/sync/publish';
import { readStoredNotes } from '../../scripts/support/page-side';
import { buildTestExtension } from '../../scripts/feed/build-test';
import { serveFeed, type FeedServer } from '../../scripts/feed/server';
import { syntheticCorpus } from '../../scripts/feed/synthetic';
import { evolve, publishToDir, rehash, testKey, type TestKey } from '../support/feed-factory';
import { allHighlighted, card, EXTENSION_DIR, launchWithExtension, openCard, pageStatus, ROOT, startServer, type ExtensionBrowser, type StaticServer } from './harness';

const bundled: Corpus = JSON.parse(readFileSync(join(ROOT, 'data/corpus.json'), 'utf8'));
const NEW_SUMMARY = 'Russia’s president, in the revised corpus: a summary that only version two has.';
const REMOVED = 'p-cash-for-weapons';
let key: TestKey;
let v2: Corpus;
let extensionDir: string;
let feed: FeedServer;
let pages: StaticServer;
let profile: string;
let b: ExtensionBrowser;
let options: Page;
const temp: string[] = [];

const feedUrl = () => `http://127.0.0.1:${feed.port}/manifest.json`;

beforeAll(async () => {
  key = await testKey('e2e-test-key');
  extensionDir = buildTestExtension([{ id: key.id, publicKey: key.publicKey }]);
  v2 = await evolve(bundled, {
    newTerm: { id: 'launch-site', label: 'Launch site', alias: 'launch site', passage: 'p-summits' },
    summaryOf: 'vladimir-putin',
    summary: NEW_SUMMARY,
    removePassage: REMOVED,
  });
  const published = await publishToDir(v2, key);
  temp.push(published.dir);
  feed = await serveFeed(published.dir);
  pages = await startServer();
  profile = mkdtempSync(join(tmpdir(), 'nkr-sync-profile-'));
  temp.push(profile);
  b = await launchWithExtension(pages, { extensionDir, userDataDir: profile });
}, 120_000);

afterAll(async () => {
  await b?.close().catch(() => {});
  await feed?.close();
  await pages?.close();
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

/** The stored corpus's status, asked of the background as the options page does. */
async function corpusStatus(): Promise<{ version: number; hash: string; passages: number; terms: number; notes: number }> {
  return options.evaluate(async () => {
    for (let i = 0; i < 100; i++) {
      const reply = await chrome.runtime.sendMessage({ type: 'corpus-status' });
      if (reply?.ok && reply.value) return reply.value;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('no corpus status');
  });
}

/** Every note, read straight from the extension's IndexedDB. */
async function notes(page = options): Promise<unknown[]> {
  return page.evaluate(readStoredNotes);
}

async function addNote(note: Record<string, unknown>): Promise<void> {
  await options.evaluate(
    (n) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('nk-russia-context');
        open.onsuccess = () => {
          const tx = open.result.transaction('notes', 'readwrite');
          tx.objectStore('notes').put(n);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    note,
  );
}

const logRows = () => options.locator('.sync-log tbody tr');

/** Clicks `button` in the options page and waits for the sync's log entry; returns its row. */
async function syncWith(button: string) {
  const before = await logRows().count();
  await options.getByRole('button', { name: button }).click();
  await expect.poll(() => logRows().count(), { timeout: 30_000 }).toBe(before + 1);
  const row = logRows().first();
  return { outcome: await row.getAttribute('data-outcome'), text: (await row.textContent()) ?? '' };
}

async function openOptions(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByRole('heading', { name: 'Corpus updates' }).waitFor();
  return page;
}

const note = (id: string, passageId: string) => {
  const passage = bundled.passages.find((p) => p.id === passageId)!;
  return {
    id,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    termId: 'vladimir-putin',
    termLabel: 'Vladimir Putin',
    quote: 'Putin met Kim.',
    pageUrl: 'https://www.reuters.com/a',
    pageTitle: 'A',
    passageId,
    passageText: passage.text,
    passageSection: 'Section',
    comment: `note on ${passageId}`,
    tags: ['sync'],
  };
};

describe('corpus sync from a signed feed', () => {
  it('v1 → v2 reaches an open page, a card and a note without a reload; a second sync gets 304', async () => {
    const page = await b.open('/pages/article.html');
    await pageStatus(b, page);
    expect(await allHighlighted(page)).toContain('Vladimir Putin'); // scanned with the bundled corpus…
    expect((await allHighlighted(page)).map((s) => s.toLowerCase())).not.toContain('launch site'); // …which lacks the new term

    options = await openOptions(b);
    await addNote(note('00000000-0000-4000-8000-000000000001', REMOVED));
    await addNote(note('00000000-0000-4000-8000-000000000002', 'p-summits'));
    const notesBefore = await notes();
    expect(await corpusStatus()).toMatchObject({ version: bundled.version, hash: bundled.hash });

    await options.getByLabel(/Feed address/).fill(feedUrl());
    const first = await syncWith('Save feed settings');
    expect(first.outcome, first.text).toBe('updated');
    expect(first.text).toContain(`to ${v2.version}`);
    expect(await corpusStatus()).toMatchObject({ version: v2.version, hash: v2.hash, terms: bundled.terms.length + 1, passages: bundled.passages.length - 1 });
    // The feed host's permission is for downloads: the content script is not registered there.
    await expect.poll(() => b.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []))).not.toContain('http://127.0.0.1/*');

    // The open page, never reloaded, now highlights the new term.
    await expect.poll(async () => (await allHighlighted(page)).map((s) => s.toLowerCase()), { timeout: 10_000 }).toContain('launch site');
    await page.bringToFront();
    await openCard(page, 'lead', 'Vladimir Putin');
    await expect.poll(() => card(page).textContent()).toContain(NEW_SUMMARY);
    await page.close();

    // The note that quoted the removed passage is flagged, keeps its snapshot, and no note changed.
    const flagged = options.locator('.sync-flagged li');
    await expect.poll(() => flagged.count()).toBe(1);
    expect(await flagged.getAttribute('data-status')).toBe('removed');
    expect(await flagged.textContent()).toContain(bundled.passages.find((p) => p.id === REMOVED)!.text.slice(0, 60));
    expect(await notes()).toEqual(notesBefore);
    // The notes page says the same on the note itself, and shows the text the reader saw.
    const notesPage = await b.context.newPage();
    await notesPage.goto(`chrome-extension://${b.extensionId}/notes.html`);
    await notesPage
      .locator('[role=option]')
      .filter({ hasText: `note on ${REMOVED}` })
      .dblclick();
    await expect.poll(() => notesPage.getByTestId('passage-status').textContent()).toContain('no longer in the paper’s corpus');
    expect(await notesPage.locator('body').textContent()).toContain(bundled.passages.find((p) => p.id === REMOVED)!.text.slice(0, 60));
    await notesPage.close();

    const second = await syncWith('Sync now');
    expect(second.outcome).toBe('unchanged');
    expect(second.text).toContain('304');
    expect(feed.requests.filter((r) => r.path === '/manifest.json').at(-1)).toMatchObject({ status: 304 });
    expect(await corpusStatus()).toMatchObject({ version: v2.version, hash: v2.hash });

    // Scheduled: daily by default, and the interval setting re-arms the alarm.
    const alarm = () => b.worker.evaluate(() => chrome.alarms.get('corpus-sync'));
    await expect.poll(async () => (await alarm())?.periodInMinutes).toBe(24 * 60);
    await options.getByLabel('Check for updates').selectOption('6');
    await options.getByRole('button', { name: 'Save feed settings' }).click();
    await expect.poll(async () => (await alarm())?.periodInMinutes).toBe(6 * 60);
    await expect.poll(() => logRows().count()).toBe(3); // saving syncs too: 304 again
  });

  it('refuses every kind of bad update, keeping v2 and every note, and says why', async () => {
    const notesBefore = await notes();
    const stranger = await testKey('stranger');
    const v3 = await rehash({ ...structuredClone(v2), version: v2.version + 1 });
    const dirFor = async (corpus: Corpus | Uint8Array<ArrayBuffer>, k = key, opts: Parameters<typeof publishToDir>[2] = {}) => {
      const { dir, feed: f } = await publishToDir(corpus, k, opts);
      temp.push(dir);
      return { dir, feed: f };
    };
    const good = await dirFor(v3);
    const setOverride = (path: string, handler: Parameters<FeedServer['override']>[1]) => feed.override(path, handler);
    const storage = (items: Record<string, unknown>) => options.evaluate((i) => chrome.storage.local.set(i), items);

    const cases: { name: string; arrange: () => Promise<void> | void; message: RegExp }[] = [
      { name: 'network down', arrange: () => setOverride('/manifest.json', (req) => req.socket.destroy()), message: /Could not reach the feed/ },
      {
        name: 'timeout',
        arrange: async () => {
          await storage({ syncTestTimeoutMs: 1500 });
          setOverride('/manifest.json', () => {});
        },
        message: /did not answer within/,
      },
      { name: 'HTTP error', arrange: () => setOverride('/manifest.json', (_q, r) => r.writeHead(500).end('oops')), message: /HTTP 500/ },
      { name: 'captive portal', arrange: () => setOverride('/manifest.json', (_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Sign in to Wi-Fi</title>')), message: /captive portal/ },
      {
        name: 'truncated JSON',
        arrange: () => {
          feed.setDir(good.dir);
          const bytes = readFileSync(join(good.dir, 'manifest.json'));
          setOverride('/manifest.json', (_q, r) => r.writeHead(200, { 'content-type': 'application/json' }).end(bytes.subarray(0, 40)));
        },
        message: /not valid JSON/,
      },
      {
        name: 'truncated corpus',
        arrange: () => {
          feed.setDir(good.dir);
          const file = good.feed.manifest.corpus.url;
          const bytes = readFileSync(join(good.dir, file));
          setOverride(`/${file}`, (_q, r) => r.writeHead(200, { 'content-type': 'application/json' }).end(bytes.subarray(0, bytes.length >> 1)));
        },
        message: /cut short/,
      },
      {
        name: 'invalid JSON corpus',
        arrange: async () => {
          // Signed and hashed as published, but not JSON: the publisher's own mistake is caught too.
          const dir = mkdtempSync(join(tmpdir(), 'nkr-feed-'));
          temp.push(dir);
          const f = await makeFeed(new TextEncoder().encode('{"schemaVersion": 1, "version": '), { corpusVersion: v3.version, published: new Date(), validDays: 30, keyId: key.id, privateKey: key.privateKey });
          for (const [name, data] of f.files) writeFileSync(join(dir, name), data);
          feed.setDir(dir);
        },
        message: /corpus is not valid JSON/,
      },
      {
        name: 'bad signature',
        arrange: () => {
          feed.setDir(good.dir);
          const text = readFileSync(join(good.dir, 'manifest.json'), 'utf8').replace(/"expires": "\d{4}/, '"expires": "2099');
          setOverride('/manifest.json', (_q, r) => r.writeHead(200, { 'content-type': 'application/json' }).end(text));
        },
        message: /signature does not match/,
      },
      {
        name: 'missing signature',
        arrange: () => {
          feed.setDir(good.dir);
          setOverride('/manifest.json.sig', (_q, r) => r.writeHead(404).end());
        },
        message: /not signed/,
      },
      {
        name: 'unknown key',
        arrange: async () => {
          feed.setDir((await dirFor(v3, stranger)).dir);
        },
        message: /does not trust/,
      },
      {
        name: 'expired manifest',
        arrange: async () => {
          feed.setDir((await dirFor(v3, key, { published: new Date(Date.now() - 60 * 86_400_000), validDays: 30 })).dir);
        },
        message: /expired/,
      },
      {
        name: 'wrong hash',
        arrange: () => {
          feed.setDir(good.dir);
          const file = good.feed.manifest.corpus.url;
          const text = readFileSync(join(good.dir, file), 'utf8').replace('Russia', 'Prussi');
          setOverride(`/${file}`, (_q, r) => r.writeHead(200, { 'content-type': 'application/json' }).end(text));
        },
        message: /SHA-256/,
      },
      {
        name: 'schema error',
        arrange: async () => {
          const bad = structuredClone(v3) as unknown as { terms: { summary?: string }[] };
          delete bad.terms[0]!.summary;
          feed.setDir((await dirFor(await rehash(bad as unknown as Corpus))).dir);
        },
        message: /did not pass its checks.*summary/,
      },
      {
        name: 'reference error',
        arrange: async () => {
          const bad = structuredClone(v3);
          bad.terms[0]!.related.push('no-such-term');
          feed.setDir((await dirFor(await rehash(bad))).dir);
        },
        message: /unknown term "no-such-term"/,
      },
      {
        name: 'over the size cap',
        arrange: async () => {
          // A signed manifest announcing 21 MB: refused before a byte of the corpus is fetched.
          const dir = mkdtempSync(join(tmpdir(), 'nkr-feed-'));
          temp.push(dir);
          const f = await makeFeed(new Uint8Array(21 * 1024 * 1024), { corpusVersion: v3.version, published: new Date(), validDays: 30, keyId: key.id, privateKey: key.privateKey });
          for (const [name, data] of f.files) if ((name.endsWith('.json') && name.startsWith('manifest')) || name.endsWith('.sig')) writeFileSync(join(dir, name), data);
          feed.setDir(dir);
        },
        message: /over the 20\.0 MB limit/,
      },
      {
        name: 'older version',
        arrange: async () => {
          feed.setDir((await dirFor(bundled)).dir);
        },
        message: new RegExp(`version ${bundled.version}, older than the installed version ${v2.version}`),
      },
    ];
    for (const c of cases) {
      await c.arrange();
      try {
        const row = await syncWith('Sync now');
        expect(row.outcome, c.name).toBe('failed');
        expect(row.text, c.name).toMatch(c.message);
      } finally {
        feed.override('/manifest.json', null);
        feed.override('/manifest.json.sig', null);
        feed.override(`/${good.feed.manifest.corpus.url}`, null);
        await storage({ syncTestTimeoutMs: 0 });
      }
      expect(await corpusStatus(), c.name).toMatchObject({ version: v2.version, hash: v2.hash });
      expect(await notes(), c.name).toEqual(notesBefore);
    }
    // The popup's status line tells the same story, and its Sync now takes the good v3.
    const popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
    await expect.poll(() => popup.locator('.sync-status').textContent()).toMatch(/older than the installed version/);
    feed.setDir(good.dir);
    await popup.locator('.sync-status').getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => popup.locator('.sync-status').textContent(), { timeout: 30_000 }).toMatch(new RegExp(`Updated from version ${v2.version} to ${v3.version}`));
    await popup.close();
    expect(await corpusStatus()).toMatchObject({ version: v3.version, hash: v3.hash });
    expect(await notes()).toEqual(notesBefore);
  });

  it('the browser closing mid-apply keeps the old corpus whole, and the log says so after restart', async () => {
    const notesBefore = await notes();
    const statusBefore = await corpusStatus();
    expect(statusBefore.version).toBe(v2.version + 1);
    const big = await syntheticCorpus(bundled.citation, v2.version + 5, 10_000, 2_000);
    const { dir } = await publishToDir(big, key);
    temp.push(dir);
    feed.setDir(dir);
    // Test build only: hold the apply's transaction open, so the kill lands inside it.
    await options.evaluate(() => chrome.storage.local.set({ syncTestHoldMs: 20_000 }));
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => options.evaluate(async () => ((await chrome.storage.local.get('syncProgress')).syncProgress as { stage?: string } | undefined)?.stage), { timeout: 30_000 }).toBe('apply');
    await options.waitForTimeout(500);

    // Kill the browser process itself (found by this test's own profile folder), no clean shutdown.
    const pid = execFileSync('ps', ['-eo', 'pid=,args='])
      .toString()
      .split('\n')
      .find((line) => line.includes(`--user-data-dir=${profile}`) && !line.includes('--type='))
      ?.trim()
      .split(/\s+/)[0];
    expect(pid).toBeTruthy();
    process.kill(Number(pid), 'SIGKILL');
    await b.close().catch(() => {});

    b = await launchWithExtension(pages, { extensionDir, userDataDir: profile });
    options = await openOptions(b);
    await options.evaluate(() => chrome.storage.local.set({ syncTestHoldMs: 0 }));
    await expect.poll(() => logRows().first().textContent(), { timeout: 15_000 }).toMatch(new RegExp(`browser closed while version ${big.version} was being applied.*version ${statusBefore.version}`));
    expect(await corpusStatus()).toEqual(statusBefore);
    expect(await notes()).toEqual(notesBefore);
    const page = await b.open('/pages/article.html');
    expect(await pageStatus(b, page)).toMatchObject({ running: true });
    expect((await allHighlighted(page)).map((s) => s.toLowerCase())).toContain('launch site');
    await page.close();
  });

  it('the production build trusts no test key and asks for no feed host at install', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { host_permissions: string[]; optional_host_permissions: string[]; permissions: string[] };
    expect(manifest.host_permissions).not.toContain('http://127.0.0.1/*');
    expect(manifest.optional_host_permissions).toContain('*://*/*');
    expect(manifest.permissions).toContain('alarms');
    const background = readFileSync(join(EXTENSION_DIR, 'background.js'), 'utf8');
    expect(background).not.toContain(key.publicKey);
    expect(readFileSync(join(extensionDir, 'background.js'), 'utf8')).toContain(key.publicKey);
  });
});
