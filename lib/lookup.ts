/**
 * Answers the card's question, "what does the paper say about this term, here?", from an
 * in-memory copy of the corpus (a few hundred kilobytes) built once from the database and
 * dropped whenever the corpus changes.
 */
import type { Citation, Passage, Term, TimelineEvent } from './corpus/schema';
import type { ContextDatabase } from './db';
import { compileAutomaton, findMatches } from './matcher';
import type { LookupResult, RankedPassage, TermSummary } from './messages';
import { buildIndex, rank, type BM25Index } from './ranking';

export interface CorpusCache {
  terms: Map<string, Term>;
  passages: Map<string, Passage>;
  sectionHeadings: Map<string, string>;
  events: TimelineEvent[];
  citation: Citation;
  index: BM25Index;
  /** Per passage, where each term is named: passage id -> term id -> [start, end)[]. */
  marks: Map<string, Map<string, [number, number][]>>;
}

/** Reads the whole corpus once; null when none is loaded yet. */
export async function loadCorpusCache(db: ContextDatabase): Promise<CorpusCache | null> {
  return db.transaction('r', [db.terms, db.passages, db.sections, db.events, db.meta], async () => {
    const meta = await db.meta.get('corpus');
    if (!meta) return null;
    const [terms, passages, sections, events] = await Promise.all([db.terms.toArray(), db.passages.orderBy('order').toArray(), db.sections.toArray(), db.events.orderBy('date').toArray()]);
    const automaton = compileAutomaton(terms);
    const marks = new Map<string, Map<string, [number, number][]>>();
    for (const p of passages) {
      const byTerm = new Map<string, [number, number][]>();
      for (const m of findMatches(automaton, p.text)) {
        const list = byTerm.get(m.termId) ?? [];
        list.push([m.start, m.end]);
        byTerm.set(m.termId, list);
      }
      marks.set(p.id, byTerm);
    }
    return {
      terms: new Map(terms.map((t) => [t.id, t])),
      passages: new Map(passages.map((p) => [p.id, p])),
      sectionHeadings: new Map(sections.map((s) => [s.id, s.heading])),
      events,
      citation: meta.citation,
      index: buildIndex(passages),
      marks,
    };
  });
}

export const PASSAGES_SHOWN = 3;

/** The card's contents for `termId`, passages ranked against the sentence around the mention. */
export function lookup(cache: CorpusCache, termId: string, context: string): LookupResult {
  const term = cache.terms.get(termId);
  if (!term) throw new Error(`The paper has no entry “${termId}”.`);
  const ranked = rank(cache.index, `${context} ${term.label}`, term.passages).slice(0, PASSAGES_SHOWN);
  const passages: RankedPassage[] = ranked.flatMap(({ id, score }) => {
    const p = cache.passages.get(id);
    if (!p) return [];
    return [{ id, score, order: p.order, text: p.text, sectionHeading: cache.sectionHeadings.get(p.section) ?? '', marks: cache.marks.get(id)?.get(termId) ?? [] }];
  });
  const summary = (t: Term): TermSummary => ({ id: t.id, label: t.label, kind: t.kind });
  return {
    term: { ...summary(term), summary: term.summary },
    passages,
    timeline: cache.events.map((e) => ({ ...e, mine: e.terms.includes(termId) })),
    related: term.related.flatMap((id) => { const t = cache.terms.get(id); return t ? [summary(t)] : []; }),
    citation: cache.citation,
  };
}
