import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus, validateAndLoad } from '../../lib/corpus/load';
import { ContextDatabase } from '../../lib/db';
import type { Note } from '../../lib/notes/schema';
import { testCorpus } from '../support/corpus-factory';

let db: ContextDatabase;
let counter = 0;
beforeEach(() => {
  db = new ContextDatabase(`test-${++counter}`);
});
afterEach(async () => {
  await db.delete();
});

const note = (): Note => ({
  id: crypto.randomUUID(),
  createdAt: 1,
  updatedAt: 1,
  termId: 'kim-jong-un',
  termLabel: 'Kim Jong Un',
  quote: 'Kim Jong Un arrived in Russia',
  pageUrl: 'https://example.org/a',
  pageTitle: 'A',
  passageId: 'p-summits',
  passageText: 'Throughout 2023…',
  passageSection: 'From friendship to formal partnership',
  comment: 'mine',
  tags: ['summit'],
});

const counts = async () => ({ passages: await db.passages.count(), terms: await db.terms.count(), events: await db.events.count(), sections: await db.sections.count() });

describe('loading the corpus into the database', () => {
  it('loads every passage, term, section and event, and records where it came from', async () => {
    const corpus = await testCorpus(1);
    expect(await loadCorpus(db, corpus, { source: 'bundled' })).toEqual({ status: 'loaded', version: 1, previousVersion: null });
    expect(await counts()).toEqual({ passages: 13, terms: 3, events: 1, sections: 4 });
    expect(await db.meta.get('corpus')).toMatchObject({ version: 1, hash: corpus.hash, source: 'bundled' });
    expect((await db.terms.get('kim-jong-un'))?.aliases[0]).toEqual({ text: 'Kim Jong Un', case: 'any', standalone: true });
  });

  it('changes nothing when the same corpus is loaded twice', async () => {
    const corpus = await testCorpus(1);
    await loadCorpus(db, corpus, { source: 'bundled' });
    const before = { rows: await counts(), meta: await db.meta.get('corpus') };
    expect(await loadCorpus(db, corpus, { source: 'bundled' })).toEqual({ status: 'unchanged', version: 1 });
    expect({ rows: await counts(), meta: await db.meta.get('corpus') }).toEqual(before);
  });

  it('never lets an older bundled corpus replace a newer stored one', async () => {
    const newer = await testCorpus(5, (s) => {
      (s.termFiles[0]!.data as { summary: string }[])[0]!.summary = 'Newer summary.';
    });
    await loadCorpus(db, newer, { source: 'sync', sourceUrl: 'https://example.org/corpus.json' });
    expect(await loadCorpus(db, await testCorpus(2), { source: 'bundled' })).toEqual({ status: 'kept-newer', storedVersion: 5, offeredVersion: 2 });
    expect((await db.terms.get('kim-jong-un'))?.summary).toBe('Newer summary.');
    expect((await db.meta.get('corpus'))?.source).toBe('sync');
  });

  it('replaces an older stored corpus whole, dropping terms the new one no longer has', async () => {
    await loadCorpus(db, await testCorpus(1), { source: 'bundled' });
    const smaller = await testCorpus(2, (s) => {
      s.termFiles[0]!.data = (s.termFiles[0]!.data as unknown[]).slice(0, 2);
      s.timeline = [];
    });
    expect(await loadCorpus(db, smaller, { source: 'bundled' })).toMatchObject({ status: 'loaded', version: 2, previousVersion: 1 });
    expect(await db.terms.toCollection().primaryKeys()).toEqual(['kim-jong-un', 'vladimir-putin']);
    expect(await db.events.count()).toBe(0);
  });

  it('keeps every note through corpus reloads', async () => {
    const mine = note();
    await db.notes.add(mine);
    await loadCorpus(db, await testCorpus(1), { source: 'bundled' });
    await loadCorpus(db, await testCorpus(2), { source: 'bundled' });
    expect(await db.notes.toArray()).toEqual([mine]);
  });

  it('refuses a corpus that does not validate and leaves the stored one as it was', async () => {
    const good = await testCorpus(1);
    await loadCorpus(db, good, { source: 'bundled' });
    await db.notes.add(note());
    const snapshot = { rows: await counts(), meta: await db.meta.get('corpus'), notes: await db.notes.count() };

    const missingField = structuredClone(good) as unknown as { version: number; terms: { summary?: string }[] };
    missingField.version = 9;
    delete missingField.terms[0]!.summary;
    const outcome = await validateAndLoad(db, missingField, { source: 'bundled' });
    expect(outcome.status).toBe('rejected');
    expect(outcome.status === 'rejected' && outcome.problems.join('\n')).toMatch(/bundled corpus → terms → kim-jong-un → summary/);

    const tampered = { ...structuredClone(good), version: 9 }; // valid shape, but the hash no longer fits
    const second = await validateAndLoad(db, tampered, { source: 'bundled' });
    expect(second.status === 'rejected' && second.problems[0]).toMatch(/content hash does not match/);

    expect({ rows: await counts(), meta: await db.meta.get('corpus'), notes: await db.notes.count() }).toEqual(snapshot);
  });

  it('rolls back a load that fails half-way, leaving the old corpus whole', async () => {
    await loadCorpus(db, await testCorpus(1), { source: 'bundled' });
    const broken = await testCorpus(2);
    // Two passages with one id: bulkAdd fails after the tables were cleared, inside the transaction.
    broken.passages.push({ ...broken.passages[0]! });
    await expect(loadCorpus(db, broken, { source: 'bundled' })).rejects.toThrow();
    expect(await counts()).toEqual({ passages: 13, terms: 3, events: 1, sections: 4 });
    expect((await db.meta.get('corpus'))?.version).toBe(1);
  });
});
