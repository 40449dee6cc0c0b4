/**
 * Puts a validated corpus into the database: all of it in one transaction, or none of it.
 * Notes are outside the transaction's scope, so loading can never touch them.
 */
import type { ContextDatabase, CorpusMeta } from '../db';
import type { Corpus } from './schema';
import { validateCorpus } from './validate';

export type LoadOutcome =
  { status: 'loaded'; version: number; previousVersion: number | null } | { status: 'unchanged'; version: number } | { status: 'kept-newer'; storedVersion: number; offeredVersion: number } | { status: 'rejected'; problems: string[] };

const CHUNK = 1000;

/** Loads `corpus` unless the stored one is as new or newer. Idempotent. */
export async function loadCorpus(db: ContextDatabase, corpus: Corpus, origin: Pick<CorpusMeta, 'source' | 'sourceUrl'>): Promise<LoadOutcome> {
  return db.transaction('rw', [db.passages, db.sections, db.terms, db.events, db.meta], async () => {
    const stored = await db.meta.get('corpus');
    if (stored && stored.version > corpus.version) return { status: 'kept-newer', storedVersion: stored.version, offeredVersion: corpus.version };
    if (stored && stored.version === corpus.version && stored.hash === corpus.hash) return { status: 'unchanged', version: stored.version };
    await Promise.all([db.passages.clear(), db.sections.clear(), db.terms.clear(), db.events.clear()]);
    await bulkAddInChunks(db.passages, corpus.passages);
    await bulkAddInChunks(db.sections, corpus.sections);
    await bulkAddInChunks(db.terms, corpus.terms);
    await bulkAddInChunks(db.events, corpus.events);
    await db.meta.put({ key: 'corpus', version: corpus.version, hash: corpus.hash, citation: corpus.citation, loadedAt: Date.now(), ...origin, ...(corpus.stops?.length ? { stops: corpus.stops } : {}) });
    return { status: 'loaded', version: corpus.version, previousVersion: stored?.version ?? null };
  });
}

/** Validates an untrusted value, then loads it; a bad corpus changes nothing. */
export async function validateAndLoad(db: ContextDatabase, input: unknown, origin: Pick<CorpusMeta, 'source' | 'sourceUrl'>): Promise<LoadOutcome> {
  const check = await validateCorpus(input, origin.source === 'bundled' ? 'bundled corpus' : `corpus from ${origin.sourceUrl ?? 'sync'}`);
  if (!check.ok) return { status: 'rejected', problems: check.problems };
  return loadCorpus(db, check.corpus, origin);
}

async function bulkAddInChunks<T>(table: { bulkAdd(items: readonly T[]): Promise<unknown> }, items: readonly T[]): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) await table.bulkAdd(items.slice(i, i + CHUNK));
}
