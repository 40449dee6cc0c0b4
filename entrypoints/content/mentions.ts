/**
 * The mentions found on a page, indexed by text node (hit-testing, removal) and by term
 * (first-only, the page's topic). Each has a live range (it follows the page's own edits),
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
  /** Through an 'on-topic' alias: shows only in an article on the topic. */
  readonly topical: boolean;
  /** Names its own term even in an article that narrows it (AliasRule.keepsTerm). */
  readonly keepsTerm: boolean;
  /** Places its side-carrying thing by itself (AliasRule.placesItself: the troops' operation abroad). */
  readonly placesItself: boolean;
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
    readonly topical: boolean,
    readonly keepsTerm: boolean,
    readonly placesItself: boolean,
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

/** What changed in the store since the last `drain()`. */
export interface StoreChanges {
  added: Mention[];
  removed: Mention[];
  /** The store was cleared (a full scan started): consumers start over from `all()`. */
  reset: boolean;
}

/**
 * Every operation costs in proportion to the mentions it adds or removes, never to the whole
 * store: a page appending paragraphs to one already full of mentions pays for what it appended.
 */
export class MentionStore {
  private readonly mentions = new Set<StoredMention>();
  private readonly byNode = new Map<Text, Mention[]>();
  private readonly byTerm = new Map<number, Set<StoredMention>>();
  /** Per term, how many of its mentions use a standalone alias (what names it on the page). */
  private readonly standalone = new Map<number, number>();
  private changes: StoreChanges = { added: [], removed: [], reset: false };
  /** Bumped on every change, so consumers repaint only when something changed. */
  revision = 0;

  get size(): number {
    return this.mentions.size;
  }

  add(found: FoundMention, term: number, standalone: boolean, topical = false, keepsTerm = false, placesItself = false): Mention {
    const mention = new StoredMention(found.startNode, found.startOffset, found.endNode, found.endOffset, term, standalone, topical, keepsTerm, placesItself);
    this.insert(mention);
    this.changes.added.push(mention);
    this.revision++;
    return mention;
  }

  /** Mentions that touch `node`. */
  at(node: Text): readonly Mention[] {
    return this.byNode.get(node) ?? [];
  }

  /** Every mention, in the order found. */
  all(): Iterable<Mention> {
    return this.mentions;
  }

  /** All mentions in document order (a sorted copy: for tests and rare uses, never per repaint). */
  ordered(): readonly Mention[] {
    return inDocumentOrder(this.mentions);
  }

  /** The mentions of one term. */
  ofTerm(term: number): Iterable<Mention> {
    return this.byTerm.get(term) ?? [];
  }

  /** Terms named on the page: with at least one mention through a standalone alias. */
  namedTerms(): number[] {
    return [...this.standalone.keys()];
  }

  /**
   * Drops the mentions in text under `nodes` (text nodes, or subtrees, attached or already
   * removed from the page): work in proportion to those subtrees.
   */
  removeUnder(nodes: Iterable<Node>): number {
    let removed = 0;
    for (const node of nodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        removed += this.removeAt(node as Text);
        continue;
      }
      if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) continue;
      if (this.byNode.size === 0) continue;
      // Plain child/sibling steps: cheaper than a TreeWalker for the small subtrees most changes are.
      for (let n: Node | null = node.firstChild; n !== null && n !== node;) {
        if (n.nodeType === Node.TEXT_NODE) removed += this.removeAt(n as Text);
        let next: Node | null = n.firstChild;
        while (next === null && n !== null && n !== node) {
          next = n.nextSibling;
          if (next === null) {
            n = n.parentNode;
            if (n === node) break;
          }
        }
        n = next;
      }
    }
    return removed;
  }

  /** Hands over what changed since the last call. */
  drain(): StoreChanges {
    const changes = this.changes;
    this.changes = { added: [], removed: [], reset: false };
    return changes;
  }

  clear(): void {
    this.mentions.clear();
    this.byNode.clear();
    this.byTerm.clear();
    this.standalone.clear();
    this.changes = { added: [], removed: [], reset: true };
    this.revision++;
  }

  /**
   * Re-indexes a mention whose text is now exactly the text nodes given (the fallback painter
   * wraps it in a mark of its own); its range has already followed.
   */
  reindex(mention: Mention, startNode: Text, endNode: Text): void {
    const stored = mention as StoredMention;
    this.unindex(stored);
    stored.startNode = startNode;
    stored.startOffset = 0;
    stored.endNode = endNode;
    stored.endOffset = endNode.length;
    this.index(stored);
  }

  private removeAt(node: Text): number {
    const list = this.byNode.get(node);
    if (!list) return 0;
    let removed = 0;
    for (const m of [...list] as StoredMention[]) {
      if (!this.mentions.has(m)) continue;
      this.mentions.delete(m);
      this.unindex(m);
      const ofTerm = this.byTerm.get(m.term);
      ofTerm?.delete(m);
      if (ofTerm && ofTerm.size === 0) this.byTerm.delete(m.term);
      if (m.standalone) {
        const n = (this.standalone.get(m.term) ?? 1) - 1;
        if (n > 0) this.standalone.set(m.term, n);
        else this.standalone.delete(m.term);
      }
      this.changes.removed.push(m);
      removed++;
    }
    if (removed) this.revision++;
    return removed;
  }

  private insert(mention: StoredMention): void {
    this.mentions.add(mention);
    this.index(mention);
    let ofTerm = this.byTerm.get(mention.term);
    if (!ofTerm) this.byTerm.set(mention.term, (ofTerm = new Set()));
    ofTerm.add(mention);
    if (mention.standalone) this.standalone.set(mention.term, (this.standalone.get(mention.term) ?? 0) + 1);
  }

  private index(mention: StoredMention): void {
    mention.indexedUnder = nodesOf(mention);
    for (const node of mention.indexedUnder) {
      const list = this.byNode.get(node);
      if (list) list.push(mention);
      else this.byNode.set(node, [mention]);
    }
  }

  private unindex(mention: StoredMention): void {
    for (const node of mention.indexedUnder) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const rest = list.filter((x) => x !== mention);
      if (rest.length) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
  }
}

/** Whether mention `a` starts before `b` in the document. */
export function precedes(a: Mention, b: Mention): boolean {
  return (a as StoredMention).precedes(b as StoredMention);
}

/** Mentions in document order (a copy): for the few shown ones, never the whole store. */
export function inDocumentOrder(mentions: Iterable<Mention>): Mention[] {
  return [...mentions].sort((a, b) => (a === b ? 0 : precedes(a, b) ? -1 : 1));
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
