/**
 * Applies a validated corpus to the database as a diff: finds what changed (from per-row
 * fingerprints kept in the meta, or by reading the stored rows), and writes only that with bulk operations, all in ONE transaction with the version
 * check, so a crash, a closed browser or an error leaves the old corpus whole. The notes table is
 * outside the transaction's scope: a sync can never edit or delete a note.
 */
import type { Corpus } from '../corpus/schema';
import type { ContextDatabase, CorpusMeta } from '../db';
import { changedPassageIds, diffCorpus, TABLES, type CorpusDiff } from './diff';
import { decodeHashes, diffByHashes, encodeHashes, fingerprintCorpus } from './fingerprint';
import { SyncError } from './fetch';

const CHUNK = 1000;

export interface ApplyResult {
  previousVersion: number | null;
  version: number;
  diff: CorpusDiff;
  changedPassages: string[];
  removedPassages: string[];
  /** Inside the transaction: reading the stored rows, computing the diff, writing it (ms). */
  phases: { readMs: number; diffMs: number; writeMs: number };
}

export interface ApplyOptions {
  sourceUrl?: string;
  now?: number;
  /**
   * Test builds only: keep the transaction open this long before it commits (with reads, which
   * keep an IndexedDB transaction alive), so a test can close the browser mid-apply.
   */
  holdMs?: number;
  /** Called between bulk writes with the rows written so far and the total. */
  onProgress?: (written: number, total: number) => void;
  /** The new corpus's row fingerprints, if already computed (the sync does it while verifying). */
  fingerprints?: ReturnType<typeof fingerprintCorpus>;
}

/** Replaces the stored corpus with `corpus` if it is newer; refuses an older or equal version. */
export async function applyCorpus(db: ContextDatabase, corpus: Corpus, options: ApplyOptions = {}): Promise<ApplyResult> {
  return db.transaction('rw', [db.sections, db.passages, db.terms, db.events, db.meta], async () => {
    const stored = await db.meta.get('corpus');
    if (stored && stored.version >= corpus.version) {
      throw new SyncError(
        stored.version === corpus.version
          ? `The feed offers version ${corpus.version}, which is already installed.`
          : `The feed offers version ${corpus.version}, older than the installed version ${stored.version}; the extension never goes back (use “Reset to the bundled corpus” for that).`,
        'older',
      );
    }
    const t0 = performance.now();
    const next = options.fingerprints ?? fingerprintCorpus(corpus);
    const known = decodeHashes(stored?.rowHashes);
    let diff: CorpusDiff;
    let oldPassages: Map<string, { text: string }>;
    let t1: number;
    if (known) {
      // Fingerprints say what changed; only the changed passages are read (for the notes' flags).
      diff = diffByHashes(known, next, corpus);
      const ids = diff.passages.changed.map((p) => p.id);
      oldPassages = new Map((await db.passages.bulkGet(ids)).flatMap((p) => (p ? [[p.id, p] as const] : [])));
      t1 = performance.now();
    } else {
      // No fingerprints (the bundled corpus, or an older meta): compare with the stored rows.
      const [sections, passages, terms, events] = await Promise.all([db.sections.toArray(), db.passages.toArray(), db.terms.toArray(), db.events.toArray()]);
      t1 = performance.now();
      diff = diffCorpus({ sections, passages, terms, events }, corpus);
      oldPassages = new Map(passages.map((p) => [p.id, p]));
    }
    const t2 = performance.now();
    const total = TABLES.reduce((n, t) => n + diff[t].added.length + diff[t].changed.length + diff[t].removed.length, 0);
    let written = 0;
    // Every chunk is queued at once: IndexedDB runs a transaction's requests in order, so waiting
    // for each chunk before queueing the next would only leave the database idle in between.
    const writes: Promise<unknown>[] = [];
    const track = (p: Promise<unknown>, n: number) => writes.push(p.then(() => options.onProgress?.((written += n), total)));
    for (const t of TABLES) {
      const table = db[t] as unknown as { bulkPut(rows: readonly unknown[]): Promise<unknown>; bulkDelete(ids: string[]): Promise<unknown> };
      const rows = [...diff[t].added, ...diff[t].changed];
      for (let i = 0; i < rows.length; i += CHUNK) track(table.bulkPut(rows.slice(i, i + CHUNK)), Math.min(CHUNK, rows.length - i));
      for (let i = 0; i < diff[t].removed.length; i += CHUNK) track(table.bulkDelete(diff[t].removed.slice(i, i + CHUNK)), Math.min(CHUNK, diff[t].removed.length - i));
    }
    await Promise.all(writes);
    const changedPassages = changedPassageIds(diff, oldPassages);
    const removedPassages = diff.passages.removed;
    const now = options.now ?? Date.now();
    const meta: CorpusMeta = {
      key: 'corpus',
      version: corpus.version,
      hash: corpus.hash,
      citation: corpus.citation,
      source: 'sync',
      loadedAt: now,
      ...(options.sourceUrl ? { sourceUrl: options.sourceUrl } : {}),
      // Stop phrases travel with the corpus: without them a synced corpus would show the look-alikes again.
      ...(corpus.stops?.length ? { stops: corpus.stops } : {}),
      rowHashes: encodeHashes(next),
      lastUpdate: {
        from: stored?.version ?? null,
        to: corpus.version,
        at: now,
        // Kept across updates, so a note taken before several syncs is still flagged.
        changedPassages: [...new Set([...(stored?.lastUpdate?.changedPassages ?? []), ...changedPassages])],
        removedPassages: [...new Set([...(stored?.lastUpdate?.removedPassages ?? []), ...removedPassages])],
      },
    };
    await db.meta.put(meta);
    if (options.holdMs) {
      const until = Date.now() + options.holdMs;
      while (Date.now() < until) await db.meta.get('corpus');
    }
    const phases = { readMs: t1 - t0, diffMs: t2 - t1, writeMs: performance.now() - t2 };
    return { previousVersion: stored?.version ?? null, version: corpus.version, diff, changedPassages, removedPassages, phases };
  });
}
