import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ensureBundledCorpus, oneAtATime, publishMatcherData } from '../../entrypoints/background/corpus-setup';
import { handleRequest, type BackgroundDeps } from '../../entrypoints/background/handle-request';
import type { ContextDatabase } from '../../lib/db';
import { loadCorpusCache } from '../../lib/lookup';
import { matcherTerms, MATCHER_DATA_KEY, parseMatcherData } from '../../lib/matcher-data';
import { unpackAutomaton } from '../../lib/matcher/pack';
import { findMatches } from '../../lib/matcher';
import { databaseWithCorpus, shippedCorpus } from '../support/db-factory';
import { ContextDatabase as Db } from '../../lib/db';

const OWN_ID = 'own-extension-id';
const fromPage = { id: OWN_ID, tab: { id: 7 } as never, frameId: 0, url: 'https://www.reuters.com/a' };
let db: ContextDatabase;
let deps: BackgroundDeps;
let injected: [number, number][];
let told: unknown[];
let clock: number;
let ids: number;
const formPage = { id: OWN_ID, tab: { id: 7 } as never, frameId: 3, url: 'chrome-extension://own-extension-id/note-form.html#x' };
beforeEach(async () => {
  db = await databaseWithCorpus();
  injected = [];
  told = [];
  clock = 1_700_000_000_000;
  ids = 0;
  deps = {
    ownId: OWN_ID,
    db: () => db,
    corpus: () => loadCorpusCache(db),
    injectCardUi: async (tab, frame) => {
      injected.push([tab, frame]);
    },
    ensureMatcherData: async () => (await publishMatcherData(db)) !== null,
    drafts: fakeBrowser.storage.session as unknown as BackgroundDeps['drafts'],
    notifyTab: async (tab, frame, message) => {
      told.push([tab, frame, message]);
    },
    now: () => clock,
    newId: () => `0b9d7c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5${ids++ % 10}`,
  };
});
afterEach(async () => {
  await db.delete();
});

const note = {
  termId: 'kim-jong-un',
  termLabel: 'Kim Jong Un',
  quote: 'Kim Jong Un arrived.',
  pageUrl: 'https://www.reuters.com/a',
  pageTitle: 'A',
  passageId: 'p-summits',
  passageText: 'Throughout 2023…',
  passageSection: 'From friendship to formal partnership',
  comment: 'Note',
  tags: ['summit'],
};

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

  it('has no request that saves a note a page composed: save-note is refused and nothing is written', async () => {
    const reply = await handleRequest({ type: 'save-note', note }, fromPage, deps);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/malformed request/) });
    expect(await handleRequest({ type: 'save-note', note }, formPage, deps)).toMatchObject({ ok: false });
    expect(await db.notes.count()).toBe(0);
  });

  it('takes a note’s page address from the browser, not from the page, on the note form’s save', async () => {
    // A page cannot even name an address: the request has no such field.
    const forged = await handleRequest({ type: 'prepare-note', termId: 'kim-jong-un', quote: 'q', pageTitle: 't', passageIds: [], pageUrl: 'https://evil.example/forged' }, fromPage, deps);
    expect(forged).toMatchObject({ ok: false, error: expect.stringMatching(/malformed request/) });
    const realPage = { ...fromPage, url: 'https://www.reuters.com/real-page' };
    const opened = await handleRequest({ type: 'prepare-note', termId: 'kim-jong-un', quote: 'Kim Jong Un arrived.', pageTitle: 'Forged title is fine', passageIds: ['p-summits'] }, realPage, deps);
    const token = opened.ok ? (opened.value as { token: string }).token : '';
    expect(await handleRequest({ type: 'save-draft', token, comment: 'c', tags: [] }, formPage, deps)).toMatchObject({ ok: true });
    const [stored] = await db.notes.toArray();
    expect(stored!.pageUrl).toBe('https://www.reuters.com/real-page');
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

describe('writing a note through the note form', () => {
  const prepare = (over: Record<string, unknown> = {}) =>
    handleRequest({ type: 'prepare-note', termId: 'artillery-152mm', quote: 'Millions of 152mm shells crossed the border.', pageTitle: 'Shells', passageIds: ['p-cash-for-weapons', 'p-motivations'], ...over }, fromPage, deps);

  it('keeps the page’s facts under a token, shows them to the form, and saves the note with the page told', async () => {
    const opened = await prepare();
    expect(opened).toMatchObject({ ok: true, value: { token: expect.any(String) } });
    const token = opened.ok ? (opened.value as { token: string }).token : '';
    const view = await handleRequest({ type: 'note-draft', token }, formPage, deps);
    expect(view).toMatchObject({
      ok: true,
      value: { termLabel: '152-mm artillery', quote: 'Millions of 152mm shells crossed the border.', passages: [{ id: 'p-cash-for-weapons', sectionHeading: 'From words to weapons' }, { id: 'p-motivations' }] },
    });
    const saved = await handleRequest({ type: 'save-draft', token, comment: '  mine  ', tags: ['artillery'], passageId: 'p-motivations' }, formPage, deps);
    expect(saved).toMatchObject({ ok: true });
    const [stored] = await db.notes.toArray();
    expect(stored).toMatchObject({ termId: 'artillery-152mm', pageUrl: fromPage.url, pageTitle: 'Shells', comment: 'mine', tags: ['artillery'], passageId: 'p-motivations' });
    expect(stored!.passageText).toContain('A series of interrelated motivations');
    expect(told).toEqual([[7, 0, { type: 'note-finished', token, saved: true }]]);
    // A token saves once.
    expect(await handleRequest({ type: 'save-draft', token, comment: 'again', tags: [] }, formPage, deps)).toMatchObject({ ok: false, error: expect.stringMatching(/expired/) });
    expect(await db.notes.count()).toBe(1);
  });

  it('lets only a page open a draft and only the extension’s form read or save one', async () => {
    expect(await handleRequest({ type: 'prepare-note', termId: 'kim-jong-un', quote: '', pageTitle: '', passageIds: [] }, formPage, deps)).toMatchObject({ ok: false });
    const opened = await prepare();
    const token = opened.ok ? (opened.value as { token: string }).token : '';
    expect(await handleRequest({ type: 'note-draft', token }, fromPage, deps)).toMatchObject({ ok: false, error: expect.stringMatching(/Only the note form/) });
    expect(await handleRequest({ type: 'save-draft', token, comment: 'x', tags: [] }, fromPage, deps)).toMatchObject({ ok: false });
    expect(await db.notes.count()).toBe(0);
  });

  it('tells the page when the form is cancelled, and forgets drafts left for over an hour', async () => {
    const a = await prepare();
    const tokenA = a.ok ? (a.value as { token: string }).token : '';
    expect(await handleRequest({ type: 'close-draft', token: tokenA }, formPage, deps)).toMatchObject({ ok: true });
    expect(told).toEqual([[7, 0, { type: 'note-finished', token: tokenA, saved: false }]]);
    const b = await prepare();
    const tokenB = b.ok ? (b.value as { token: string }).token : '';
    clock += 61 * 60 * 1000;
    expect(await handleRequest({ type: 'note-draft', token: tokenB }, formPage, deps)).toMatchObject({ ok: false, error: expect.stringMatching(/expired/) });
  });

  it('refuses a term the paper does not have', async () => {
    expect(await prepare({ termId: 'no-such-term' })).toMatchObject({ ok: false });
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
    expect(
      (
        await ensureBundledCorpus(db, async () => {
          throw new Error('file missing');
        })
      ).status,
    ).toBe('rejected');
    expect(error).toHaveBeenLastCalledWith(expect.stringMatching(/file missing/));
    // A later good corpus clears the record, so the settings page stops warning.
    const newer = structuredClone(shippedCorpus());
    newer.version += 1;
    newer.hash = await (await import('../../lib/corpus/hash')).corpusHash(newer as unknown as Record<string, unknown>);
    vi.spyOn(console, 'info').mockImplementation(() => {});
    expect((await ensureBundledCorpus(db, async () => newer)).status).toBe('loaded');
    expect((await fakeBrowser.storage.local.get('corpusRefusal')).corpusRefusal).toBeUndefined();
  });

  it('publishes the matcher data again when a page finds none, and says when there is no corpus to publish', async () => {
    await fakeBrowser.storage.local.remove(MATCHER_DATA_KEY);
    expect(await handleRequest({ type: 'ensure-matcher-data' }, fromPage, deps)).toEqual({ ok: true, value: { published: true } });
    expect(parseMatcherData((await fakeBrowser.storage.local.get(MATCHER_DATA_KEY))[MATCHER_DATA_KEY])?.hash).toBe(shippedCorpus().hash);
    await fakeBrowser.storage.local.remove(MATCHER_DATA_KEY);
    await db.meta.delete('corpus');
    expect(await handleRequest({ type: 'ensure-matcher-data' }, fromPage, deps)).toEqual({ ok: true, value: { published: false } });
    expect((await fakeBrowser.storage.local.get(MATCHER_DATA_KEY))[MATCHER_DATA_KEY]).toBeUndefined();
  });

  it('publishes once for pages that ask together, and again for one that asks later', async () => {
    let runs = 0;
    const ensure = oneAtATime(async () => {
      runs++;
      await fakeBrowser.storage.local.remove(MATCHER_DATA_KEY);
      return (await publishMatcherData(db)) !== null;
    });
    expect(await Promise.all(Array.from({ length: 8 }, () => ensure()))).toEqual(Array(8).fill(true));
    expect(runs).toBe(1);
    expect(await ensure()).toBe(true);
    expect(runs).toBe(2);
  });

  it('publishes matcher data with a packed automaton the content script can use', async () => {
    await publishMatcherData(db);
    const stored = (await fakeBrowser.storage.local.get(MATCHER_DATA_KEY))[MATCHER_DATA_KEY];
    const data = parseMatcherData(stored)!;
    expect(data.hash).toBe(shippedCorpus().hash);
    // Compiled from the terms, then the stop phrases (kept with the corpus meta in the database).
    expect(data.stops!.length).toBeGreaterThan(0);
    const automaton = unpackAutomaton(
      data.packed!,
      matcherTerms(data).map((t) => t.id),
    )!;
    expect(findMatches(automaton, 'Kim Jong Un at Vostochny').map((m) => m.termId)).toEqual(['kim-jong-un', 'vostochny-cosmodrome']);
    expect(findMatches(automaton, 'the National Security Council at Vostochny port')).toEqual([]);
    // Content scripts get no corpus text: only what matching needs.
    expect(JSON.stringify(stored)).not.toContain('supreme leader since');
  });
});

describe('the benchmark’s hooks (bench build only)', () => {
  it('answers diagnostics to an extension page only, with the lookups recorded', async () => {
    const { answerBenchRequest, recordLookup } = await import('../../entrypoints/background/bench-hooks');
    recordLookup(1.5);
    expect(answerBenchRequest({ type: 'diagnostics' }, true)).toMatchObject({ ok: true, value: { lookupMs: expect.arrayContaining([1.5]) } });
    expect(answerBenchRequest({ type: 'diagnostics' }, false)).toMatchObject({ ok: false });
    expect(answerBenchRequest({ type: 'lookup' }, true)).toBeNull();
  });

  it('is off outside a bench build: diagnostics is a malformed request here', async () => {
    expect(await handleRequest({ type: 'diagnostics' }, formPage, deps)).toMatchObject({ ok: false, error: expect.stringMatching(/malformed request/) });
  });
});
