import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ensureBundledCorpus, publishMatcherData } from '../../entrypoints/background/corpus-setup';
import { handleRequest, type BackgroundDeps } from '../../entrypoints/background/handle-request';
import type { ContextDatabase } from '../../lib/db';
import { loadCorpusCache } from '../../lib/lookup';
import { MATCHER_DATA_KEY, parseMatcherData } from '../../lib/matcher-data';
import { unpackAutomaton } from '../../lib/matcher/pack';
import { findMatches } from '../../lib/matcher';
import { databaseWithCorpus, shippedCorpus } from '../support/db-factory';
import { ContextDatabase as Db } from '../../lib/db';

const OWN_ID = 'own-extension-id';
const fromPage = { id: OWN_ID, tab: { id: 7 } as never, frameId: 0, url: 'https://www.reuters.com/a' };
let db: ContextDatabase;
let deps: BackgroundDeps;
let injected: [number, number][];
beforeEach(async () => {
  db = await databaseWithCorpus();
  injected = [];
  deps = {
    ownId: OWN_ID,
    db: () => db,
    corpus: () => loadCorpusCache(db),
    injectCardUi: async (tab, frame) => { injected.push([tab, frame]); },
    now: () => 1_700_000_000_000,
    newId: () => '0b9d7c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  };
});
afterEach(async () => { await db.delete(); });

const note = { termId: 'kim-jong-un', termLabel: 'Kim Jong Un', quote: 'Kim Jong Un arrived.', pageUrl: 'https://www.reuters.com/a', pageTitle: 'A', passageId: 'p-summits', passageText: 'Throughout 2023…', passageSection: 'From friendship to formal partnership', comment: 'Note', tags: ['summit'] };

describe('the background’s message handling', () => {
  it('refuses messages from anyone but this extension', async () => {
    expect(await handleRequest({ type: 'corpus-status' }, { id: 'another-extension' }, deps)).toEqual({ ok: false, error: expect.stringMatching(/did not come from this extension/) });
  });

  it('refuses malformed requests, saying what is wrong', async () => {
    const reply = await handleRequest({ type: 'lookup', termId: '<script>', context: 'x' }, fromPage, deps);
    expect(reply).toMatchObject({ ok: false });
    expect(!reply.ok && reply.error).toMatch(/malformed request.*termId/);
    expect(await handleRequest({ type: 'drop-tables' }, fromPage, deps)).toMatchObject({ ok: false });
    expect(await handleRequest(null, fromPage, deps)).toMatchObject({ ok: false });
  });

  it('answers a lookup from the database', async () => {
    const reply = await handleRequest({ type: 'lookup', termId: 'vostochny-cosmodrome', context: 'Kim visited the cosmodrome' }, fromPage, deps);
    expect(reply.ok && (reply.value as { term: { label: string } }).term.label).toBe('Vostochny Cosmodrome');
  });

  it('saves a valid note with an id and times, and refuses a bad one without saving', async () => {
    expect(await handleRequest({ type: 'save-note', note }, fromPage, deps)).toEqual({ ok: true, value: { id: '0b9d7c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f' } });
    expect(await db.notes.get('0b9d7c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f')).toMatchObject({ ...note, createdAt: 1_700_000_000_000 });
    const bad = await handleRequest({ type: 'save-note', note: { ...note, pageUrl: 'javascript:alert(1)' } }, fromPage, deps);
    expect(bad).toMatchObject({ ok: false });
    expect(await db.notes.count()).toBe(1);
  });

  it('takes a note’s page address from the browser, not from the message', async () => {
    const fromOtherPage = { ...fromPage, url: 'https://www.reuters.com/real-page' };
    await handleRequest({ type: 'save-note', note: { ...note, pageUrl: 'https://evil.example/forged' } }, fromOtherPage, deps);
    expect((await db.notes.toArray())[0]!.pageUrl).toBe('https://www.reuters.com/real-page');
  });

  it('injects the card only into the page that asked', async () => {
    expect(await handleRequest({ type: 'load-card-ui' }, fromPage, deps)).toEqual({ ok: true, value: { loaded: true } });
    expect(injected).toEqual([[7, 0]]);
    expect(await handleRequest({ type: 'load-card-ui' }, { id: OWN_ID }, deps)).toMatchObject({ ok: false });
  });

  it('reports the corpus it holds', async () => {
    const reply = await handleRequest({ type: 'corpus-status' }, { id: OWN_ID }, deps);
    const corpus = shippedCorpus();
    expect(reply).toMatchObject({ ok: true, value: { version: corpus.version, hash: corpus.hash, terms: corpus.terms.length, passages: corpus.passages.length, notes: 0 } });
  });
});

describe('setting up the bundled corpus', () => {
  it('loads it once, then does nothing on later starts', async () => {
    const fresh = new Db(`setup-${Date.now()}`);
    expect((await ensureBundledCorpus(fresh, async () => shippedCorpus())).status).toBe('loaded');
    expect((await ensureBundledCorpus(fresh, async () => shippedCorpus())).status).toBe('unchanged');
    await fresh.delete();
  });

  it('refuses a bundled corpus that does not validate, says so in the console, and keeps stored data', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await db.notes.add({ ...note, id: 'a3bb189e-8bf9-3888-9912-ace4e6543002', createdAt: 1, updatedAt: 1 });
    const broken = { ...shippedCorpus(), version: 99, terms: [{ id: 'x' }] };
    expect((await ensureBundledCorpus(db, async () => broken)).status).toBe('rejected');
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/Refused the bundled corpus; stored data is unchanged\.\n.*terms/s));
    expect((await db.meta.get('corpus'))?.version).toBe(shippedCorpus().version);
    expect(await db.terms.count()).toBe(shippedCorpus().terms.length);
    expect((await fakeBrowser.storage.local.get('corpusRefusal')).corpusRefusal).toMatchObject({ source: 'bundled', problems: expect.arrayContaining([expect.stringMatching(/terms/)]) });
    expect(await db.notes.count()).toBe(1);
    expect((await ensureBundledCorpus(db, async () => { throw new Error('file missing'); })).status).toBe('rejected');
    expect(error).toHaveBeenLastCalledWith(expect.stringMatching(/file missing/));
    // A later good corpus clears the record, so the settings page stops warning.
    const newer = structuredClone(shippedCorpus());
    newer.version += 1;
    newer.hash = await (await import('../../lib/corpus/hash')).corpusHash(newer as unknown as Record<string, unknown>);
    vi.spyOn(console, 'info').mockImplementation(() => {});
    expect((await ensureBundledCorpus(db, async () => newer)).status).toBe('loaded');
    expect((await fakeBrowser.storage.local.get('corpusRefusal')).corpusRefusal).toBeUndefined();
  });

  it('publishes matcher data with a packed automaton the content script can use', async () => {
    await publishMatcherData(db);
    const stored = (await fakeBrowser.storage.local.get(MATCHER_DATA_KEY))[MATCHER_DATA_KEY];
    const data = parseMatcherData(stored)!;
    expect(data.hash).toBe(shippedCorpus().hash);
    const automaton = unpackAutomaton(data.packed!, data.terms.map((t) => t.id))!;
    expect(findMatches(automaton, 'Kim Jong Un at Vostochny').map((m) => m.termId)).toEqual(['kim-jong-un', 'vostochny-cosmodrome']);
    // Content scripts get no corpus text: only what matching needs.
    expect(JSON.stringify(stored)).not.toContain('supreme leader since');
  });
});
