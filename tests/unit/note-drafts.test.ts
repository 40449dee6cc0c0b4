/**
 * A draft (what the note form is a note on) must outlive a failed save: it is removed only once
 * its note is stored, and the form is told why the save failed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRequest, type BackgroundDeps } from '../../entrypoints/background/handle-request';
import type { ContextDatabase } from '../../lib/db';
import { loadCorpusCache } from '../../lib/lookup';
import { databaseWithCorpus } from '../support/db-factory';

const OWN_ID = 'own-extension-id';
const fromPage = { id: OWN_ID, tab: { id: 7 } as never, frameId: 0, url: 'https://www.reuters.com/a' };
const formPage = { id: OWN_ID, tab: { id: 7 } as never, frameId: 3, url: 'chrome-extension://own-extension-id/note-form.html#x' };
let db: ContextDatabase;
let deps: BackgroundDeps;
let told: unknown[];
let failWrites: boolean;

beforeEach(async () => {
  fakeBrowser.reset();
  db = await databaseWithCorpus();
  told = [];
  failWrites = false;
  let ids = 0;
  deps = {
    ownId: OWN_ID,
    // A database whose writes can be made to fail, as a full disk or a closed database would.
    db: () => (failWrites ? new Proxy(db, { get: (t, k) => (k === 'notes' ? { add: () => Promise.reject(new Error('QuotaExceededError: the disk is full')) } : Reflect.get(t, k)) }) : db),
    corpus: () => loadCorpusCache(db),
    injectCardUi: async () => {},
    ensureMatcherData: async () => true,
    drafts: fakeBrowser.storage.session as unknown as BackgroundDeps['drafts'],
    notifyTab: async (tab, frame, message) => {
      told.push([tab, frame, message]);
    },
    newId: () => `0b9d7c1e-1a2b-4c3d-8e9f-0a1b2c3d4e${String(ids++).padStart(2, '0')}`,
  };
});
afterEach(async () => {
  await db.delete();
});

async function openDraft(): Promise<string> {
  const opened = await handleRequest({ type: 'prepare-note', termId: 'artillery-152mm', quote: 'Shells crossed the border.', pageTitle: 'Shells', passageIds: ['p-cash-for-weapons'] }, fromPage, deps);
  if (!opened.ok) throw new Error(opened.error);
  return (opened.value as { token: string }).token;
}

describe('saving a draft', () => {
  it('keeps the draft when the note cannot be stored, says why, and saves on retry', async () => {
    const token = await openDraft();
    failWrites = true;
    const failed = await handleRequest({ type: 'save-draft', token, comment: 'mine', tags: [] }, formPage, deps);
    expect(failed).toMatchObject({ ok: false, error: expect.stringMatching(/disk is full/) });
    expect(told).toEqual([]);
    // The form can still show the draft, and the retry stores the note.
    expect(await handleRequest({ type: 'note-draft', token }, formPage, deps)).toMatchObject({ ok: true });
    failWrites = false;
    expect(await handleRequest({ type: 'save-draft', token, comment: 'mine', tags: [] }, formPage, deps)).toMatchObject({ ok: true });
    expect(await db.notes.count()).toBe(1);
    // Then the draft is gone: a token saves once.
    expect(await handleRequest({ type: 'save-draft', token, comment: 'again', tags: [] }, formPage, deps)).toMatchObject({ ok: false, error: expect.stringMatching(/expired/) });
    expect(await db.notes.count()).toBe(1);
  });

  it('saves once when the form sends the same save twice at the same moment', async () => {
    const token = await openDraft();
    const replies = await Promise.all([1, 2].map(() => handleRequest({ type: 'save-draft', token, comment: 'twice', tags: [] }, formPage, deps)));
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.notes.count()).toBe(1);
  });
});
