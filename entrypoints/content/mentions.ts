/**
 * The mentions found on a page: live ranges (they follow the page's own edits), indexed by text
 * node for hit-testing, and kept in document order on demand for stepping and first-only.
 */
import type { FoundMention } from './scanner';

export interface Mention {
  range: Range;
  term: number;
  standalone: boolean;
  startNode: Text;
  endNode: Text;
}

export class MentionStore {
  private all: Mention[] = [];
  private byNode = new Map<Text, Mention[]>();
  private sorted: Mention[] | null = [];
  /** Bumped on every change, so consumers repaint only when something changed. */
  revision = 0;

  get size(): number {
    return this.all.length;
  }

  add(found: FoundMention, term: number, standalone: boolean): Mention {
    const range = document.createRange();
    range.setStart(found.startNode, found.startOffset);
    range.setEnd(found.endNode, found.endOffset);
    const mention: Mention = { range, term, standalone, startNode: found.startNode, endNode: found.endNode };
    this.all.push(mention);
    this.index(mention);
    this.changed();
    return mention;
  }

  /** Mentions that touch `node`. */
  at(node: Text): readonly Mention[] {
    return this.byNode.get(node) ?? [];
  }

  /** All mentions in document order. */
  ordered(): readonly Mention[] {
    if (!this.sorted) {
      this.sorted = [...this.all].sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    }
    return this.sorted;
  }

  /** Drops the mentions `drop` picks (text about to be scanned again, or gone from the page). */
  removeWhere(drop: (m: Mention) => boolean): number {
    const before = this.all.length;
    this.all = this.all.filter((m) => {
      if (!drop(m)) return true;
      for (const node of nodesOf(m)) {
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
  }

  /** Re-indexes a mention whose text nodes changed (the fallback painter splits them). */
  reindex(mention: Mention, startNode: Text, endNode: Text): void {
    this.removeWhere((m) => m === mention);
    mention.startNode = startNode;
    mention.endNode = endNode;
    this.all.push(mention);
    this.index(mention);
    this.changed();
  }

  private index(mention: Mention): void {
    for (const node of nodesOf(mention)) {
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
  const walker = document.createTreeWalker(m.range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  walker.currentNode = m.startNode;
  for (let n: Node | null = m.startNode; n; n = walker.nextNode()) {
    nodes.push(n as Text);
    if (n === m.endNode) break;
  }
  return nodes;
}
