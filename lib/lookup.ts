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
  /** Per term, where its own aliases name it in each of its passages (filled on first lookup). */
  marks: Map<string, Map<string, [number, number][]>>;
}

/** Reads the whole corpus once; null when none is loaded yet. */
export async function loadCorpusCache(db: ContextDatabase): Promise<CorpusCache | null> {
  return db.transaction('r', [db.terms, db.passages, db.sections, db.events, db.meta], async () => {
    const meta = await db.meta.get('corpus');
    if (!meta) return null;
    const [terms, passages, sections, events] = await Promise.all([db.terms.toArray(), db.passages.orderBy('order').toArray(), db.sections.toArray(), db.events.orderBy('date').toArray()]);
    return {
      terms: new Map(terms.map((t) => [t.id, t])),
      passages: new Map(passages.map((p) => [p.id, p])),
      sectionHeadings: new Map(sections.map((s) => [s.id, s.heading])),
      events,
      citation: meta.citation,
      index: buildIndex(passages),
      marks: new Map(),
    };
  });
}

export const PASSAGES_SHOWN = 3;

/**
 * Where a term is named in its passages, by its own aliases only: in "met at the Vostochny
 * cosmodrome" the summit's alias would otherwise hide the cosmodrome's.
 */
function marksOf(cache: CorpusCache, term: Term): Map<string, [number, number][]> {
  let marks = cache.marks.get(term.id);
  if (!marks) {
    const automaton = compileAutomaton([term]);
    marks = new Map(term.passages.map((id) => [id, findMatches(automaton, cache.passages.get(id)?.text ?? '').map((m): [number, number] => [m.start, m.end])]));
    cache.marks.set(term.id, marks);
  }
  return marks;
}

/** The card's contents for `termId`, passages ranked against the sentence around the mention. */
export function lookup(cache: CorpusCache, termId: string, context: string): LookupResult {
  const term = cache.terms.get(termId);
  if (!term) throw new Error(`The paper has no entry “${termId}”.`);
  const ranked = rank(cache.index, `${context} ${term.label}`, term.passages).slice(0, PASSAGES_SHOWN);
  const passages: RankedPassage[] = ranked.flatMap(({ id, score }) => {
    const p = cache.passages.get(id);
    if (!p) return [];
    return [{ id, score, order: p.order, text: p.text, sectionHeading: cache.sectionHeadings.get(p.section) ?? '', marks: marksOf(cache, term).get(id) ?? [] }];
  });
  const summary = (t: Term): TermSummary => ({ id: t.id, label: t.label, kind: t.kind });
  return {
    term: {
      ...summary(term),
      summary: term.summary,
      ...(term.grounding ? { grounding: term.grounding } : {}),
      ...(term.source ? { source: term.source } : {}),
      ...(term.record ? { record: term.record } : {}),
    },
    passages,
    timeline: cache.events.map((e) => ({ ...e, mine: e.terms.includes(termId) })),
    related: term.related.flatMap((id) => {
      const t = cache.terms.get(id);
      return t ? [summary(t)] : [];
    }),
    citation: cache.citation,
  };
}
