// @vitest-environment node
/**
 * Corpus sync against a real HTTP server on 127.0.0.1 (Node's fetch) and a real IndexedDB
 * implementation (fake-indexeddb): signature, hash, size cap, version order, expiry, schema, the
 * diff and its one transaction, backoff, and that no note is ever touched.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../lib/corpus/load';
import type { Corpus } from '../../lib/corpus/schema';
import { ContextDatabase } from '../../lib/db';
import type { Note } from '../../lib/notes/schema';
import { applyCorpus } from '../../lib/sync/apply';
import { retryDelay, RETRY_BASE_MS, RETRY_CAP_MS } from '../../lib/sync/backoff';
import { describeDiff, diffCorpus, diffRows } from '../../lib/sync/diff';
import { readCapped, SyncError } from '../../lib/sync/fetch';
import { sha256Hex, trustedKeys, verifySignature } from '../../lib/sync/keys';
import { parseManifest } from '../../lib/sync/manifest';
import { passageStatus } from '../../lib/notes/passage-status';
import { flaggedNotes } from '../../lib/sync/note-flags';
import { resetToBundled } from '../../lib/sync/reset';
import { recoverInterruptedApply, syncNow, type SyncDeps } from '../../lib/sync/run';
import { parseSyncLog, parseSyncState, SYNC_LOG_KEY, SYNC_SETTINGS_KEY, SYNC_STATE_KEY } from '../../lib/sync/state';
import { serveFeed, type FeedServer } from '../../scripts/feed/server';
import { testCorpus } from '../support/corpus-factory';
import { evolve, publishToDir, rehash, testKey, type TestKey } from '../support/feed-factory';

let key: TestKey;
let v1: Corpus;
let v2: Corpus;
let server: FeedServer;
let db: ContextDatabase;
let storage: Record<string, unknown>;
let counter = 0;

beforeAll(async () => {
  key = await testKey();
  v1 = await testCorpus(1);
  v2 = await evolve(v1, { newTerm: { id: 'kn-23', label: 'KN-23', alias: 'KN-23', passage: 'p-summits' }, summaryOf: 'vladimir-putin', summary: 'Russia’s president, revised.', removePassage: 'p-cash-for-weapons' });
  server = await serveFeed((await publishToDir(v2, key)).dir);
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  db = new ContextDatabase(`sync-${++counter}`);
  await loadCorpus(db, v1, { source: 'bundled' });
  storage = {};
});
afterEach(async () => {
  await db.delete();
});

const feedUrl = () => `http://127.0.0.1:${server.port}/manifest.json`;
const deps = (over: Partial<SyncDeps> = {}): SyncDeps => ({
  db,
  fetcher: (url, init) => fetch(url, init),
  keys: [{ id: key.id, publicKey: key.publicKey }],
  timeoutMs: 2000,
  store: {
    get: async (keys) => Object.fromEntries(keys.filter((k) => k in storage).map((k) => [k, structuredClone(storage[k])])),
    set: async (items) => {
      Object.assign(storage, structuredClone(items));
    },
  },
  ...over,
});
const withFeed = () => {
  storage[SYNC_SETTINGS_KEY] = { feedUrl: feedUrl(), intervalHours: 24 };
};
const note = (passageId: string, passageText: string): Note => ({
  id: crypto.randomUUID(),
  createdAt: 1,
  updatedAt: 1,
  termId: 'vladimir-putin',
  termLabel: 'Vladimir Putin',
  quote: 'Putin said',
  pageUrl: 'https://example.org/a',
  pageTitle: 'A',
  passageId,
  passageText,
  passageSection: 'S',
  comment: 'mine',
  tags: ['t'],
});
const snapshot = async () => ({ meta: await db.meta.get('corpus'), passages: await db.passages.toArray(), terms: await db.terms.toArray(), notes: await db.notes.toArray() });

describe('the diff', () => {
  it('finds added, changed and removed rows and leaves equal ones out', () => {
    const d = diffRows(
      [
        { id: 'a', x: 1 },
        { id: 'b', x: 1 },
        { id: 'c', x: 1 },
      ],
      [
        { id: 'a', x: 1 },
        { id: 'b', x: 2 },
        { id: 'd', x: 1 },
      ],
    );
    expect(d).toEqual({ added: [{ id: 'd', x: 1 }], changed: [{ id: 'b', x: 2 }], removed: ['c'] });
  });
  it('describes v1 → v2 table by table, ignoring key order', () => {
    const shuffled = structuredClone(v1);
    shuffled.terms = shuffled.terms.map((t) => Object.fromEntries(Object.entries(t).reverse()) as typeof t);
    expect(describeDiff(diffCorpus(v1, shuffled))).toBe('no content changes');
    const d = diffCorpus(v1, v2);
    expect(d.terms.added.map((t) => t.id)).toEqual(['kn-23']);
    expect(d.terms.changed.map((t) => t.id)).toContain('vladimir-putin');
    expect(d.passages.removed).toEqual(['p-cash-for-weapons']);
  });
});

describe('stop phrases', () => {
  it('a synced corpus brings its stop phrases into the meta the matcher data is built from', async () => {
    const withStops = structuredClone(v2);
    withStops.stops = [{ id: 'national-security-council', note: 'The US body, not the Russian Security Council.', aliases: [{ text: 'National Security Council', case: 'any', standalone: true }] }];
    await applyCorpus(db, await rehash(withStops));
    expect((await db.meta.get('corpus'))?.stops?.map((s) => s.id)).toEqual(['national-security-council']);
  });
});

describe('the diff from fingerprints', () => {
  it('gives the same tables as loading the corpus afresh, and flags the same passages', async () => {
    await applyCorpus(db, v2); // from the bundled load: no fingerprints yet, rows are read
    const v3 = structuredClone(v2);
    v3.version = 3;
    v3.passages[0]!.text += ' Revised.';
    v3.passages.push({ id: 'p-new', section: v3.sections[0]!.id, order: 99, text: 'A new passage.' });
    v3.terms[0]!.aliases = [...v3.terms[0]!.aliases].reverse();
    await rehash(v3);
    const result = await applyCorpus(db, v3); // fingerprints: only changed passages are read
    expect(result.changedPassages).toEqual([v3.passages[0]!.id]);
    expect(result.diff.passages.added.map((p) => p.id)).toEqual(['p-new']);
    expect(result.diff.terms.changed.map((t) => t.id)).toEqual([v3.terms[0]!.id]);
    const fresh = new ContextDatabase(`sync-fresh-${counter}`);
    await loadCorpus(fresh, v3, { source: 'bundled' });
    for (const t of ['sections', 'passages', 'terms', 'events'] as const) {
      const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(await db[t].toArray()), t).toEqual(byId(await fresh[t].toArray()));
    }
    await fresh.delete();
  });
});

describe('signature and hash checks', () => {
  const bytes = new TextEncoder().encode('{"a":1}');
  it('accepts the right key over the exact bytes, and nothing else', async () => {
    const { signBytes } = await import('../../lib/sync/publish');
    const sig = await signBytes(bytes, key.privateKey);
    const keys = [{ id: key.id, publicKey: key.publicKey }];
    expect(await verifySignature(bytes, key.id, sig, keys)).toEqual({ ok: true, keyId: key.id });
    expect(await verifySignature(new TextEncoder().encode('{"a":2}'), key.id, sig, keys)).toMatchObject({ ok: false, problem: expect.stringContaining('does not match') });
    expect(await verifySignature(bytes, 'other', sig, keys)).toMatchObject({ ok: false, problem: expect.stringContaining('does not trust') });
    const stranger = await testKey('test-key');
    expect(await verifySignature(bytes, key.id, await signBytes(bytes, stranger.privateKey), keys)).toMatchObject({ ok: false });
  });
  it('computes SHA-256 as the standard says', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('the production key list holds only data/feed-keys.json', () => {
    const file = JSON.parse(readFileSync(join(__dirname, '../../data/feed-keys.json'), 'utf8')) as { keys: unknown[] };
    expect(trustedKeys()).toEqual(file.keys);
    expect(trustedKeys().some((k) => k.id === key.id)).toBe(false);
  });
});

describe('the size cap', () => {
  it('refuses before reading when Content-Length is over the cap', async () => {
    const res = new Response('x'.repeat(100), { headers: { 'content-length': '100' } });
    await expect(readCapped(res, 50, 'corpus')).rejects.toMatchObject({ kind: 'too-large' });
  });
  it('stops reading a stream that grows past the cap without Content-Length', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(1000));
      },
    });
    await expect(readCapped(new Response(stream), 10_000, 'corpus')).rejects.toThrow(/grew past/);
    expect(pulled).toBeLessThan(20);
  });
});

describe('version order and expiry', () => {
  it('applyCorpus refuses an equal or older version and changes nothing', async () => {
    await applyCorpus(db, v2);
    const before = await snapshot();
    await expect(applyCorpus(db, v2)).rejects.toMatchObject({ kind: 'older' });
    await expect(applyCorpus(db, v1)).rejects.toMatchObject({ kind: 'older' });
    expect(await snapshot()).toEqual(before);
  });
  it('manifest format, dates and fields are checked', () => {
    const good = { format: 1, corpusVersion: 2, published: '2026-01-01T00:00:00Z', expires: '2026-02-01T00:00:00Z', corpus: { url: 'c.json', size: 1, sha256: 'a'.repeat(64) } };
    expect(parseManifest(good).ok).toBe(true);
    expect(parseManifest({ ...good, format: 2 })).toMatchObject({ ok: false, problem: expect.stringContaining('format 2') });
    expect(parseManifest({ ...good, expires: '2025-01-01T00:00:00Z' })).toMatchObject({ ok: false });
    expect(parseManifest({ ...good, corpus: { ...good.corpus, sha256: 'xyz' } })).toMatchObject({ ok: false, problem: expect.stringContaining('sha256') });
  });
});

describe('a whole sync', () => {
  it('applies v2 as a diff in one go, keeps notes whole and flags them, then gets 304', async () => {
    withFeed();
    const kept = note('p-cash-for-weapons', (await db.passages.get('p-cash-for-weapons'))!.text);
    await db.notes.add(kept);
    let applied = 0;
    const entry = await syncNow(
      deps({
        afterApply: async () => {
          applied++;
        },
      }),
    );
    expect(entry).toMatchObject({ outcome: 'updated', version: 2, message: expect.stringContaining('1 term added') });
    expect(applied).toBe(1);
    expect(await db.terms.get('kn-23')).toBeTruthy();
    expect((await db.terms.get('vladimir-putin'))?.summary).toBe('Russia’s president, revised.');
    expect(await db.passages.get('p-cash-for-weapons')).toBeUndefined();
    expect(await db.notes.toArray()).toEqual([kept]);
    expect((await db.meta.get('corpus'))?.lastUpdate).toMatchObject({ from: 1, to: 2, removedPassages: ['p-cash-for-weapons'] });
    expect(await flaggedNotes(db)).toEqual([expect.objectContaining({ id: kept.id, status: 'removed', snapshot: kept.passageText })]);

    const again = await syncNow(deps());
    expect(again).toMatchObject({ outcome: 'unchanged', message: expect.stringContaining('304') });
    expect(server.requests.at(-1)).toMatchObject({ path: '/manifest.json', status: 304 });
    expect(parseSyncLog(storage[SYNC_LOG_KEY]).map((e) => e.outcome)).toEqual(['unchanged', 'updated']);
  });

  const failures: [string, (dir: string) => void | Promise<void>, RegExp][] = [
    ['HTTP error', () => server.override('/manifest.json', (_q, r) => r.writeHead(503).end()), /HTTP 503/],
    ['captive portal', () => server.override('/manifest.json', (_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end('<html>Log in to Wi-Fi</html>')), /captive portal/],
    ['missing signature', () => server.override('/manifest.json.sig', (_q, r) => r.writeHead(404).end()), /not signed/],
    [
      'timeout',
      () =>
        server.override('/manifest.json', () => {
          /* never answers */
        }),
      /did not answer/,
    ],
  ];
  for (const [name, breakIt, message] of failures) {
    it(`fails on ${name}, logs why, backs off, and changes nothing`, async () => {
      withFeed();
      await db.notes.add(note('p-summits', 'old snapshot'));
      const before = await snapshot();
      await breakIt('');
      try {
        const entry = await syncNow(deps());
        expect(entry).toMatchObject({ outcome: 'failed', message: expect.stringMatching(message) });
      } finally {
        server.override('/manifest.json', null);
        server.override('/manifest.json.sig', null);
      }
      expect(await snapshot()).toEqual(before);
      const state = parseSyncState(storage[SYNC_STATE_KEY]);
      expect(state.failures).toBe(1);
      expect(state.nextRetryAt! - state.lastAttemptAt!).toBeGreaterThanOrEqual(RETRY_BASE_MS);
    });
  }

  it('refuses a feed signed by an unknown key, an expired manifest, a wrong hash, a bad corpus, a corpus over the cap, and an older version', async () => {
    withFeed();
    const stranger = await testKey('stranger');
    const cases: [() => Promise<string>, RegExp, Partial<SyncDeps>?][] = [
      [async () => (await publishToDir(v2, stranger)).dir, /does not trust/],
      [async () => (await publishToDir(v2, key, { published: new Date(Date.now() - 40 * 86_400_000), validDays: 30 })).dir, /expired/],
      [
        async () => {
          const { dir, feed } = await publishToDir(v2, key);
          writeFileSync(join(dir, feed.manifest.corpus.url), JSON.stringify({ ...v2, version: 2 }).replace('revised', 'REVISED'));
          return dir;
        },
        /SHA-256/,
      ],
      [
        async () => {
          const bad = structuredClone(v2);
          bad.terms[0]!.passages.push('p-nowhere');
          return (await publishToDir(await rehash(bad), key)).dir;
        },
        /unknown passage "p-nowhere"/,
      ],
      [async () => (await publishToDir(v2, key)).dir, /over the .* limit/, { sizeCap: 1000 }],
      [async () => (await publishToDir(v1, key)).dir, /already installed/],
    ];
    for (const [make, message, over] of cases) {
      server.setDir(await make());
      const before = await snapshot();
      expect((await syncNow(deps(over)))?.message).toMatch(message);
      expect(await snapshot()).toEqual(before);
    }
    // Older: install v2 first, then offer v1.
    await applyCorpus(db, v2);
    server.setDir((await publishToDir(v1, key)).dir);
    const before = await snapshot();
    expect(await syncNow(deps())).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/older than the installed version 2/) });
    expect(await snapshot()).toEqual(before);
    server.setDir((await publishToDir(v2, key)).dir);
  });

  it("without the feed host's permission, asks the reader to grant it and fetches nothing", async () => {
    withFeed();
    const seen = server.requests.length;
    expect(await syncNow(deps({ hasPermission: async () => false }))).toMatchObject({ outcome: 'failed', message: expect.stringContaining('no permission to read from 127.0.0.1') });
    expect(server.requests.length).toBe(seen);
  });

  it('after a write that never committed, start-up logs it and the old corpus is whole', async () => {
    withFeed();
    storage[SYNC_STATE_KEY] = { failures: 0, applyingVersion: 2 };
    const entry = await recoverInterruptedApply(deps());
    expect(entry?.message).toMatch(/browser closed while version 2 was being applied.*version 1/);
    expect(parseSyncState(storage[SYNC_STATE_KEY]).applyingVersion).toBeUndefined();
    expect((await db.meta.get('corpus'))?.version).toBe(1);
  });

  it('an error inside the apply transaction rolls everything back', async () => {
    const bad = structuredClone(v2);
    // The last term is written after every passage: a value IndexedDB cannot store makes it throw
    // half-way through the writes, after other rows went in, inside the one transaction.
    (bad.terms[bad.terms.length - 1] as unknown as { summary: unknown }).summary = () => 'not cloneable';
    const before = await snapshot();
    await expect(applyCorpus(db, bad)).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });

  it('reset puts the bundled corpus back over a newer synced one, notes untouched', async () => {
    const n = note('p-summits', 'x');
    await db.notes.add(n);
    await applyCorpus(db, v2);
    expect(await resetToBundled(db, v1)).toMatchObject({ status: 'loaded', version: 1 });
    expect(await db.meta.get('corpus')).toMatchObject({ version: 1, source: 'bundled' });
    expect(await db.notes.toArray()).toEqual([n]);
  });
});

describe('backoff and note status', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n))).toEqual([1, 2, 4, 8].map((m) => m * RETRY_BASE_MS));
    expect(retryDelay(40)).toBe(RETRY_CAP_MS);
    expect(retryDelay(0)).toBe(0);
    expect(retryDelay(1, 1000, 10_000, 0.5)).toBe(1050);
  });
  it('a note is current, changed or removed by its snapshot', () => {
    expect(passageStatus({ passageId: 'p', passageText: 'a' }, { text: 'a' })).toBe('current');
    expect(passageStatus({ passageId: 'p', passageText: 'a' }, { text: 'b' })).toBe('changed');
    expect(passageStatus({ passageId: 'p', passageText: 'a' }, undefined)).toBe('removed');
    expect(passageStatus({ passageText: '' }, undefined)).toBe('none');
  });
});

it('SyncError carries a kind', () => {
  expect(new SyncError('m', 'hash').kind).toBe('hash');
});

describe('the sync requests', () => {
  it('run only for the extension’s own pages', async () => {
    const { handleRequest } = await import('../../entrypoints/background/handle-request');
    const calls: string[] = [];
    const reqDeps = {
      ownId: 'own',
      db: () => db,
      corpus: async () => null,
      injectCardUi: async () => {},
      ensureMatcherData: async () => true,
      drafts: { get: async () => ({}), set: async () => {}, remove: async () => {} },
      notifyTab: async () => {},
      sync: {
        now: async () => {
          calls.push('now');
          return null;
        },
        reset: async () => {
          calls.push('reset');
          return { at: 1, url: '', outcome: 'reset' as const, message: 'Reset.' };
        },
      },
    } as unknown as Parameters<typeof handleRequest>[2];
    const fromPage = { id: 'own', tab: { id: 3 }, url: 'https://www.reuters.com/world/', frameId: 0 } as never;
    const fromOptions = { id: 'own', url: 'chrome-extension://own/options.html' } as never;
    expect(await handleRequest({ type: 'sync-now' }, fromPage, reqDeps)).toMatchObject({ ok: false, error: expect.stringContaining('own pages') });
    expect(await handleRequest({ type: 'sync-reset' }, fromPage, reqDeps)).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
    expect(await handleRequest({ type: 'sync-now' }, fromOptions, reqDeps)).toEqual({ ok: true, value: null });
    expect(await handleRequest({ type: 'sync-reset' }, fromOptions, reqDeps)).toMatchObject({ ok: true, value: { outcome: 'reset' } });
    expect(calls).toEqual(['now', 'reset']);
  });
});
