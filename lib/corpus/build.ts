/**
 * Builds corpus.json from the hand-edited sources (see docs/corpus-format.md). Pure: the script
 * in scripts/ reads the files and writes the result; tests call this directly.
 */
import * as v from 'valibot';
import { compileAutomaton } from '../matcher/automaton';
import { aliasKeys } from '../matcher/alias-forms';
import { canonicalText } from '../matcher/chars';
import { MatchStream } from '../matcher/stream';
import { AliasOwners } from './alias-owners';
import { corpusHash } from './hash';
import { describeIssues } from './issues';
import { CORPUS_SCHEMA_VERSION, PaperSourceSchema, SourceTermSchema, StopPhraseSchema, TimelineSourceSchema, TERM_KINDS, type Alias, type Corpus, type Passage, type Section, type SourceTerm, type Stop, type Term } from './schema';
import { checkReferences } from './validate';

export interface CorpusSources {
  /** excerpt.txt, exactly as on disk. */
  excerpt: string;
  paper: unknown;
  /** Each terms file, by the name to report in errors. */
  termFiles: { name: string; data: unknown }[];
  timeline: unknown;
}

export interface CoverageReport {
  passages: number;
  sections: number;
  terms: number;
  termsByKind: Record<string, number>;
  specific: number;
  generic: number;
  aliases: number;
  aliasesFoundInExcerpt: number;
  aliasClasses: Record<string, number>;
  events: number;
  passagesWithoutTerms: string[];
}

export class CorpusBuildError extends Error {
  constructor(readonly problems: string[]) {
    super(`The corpus sources have ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Builds the corpus, or throws CorpusBuildError listing every problem found. */
export async function buildCorpus(sources: CorpusSources): Promise<{ corpus: Corpus; json: string; report: CoverageReport }> {
  const problems: string[] = [];
  const paper = v.safeParse(PaperSourceSchema, sources.paper);
  if (!paper.success) throw new CorpusBuildError(describeIssues('data/paper/paper.json', paper.issues));
  const { sections, passages } = splitPaper(sources.excerpt, paper.output, problems);

  const sourceTerms: SourceTerm[] = [];
  const stops: Stop[] = [];
  for (const file of sources.termFiles) {
    if (!Array.isArray(file.data)) {
      problems.push(`${file.name}: must be a JSON array of terms`);
      continue;
    }
    file.data.forEach((item: unknown, index) => {
      if ((item as { kind?: unknown })?.kind === 'stop') {
        const stop = v.safeParse(StopPhraseSchema, item);
        const name = `stop phrase "${String((item as { id?: unknown }).id ?? `#${index + 1}`)}"`;
        if (!stop.success) problems.push(...describeIssues(`${file.name}: ${name}`, stop.issues));
        else stops.push({ id: stop.output.id, note: stop.output.note, aliases: stop.output.aliases.map(normaliseAlias) });
        return;
      }
      const parsed = v.safeParse(SourceTermSchema, item);
      const name = typeof (item as { id?: unknown })?.id === 'string' ? `term "${(item as { id: string }).id}"` : `term #${index + 1}`;
      if (!parsed.success) problems.push(...describeIssues(`${file.name}: ${name}`, parsed.issues));
      else sourceTerms.push(parsed.output);
    });
  }
  const timeline = v.safeParse(TimelineSourceSchema, sources.timeline);
  if (!timeline.success) problems.push(...describeIssues('data/timeline.json', timeline.issues));
  if (problems.length) throw new CorpusBuildError(problems);

  for (const term of sourceTerms) {
    const sentences = countSentences(term.summary);
    if (sentences > 2) problems.push(`term "${term.id}": summary has ${sentences} sentences; keep it to one or two`);
    if (term.grounding === 'background' && !term.source) problems.push(`term "${term.id}": a background summary needs a "source" line`);
  }
  for (const event of timeline.success ? timeline.output : []) {
    if (event.grounding === 'background' && !event.source) problems.push(`data/timeline.json: event "${event.id}": a background event needs a "source" line`);
  }
  const termIds = new Set(sourceTerms.map((t) => t.id));
  const stopIds = new Set<string>();
  for (const stop of stops) {
    if (termIds.has(stop.id)) problems.push(`stop phrase "${stop.id}": its id is also a term's id`);
    if (stopIds.has(stop.id)) problems.push(`stop phrase "${stop.id}" is declared twice`);
    stopIds.add(stop.id);
  }
  const terms = withRelated(sourceTerms.map(normaliseTerm));
  const events = [...(timeline.success ? timeline.output : [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  problems.push(...checkReferences({ sections, passages, terms, events }));
  const found = aliasesFound(terms, passages);
  problems.push(...stopsSwallowingAliases(terms, stops, passages), ...stopsRepeatingAliases(terms, stops));
  for (const term of terms) {
    if (!term.contextOnly && !found.terms.has(term.id)) problems.push(`term "${term.id}": none of its aliases occurs in the excerpt (fix the aliases, or mark it "contextOnly": true)`);
  }
  if (problems.length) throw new CorpusBuildError(problems);

  const body = {
    schemaVersion: CORPUS_SCHEMA_VERSION as typeof CORPUS_SCHEMA_VERSION,
    version: paper.output.version,
    hash: '',
    citation: paper.output.citation,
    sections,
    passages,
    terms,
    events,
    stops,
  };
  const corpus: Corpus = { ...body, hash: await corpusHash(body) };
  return { corpus, json: `${JSON.stringify(corpus, null, 2)}\n`, report: coverage(corpus, found) };
}

function splitPaper(excerpt: string, paper: v.InferOutput<typeof PaperSourceSchema>, problems: string[]) {
  const lines = excerpt.replace(/\r?\n$/, '').split(/\r?\n/);
  if (lines.length !== paper.lines.length) {
    problems.push(`data/paper/paper.json describes ${paper.lines.length} lines but excerpt.txt has ${lines.length}`);
  }
  const sections: Section[] = [{ id: paper.opening.id, heading: paper.opening.heading, order: 1 }];
  const passages: Passage[] = [];
  const pullQuotes: { of: string; text: string; line: number }[] = [];
  paper.lines.forEach((entry, i) => {
    const text = lines[i];
    if (text === undefined) return;
    if (!text.trim()) problems.push(`excerpt.txt line ${i + 1} is empty`);
    if ('heading' in entry) sections.push({ id: entry.heading, heading: text, order: sections.length + 1 });
    else if ('passage' in entry) passages.push({ id: entry.passage, section: sections[sections.length - 1]!.id, order: passages.length + 1, text });
    else pullQuotes.push({ of: entry.pullQuoteOf, text, line: i + 1 });
  });
  for (const quote of pullQuotes) {
    const passage = passages.find((p) => p.id === quote.of);
    if (!passage) problems.push(`excerpt.txt line ${quote.line}: pull quote of unknown passage "${quote.of}"`);
    // A pull quote may end with a full stop where the passage's sentence runs on.
    else if (!passage.text.includes(quote.text.replace(/[.!?…]+$/, ''))) problems.push(`excerpt.txt line ${quote.line}: pull quote does not appear in passage "${quote.of}"`);
  }
  return { sections, passages };
}

/** Sentence ends: a full stop, question or exclamation mark followed by a space and a capital, or the end. */
export function countSentences(text: string): number {
  return (text.trim().match(/[.!?]['’”)]*(?=\s+["“‘(]?\p{Lu}|\s*$)/gu) ?? []).length || 1;
}

function normaliseAlias(a: SourceTerm['aliases'][number]): Alias {
  return typeof a === 'string' ? { text: a, case: 'any', standalone: true } : { ...a, case: a.case ?? 'any', standalone: a.standalone ?? true };
}

function normaliseTerm({ composedAliases, ...term }: SourceTerm): Term {
  const composed = (composedAliases ?? []).flatMap(({ owners, things, order, inflect, shows, keepsTerm, standalone }) => {
    // Showing only the thing claims it with "|" marks, leaving the owner to its own alias.
    const shown = (thing: string) => (shows !== 'thing' ? thing : order === 'owner-thing' ? `|${thing}` : `|${thing}|`);
    return owners.flatMap((owner) =>
      things.map((thing): Alias => ({
        text: order === 'owner-thing' ? `${owner} ${shown(thing)}` : `${shown(thing)} ${owner}`,
        case: 'any',
        standalone: standalone ?? true,
        ...(inflect ? { inflect } : {}),
        ...(keepsTerm ? { keepsTerm } : {}),
      })),
    );
  });
  const written = term.aliases.map(normaliseAlias);
  // A composed alias already written (with the same inflection, in any case unless exact, however its
  // dashes and spaces are written: "DPRK-Russia treaty" is "DPRK–Russia treaty") is not repeated; the
  // written one, which may name its term where the composed ones only do so on the topic, wins.
  const key = (a: Alias) => `${a.case === 'exact' ? canonicalText(a.text) : canonicalText(a.text).toLowerCase()}\u0000${a.inflect ?? ''}`;
  const seen = new Set(written.map(key));
  return { ...term, aliases: [...written, ...composed.filter((a) => !seen.has(key(a)) && seen.add(key(a)))], contextOnly: term.contextOnly ?? false, related: [] };
}

/** Every match in the passages: "passage start end term". */
function matchesIn(automaton: ReturnType<typeof compileAutomaton>, passages: Passage[]): Map<string, string> {
  const stream = new MatchStream(automaton);
  const out = new Map<string, string>();
  for (const passage of passages) {
    stream.beginBlock();
    stream.feed(passage.text);
    stream.endBlock((start, end, form) => {
      out.set(`${passage.id} ${start} ${end} ${automaton.termIds[automaton.formTerm[form]!]}`, passage.text.slice(start, end));
    });
  }
  return out;
}

/**
 * A stop phrase may only claim words that are not a real alias in the paper: every match the
 * excerpt has without stop phrases must still be there with them. Names the phrase that swallows.
 */
export function stopsSwallowingAliases(terms: Term[], stops: Stop[], passages: Passage[]): string[] {
  if (!stops.length) return [];
  const withStops = compileAutomaton([...terms, ...stops.map((s) => ({ ...s, stop: true }))]);
  const before = matchesIn(compileAutomaton(terms), passages);
  const after = matchesIn(withStops, passages);
  const problems: string[] = [];
  for (const [key, text] of before) {
    if (after.has(key)) continue;
    const [passageId, start, end, termId] = key.split(' ') as [string, string, string, string];
    const passage = passages.find((p) => p.id === passageId)!;
    const culprit = stops.find((stop) => {
      const one = compileAutomaton([...terms, { ...stop, stop: true }]);
      return !matchesIn(one, [passage]).has(key);
    });
    problems.push(`stop phrase "${culprit?.id ?? '?'}" swallows "${text}" (${termId}) in ${passageId} at ${start}–${end}: narrow it, or mark where its claim starts with "|"`);
  }
  return problems;
}

/**
 * A stop phrase spelled like a term's alias: the matcher reads one word one way, so one of the
 * two never applies, and which one depends on file order. The build asks the author to choose.
 */
export function stopsRepeatingAliases(terms: Term[], stops: Stop[]): string[] {
  const owners = new AliasOwners();
  for (const term of terms) for (const alias of term.aliases) for (const key of aliasKeys(alias)) if (!owners.ownerOf(key, alias)) owners.claim(key, alias, term.id);
  const problems: string[] = [];
  for (const stop of stops)
    for (const alias of stop.aliases) {
      const termId = aliasKeys(alias)
        .map((key) => owners.ownerOf(key, alias))
        .find(Boolean);
      if (termId) problems.push(`stop phrase "${stop.id}" repeats "${alias.text}", an alias of "${termId}": keep one of the two`);
    }
  return problems;
}

/** Related terms: those sharing the most passages, then alphabetical; at most eight. */
function withRelated(terms: Term[]): Term[] {
  return terms.map((term) => {
    const mine = new Set(term.passages);
    const shared = terms
      .filter((other) => other.id !== term.id)
      .map((other) => ({ id: other.id, count: other.passages.filter((p) => mine.has(p)).length }))
      .filter((x) => x.count > 0)
      .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
    return { ...term, related: shared.slice(0, 8).map((x) => x.id) };
  });
}

/** Which terms, and which of their aliases, the paper's own text names. */
function aliasesFound(terms: Term[], passages: Passage[]) {
  const automaton = compileAutomaton(terms);
  const stream = new MatchStream(automaton);
  const termsFound = new Set<string>();
  const aliasesFoundSet = new Set<string>();
  for (const passage of passages) {
    stream.beginBlock();
    stream.feed(passage.text);
    stream.endBlock((_s, _e, form) => {
      const term = terms[automaton.formTerm[form]!]!;
      termsFound.add(term.id);
      aliasesFoundSet.add(`${term.id}\u0000${automaton.formAlias[form]}`);
    });
  }
  return { terms: termsFound, aliases: aliasesFoundSet };
}

function coverage(corpus: Corpus, found: { aliases: Set<string> }): CoverageReport {
  const termsByKind = Object.fromEntries(TERM_KINDS.map((k) => [k, corpus.terms.filter((t) => t.kind === k).length]));
  const all = corpus.terms.flatMap((t) => t.aliases);
  const count = (pred: (a: Alias) => boolean) => all.filter(pred).length;
  const linked = new Set(corpus.terms.flatMap((t) => t.passages));
  return {
    passages: corpus.passages.length,
    sections: corpus.sections.length,
    terms: corpus.terms.length,
    termsByKind,
    specific: corpus.terms.filter((t) => t.specificity === 'specific').length,
    generic: corpus.terms.filter((t) => t.specificity === 'generic').length,
    aliases: all.length,
    aliasesFoundInExcerpt: found.aliases.size,
    aliasClasses: {
      'exact case (acronyms)': count((a) => a.case === 'exact'),
      'not standalone': count((a) => a.standalone === false),
      'on-topic only': count((a) => a.standalone === 'on-topic'),
      'Korean script': count((a) => /\p{Script=Hangul}/u.test(a.text)),
      'Korean particles': count((a) => a.inflect === 'ko'),
      'Russian script': count((a) => /\p{Script=Cyrillic}/u.test(a.text)),
      'Russian endings': count((a) => a.inflect === 'ru'),
      'number + unit': count((a) => /\d\s*[-‐–]?\s*\p{L}/u.test(a.text)),
    },
    events: corpus.events.length,
    passagesWithoutTerms: corpus.passages.filter((p) => !linked.has(p.id)).map((p) => p.id),
  };
}
