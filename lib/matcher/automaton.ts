/**
 * Compiles every alias form of every term into one trie over character classes, stored in typed
 * arrays. The classes fold case, dashes, spaces and quotes, so the scanner never builds a
 * normalised copy of the page's text: it looks each code unit up once in `classOf`.
 *
 * Korean particles (평양에서, 김정은이, KN-23은) are one shared sub-trie that every name's last node
 * may step into (a flag, not copied edges); a cursor that enters it remembers which name it came
 * from and reports that name when a particle ends.
 */
import { KOREAN_SUFFIXES, takesParticles, trieForms, withParticlesBeforeTail, type AliasRule } from './alias-forms';
import { canonicalText, fillWordChars, foldLetters, HANJA_BIT, WORD_BIT, INTERPUNCT, INTERPUNCT_CHARS, LETTER_FOLDS, QUOTE, QUOTE_CHARS, SEPARATOR, SEPARATOR_CHARS } from './chars';

/** What the matcher needs to know of a term (the content script holds only this). */
export interface MatcherTerm {
  id: string;
  aliases: readonly AliasRule[];
  /**
   * A stop phrase: it claims its words (the longest match wins, as for any alias) and shows
   * nothing, so "National Security Council" is not the UN Security Council. Its "|" marks, as any
   * alias's, say which of its words it claims (AliasRule.text).
   */
  stop?: boolean;
  /**
   * How its mentions join a neighbour's: 'pair' for the two states written as one modifier (북러),
   * 'after-pair' for a subject the pair may name (군사협력). A pair written straight before such
   * a subject is one mention of the subject (북러 군사협력), not two.
   */
  joins?: 'pair' | 'after-pair';
}

/** formJoin values (see MatcherTerm.joins). */
export const JOIN_NONE = 0;
export const JOIN_PAIR = 1;
export const JOIN_AFTER_PAIR = 2;

/** Longest form, in code units, whose exact case can be verified (the scanner's ring buffer). */
export const MAX_FORM_LENGTH = 120;

/** Where a character's class starts in its class-table entry, above WORD_BIT, STARTS_ALIAS_BIT and HANJA_BIT. */
export const CLASS_SHIFT = 3;
/** Bit 1 of a class-table entry: some alias begins with the character. */
export const STARTS_ALIAS_BIT = 2;

/** formFlags bits: the alias keeps its term where the article narrows it; it places its side-carrying thing by itself. */
export const FORM_KEEPS_TERM = 1;
export const FORM_PLACES_ITSELF = 2;

/** formStandalone values: how an alias may show (see AliasRule.standalone). */
export const PARTIAL_ALIAS = 0;
export const NAMING_ALIAS = 1;
export const TOPICAL_ALIAS = 2;

/** formAt value of a node that ends a Korean particle: the match is the name the cursor came from. */
export const PARTICLE_END = -2;

export interface Automaton {
  /**
   * Per code unit: class << 3 | isHanja << 2 | startsAlias << 1 | isWordChar. Class 0: no alias
   * uses the character; startsAlias: some alias begins with it (so the scanner's common case, a
   * character that cannot start anything, costs one table read); isHanja: a Hangul syllable after it
   * starts a word (chars.ts, HANJA_BIT).
   */
  readonly classOf: Uint16Array;
  /** Root transitions, dense by class (0 = none). */
  readonly rootNext: Int32Array;
  /** Other transitions, CSR: children of node n are edges childStart[n] .. childStart[n + 1] - 1. */
  readonly childStart: Int32Array;
  readonly childClass: Uint16Array;
  readonly childNode: Int32Array;
  /**
   * bigram[c1 * classes + c2] is 1 where some alias starts with a character of class c1 followed
   * by one of class c2: the scanner starts a cursor only then, skipping most word starts cheaply.
   */
  readonly bigram: Uint8Array;
  /**
   * A hashed set of the first three classes of every alias (false positives allowed): checked
   * before starting a cursor when the next two characters are at hand. Bigrams that end a form
   * (UN, EU) are marked 2 in `bigram` and skip this check.
   */
  readonly trigram: Uint8Array;
  /**
   * The same for the first four classes, checked when a candidate passes the trigram and a fourth
   * character is at hand: half the candidates that pass three characters ("comp", "inte") fail
   * the fourth. Trigrams that end a form (ICC) are marked 2 in `trigram` and skip this check.
   */
  readonly quadgram: Uint8Array;
  /** The form ending at node n, PARTICLE_END, or -1. */
  readonly formAt: Int32Array;
  /** Nodes from this id up are the shared particle sub-trie; this id is its root. */
  readonly firstParticleNode: number;
  /** 1 at the last node of a name that takes particles: its next step may enter the particle root. */
  readonly particleAt: Uint8Array;
  /** 1 where the form's last character is a word character, so a boundary must follow. */
  readonly formNeedsEnd: Uint8Array;
  readonly formTerm: Int32Array;
  /** PARTIAL_ALIAS, NAMING_ALIAS or TOPICAL_ALIAS. */
  readonly formStandalone: Uint8Array;
  /** Which of its term's aliases the form came from (for coverage reports). */
  readonly formAlias: Int32Array;
  /** 1 for a stop phrase's form (claims its span, reported to no one). */
  readonly formStop: Uint8Array;
  /**
   * How many canonical characters at a form's start it reads but does not claim (before the "|");
   * a run of spaces, dashes or double quotes in the text counts as one (the scanner maps it back).
   */
  readonly formClaimFrom: Int32Array;
  /** Likewise at its end (after its second "|"). */
  readonly formClaimTo: Int32Array;
  /** JOIN_NONE, JOIN_PAIR or JOIN_AFTER_PAIR (MatcherTerm.joins). */
  readonly formJoin: Uint8Array;
  /** Per form, FORM_KEEPS_TERM where its alias keeps its term in an article that narrows it (AliasRule.keepsTerm), plus FORM_PLACES_ITSELF where it places its thing by itself (AliasRule.placesItself). */
  readonly formFlags: Uint8Array;
  /** For exact-case forms, the letters (in order) the text must show, several spellings joined by SPELLING_SEPARATOR; null for any-case forms. */
  readonly formExactLetters: readonly (string | null)[];
  readonly termIds: readonly string[];
  readonly formCount: number;
}

/** Compiles all terms' aliases; an alias form claimed twice keeps its first term. */
export function compileAutomaton(terms: readonly MatcherTerm[]): Automaton {
  const classOf = new Uint16Array(0x10000);
  fillWordChars(classOf);
  let classCount = 1;
  const classForCanonical = new Map<string, number>();
  const classFor = (ch: string): number => {
    let cls = classForCanonical.get(ch);
    if (cls === undefined) {
      cls = classCount++;
      classForCanonical.set(ch, cls);
      const variants = ch === SEPARATOR ? SEPARATOR_CHARS : ch === QUOTE ? QUOTE_CHARS : ch === INTERPUNCT ? INTERPUNCT_CHARS : [...caseVariants(ch), ...[...(LETTER_FOLDS[ch] ?? '')].map((c) => c.charCodeAt(0))];
      for (const code of variants) classOf[code] = (cls << CLASS_SHIFT) | (classOf[code]! & (WORD_BIT | HANJA_BIT));
    }
    return cls;
  };

  // Build the trie with Maps first (compile time only), then flatten it into typed arrays.
  const children: Map<number, number>[] = [new Map()];
  const enteredBySeparator: boolean[] = [false];
  const formAtNode: number[] = [-1];
  const formTerm: number[] = [];
  const formStandalone: number[] = [];
  const formAlias: number[] = [];
  const formNeedsEnd: number[] = [];
  const formExactLetters: (string | null)[] = [];
  const formStop: number[] = [];
  const formClaimFrom: number[] = [];
  const formClaimTo: number[] = [];
  const formJoin: number[] = [];
  const formFlags: number[] = [];
  const separatorClass = classFor(SEPARATOR);
  const koreanEnds: number[] = [];

  const insert = (from: number, text: string): number => {
    let node = from;
    for (const ch of text) {
      const cls = classFor(ch);
      let next = children[node]!.get(cls);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        enteredBySeparator.push(cls === separatorClass);
        formAtNode.push(-1);
        children[node]!.set(cls, next);
      }
      node = next;
    }
    return node;
  };

  terms.forEach((term, termIndex) => {
    term.aliases.forEach((rawAlias, aliasIndex) => {
      const { alias, claimFrom, claimTo } = splitClaim(rawAlias);
      // A Korean claim followed by words it leaves takes its particle before them (제재를 부과했다).
      const forms = takesParticles(alias) && claimTo !== 0 ? withParticlesBeforeTail(trieForms(alias), claimTo.suffix) : trieForms(alias);
      for (const form of forms) {
        if (form.length > MAX_FORM_LENGTH) throw new Error(`Alias "${alias.text}" of ${term.id} is longer than ${MAX_FORM_LENGTH} characters`);
        const lower = foldLetters(form.toLowerCase());
        const fromFits = claimFrom === 0 || lower.startsWith(claimFrom.prefix);
        const toFits = claimTo === 0 || lower.endsWith(claimTo.suffix);
        // A form whose unclaimed words were declined or fused away (Кима Чен Ын for "Ким |Чен
        // Ын", 북한공병 for "북한 |공병") is not read: shown whole, it would show the words its
        // claim leaves to others. A stop phrase's form then claims its whole span, as it shows nothing.
        if (!term.stop && (!fromFits || !toFits)) continue;
        const node = insert(0, lower);
        // No particle after words left unclaimed: the particle would belong to them, not to the claim
        // (it goes before them, as a form of its own, above).
        if (takesParticles(alias) && (claimTo === 0 || !toFits)) koreanEnds.push(node);
        const existing = formAtNode[node]!;
        if (existing !== -1) {
          // One acronym in two spellings ("PoE", "POE"): one form, either spelling accepted.
          const letters = formExactLetters[existing];
          if (alias.case === 'exact' && letters != null && formTerm[existing] === termIndex && !letters.split(SPELLING_SEPARATOR).includes(lettersOf(form))) formExactLetters[existing] = letters + SPELLING_SEPARATOR + lettersOf(form);
          continue;
        }
        formAtNode[node] = formTerm.length;
        formTerm.push(termIndex);
        formStandalone.push(alias.standalone === false ? PARTIAL_ALIAS : alias.standalone === 'on-topic' ? TOPICAL_ALIAS : NAMING_ALIAS);
        formAlias.push(aliasIndex);
        formNeedsEnd.push(classOf[form.charCodeAt(form.length - 1)]! & 1);
        formExactLetters.push(alias.case === 'exact' ? lettersOf(form) : null);
        formStop.push(term.stop ? 1 : 0);
        formClaimFrom.push(claimFrom !== 0 && fromFits ? claimFrom.prefix.length : 0);
        formClaimTo.push(claimTo !== 0 && toFits ? claimTo.suffix.length : 0);
        formJoin.push(term.joins === 'pair' ? JOIN_PAIR : term.joins === 'after-pair' ? JOIN_AFTER_PAIR : JOIN_NONE);
        formFlags.push((alias.keepsTerm ? FORM_KEEPS_TERM : 0) | (alias.placesItself ? FORM_PLACES_ITSELF : 0));
      }
    });
  });

  // The scanner follows a name's own continuation before a particle, so where a particle starts
  // like the name goes on (포괄적 전략적 동반자 관계 + 에, beside the longer "…관계에 관한 조약"),
  // the particle would never be tried. There, and only there, the particle is written into the
  // name's own branch as a form of the name: one path for the scanner, both readings kept.
  // Written into one name's branch, a particle may make another name go on (북 + 측에서 gives
  // 북측 a branch 에, which would hide 북측's own 에서부터), so this runs until nothing is added.
  const firstClassOf = (text: string) => classForCanonical.get(text[0]!);
  const ends = [...new Set(koreanEnds)];
  const endSet = new Set(ends);
  const suffixSet = new Set(KOREAN_SUFFIXES);
  // Where the particle's path passes a longer name that takes particles itself, and the rest of
  // the particle is one of them (북 + 서는 through the stop phrase 북서: 북서 + 는), the text is that
  // longer name with its particle; written as the shorter name's, it would hide it.
  const longerNameTakesRest = (from: number, particle: string): boolean => {
    const chars = [...particle];
    let node = from;
    for (let i = 0; i < chars.length - 1; i++) {
      const next = children[node]!.get(classFor(chars[i]!));
      if (next === undefined) return false;
      node = next;
      if (formAtNode[node] !== -1 && endSet.has(node) && suffixSet.has(chars.slice(i + 1).join(''))) return true;
    }
    return false;
  };
  for (let added = true; added;) {
    added = false;
    for (const end of ends) {
      const form = formAtNode[end]!;
      // Exact-case forms check their letters over the whole match; a particle would fail that.
      if (form < 0 || formExactLetters[form] !== null) continue;
      for (const particle of KOREAN_SUFFIXES) {
        const cls = firstClassOf(particle);
        if (cls === undefined || !children[end]!.has(cls) || longerNameTakesRest(end, particle)) continue;
        const node = insert(end, particle);
        if (formAtNode[node] !== -1) continue;
        added = true;
        formAtNode[node] = formTerm.length;
        formTerm.push(formTerm[form]!);
        formStandalone.push(formStandalone[form]!);
        formAlias.push(formAlias[form]!);
        formNeedsEnd.push(1);
        formExactLetters.push(formExactLetters[form]!);
        formStop.push(formStop[form]!);
        formClaimFrom.push(formClaimFrom[form]!);
        formClaimTo.push(formClaimTo[form]!);
        formJoin.push(formJoin[form]!);
        formFlags.push(formFlags[form]!);
      }
    }
  }

  // The particle sub-trie: its root is never entered; its first-level edges are copied onto
  // every Korean name's last node.
  const firstParticleNode = children.length;
  if (koreanEnds.length) {
    const particleRoot = children.length;
    children.push(new Map());
    enteredBySeparator.push(false);
    formAtNode.push(-1);
    for (const particle of KOREAN_SUFFIXES) formAtNode[insert(particleRoot, particle)] = PARTICLE_END;
  }
  // Names that take particles only carry a flag: the scanner falls back to the particle root's
  // edges there. Copying those edges onto every such name (now every Latin-script alias too,
  // KN-23은) would triple the trie's edges and lengthen every lookup at a name's end.
  const particleAt = new Uint8Array(children.length);
  for (const end of koreanEnds) particleAt[end] = 1;

  const nodeCount = children.length;
  const rootNext = new Int32Array(classCount);
  for (const [cls, next] of children[0]!) rootNext[cls] = next;
  for (let code = 0; code < 0x10000; code++) if (rootNext[classOf[code]! >> CLASS_SHIFT]) classOf[code] = classOf[code]! | STARTS_ALIAS_BIT;
  const childStart = new Int32Array(nodeCount + 1);
  let edgeCount = 0;
  for (let n = 0; n < nodeCount; n++) {
    childStart[n] = edgeCount;
    edgeCount += children[n]!.size + (enteredBySeparator[n] ? 1 : 0);
  }
  childStart[nodeCount] = edgeCount;
  const childClass = new Uint16Array(edgeCount);
  const childNode = new Int32Array(edgeCount);
  for (let n = 0; n < nodeCount; n++) {
    let e = childStart[n]!;
    // A run of separators stays on the node the first one reached.
    if (enteredBySeparator[n]) {
      childClass[e] = separatorClass;
      childNode[e] = n;
      e++;
    }
    for (const [cls, next] of children[n]!) {
      childClass[e] = cls;
      childNode[e] = next;
      e++;
    }
  }
  return {
    classOf,
    rootNext,
    childStart,
    childClass,
    childNode,
    ...prefixFilters(rootNext, childStart, childClass, childNode, formAtNode, particleAt),
    formAt: Int32Array.from(formAtNode),
    firstParticleNode,
    particleAt,
    formNeedsEnd: Uint8Array.from(formNeedsEnd),
    formTerm: Int32Array.from(formTerm),
    formStandalone: Uint8Array.from(formStandalone),
    formAlias: Int32Array.from(formAlias),
    formStop: Uint8Array.from(formStop),
    formClaimFrom: Int32Array.from(formClaimFrom),
    formClaimTo: Int32Array.from(formClaimTo),
    formJoin: Uint8Array.from(formJoin),
    formFlags: Uint8Array.from(formFlags),
    formExactLetters,
    termIds: terms.map((t) => t.id),
    formCount: formTerm.length,
  };
}

/**
 * An alias without its "|" marks, the canonical prefix before the first (not claimed: "Russia’s
 * |Security Council") and the suffix after a second one (not claimed either: "|Совет
 * Безопасности| России" leaves России to match), each with the separator between it and the claim.
 */
function splitClaim(alias: AliasRule): { alias: AliasRule; claimFrom: { prefix: string } | 0; claimTo: { suffix: string } | 0 } {
  const bar = alias.text.indexOf('|');
  if (bar < 0) return { alias, claimFrom: 0, claimTo: 0 };
  const end = alias.text.indexOf('|', bar + 1);
  const before = alias.text.slice(0, bar);
  const after = end < 0 ? '' : alias.text.slice(end + 1);
  const text = before + alias.text.slice(bar + 1, end < 0 ? undefined : end) + after;
  // canonicalText trims: the separator before the first "|" belongs to the prefix, the one after the second to the suffix.
  const prefix = before.trim() ? foldLetters(canonicalText(before).toLowerCase()) + (/\s$/.test(before) ? SEPARATOR : '') : '';
  const suffix = after.trim() ? (/^\s/.test(after) ? SEPARATOR : '') + foldLetters(canonicalText(after).toLowerCase()) : '';
  return { alias: { ...alias, text }, claimFrom: prefix ? { prefix } : 0, claimTo: suffix ? { suffix } : 0 };
}

export const TRIGRAM_MASK = 0xffff;

/** The trigram hash the scanner computes too. */
export function trigramHash(c1: number, c2: number, c3: number): number {
  return ((Math.imul(c1, 0x9e3779b1) ^ Math.imul(c2, 0x85ebca6b) ^ Math.imul(c3, 0xc2b2ae35)) >>> 16) & TRIGRAM_MASK;
}

/** The four-class hash the scanner computes too (same mask as the trigram's). */
export function quadgramHash(c1: number, c2: number, c3: number, c4: number): number {
  return ((Math.imul(c1, 0x9e3779b1) ^ Math.imul(c2, 0x85ebca6b) ^ Math.imul(c3, 0xc2b2ae35) ^ Math.imul(c4, 0x27d4eb2f)) >>> 16) & TRIGRAM_MASK;
}

/** The bigram, trigram and quadgram filters (see Automaton), from the first four levels of the trie. */
export function prefixFilters(
  rootNext: Int32Array,
  childStart: Int32Array,
  childClass: Uint16Array,
  childNode: Int32Array,
  formAt: ArrayLike<number>,
  particleAt: Uint8Array,
): { bigram: Uint8Array; trigram: Uint8Array; quadgram: Uint8Array } {
  const classes = rootNext.length;
  const bigram = new Uint8Array(classes * classes);
  const trigram = new Uint8Array(TRIGRAM_MASK + 1);
  const quadgram = new Uint8Array(TRIGRAM_MASK + 1);
  for (let c1 = 1; c1 < classes; c1++) {
    const first = rootNext[c1]!;
    if (first === 0) continue;
    for (let e = childStart[first]!; e < childStart[first + 1]!; e++) {
      const c2 = childClass[e]!;
      const second = childNode[e]!;
      // A form can end after two characters (UN, EU, 북한): the third one cannot filter it.
      bigram[c1 * classes + c2] = formAt[second] !== -1 ? 2 : 1;
      // The hashes below are trigramHash and quadgramHash, with the shared terms computed once
      // per node: this runs on every page, before the code is optimised.
      const h2 = Math.imul(c1, 0x9e3779b1) ^ Math.imul(c2, 0x85ebca6b);
      for (let f = childStart[second]!; f < childStart[second + 1]!; f++) {
        const c3 = childClass[f]!;
        const third = childNode[f]!;
        const h3 = h2 ^ Math.imul(c3, 0xc2b2ae35);
        const tri = (h3 >>> 16) & TRIGRAM_MASK;
        // Likewise after three (ICC), and a Korean particle may follow a name there: no fourth check.
        if (formAt[third] !== -1 || particleAt[third] === 1) {
          trigram[tri] = 2;
          continue;
        }
        if (trigram[tri] === 0) trigram[tri] = 1;
        for (let g = childStart[third]!, end = childStart[third + 1]!; g < end; g++) quadgram[((h3 ^ Math.imul(childClass[g]!, 0x27d4eb2f)) >>> 16) & TRIGRAM_MASK] = 1;
      }
    }
  }
  return { bigram, trigram, quadgram };
}

/** The code units that fold to `ch` (both cases of a letter); multi-unit case forms are skipped. */
function caseVariants(ch: string): number[] {
  const codes = new Set<number>();
  for (const v of [ch, ch.toLowerCase(), ch.toUpperCase()]) if (v.length === 1) codes.add(v.charCodeAt(0));
  return [...codes];
}

/** Separates the spellings of one case-exact form in `formExactLetters`; never a letter itself. */
export const SPELLING_SEPARATOR = '\n';

/** Cased letters only (ё as е): dots, spaces and digits are already checked by the trie. */
export function lettersOf(text: string): string {
  let out = '';
  for (const ch of text) if (ch.toLowerCase() !== ch.toUpperCase()) out += ch;
  return foldLetters(out);
}
