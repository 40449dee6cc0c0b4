/** The labelled news fixtures (tests/fixtures/news*), as eval:news, eval:agreement, eval:onoff and the labelling kit read them. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { FORM_KEEPS_TERM, FORM_PLACES_ITSELF, NAMING_ALIAS, TOPICAL_ALIAS, type Automaton } from '../lib/matcher';
import { MatchStream } from '../lib/matcher/stream';
import type { MentionFacts } from '../lib/relevance';
import { mentionPlace } from '../entrypoints/content/article-region';
// The content script's own rule for which elements split a block, so pages are laid out as it sees them.
import { INLINE_TAGS } from '../entrypoints/content/dom-rules';

export interface Label {
  text: string;
  termId: string | null;
  occurrence: number;
}

export interface Fixture {
  id: string;
  lang: string;
  onTopic: boolean;
  source: { query: string; url: string };
  note?: string;
  html: string;
  mentions: Label[];
}

/** The fixtures in a folder, in file-name order; a folder that is absent (no held-out set between rounds) holds none. */
export function loadFixtures(dir: string): Fixture[] {
  return (existsSync(dir) ? readdirSync(dir) : [])
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);
}

/** Where a label sits in the page's text: its `occurrence`-th appearance. */
export function locate(text: string, label: Label): [number, number] {
  let seen = -1;
  for (let k = 0; k <= text.length - label.text.length; k++) {
    if (text.startsWith(label.text, k) && ++seen === label.occurrence) return [k, k + label.text.length];
  }
  throw new Error(`label "${label.text}" #${label.occurrence} not found`);
}

/** The page's text as eval:news reads it, where a label's `occurrence` counts: the text content of the body. */
export function pageText(html: string): string {
  const window = new Window();
  window.document.body.innerHTML = html;
  return window.document.body.textContent ?? '';
}

/** A label with the span it covers in the page text. */
export type LocatedLabel = Label & { span: [number, number] };

/** A highlight the page shows: its span, its own term and the term a reader sees (narrowed or not). */
export interface ShownHighlight {
  start: number;
  end: number;
  term: string;
  shown: string;
}

/**
 * How eval:news scores one highlight. Right where a label of the term it shows covers it. A label
 * naming a word class (Far Eastern places, "North Koreans": never shown as themselves) names nothing
 * a reader could be shown: the word class itself on those words, shown as what the article resolves
 * it to, is unlabelled; another term there (Vostochny the port shown as the cosmodrome) is wrong, as
 * is anything on another label's words and anything on an off-topic page. Otherwise unlabelled.
 */
export function judgeHighlight(h: ShownHighlight, located: readonly LocatedLabel[], wordClasses: ReadonlySet<string>, onTopic: boolean): 'right' | 'wrong' | 'unlabelled' {
  const overlaps = (l: LocatedLabel) => h.start < l.span[1] && l.span[0] < h.end;
  const isWordClass = (l: LocatedLabel) => l.termId !== null && wordClasses.has(l.termId);
  if (located.some((l) => !isWordClass(l) && l.termId === h.shown && overlaps(l))) return 'right';
  const asWordClass = located.some((l) => isWordClass(l) && l.termId === h.term && overlaps(l));
  return (located.some(overlaps) && !asWordClass) || !onTopic ? 'wrong' : 'unlabelled';
}

/** A name the matcher found on a page, where it starts and ends in the page's text, and its text node. */
export interface FoundMention {
  start: number;
  end: number;
  term: number;
  standalone: boolean;
  topical: boolean;
  keepsTerm: boolean;
  placesItself: boolean;
  node: Text;
}

/**
 * Text nodes in document order with their offset in body.textContent, grouped into blocks as the
 * content script groups them, and run through the matcher: a page as the extension reads it.
 */
export function scanPage(html: string, automaton: Automaton): { text: string; found: FoundMention[] } {
  const window = new Window();
  const document = window.document;
  document.body.innerHTML = html;
  const body = document.body as unknown as Element;
  const blocks: { nodes: { node: Text; offset: number }[] }[] = [];
  let text = '';
  let current: Element | null = null;
  const walker = document.createTreeWalker(document.body, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const node = n as unknown as Text;
    let block = node.parentElement as Element | null;
    while (block && block !== body && INLINE_TAGS.has(block.localName)) block = block.parentElement;
    if (block !== current || !blocks.length) {
      blocks.push({ nodes: [] });
      current = block;
    }
    blocks[blocks.length - 1]!.nodes.push({ node, offset: text.length });
    text += node.data;
  }
  const stream = new MatchStream(automaton);
  const found: FoundMention[] = [];
  for (const block of blocks) {
    stream.beginBlock();
    const starts: number[] = [];
    for (const { node } of block.nodes) {
      starts.push(stream.offset);
      stream.feed(node.data);
    }
    const base = block.nodes[0]!.offset;
    stream.endBlock((start, end, form) => {
      let i = starts.length - 1;
      while (i > 0 && starts[i]! > start) i--;
      found.push({
        start: base + start,
        end: base + end,
        term: automaton.formTerm[form]!,
        standalone: automaton.formStandalone[form] === NAMING_ALIAS,
        topical: automaton.formStandalone[form] === TOPICAL_ALIAS,
        keepsTerm: (automaton.formFlags[form]! & FORM_KEEPS_TERM) !== 0,
        placesItself: (automaton.formFlags[form]! & FORM_PLACES_ITSELF) !== 0,
        node: block.nodes[i]!.node,
      });
    });
  }
  return { text, found };
}

/** The relevance gate's facts for the names found: each with its place on the page (article or furniture, passage, headline). */
export function mentionFactsOf(found: readonly FoundMention[]): MentionFacts[] {
  return found.map((f) => ({ term: f.term, standalone: f.standalone, topical: f.topical, keepsTerm: f.keepsTerm, placesItself: f.placesItself, place: mentionPlace(f.node) }));
}
