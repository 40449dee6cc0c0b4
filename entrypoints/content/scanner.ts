/**
 * Walks a page's text in document order and feeds it, block by block, through the matcher.
 * A TreeWalker moves through the DOM natively (its firstChild/nextSibling/parentNode, several
 * times faster than the node properties from an isolated world), and a stack of the open
 * elements' kinds tells where a block ends, both entering and leaving one. The walk is
 * resumable: it pauses between blocks when its time slice is used up, and resumes where it
 * stopped. It allocates nothing per text node.
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
/** Per tag: inline (text on both sides is one block), or skipped with its subtree; any other tag starts a new block. */
const INLINE = 1;
const SKIPPED = 2;
const TAG_KIND = new Map<string, number>([...[...INLINE_TAGS].map((t) => [t, INLINE] as const), ...[...SKIPPED_TAGS].map((t) => [t, SKIPPED] as const)]);
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
/** How many nodes between clock reads: performance.now() is not free. */
const CLOCK_EVERY = 8;

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
  /** Kinds (INLINE or 0) of the open elements between the walk's root and its current node. */
  private openKinds: number[] = [];
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
    const walker = this.walkerFor(root, from);
    // The hot loop works on locals and writes them back once: property traffic on `this` for
    // every node costs more than the traversal itself.
    const stream = this.stream;
    const blockNodes = this.blockNodes;
    const blockStarts = this.blockStarts;
    const skippedByAttribute = this.skippedByAttribute;
    const checkAttributes = skippedByAttribute.size !== 0;
    // Kinds of the open elements between the root and the current node: climbing out of a
    // non-inline one ends the block, without asking each text node for its ancestors.
    const open = this.openKinds;
    let count = this.blockNodeCount;
    let offset = count === 0 ? 0 : stream.offset;
    let textNodes = 0;
    let characters = 0;
    let sinceClock = 0;
    let n: Node = from;
    let paused: Node | null = null;
    walk: for (;;) {
      if (n === stopAt) break;
      if (n.nodeType === TEXT_NODE) {
        const data = (n as Text).data;
        const length = data.length;
        if (length !== 0) {
          if (count === 0) { stream.beginBlock(); offset = 0; }
          blockNodes[count] = n as Text;
          blockStarts[count] = offset;
          count++;
          offset += length;
          textNodes++;
          characters += length;
          stream.feed(data);
        }
      } else {
        const kind = TAG_KIND.get((n as Element).localName);
        const skipped = kind === SKIPPED || (checkAttributes && skippedByAttribute.has(n as Element));
        // Text on either side of skipped content or a block element never joins up.
        if ((kind !== INLINE || skipped) && count !== 0) { this.flush(count); count = 0; }
        // Pause only between blocks, so a block's text is never matched across two slices; the
        // next slice starts at this element again (it has not been entered yet).
        if (count === 0 && ++sinceClock >= CLOCK_EVERY) {
          sinceClock = 0;
          if (performance.now() >= deadline) { paused = n; break; }
        }
        if (!skipped) {
          const child = walker.firstChild();
          if (child !== null) {
            open.push(kind === INLINE ? INLINE : 0);
            n = child;
            continue;
          }
        }
      }
      for (;;) {
        const sibling = walker.nextSibling();
        if (sibling !== null) { n = sibling; continue walk; }
        if (walker.parentNode() === null || walker.currentNode === root) break walk;
        if (open.pop() !== INLINE && count !== 0) { this.flush(count); count = 0; }
      }
    }
    if (paused === null) {
      if (count !== 0) { this.flush(count); count = 0; }
      open.length = 0;
    }
    this.blockNodeCount = count;
    this.counters.textNodes += textNodes;
    this.counters.characters += characters;
    return paused;
  }

  /** Releases the node references kept from the last walk. */
  release(): void {
    this.blockNodes.length = 0;
    this.blockStarts.length = 0;
    this.blockNodeCount = 0;
    this.walker = this.walkerRoot = null;
    this.openKinds = [];
    this.skippedByAttribute = new Set();
  }

  private walkerFor(root: Node, from: Node): TreeWalker {
    const walker = this.walker && this.walkerRoot === root ? this.walker : this.newWalker(root);
    if (walker.currentNode !== from) {
      // Starting (not resuming) mid-tree, as for the part of the page in view: the open elements
      // are from's ancestors.
      walker.currentNode = from;
      this.openKinds = [];
      for (let el = from.parentNode; el !== null && el !== root; el = el.parentNode) this.openKinds.unshift(TAG_KIND.get((el as Element).localName) === INLINE ? INLINE : 0);
    }
    return walker;
  }

  private newWalker(root: Node): TreeWalker {
    this.walkerRoot = root;
    this.walker = document.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
    this.openKinds = [];
    // One native query instead of an attribute check on every element.
    this.skippedByAttribute = new Set(root.nodeType === 1 || root.nodeType === 9 ? (root as Element).querySelectorAll(SKIPPED_SELECTOR) : []);
    return this.walker;
  }

  /** Ends the current block of `count` text nodes: resolves its matches to DOM positions. */
  private flush(count: number): void {
    this.blockNodeCount = count;
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
