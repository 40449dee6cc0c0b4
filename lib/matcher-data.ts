/**
 * The slice of the corpus a content script needs to find mentions: terms with their aliases,
 * kinds and relevance flags, no text. The background publishes it to storage.local whenever the
 * corpus changes, so a page can start matching without waking the service worker.
 */
import type { Corpus } from './corpus/schema';
import { isTermKind, type TermKind } from './kinds';
import type { AliasRule } from './matcher/alias-forms';
import { compileAutomaton, type Automaton, type MatcherTerm } from './matcher/automaton';
import { packAutomaton, unpackAutomaton } from './matcher/pack';

export const MATCHER_DATA_KEY = 'matcherData';

export interface MatcherDataTerm {
  id: string;
  label: string;
  kind: TermKind;
  specificity: 'specific' | 'generic';
  anchor?: 'north-korea' | 'russia' | 'partner';
  aliases: AliasRule[];
  /**
   * In an article naming one of `whenArticleNames` and none of `unlessArticleNames`, mentions of
   * `term` show as this term; `showsTopic`: such a mention says the article is on the topic (see
   * the corpus schema).
   */
  narrows?: { term: string; whenArticleNames: string[]; unlessArticleNames?: string[]; showsTopic?: true }[];
  /** Never shown as itself, only as the term that narrows it. */
  narrowOnly?: true;
  /** The two states as one modifier (북러): joins a subject written straight after it (lib/corpus/schema.ts). */
  pairOfStates?: true;
  /** The side a thing of the relationship carries in its names (North Korean troops) (lib/corpus/schema.ts). */
  carriesSide?: 'north-korea' | 'russia';
  /** Beside the other side, the terms that place it in the relationship (Ukraine, Donbas) (lib/corpus/schema.ts). */
  placedBy?: string[];
}

/** A stop phrase as the matcher needs it: claims its words, shows nothing (lib/corpus/schema.ts). */
export interface MatcherDataStop {
  id: string;
  aliases: AliasRule[];
}

export interface MatcherData {
  version: number;
  hash: string;
  terms: MatcherDataTerm[];
  /** Compiled after the terms, so every form's term index past `terms` is a stop phrase. */
  stops?: MatcherDataStop[];
  /** The compiled automaton (lib/matcher/pack.ts); the content script compiles from `terms` if absent. */
  packed?: string;
}

/** Kinds of subject the two states may name as one modifier (북러 군사협력, the Russia–DPRK treaty). */
const SUBJECT_KINDS: ReadonlySet<TermKind> = new Set(['concept', 'document', 'event', 'weapon']);

/** What the automaton is compiled from: the terms, then the stop phrases. */
export function matcherTerms(data: Pick<MatcherData, 'terms' | 'stops'>): MatcherTerm[] {
  return [
    ...data.terms.map((t): MatcherTerm => ({
      id: t.id,
      aliases: t.aliases,
      ...(t.pairOfStates ? { joins: 'pair' as const } : SUBJECT_KINDS.has(t.kind) && !t.narrowOnly ? { joins: 'after-pair' as const } : {}),
    })),
    ...(data.stops ?? []).map((s) => ({ ...s, stop: true })),
  ];
}

export function toMatcherData(corpus: Pick<Corpus, 'version' | 'hash' | 'terms' | 'stops'>): MatcherData {
  const stops = (corpus.stops ?? []).map((s) => ({ id: s.id, aliases: s.aliases.map(slimAlias) }));
  const terms = corpus.terms.map((t): MatcherDataTerm => ({
    id: t.id,
    label: t.label,
    kind: t.kind,
    specificity: t.specificity,
    ...(t.anchor ? { anchor: t.anchor } : {}),
    aliases: t.aliases.map(slimAlias),
    ...(t.narrows ? { narrows: t.narrows } : {}),
    ...(t.narrowOnly ? { narrowOnly: true as const } : {}),
    ...(t.pairOfStates ? { pairOfStates: true as const } : {}),
    ...(t.carriesSide ? { carriesSide: t.carriesSide } : {}),
    ...(t.placedBy ? { placedBy: t.placedBy } : {}),
  }));
  return {
    version: corpus.version,
    hash: corpus.hash,
    packed: packAutomaton(compileAutomaton(matcherTerms({ terms, stops }))),
    ...(stops.length ? { stops } : {}),
    terms,
  };
}

function slimAlias(a: Corpus['terms'][number]['aliases'][number]): AliasRule {
  return {
    text: a.text,
    ...(a.case === 'exact' ? { case: 'exact' as const } : {}),
    ...(a.standalone === true ? {} : { standalone: a.standalone }),
    ...(a.inflect ? { inflect: a.inflect } : {}),
    ...(a.keepsTerm ? { keepsTerm: true as const } : {}),
    ...(a.placesItself ? { placesItself: true as const } : {}),
  };
}

/** A list of term ids, as a narrowing names them. */
const isIdList = (value: unknown): value is string[] => Array.isArray(value) && value.every((id) => typeof id === 'string');

/** Storage is ours, but a content script trusts nothing: malformed data means "no corpus yet". */
export function parseMatcherData(value: unknown): MatcherData | null {
  const d = value as MatcherData | null;
  if (!d || typeof d !== 'object' || typeof d.version !== 'number' || !Array.isArray(d.terms)) return null;
  if (d.packed !== undefined && typeof d.packed !== 'string') return null;
  if (
    d.stops !== undefined &&
    (!Array.isArray(d.stops) || !d.stops.every((s) => s && typeof s.id === 'string' && Array.isArray(s.aliases) && s.aliases.every((a) => a && typeof a.text === 'string' && a.text.length > 0 && a.text.length <= 120)))
  )
    return null;
  const ok = d.terms.every(
    (t) =>
      t &&
      typeof t.id === 'string' &&
      typeof t.label === 'string' &&
      isTermKind(t.kind) &&
      Array.isArray(t.aliases) &&
      t.aliases.every((a) => a && typeof a.text === 'string' && a.text.length > 0 && a.text.length <= 120) &&
      (t.narrowOnly === undefined || t.narrowOnly === true) &&
      (t.pairOfStates === undefined || t.pairOfStates === true) &&
      (t.carriesSide === undefined || t.carriesSide === 'north-korea' || t.carriesSide === 'russia') &&
      (t.placedBy === undefined || isIdList(t.placedBy)) &&
      (t.narrows === undefined ||
        (Array.isArray(t.narrows) &&
          t.narrows.every((n) => n && typeof n.term === 'string' && isIdList(n.whenArticleNames) && (n.unlessArticleNames === undefined || isIdList(n.unlessArticleNames)) && (n.showsTopic === undefined || n.showsTopic === true)))),
  );
  return ok ? d : null;
}

/**
 * The page's matcher: the background's precompiled automaton, or, when it is missing or does not
 * unpack (a build that packs differently, damaged storage), compiled here, which is slower and so
 * said in the console.
 */
export function automatonOf(data: MatcherData, warn: (message: string) => void = console.warn): Automaton {
  // Terms, then stop phrases: the order the background compiled them in.
  const terms = matcherTerms(data);
  const unpacked = data.packed
    ? unpackAutomaton(
        data.packed,
        terms.map((t) => t.id),
      )
    : null;
  if (unpacked) return unpacked;
  warn(`[NK–RU Context] ${data.packed ? 'The published matcher did not unpack' : 'No packed matcher was published'}; compiling it on this page instead (a slower start).`);
  return compileAutomaton(terms);
}
