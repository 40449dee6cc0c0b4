/**
 * Walks a page's text in document order and feeds it, block by block, through the matcher.
 * The walk is resumable: it pauses between blocks when its time slice is used up, so no task
 * runs long, and resumes where it stopped. It allocates nothing per text node.
 */
import { MatchStream, type Automaton } from '@/lib/matcher';
import { INLINE_TAGS, isSkipped } from './dom-rules';

/** A match in DOM terms: [startNode:startOffset, endNode:endOffset) and the automaton's form. */
export interface FoundMention {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  form: number;
}

export interface WalkCounters {
  textNodes: number;
  characters: number;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/** How many nodes between clock reads: performance.now() is not free. */
const CLOCK_EVERY = 32;

export class TextWalker {
  private readonly stream: MatchStream;
  private readonly blockNodes: Text[] = [];
  private readonly blockStarts: number[] = [];
  private blockNodeCount = 0;
  private resolveCursor = 0;
  readonly counters: WalkCounters = { textNodes: 0, characters: 0 };

  constructor(automaton: Automaton, private readonly onFound: (found: FoundMention) => void) {
    this.stream = new MatchStream(automaton);
  }

  /**
   * Walks from `from` (inclusive) through the rest of `root`'s subtree, or until `stopAt`.
   * Returns the node to resume at when `deadline` (a performance.now() value) passes, else null.
   */
  walk(root: Node, from: Node | null, deadline: number, stopAt: Node | null = null): Node | null {
    let n = from;
    let sinceClock = 0;
    while (n !== null && n !== stopAt) {
      const type = n.nodeType;
      if (type === TEXT_NODE) {
        this.feed(n as Text);
      } else if (type === ELEMENT_NODE) {
        const el = n as Element;
        if (!INLINE_TAGS.has(el.localName)) this.endBlock();
        if (!isSkipped(el)) {
          const child = el.firstChild;
          if (child !== null) { n = child; continue; }
        }
      }
      // Next node in document order, leaving finished elements (and their blocks) behind.
      while (n.nextSibling === null) {
        const parent: Node | null = n.parentNode;
        if (parent === null || parent === root) { this.endBlock(); return null; }
        n = parent;
        if (!INLINE_TAGS.has((n as Element).localName)) this.endBlock();
      }
      n = n.nextSibling;
      // Pause only between blocks, so a block's text is never matched across two slices.
      if (this.blockNodeCount === 0 && ++sinceClock >= CLOCK_EVERY) {
        sinceClock = 0;
        if (performance.now() >= deadline) return n;
      }
    }
    this.endBlock();
    return null;
  }

  /** Releases the node references kept from the last block. */
  release(): void {
    this.blockNodes.length = 0;
    this.blockStarts.length = 0;
    this.blockNodeCount = 0;
  }

  private feed(text: Text): void {
    const data = text.data;
    if (data.length === 0) return;
    if (this.blockNodeCount === 0) this.stream.beginBlock();
    this.blockNodes[this.blockNodeCount] = text;
    this.blockStarts[this.blockNodeCount] = this.stream.offset;
    this.blockNodeCount++;
    this.counters.textNodes++;
    this.counters.characters += data.length;
    this.stream.feed(data);
  }

  private endBlock(): void {
    if (this.blockNodeCount === 0) return;
    this.resolveCursor = 0;
    this.stream.endBlock(this.resolve);
    this.blockNodeCount = 0;
  }

  /** Maps block offsets back to text nodes; matches arrive in increasing order. */
  private readonly resolve = (start: number, end: number, form: number): void => {
    const starts = this.blockStarts;
    let i = this.resolveCursor;
    while (i + 1 < this.blockNodeCount && starts[i + 1]! <= start) i++;
    this.resolveCursor = i;
    let j = i;
    while (j + 1 < this.blockNodeCount && starts[j + 1]! < end) j++;
    this.onFound({
      startNode: this.blockNodes[i]!,
      startOffset: start - starts[i]!,
      endNode: this.blockNodes[j]!,
      endOffset: end - starts[j]!,
      form,
    });
  };
}
