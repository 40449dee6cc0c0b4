/**
 * "What the paper says about this article": the passages that best fit the page's mentions taken
 * together. A passage scores for every term on the page that the catalogue ties to it (weighted by
 * how often the page names the term, and by how specific the term is: a term tied to few passages
 * says more), with BM25 over the terms' labels (lib/ranking.ts) to break ties. Pure.
 */
import type { CorpusCache } from './lookup';
import { rank } from './ranking';

/** A passage for the page as a whole, with the page's terms it speaks to. */
export interface PagePassage {
  id: string;
  order: number;
  sectionHeading: string;
  text: string;
  score: number;
  /** The page's terms this passage speaks to, most mentioned first. */
  terms: { id: string; label: string }[];
}

/** How many passages the popup shows. */
export const PAGE_PASSAGES = 3;

/** The best passages for a page's terms (id and how many times the page names it). */
export function pagePassages(cache: CorpusCache, pageTerms: readonly { id: string; count: number }[], limit = PAGE_PASSAGES): PagePassage[] {
  const scores = new Map<string, { score: number; terms: { id: string; label: string; count: number }[] }>();
  const labels: string[] = [];
  for (const { id, count } of pageTerms) {
    const term = cache.terms.get(id);
    if (!term || count <= 0) continue;
    labels.push(term.label);
    const weight = Math.log2(1 + count) / Math.log2(2 + term.passages.length);
    for (const pid of term.passages) {
      if (!cache.passages.has(pid)) continue;
      const entry = scores.get(pid) ?? { score: 0, terms: [] };
      entry.score += weight;
      entry.terms.push({ id, label: term.label, count });
      scores.set(pid, entry);
    }
  }
  if (!scores.size) return [];
  const bm25 = new Map(rank(cache.index, labels.join(' '), [...scores.keys()]).map((r) => [r.id, r.score]));
  return [...scores]
    .map(([id, s]) => ({ id, score: s.score + 0.01 * (bm25.get(id) ?? 0), terms: s.terms }))
    .sort((a, b) => b.score - a.score || cache.passages.get(a.id)!.order - cache.passages.get(b.id)!.order)
    .slice(0, limit)
    .map(({ id, score, terms }) => {
      const p = cache.passages.get(id)!;
      return {
        id,
        score,
        order: p.order,
        text: p.text,
        sectionHeading: cache.sectionHeadings.get(p.section) ?? '',
        terms: terms.sort((a, b) => b.count - a.count).map(({ id, label }) => ({ id, label })),
      };
    });
}
