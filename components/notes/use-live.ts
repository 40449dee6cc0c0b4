import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { ContextDatabase } from '@/lib/db';
import { indexNote, type IndexedNote } from '@/lib/notes/search';
import type { Citation } from '@/lib/corpus/schema';

/** The notes shown first, before the whole list has been read (the first screenful and a bit). */
const FIRST_PAGE = 40;

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
    void db.notes.orderBy('createdAt').reverse().limit(FIRST_PAGE).toArray().then((first) => {
      if (!complete) setState({ notes: first.map(indexNote), complete: false });
    }, () => {});
    const sub = liveQuery(() => db.notes.orderBy('createdAt').reverse().toArray()).subscribe({
      next: (all) => { complete = true; setState({ notes: all.map(indexNote), complete: true }); },
      error: (e: Error) => setState((s) => ({ notes: s?.notes ?? [], complete: true, error: `Your notes could not be read: ${e.message}` })),
    });
    return () => sub.unsubscribe();
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
