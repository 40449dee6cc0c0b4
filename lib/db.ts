/**
 * The one database, in the extension's origin. The background owns it; the popup and options
 * pages may read it directly (same origin); content scripts never touch it (their IndexedDB is
 * the page's) and ask the background instead.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Citation, Passage, Section, Stop, Term, TimelineEvent } from './corpus/schema';
import type { Note } from './notes/schema';
import { noteSearchText, siteOf } from './notes/search';

/** Where the stored corpus came from and when it arrived. */
export interface CorpusMeta {
  key: 'corpus';
  version: number;
  hash: string;
  citation: Citation;
  source: 'bundled' | 'sync';
  sourceUrl?: string;
  loadedAt: number;
  /** Set by a feed sync (lib/sync/apply.ts): which passages notes may have quoted changed or went. */
  lastUpdate?: { from: number | null; to: number; at: number; changedPassages: string[]; removedPassages: string[] };
  /** Set by a feed sync: a fingerprint per stored row, so the next sync need not read every row. */
  rowHashes?: Record<'sections' | 'passages' | 'terms' | 'events', string>;
  /** The corpus's stop phrases (few and small: kept with its meta rather than in a table). */
  stops?: Stop[];
}

export const DB_NAME = 'nk-russia-context';

/**
 * A note as stored from version 2 on: the note's own fields plus what the notes view filters by,
 * derived on every write (hooks below), so the view never recomputes them for 10,000 notes.
 */
export type StoredNote = Note & { search?: string; site?: string };

/** Version 1's stores; kept so tests can write a database the way version 1 did. */
export const SCHEMA_V1 = {
  passages: 'id, section, order',
  sections: 'id, order',
  terms: 'id, kind',
  events: 'id, date, *terms',
  notes: 'id, createdAt, updatedAt, termId, pageUrl, *tags',
  meta: 'key',
} as const;

/** Version 2: notes gain a site index (the site filter) and derived search text. */
export const SCHEMA_V2 = { ...SCHEMA_V1, notes: 'id, createdAt, updatedAt, termId, pageUrl, site, *tags' } as const;

/** The fields version 2 derives from a note. */
export function derivedNoteFields(note: Note): { search: string; site: string } {
  return { search: noteSearchText(note), site: siteOf(note.pageUrl) };
}

export class ContextDatabase extends Dexie {
  passages!: EntityTable<Passage, 'id'>;
  sections!: EntityTable<Section, 'id'>;
  terms!: EntityTable<Term, 'id'>;
  events!: EntityTable<TimelineEvent, 'id'>;
  notes!: EntityTable<StoredNote, 'id'>;
  meta!: EntityTable<CorpusMeta, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        await tx
          .table('notes')
          .toCollection()
          .modify((note: StoredNote) => {
            Object.assign(note, derivedNoteFields(note));
          });
      });
    // Every write keeps the derived fields true, whoever writes (background, popup, import).
    this.notes.hook('creating', (_key, note) => {
      Object.assign(note, derivedNoteFields(note));
    });
    // (A put that replaces a note diffs the whole object, so always derive from the result.)
    this.notes.hook('updating', (changes, _key, note) => derivedNoteFields({ ...note, ...(changes as Partial<Note>) }));
  }
}

let instance: ContextDatabase | undefined;

/** Opens the database on first use (never at module load: WXT imports entry files in Node). */
export function getDatabase(): ContextDatabase {
  instance ??= new ContextDatabase();
  return instance;
}
