/**
 * Walks a page's text in document order and feeds it, block by block, through the matcher.
 * A TreeWalker does the traversal natively (several times faster than firstChild/nextSibling
 * from JavaScript); block boundaries are found from each text node's nearest non-inline
 * ancestor. The walk is resumable: it pauses between blocks when its time slice is used up, and
 * resumes where it stopped. It allocates nothing per text node.
 */
import { MatchStream, type Automaton } from '@/lib/matcher';
import { INLINE_TAGS, SKIPPED_SELECTOR, SKIPPED_TAGS } from './dom-rules';

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
/** Per tag: 0 starts a new block, 1 is inline, 2 is skipped with its subtree. */
const TAG_KIND = new Map<string, number>([...[...INLINE_TAGS].map((t) => [t, 1] as const), ...[...SKIPPED_TAGS].map((t) => [t, 2] as const)]);
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
/** How many nodes between clock reads: performance.now() is not free. */
const CLOCK_EVERY = 32;

export class TextWalker {
  private readonly stream: MatchStream;
  private readonly blockNodes: Text[] = [];
  private readonly blockStarts: number[] = [];
  private blockNodeCount = 0;
  private resolveCursor = 0;
  private walker: TreeWalker | null = null;
  private walkerRoot: Node | null = null;
  /** Elements skipped for their attributes (editable regions), found once per walk root. */
  private skippedByAttribute = new Set<Element>();
  /** The last text node's parent, and the block it belongs to. */
  private lastParent: Node | null = null;
  private block: Node | null = null;
  readonly counters: WalkCounters = { textNodes: 0, characters: 0 };

  constructor(automaton: Automaton, private readonly onFound: (found: FoundMention) => void) {
    this.stream = new MatchStream(automaton);
  }

  /**
   * Walks from `from` (inclusive) through the rest of `root`'s subtree, or until `stopAt`.
   * Returns the node to resume at when `deadline` (a performance.now() value) passes, else null.
   */
  walk(root: Node, from: Node | null, deadline: number, stopAt: Node | null = null): Node | null {
    if (from === null) return null;
    const walker = this.walkerFor(root);
    walker.currentNode = from;
    let n: Node | null = from;
    let sinceClock = 0;
    while (n !== null && n !== stopAt) {
      if (n.nodeType === TEXT_NODE) {
        const parent = n.parentNode;
        if (parent !== this.lastParent) {
          this.lastParent = parent;
          let block = parent;
          while (block !== null && block !== root && INLINE_TAGS.has((block as Element).localName)) block = block.parentNode;
          if (block !== this.block) { this.endBlock(); this.block = block; }
        }
        this.feed(n as Text);
        n = walker.nextNode();
        continue;
      }
      const el = n as Element;
      const kind = TAG_KIND.get(el.localName) ?? 0;
      if (kind === 2 || (this.skippedByAttribute.size !== 0 && this.skippedByAttribute.has(el))) {
        // Text on either side of skipped content never joins up.
        this.endBlock();
        n = nextOutside(walker);
      } else {
        if (kind === 0) this.endBlock();
        n = walker.nextNode();
      }
      // Pause only between blocks, so a block's text is never matched across two slices.
      if (this.blockNodeCount === 0 && ++sinceClock >= CLOCK_EVERY) {
        sinceClock = 0;
        if (n !== null && performance.now() >= deadline) return n;
      }
    }
    this.endBlock();
    return null;
  }

  /** Releases the node references kept from the last walk. */
  release(): void {
    this.blockNodes.length = 0;
    this.blockStarts.length = 0;
    this.blockNodeCount = 0;
    this.walker = this.walkerRoot = this.lastParent = this.block = null;
    this.skippedByAttribute = new Set();
  }

  private walkerFor(root: Node): TreeWalker {
    if (this.walker && this.walkerRoot === root) return this.walker;
    this.endBlock();
    this.walkerRoot = root;
    this.walker = document.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
    this.lastParent = this.block = null;
    // One native query instead of an attribute check on every element.
    this.skippedByAttribute = new Set(root.nodeType === 1 || root.nodeType === 9 ? (root as Element).querySelectorAll(SKIPPED_SELECTOR) : []);
    return this.walker;
  }

  private feed(text: Text): void {
    const data = text.data;
    if (data.length === 0) return;
    const stream = this.stream;
    const count = this.blockNodeCount;
    if (count === 0) stream.beginBlock();
    this.blockNodes[count] = text;
    this.blockStarts[count] = stream.offset;
    this.blockNodeCount = count + 1;
    this.counters.textNodes++;
    this.counters.characters += data.length;
    stream.feed(data);
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

/** The node after the walker's current node's subtree, or null at the end of the root. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling !== null) return sibling;
    if (walker.parentNode() === null) return null;
  }
}
