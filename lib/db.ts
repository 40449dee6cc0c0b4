/**
 * The one database, in the extension's origin. The background owns it; the popup and options
 * pages may read it directly (same origin); content scripts never touch it (their IndexedDB is
 * the page's) and ask the background instead.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Citation, Passage, Section, Stop, Term, TimelineEvent } from './corpus/schema';
import type { Note } from './notes/schema';

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

export class ContextDatabase extends Dexie {
  passages!: EntityTable<Passage, 'id'>;
  sections!: EntityTable<Section, 'id'>;
  terms!: EntityTable<Term, 'id'>;
  events!: EntityTable<TimelineEvent, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  meta!: EntityTable<CorpusMeta, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      passages: 'id, section, order',
      sections: 'id, order',
      terms: 'id, kind',
      events: 'id, date, *terms',
      notes: 'id, createdAt, updatedAt, termId, pageUrl, *tags',
      meta: 'key',
    });
  }
}

let instance: ContextDatabase | undefined;

/** Opens the database on first use (never at module load: WXT imports entry files in Node). */
export function getDatabase(): ContextDatabase {
  instance ??= new ContextDatabase();
  return instance;
}
