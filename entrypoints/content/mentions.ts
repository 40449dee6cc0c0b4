/**
 * The mentions found on a page, indexed by text node for hit-testing, and kept in document
 * order for stepping and first-only. Each has a live range (it follows the page's own edits),
 * made when first asked for: most mentions on most pages are never shown (a generic term on a
 * page off the topic), and every live range costs three DOM calls to make and some upkeep on
 * each of the page's own edits. Until then the text nodes and offsets stand in; an edit to
 * them is rescanned within a frame, which replaces the mention.
 */
import type { FoundMention } from './scanner';

export interface Mention {
  readonly range: Range;
  readonly term: number;
  readonly standalone: boolean;
  startNode: Text;
  endNode: Text;
}

class StoredMention implements Mention {
  private live: Range | null = null;
  /** The text nodes it was indexed under (more than one when it spans elements). */
  indexedUnder: readonly Text[] = [];

  constructor(
    public startNode: Text,
    public startOffset: number,
    public endNode: Text,
    public endOffset: number,
    readonly term: number,
    readonly standalone: boolean,
  ) {}

  get range(): Range {
    if (this.live === null) {
      const range = document.createRange();
      range.setStart(this.startNode, Math.min(this.startOffset, this.startNode.length));
      range.setEnd(this.endNode, Math.min(this.endOffset, this.endNode.length));
      this.live = range;
    }
    return this.live;
  }

  /** Whether this mention starts before `other` (document order). */
  precedes(other: StoredMention): boolean {
    if (this.startNode === other.startNode) return this.startOffset <= other.startOffset;
    return (this.startNode.compareDocumentPosition(other.startNode) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  }
}

export class MentionStore {
  private all: StoredMention[] = [];
  private byNode = new Map<Text, Mention[]>();
  private sorted: StoredMention[] | null = [];
  /** Bumped on every change, so consumers repaint only when something changed. */
  revision = 0;

  get size(): number {
    return this.all.length;
  }

  add(found: FoundMention, term: number, standalone: boolean): Mention {
    const mention = new StoredMention(found.startNode, found.startOffset, found.endNode, found.endOffset, term, standalone);
    // A scan from the top finds mentions in document order: keep that order as they come (one
    // comparison each) rather than sorting the whole store on every repaint.
    const sorted = this.sorted;
    const keepsOrder = sorted !== null && (sorted.length === 0 || sorted[sorted.length - 1]!.precedes(mention));
    this.all.push(mention);
    this.index(mention);
    this.changed();
    if (keepsOrder) {
      sorted.push(mention);
      this.sorted = sorted;
    }
    return mention;
  }

  /** Mentions that touch `node`. */
  at(node: Text): readonly Mention[] {
    return this.byNode.get(node) ?? [];
  }

  /** All mentions in document order (the store's own array, changed by later adds: copy it to keep it). */
  ordered(): readonly Mention[] {
    if (!this.sorted) {
      this.sorted = [...this.all].sort((a, b) => (a === b ? 0 : a.precedes(b) ? -1 : 1));
    }
    return this.sorted;
  }

  /** Drops the mentions `drop` picks (text about to be scanned again, or gone from the page). */
  removeWhere(drop: (m: Mention) => boolean): number {
    const before = this.all.length;
    this.all = this.all.filter((m) => {
      if (!drop(m)) return true;
      for (const node of m.indexedUnder) {
        const list = this.byNode.get(node);
        if (!list) continue;
        const rest = list.filter((x) => x !== m);
        if (rest.length) this.byNode.set(node, rest);
        else this.byNode.delete(node);
      }
      return false;
    });
    const removed = before - this.all.length;
    if (removed) this.changed();
    return removed;
  }

  clear(): void {
    this.all = [];
    this.byNode.clear();
    this.changed();
    this.sorted = [];
  }

  /**
   * Re-indexes a mention whose text is now exactly the text nodes given (the fallback painter
   * wraps it in a mark of its own); its range has already followed.
   */
  reindex(mention: Mention, startNode: Text, endNode: Text): void {
    const stored = mention as StoredMention;
    this.removeWhere((m) => m === stored);
    stored.startNode = startNode;
    stored.startOffset = 0;
    stored.endNode = endNode;
    stored.endOffset = endNode.length;
    this.all.push(stored);
    this.index(stored);
    this.changed();
  }

  private index(mention: StoredMention): void {
    mention.indexedUnder = nodesOf(mention);
    for (const node of mention.indexedUnder) {
      const list = this.byNode.get(node);
      if (list) list.push(mention);
      else this.byNode.set(node, [mention]);
    }
  }

  private changed(): void {
    this.sorted = null;
    this.revision++;
  }
}

/** The text nodes a mention spans (usually one). */
function nodesOf(m: Mention): Text[] {
  if (m.startNode === m.endNode) return [m.startNode];
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(m.startNode.getRootNode(), NodeFilter.SHOW_TEXT);
  walker.currentNode = m.startNode;
  for (let n: Node | null = m.startNode; n; n = walker.nextNode()) {
    nodes.push(n as Text);
    if (n === m.endNode) break;
  }
  return nodes;
}
