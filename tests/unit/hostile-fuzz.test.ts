/**
 * Fuzz (issue 11): fast-check builds random pages (nesting, words split across inline elements,
 * blocks, line breaks, skipped and hidden parts, editable regions, shadow roots, odd Unicode) and
 * checks that the scanner never throws and finds exactly what a plain reference finds: the
 * reference collects each block's text by a direct recursive reading of the same DOM rules and
 * matches it whole with the same automaton, refusing matches that touch an editable region.
 * Also checked: a rescan of every block after the scan changes nothing, and a scan paused at
 * every block boundary finds the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EDITABLE_SELECTOR, elementKind, INLINE, SKIPPED } from '../../entrypoints/content/dom-rules';
import { PageScan } from '../../entrypoints/content/page-scan';
import { TextWalker, type FoundMention } from '../../entrypoints/content/scanner';
import type { Corpus } from '../../lib/corpus/schema';
import { compileAutomaton } from '../../lib/matcher';
import { MatchStream } from '../../lib/matcher/stream';

const corpus: Corpus = JSON.parse(readFileSync(join(__dirname, '../../data/corpus.json'), 'utf8'));
const automaton = compileAutomaton(corpus.terms);
const aliases = corpus.terms.flatMap((t) => t.aliases.map((a) => a.text)).filter((_, i) => i % 7 === 0);

/** Words and pieces of words: aliases, their halves, fillers, and Unicode that trips text code. */
const ODD = ['\u00a0', '\u200b', '\u200d', '\u0301', '\u202e', '\ud83c\uddf0\ud83c\uddf5', '\ud800', '’', '—', '-', '\t', '\n', ' ', '  ', 'İ', 'ß', 'ﬁ', '\u0000'];
const piece = fc.oneof(
  fc.constantFrom(...aliases),
  fc.constantFrom(...aliases).chain((a) => fc.integer({ min: 0, max: a.length }).map((i) => (i % 2 ? a.slice(0, i) : a.slice(i)))),
  fc.constantFrom('the', 'and', 'Kim', 'Jong', 'Un', 'North', 'Korea', 'Russia’s', 'Путин', '김정은이', '152', 'mm', 'ES-11/1', 'said', '.'),
  fc.constantFrom(...ODD),
  fc.string({ maxLength: 4 }),
);
const text = fc.tuple(fc.array(piece, { minLength: 1, maxLength: 6 }), fc.constantFrom(' ', '')).map(([parts, glue]) => parts.join(glue));

type Tree = { kind: 'text'; text: string } | { kind: 'el'; tag: string; attrs: Record<string, string>; shadow: boolean; children: Tree[] };
const TAGS = ['b', 'i', 'span', 'a', 'em', 'p', 'div', 'li', 'section', 'h2', 'br', 'code', 'script', 'textarea', 'pre', 'blockquote'];
const ATTRS = fc.constantFrom<Record<string, string>>({}, {}, {}, { hidden: '' }, { contenteditable: 'true' }, { contenteditable: 'false' }, { role: 'textbox' }, { style: 'display:none' });

/** An alias cut in two, its second part in an inline element (bold, a link, an editable span…). */
const splitAlias = fc.tuple(fc.constantFrom(...aliases), fc.nat(), fc.constantFrom('b', 'span', 'a', 'i'), ATTRS).map(([alias, at, tag, attrs]): Tree => {
  const cut = 1 + (at % Math.max(1, alias.length - 1));
  return {
    kind: 'el',
    tag: 'span',
    attrs: {},
    shadow: false,
    children: [
      { kind: 'text', text: `x ${alias.slice(0, cut)}` },
      { kind: 'el', tag, attrs, shadow: false, children: [{ kind: 'text', text: `${alias.slice(cut)} y` }] },
    ],
  };
});

const { tree } = fc.letrec<{ tree: Tree; node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map((t) => ({ kind: 'text' as const, text: t })),
    splitAlias,
    tie('tree'),
  ),
  tree: fc.record({
    kind: fc.constant('el' as const),
    tag: fc.constantFrom(...TAGS),
    attrs: ATTRS,
    shadow: fc.integer({ min: 0, max: 4 }).map((i) => i === 0),
    children: fc.array(tie('node'), { maxLength: 5 }),
  }),
}));

function build(t: Tree): Node {
  if (t.kind === 'text') return document.createTextNode(t.text);
  const el = document.createElement(t.tag);
  for (const [k, v] of Object.entries(t.attrs)) el.setAttribute(k, v);
  if (t.tag !== 'br') for (const c of t.children) el.append(build(c));
  if (t.shadow && ['div', 'span', 'section', 'p'].includes(t.tag)) {
    // Text in a shadow root is not the page's document text: neither side reads it.
    el.attachShadow({ mode: 'open' }).append(build({ kind: 'text', text: 'Kim Jong Un in a shadow root' }));
  }
  return el;
}

/** The reference: blocks of text by a direct recursive reading of the rules, matched whole. */
function reference(root: Element): string[] {
  const blocks: { nodes: Text[]; starts: number[]; text: string }[] = [];
  let current: { nodes: Text[]; starts: number[]; text: string } | null = null;
  const end = () => {
    if (current) blocks.push(current);
    current = null;
  };
  const visit = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) {
      const data = (n as Text).data;
      if (!data) return;
      current ??= { nodes: [], starts: [], text: '' };
      current.nodes.push(n as Text);
      current.starts.push(current.text.length);
      current.text += data;
      return;
    }
    if (n.nodeType !== Node.ELEMENT_NODE) return;
    const kind = elementKind(n as Element);
    if (kind === SKIPPED) {
      end();
      return;
    }
    if (kind !== INLINE) end();
    for (let c = n.firstChild; c; c = c.nextSibling) visit(c);
    if (kind !== INLINE) end();
  };
  for (let c = root.firstChild; c; c = c.nextSibling) visit(c);
  end();
  const stream = new MatchStream(automaton);
  const out: string[] = [];
  for (const block of blocks) {
    stream.beginBlock();
    stream.feed(block.text);
    stream.endBlock((start, stop, form) => {
      let i = 0;
      while (i + 1 < block.nodes.length && block.starts[i + 1]! <= start) i++;
      let j = i;
      while (j + 1 < block.nodes.length && block.starts[j + 1]! < stop) j++;
      const a = block.nodes[i]!;
      const b = block.nodes[j]!;
      if (a.parentElement?.closest(EDITABLE_SELECTOR) || b.parentElement?.closest(EDITABLE_SELECTOR)) return false;
      out.push(key(root, { startNode: a, startOffset: start - block.starts[i]!, endNode: b, endOffset: stop - block.starts[j]!, form }));
      return true;
    });
  }
  return out;
}

function key(root: Element, f: FoundMention): string {
  const texts = [...allText(root)];
  return `${texts.indexOf(f.startNode)}:${f.startOffset}-${texts.indexOf(f.endNode)}:${f.endOffset}#${f.form}`;
}

function* allText(root: Node): Generator<Text> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) yield n as Text;
}

function scanned(root: Element, deadline = Infinity): string[] {
  const found: string[] = [];
  const walker = new TextWalker(automaton, (f) => found.push(key(root, f)));
  let next: Node | null = root.firstChild;
  while (next !== null) next = walker.walk(root, next, deadline);
  return found;
}

describe('the scanner on random pages', () => {
  it('never throws and finds exactly what the reference finds', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 6 }), (trees) => {
        document.body.replaceChildren(...trees.map(build));
        const expected = reference(document.body);
        expect(scanned(document.body)).toEqual(expected);
        // Paused wherever it may be (a deadline always passed): the same.
        expect(scanned(document.body, -1)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('finds the same again after rescanning every block, without duplicates', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(tree, { minLength: 1, maxLength: 5 }), async (trees) => {
        document.body.replaceChildren(...trees.map(build));
        const scan = new PageScan(automaton, () => {});
        const signal = new AbortController().signal;
        await scan.scanAll(signal);
        const before = scan.store.size;
        const blocks = [...document.body.querySelectorAll('*')].filter((el) => elementKind(el) !== INLINE);
        await scan.rescan(blocks, signal);
        expect(scan.store.size).toBe(before);
        expect(before).toBe(reference(document.body).length);
      }),
      { numRuns: 60 },
    );
  });
});
