/**
 * The compiled automaton as one base64 string. The background compiles once per corpus and
 * stores this; a content script decodes it in about a millisecond instead of compiling for
 * tens of milliseconds on every page.
 */
import { CLASS_SHIFT, prefixFilters, PARTICLE_END, type Automaton } from './automaton';
import { fillWordChars } from './chars';

// 6: class-table entries carry HANJA_BIT, so classes sit one bit higher (CLASS_SHIFT 3).
const FORMAT = 6;

/** Serialises everything but the term ids (the matcher data carries those). */
export function packAutomaton(a: Automaton): string {
  const classPairs: number[] = [];
  for (let code = 0; code < 0x10000; code++) if (a.classOf[code]! >> CLASS_SHIFT) classPairs.push(code, a.classOf[code]!);
  const exact = a.formExactLetters.flatMap((letters, form) => (letters === null ? [] : [[form, letters] as const]));
  const header = {
    format: FORMAT,
    firstParticleNode: a.firstParticleNode,
    formCount: a.formCount,
    exact,
    lengths: [classPairs.length, a.rootNext.length, a.childStart.length, a.childClass.length, a.childNode.length, a.formAt.length, a.formTerm.length],
  };
  const ints = Int32Array.from([
    ...classPairs,
    ...a.rootNext,
    ...a.childStart,
    ...a.childClass,
    ...a.childNode,
    ...a.formAt,
    ...a.particleAt,
    ...a.formTerm,
    ...a.formNeedsEnd,
    ...a.formStandalone,
    ...a.formStop,
    ...a.formClaimFrom,
    ...a.formClaimTo,
    ...a.formJoin,
    ...a.formFlags,
  ]);
  return `${JSON.stringify(header)}\n${toBase64(new Uint8Array(ints.buffer))}`;
}

/** Rebuilds an automaton; null if the string is not a well-formed packed automaton. */
export function unpackAutomaton(packed: string, termIds: readonly string[]): Automaton | null {
  try {
    const newline = packed.indexOf('\n');
    const header = JSON.parse(packed.slice(0, newline)) as { format: number; firstParticleNode: number; formCount: number; exact: [number, string][]; lengths: number[] };
    if (header.format !== FORMAT || header.lengths.length !== 7) return null;
    const bytes = fromBase64(packed.slice(newline + 1));
    if (bytes.byteLength % 4) return null;
    const ints = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    const [pairs, roots, starts, classes, nodes, formAtLength, forms] = header.lengths as [number, number, number, number, number, number, number];
    if (ints.length !== pairs + roots + starts + classes + nodes + 2 * formAtLength + 8 * forms || forms !== header.formCount) return null;
    let at = 0;
    const take = (n: number) => ints.subarray(at, (at += n));
    const classPairs = take(pairs);
    const classOf = new Uint16Array(0x10000);
    fillWordChars(classOf);
    for (let i = 0; i < classPairs.length; i += 2) classOf[classPairs[i]!] = classPairs[i + 1]!;
    // Typed-array constructors and slice() copy natively; Array.from() would iterate in JS.
    const automaton: Automaton = {
      classOf,
      rootNext: take(roots).slice(),
      childStart: take(starts).slice(),
      childClass: new Uint16Array(take(classes)),
      childNode: take(nodes).slice(),
      bigram: new Uint8Array(0),
      trigram: new Uint8Array(0),
      quadgram: new Uint8Array(0),
      formAt: take(formAtLength).slice(),
      particleAt: new Uint8Array(take(formAtLength)),
      firstParticleNode: header.firstParticleNode,
      formTerm: take(forms).slice(),
      formNeedsEnd: new Uint8Array(take(forms)),
      formStandalone: new Uint8Array(take(forms)),
      formAlias: new Int32Array(forms).fill(-1),
      formStop: new Uint8Array(take(forms)),
      formClaimFrom: take(forms).slice(),
      formClaimTo: take(forms).slice(),
      formJoin: new Uint8Array(take(forms)),
      formFlags: new Uint8Array(take(forms)),
      formExactLetters: new Array<string | null>(forms).fill(null),
      termIds,
      formCount: forms,
    };
    for (const [form, letters] of header.exact) (automaton.formExactLetters as (string | null)[])[form] = letters;
    if (!isConsistent(automaton)) return null;
    return { ...automaton, ...prefixFilters(automaton.rootNext, automaton.childStart, automaton.childClass, automaton.childNode, automaton.formAt, automaton.particleAt) };
  } catch {
    return null;
  }
}

/**
 * The blob is ours (the background wrote it), so the check is structural: sizes that agree, and
 * every index that leads to a term within range (a bad one would crash the page's painter). A bad
 * trie edge can only make a wrong match, never a hang: every step of the scanner consumes a
 * character, and a missing node has no children.
 */
function isConsistent(a: Automaton): boolean {
  // Locals, not property reads per element: this runs once per page, before the code is optimised.
  const { formAt, childStart, childClass, childNode, formTerm, formCount } = a;
  const nodes = formAt.length;
  if (childStart.length !== nodes + 1 || childStart[0] !== 0 || childStart[nodes] !== childNode.length) return false;
  if (childClass.length !== childNode.length || a.rootNext.length === 0) return false;
  for (let i = 0; i < nodes; i++) {
    const form = formAt[i]!;
    if (form >= formCount || form < PARTICLE_END) return false;
  }
  const termCount = a.termIds.length;
  for (let i = 0; i < formCount; i++) {
    const term = formTerm[i]!;
    if (term < 0 || term >= termCount) return false;
  }
  return true;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  // Native where the browser has it (Chrome 140+, Firefox 133+); a JS loop otherwise.
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
