/**
 * Everything the extension checks before it lets a corpus near the database: the schema, the
 * references between entries, and the content hash. The build runs the same checks.
 */
import * as v from 'valibot';
import { aliasKeys } from '../matcher/alias-forms';
import { AliasOwners } from './alias-owners';
import { corpusHash } from './hash';
import { describeIssues } from './issues';
import { CorpusSchema, CORPUS_SCHEMA_VERSION, type Corpus } from './schema';

export type CorpusCheck = { ok: true; corpus: Corpus } | { ok: false; problems: string[] };

/** Validates an untrusted value as a corpus. Never throws. */
export async function validateCorpus(input: unknown, where = 'corpus'): Promise<CorpusCheck> {
  const schemaVersion = (input as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof schemaVersion === 'number' && schemaVersion !== CORPUS_SCHEMA_VERSION) {
    return { ok: false, problems: [`${where}: schema version ${schemaVersion} is not supported (this extension reads version ${CORPUS_SCHEMA_VERSION})`] };
  }
  const parsed = v.safeParse(CorpusSchema, input);
  if (!parsed.success) return { ok: false, problems: describeIssues(where, parsed.issues) };
  const corpus = parsed.output;
  const problems = checkReferences(corpus).map((p) => `${where}: ${p}`);
  if (problems.length) return { ok: false, problems };
  const actual = await corpusHash(corpus as unknown as Record<string, unknown>);
  if (actual !== corpus.hash) return { ok: false, problems: [`${where}: content hash does not match (file says ${corpus.hash}, content is ${actual})`] };
  return { ok: true, corpus };
}

/** Problems with ids and references; empty when the corpus hangs together. */
export function checkReferences(corpus: Pick<Corpus, 'sections' | 'passages' | 'terms' | 'events'>): string[] {
  const problems: string[] = [];
  const unique = (kind: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`${kind} "${id}" is defined twice`);
      seen.add(id);
    }
    return seen;
  };
  const sections = unique(
    'section',
    corpus.sections.map((s) => s.id),
  );
  const passages = unique(
    'passage',
    corpus.passages.map((p) => p.id),
  );
  const terms = unique(
    'term',
    corpus.terms.map((t) => t.id),
  );
  unique(
    'event',
    corpus.events.map((e) => e.id),
  );

  for (const p of corpus.passages) if (!sections.has(p.section)) problems.push(`passage "${p.id}" names unknown section "${p.section}"`);
  // Two aliases collide when the matcher could read one text as both.
  const owners = new AliasOwners();
  for (const term of corpus.terms) {
    for (const id of term.passages) if (!passages.has(id)) problems.push(`term "${term.id}" names unknown passage "${id}"`);
    for (const id of term.related) if (!terms.has(id)) problems.push(`term "${term.id}" is related to unknown term "${id}"`);
    for (const alias of term.aliases) {
      for (const key of new Set(aliasKeys(alias))) {
        const owner = owners.ownerOf(key, alias);
        if (owner === term.id) problems.push(`term "${term.id}" lists alias "${alias.text}" twice (as "${key}")`);
        else if (owner) problems.push(`alias "${alias.text}" of term "${term.id}" is already an alias of "${owner}"`);
        else owners.claim(key, alias, term.id);
        if (owner) break;
      }
    }
  }
  const narrowed = new Set<string>();
  /** Terms whose naming in an article makes a narrowing apply (whenArticleNames). */
  const triggers = new Set<string>();
  for (const term of corpus.terms) {
    for (const { term: from, whenArticleNames, unlessArticleNames } of term.narrows ?? []) {
      for (const id of unlessArticleNames ?? []) if (!terms.has(id)) problems.push(`term "${term.id}" narrows unless an article names unknown term "${id}"`);
      if (from === term.id) problems.push(`term "${term.id}" narrows itself`);
      else if (!terms.has(from)) problems.push(`term "${term.id}" narrows unknown term "${from}"`);
      narrowed.add(from);
      for (const id of whenArticleNames) {
        if (!terms.has(id)) problems.push(`term "${term.id}" narrows when an article names unknown term "${id}"`);
        triggers.add(id);
      }
    }
  }
  // A word class must be narrowed by something, or itself narrow others: a subject the paper
  // does not cover (the Beijing talks), whose article's bare "talks" then show nothing; or say
  // which side an article is on (the cities of Russia's Far East), which the gate counts; or be
  // what makes an article narrow a term (the Vostochny summit's date: "the summit" of September 2023).
  for (const term of corpus.terms)
    if (term.narrowOnly && !narrowed.has(term.id) && !term.narrows && !term.anchor && !triggers.has(term.id))
      problems.push(`term "${term.id}" shows only as a narrower term, but no term narrows it, it narrows none, no narrowing is triggered by it and it names no side (anchor)`);
  // A partner (China, Iran) tells the gate a story is another partnership's; a specific one would
  // count as a thing of the relationship and open the gate instead.
  for (const term of corpus.terms) if (term.anchor === 'partner' && term.specificity === 'specific') problems.push(`term "${term.id}" is a partner (anchor) but specific: a specific term of neither side opens the relevance gate on its own`);
  // Only a thing of the relationship (specific, of neither side) carries a side: the gate reads the
  // field nowhere else, so on another term it would be a rule that silently does nothing.
  for (const term of corpus.terms) {
    if (term.carriesSide && (term.anchor || term.specificity !== 'specific'))
      problems.push(`term "${term.id}" carries a side in its names (carriesSide) but is not a thing of the relationship (specific, with no anchor): only such a thing carries one`);
    if (term.placedBy && !term.carriesSide) problems.push(`term "${term.id}" lists terms that place it (placedBy) but carries no side (carriesSide), so nothing reads them`);
    for (const id of term.placedBy ?? []) if (!terms.has(id)) problems.push(`term "${term.id}" is placed by unknown term "${id}"`);
    if (!term.carriesSide) for (const alias of term.aliases) if (alias.placesItself) problems.push(`term "${term.id}": alias "${alias.text}" places itself (placesItself) but its term carries no side (carriesSide), so nothing reads it`);
  }
  for (const event of corpus.events) {
    for (const id of event.terms) if (!terms.has(id)) problems.push(`event "${event.id}" names unknown term "${id}"`);
    for (const id of event.passages) if (!passages.has(id)) problems.push(`event "${event.id}" names unknown passage "${id}"`);
  }
  return problems;
}
