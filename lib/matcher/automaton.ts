/**
 * Compiles every alias form of every term into one trie over character classes, stored in typed
 * arrays. The classes fold case, dashes, spaces and quotes, so the scanner never builds a
 * normalised copy of the page's text: it looks each code unit up once in `classOf`.
 */
import { aliasForms, type AliasRule } from './alias-forms';
import { markWordChars, QUOTE, QUOTE_CHARS, SEPARATOR, SEPARATOR_CHARS } from './chars';

/** What the matcher needs to know of a term (the content script holds only this). */
export interface MatcherTerm {
  id: string;
  aliases: readonly AliasRule[];
}

/** Longest form, in code units, whose exact case can be verified (the scanner's ring buffer). */
export const MAX_FORM_LENGTH = 120;

export interface Automaton {
  /** Per code unit: class << 1 | isWordChar. Class 0: no alias uses the character. */
  readonly classOf: Uint16Array;
  /** The separator class: a node entered on it loops on further separators (runs of spaces). */
  readonly separatorClass: number;
  /** Root transitions, dense by class (0 = none). */
  readonly rootNext: Int32Array;
  /** Other transitions, CSR: children of node n are edges childStart[n] .. childStart[n + 1] - 1. */
  readonly childStart: Int32Array;
  readonly childClass: Uint16Array;
  readonly childNode: Int32Array;
  /** The form ending at node n, or -1. */
  readonly formAt: Int32Array;
  /** 1 where the form's last character is a word character, so a boundary must follow. */
  readonly formNeedsEnd: Uint8Array;
  readonly formTerm: Int32Array;
  readonly formStandalone: Uint8Array;
  /** Which of its term's aliases the form came from (for coverage reports). */
  readonly formAlias: Int32Array;
  /** For exact-case forms, the letters (in order) the text must show; null for any-case forms. */
  readonly formExactLetters: readonly (string | null)[];
  readonly termIds: readonly string[];
  readonly formCount: number;
}

/** Compiles all terms' aliases; an alias form claimed twice keeps its first term. */
export function compileAutomaton(terms: readonly MatcherTerm[]): Automaton {
  const classOf = new Uint16Array(0x10000);
  markWordChars(classOf);
  let classCount = 1;
  const classForCanonical = new Map<string, number>();
  const classFor = (ch: string): number => {
    let cls = classForCanonical.get(ch);
    if (cls === undefined) {
      cls = classCount++;
      classForCanonical.set(ch, cls);
      const variants = ch === SEPARATOR ? SEPARATOR_CHARS : ch === QUOTE ? QUOTE_CHARS : caseVariants(ch);
      for (const code of variants) classOf[code] = (cls << 1) | (classOf[code]! & 1);
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
  const separatorClass = classFor(SEPARATOR);

  terms.forEach((term, termIndex) => {
    term.aliases.forEach((alias, aliasIndex) => {
      for (const form of aliasForms(alias)) {
        if (form.length > MAX_FORM_LENGTH) throw new Error(`Alias "${alias.text}" of ${term.id} is longer than ${MAX_FORM_LENGTH} characters`);
        let node = 0;
        for (const ch of form.toLowerCase()) {
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
        if (formAtNode[node] !== -1) continue;
        formAtNode[node] = formTerm.length;
        formTerm.push(termIndex);
        formStandalone.push(alias.standalone === false ? 0 : 1);
        formAlias.push(aliasIndex);
        formNeedsEnd.push(classOf[form.charCodeAt(form.length - 1)]! & 1);
        formExactLetters.push(alias.case === 'exact' ? lettersOf(form) : null);
      }
    });
  });

  const nodeCount = children.length;
  const rootNext = new Int32Array(classCount);
  for (const [cls, next] of children[0]!) rootNext[cls] = next;
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
    if (enteredBySeparator[n]) { childClass[e] = separatorClass; childNode[e] = n; e++; }
    for (const [cls, next] of children[n]!) { childClass[e] = cls; childNode[e] = next; e++; }
  }
  return {
    classOf, separatorClass, rootNext, childStart, childClass, childNode,
    formAt: Int32Array.from(formAtNode),
    formNeedsEnd: Uint8Array.from(formNeedsEnd),
    formTerm: Int32Array.from(formTerm),
    formStandalone: Uint8Array.from(formStandalone),
    formAlias: Int32Array.from(formAlias),
    formExactLetters,
    termIds: terms.map((t) => t.id),
    formCount: formTerm.length,
  };
}

/** The code units that fold to `ch` (both cases of a letter); multi-unit case forms are skipped. */
function caseVariants(ch: string): number[] {
  const codes = new Set<number>();
  for (const v of [ch, ch.toLowerCase(), ch.toUpperCase()]) if (v.length === 1) codes.add(v.charCodeAt(0));
  return [...codes];
}

/** Cased letters only: dots, spaces and digits are already checked by the trie. */
export function lettersOf(text: string): string {
  let out = '';
  for (const ch of text) if (ch.toLowerCase() !== ch.toUpperCase()) out += ch;
  return out;
}
