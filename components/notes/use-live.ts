import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { ContextDatabase, StoredNote } from '@/lib/db';
import { indexNote, type IndexedNote } from '@/lib/notes/search';
import type { Citation } from '@/lib/corpus/schema';

/** The notes shown first, before the whole list has been read (the first screenful and a bit). */
const FIRST_PAGE = 40;

let prefetched: { db: ContextDatabase; first: Promise<StoredNote[]> } | null = null;

/** Reads the newest notes, once. */
function readFirstPage(db: ContextDatabase): Promise<StoredNote[]> {
  performance.mark('notes:read');
  return db.notes.orderBy('createdAt').reverse().limit(FIRST_PAGE).toArray();
}

/**
 * Starts reading the newest notes before the page renders (call from the entry file), so the
 * database opens while Preact draws the rest of the popup.
 */
export function prefetchNotes(db: ContextDatabase): void {
  prefetched = { db, first: readFirstPage(db) };
  prefetched.first.catch(() => {});
}

/** The notes the view holds, and whether all of them have been read yet. */
export interface NotesState {
  notes: IndexedNote[];
  /** False while only the newest few are loaded. */
  complete: boolean;
  error?: string;
}

/**
 * All notes, newest first, kept current with Dexie's liveQuery: a note saved in a tab appears in
 * an open popup at once. The newest few are read first, so the list paints before 10,000 load.
 */
export function useNotes(db: ContextDatabase): NotesState | null {
  const [state, setState] = useState<NotesState | null>(null);
  useEffect(() => {
    let complete = false;
    let sub: { unsubscribe(): void } | undefined;
    let stopped = false;
    // The whole list is read only after the first screenful has painted, so the two reads do not
    // compete for the main thread while the reader waits for the popup.
    const readAll = () => {
      if (stopped) return;
      sub = liveQuery(() => db.notes.orderBy('createdAt').reverse().toArray()).subscribe({
        next: (all) => {
          complete = true;
          setState({ notes: all.map(indexNote), complete: true });
        },
        error: (e: Error) => setState((s) => ({ notes: s?.notes ?? [], complete: true, error: `Your notes could not be read: ${e.message}` })),
      });
    };
    // Marks for the benchmark (scripts/bench/notes.ts): when the read starts and when the first page is in.
    const first = prefetched?.db === db ? prefetched.first : readFirstPage(db);
    prefetched = null;
    first.then((first) => {
      performance.mark('notes:first-page');
      if (!complete) setState({ notes: first.map(indexNote), complete: false });
      requestAnimationFrame(() => setTimeout(readAll, 0));
    }, readAll);
    return () => {
      stopped = true;
      sub?.unsubscribe();
    };
  }, [db]);
  return state;
}

/** The stored passages' texts by id, and the paper's citation: what a note's passage is checked against. */
export function useCorpusView(db: ContextDatabase): { passages: Map<string, { text: string }>; citation: Citation | null } | null {
  const [value, setValue] = useState<{ passages: Map<string, { text: string }>; citation: Citation | null } | null>(null);
  useEffect(() => {
    const sub = liveQuery(async () => {
      const [passages, meta] = await Promise.all([db.passages.toArray(), db.meta.get('corpus')]);
      return { passages: new Map(passages.map((p) => [p.id, { text: p.text }])), citation: meta?.citation ?? null };
    }).subscribe({ next: setValue, error: () => setValue({ passages: new Map(), citation: null }) });
    return () => sub.unsubscribe();
  }, [db]);
  return value;
}
