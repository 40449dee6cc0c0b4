/**
 * Walks a page's text in document order and feeds it, block by block, through the matcher.
 *
 * Every node that crosses from the DOM into the content script's isolated world costs a wrapper
 * lookup, and every DOM getter is a call into the browser, so the walk asks as little as it can:
 * one TreeWalker step per node, the node's interface (plain JavaScript: `constructor`) to tell
 * text from elements and inline elements from blocks, and the text itself. Skipped subtrees
 * (code, scripts, form fields, SVG) are stepped over whole. Where a block ends is known on the
 * way in (a block element, a line break, skipped content before the text); leaving a block is
 * not seen on the way out, so it is asked (two parent lookups) only where it could change a
 * match: when a candidate is under way at the end of a text node, or a word would run on into
 * the next one. Editable regions are rare and costly to find up front, so matches inside one are
 * refused instead, when they are resolved. The walk is resumable: it pauses between blocks when
 * its time slice is used up, and resumes where it stopped. It allocates nothing per text node.
 */
import { MatchStream, type Automaton } from '@/lib/matcher';
import { blockOf, EDITABLE_SELECTOR, elementKind, INLINE, SKIPPED } from './dom-rules';

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

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
/**
 * Work between clock reads, in units of a node or 64 characters (about a microsecond each
 * here). performance.now() costs as much as a dozen DOM calls from an isolated world; 256 units
 * take well under a millisecond, so slices still end on time.
 */
const CLOCK_EVERY = 256;

export class TextWalker {
  private readonly stream: MatchStream;
  private readonly blockNodes: Text[] = [];
  private readonly blockStarts: number[] = [];
  private blockNodeCount = 0;
  private resolveCursor = 0;
  private walker: TreeWalker | null = null;
  private walkerRoot: Node | null = null;
  /** The last parent whose block was looked up, and that block: consecutive checks share a side. */
  private blockAskedFor: Node | null = null;
  private blockFound: Node | null = null;
  readonly counters: WalkCounters = { textNodes: 0, characters: 0 };

  constructor(
    automaton: Automaton,
    private readonly onFound: (found: FoundMention) => void,
  ) {
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
    this.blockAskedFor = this.blockFound = this.editableParent = null;
    this.editableMemo.clear();
    // The hot loop works on locals and writes them back once: property traffic on `this` for
    // every node costs more than the traversal itself.
    const stream = this.stream;
    const blockNodes = this.blockNodes;
    const blockStarts = this.blockStarts;
    const TextNode = Text;
    let count = 0;
    let offset = 0;
    let textNodes = 0;
    let characters = 0;
    let sinceClock = 0;
    /** A block element, a line break or skipped content came after the last text. */
    let crossed = false;
    let paused: Node | null = null;
    let n: Node | null = from;
    while (n !== null) {
      if (n === stopAt) break;
      const type = n.constructor;
      if (type !== TextNode) {
        const kind = elementKind(n as Element, type);
        sinceClock++;
        if (kind === SKIPPED) {
          crossed = true;
          n = nextAfterSubtree(walker);
          continue;
        }
        if (kind !== INLINE) crossed = true;
        n = walker.nextNode();
        continue;
      }
      const data = (n as Text).data;
      const length = data.length;
      if (length !== 0) {
        // Does this text continue the last one's block? Asked only where the answer matters.
        if (count !== 0 && (crossed || !stream.continuesInto(data.charCodeAt(0)) || !this.sameBlock(blockNodes[count - 1]!, n, root))) {
          this.flush(count);
          count = 0;
        }
        if (count === 0) {
          // A block starts here: pause now if the slice is used up, so that a block's text is
          // never matched across two slices.
          if (sinceClock >= CLOCK_EVERY) {
            sinceClock = 0;
            if (performance.now() >= deadline) {
              paused = n;
              break;
            }
          }
          stream.beginBlock();
          offset = 0;
        }
        blockNodes[count] = n as Text;
        blockStarts[count] = offset;
        count++;
        offset += length;
        textNodes++;
        characters += length;
        sinceClock += 1 + (length >> 6);
        stream.feed(data);
        crossed = false;
      }
      n = walker.nextNode();
    }
    if (count !== 0) this.flush(count);
    this.counters.textNodes += textNodes;
    this.counters.characters += characters;
    return paused;
  }

  /** Releases the node references kept from the last walk (the walker keeps its root). */
  release(): void {
    this.blockNodes.length = 0;
    this.blockStarts.length = 0;
    this.blockNodeCount = 0;
    this.blockAskedFor = this.blockFound = this.editableParent = null;
    this.editableMemo.clear();
    // The TreeWalker is kept for the next walk over the same root (making one costs more than
    // a small page's scan); it holds on to its root only, not to where it stopped.
    if (this.walker) this.walker.currentNode = this.walker.root;
  }

  /** Whether two text nodes, with no block element between them, share a block (none was left). */
  private sameBlock(a: Node, b: Node, root: Node): boolean {
    const pa = a.parentNode;
    const pb = b.parentNode;
    return pa === pb || this.cachedBlockOf(pa, root) === this.cachedBlockOf(pb, root);
  }

  private cachedBlockOf(parent: Node | null, root: Node): Node | null {
    if (parent !== this.blockAskedFor) {
      this.blockAskedFor = parent;
      this.blockFound = parent === null ? null : blockOf(parent, root);
    }
    return this.blockFound;
  }

  private walkerFor(root: Node): TreeWalker {
    if (this.walker && this.walkerRoot === root) return this.walker;
    this.walkerRoot = root;
    return (this.walker = document.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT));
  }

  /** Ends the current block of `count` text nodes: resolves its matches to DOM positions. */
  private flush(count: number): void {
    this.blockNodeCount = count;
    this.resolveCursor = 0;
    this.stream.endBlock(this.resolve);
    this.blockNodeCount = 0;
  }

  /** Whether a text node is in an editable region (isEditable), remembered for the last parent asked: a block's matches mostly share one. */
  private editableParent: Node | null = null;
  private editableAnswer = false;
  /** Within one walk: whether an element is inside an editable region (its ancestors' answers are shared). */
  private readonly editableMemo = new Map<Element, boolean>();
  private readonly editablePath: Element[] = [];

  private editable(node: Text): boolean {
    const parent = node.parentNode;
    if (parent !== this.editableParent) {
      this.editableParent = parent;
      this.editableAnswer = this.editableIn(node.parentElement);
    }
    return this.editableAnswer;
  }

  /**
   * Whether `start` or an ancestor is an editing host (EDITABLE_SELECTOR), as `closest` would say.
   * Each element is asked once per walk, so matches in one article share the climb: a `closest`
   * per match re-tests every ancestor against the selector.
   */
  private editableIn(start: Element | null): boolean {
    const memo = this.editableMemo;
    const path = this.editablePath;
    let answer = false;
    let el = start;
    while (el !== null) {
      const known = memo.get(el);
      if (known !== undefined) {
        answer = known;
        break;
      }
      path.push(el);
      el = el.parentElement;
    }
    for (let k = path.length - 1; k >= 0; k--) {
      const e = path[k]!;
      if (!answer) answer = e.matches(EDITABLE_SELECTOR);
      memo.set(e, answer);
    }
    path.length = 0;
    return answer;
  }

  /** Maps block offsets back to text nodes (matches arrive in increasing order); refuses editors. */
  private readonly resolve = (start: number, end: number, form: number): boolean => {
    const starts = this.blockStarts;
    let i = this.resolveCursor;
    while (i + 1 < this.blockNodeCount && starts[i + 1]! <= start) i++;
    this.resolveCursor = i;
    let j = i;
    while (j + 1 < this.blockNodeCount && starts[j + 1]! < end) j++;
    const startNode = this.blockNodes[i]!;
    const endNode = this.blockNodes[j]!;
    if (this.editable(startNode) || (endNode !== startNode && this.editable(endNode))) return false;
    this.onFound({ startNode, startOffset: start - starts[i]!, endNode, endOffset: end - starts[j]!, form });
    return true;
  };
}

/** The node after the walker's current node and all of its descendants, or null at the end. */
function nextAfterSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling !== null) return sibling;
    if (walker.parentNode() === null) return null;
  }
}
