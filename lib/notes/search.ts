/** Finding notes: the text a note is searched by, its site, and the popup's filters. Pure. */
import type { Note } from './schema';

/** Lower case without accents, so "Pyongyang" finds "PYONGYANG" and "Kremlin" finds "Kremlín". */
export function normaliseSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Everything a search looks through: comment, quote, page title, term and tags (as #tag). */
export function noteSearchText(note: Pick<Note, 'comment' | 'quote' | 'pageTitle' | 'termLabel' | 'tags'>): string {
  return normaliseSearch([note.comment, note.quote, note.pageTitle, note.termLabel, note.tags.map((t) => `#${t}`).join(' ')].join('\n'));
}

/** The site a note was taken on, as the reader names it: the host without "www.". */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** The popup's search and filters. */
export interface NoteFilter {
  /** Words that must all appear (in any field); "#tag" matches a tag. */
  query: string;
  termId?: string;
  tag?: string;
  site?: string;
}

/** A note as the list holds it: with its search text and site worked out once. */
export type IndexedNote = Note & { search: string; site: string };

/** Adds what the list filters by (the database keeps the same fields from version 2 on). */
export function indexNote(note: Note & { search?: string; site?: string }): IndexedNote {
  // Stored notes carry both already (version 2): no copy, which matters at 10,000 notes.
  if (typeof note.search === 'string' && typeof note.site === 'string') return note as IndexedNote;
  return { ...note, search: note.search ?? noteSearchText(note), site: note.site ?? siteOf(note.pageUrl) };
}

/** The notes that pass the filter, in the order given. Linear in the notes; no allocation per note. */
export function filterNotes<T extends IndexedNote>(notes: readonly T[], filter: NoteFilter): T[] {
  const words = normaliseSearch(filter.query).split(/\s+/).filter(Boolean);
  return notes.filter((n) => {
    if (filter.termId && n.termId !== filter.termId) return false;
    if (filter.site && n.site !== filter.site) return false;
    if (filter.tag && !n.tags.includes(filter.tag)) return false;
    for (const w of words) if (!n.search.includes(w)) return false;
    return true;
  });
}

/** The values each filter can take, most used first. */
export function facets(notes: readonly IndexedNote[]): { terms: { id: string; label: string; count: number }[]; tags: { tag: string; count: number }[]; sites: { site: string; count: number }[] } {
  const terms = new Map<string, { id: string; label: string; count: number }>();
  const tags = new Map<string, number>();
  const sites = new Map<string, number>();
  for (const n of notes) {
    const t = terms.get(n.termId) ?? { id: n.termId, label: n.termLabel, count: 0 };
    t.count++;
    terms.set(n.termId, t);
    for (const tag of n.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    if (n.site) sites.set(n.site, (sites.get(n.site) ?? 0) + 1);
  }
  const byCount = <V extends { count: number }>(a: V, b: V) => b.count - a.count;
  return {
    terms: [...terms.values()].sort(byCount),
    tags: [...tags].map(([tag, count]) => ({ tag, count })).sort(byCount),
    sites: [...sites].map(([site, count]) => ({ site, count })).sort(byCount),
  };
}
