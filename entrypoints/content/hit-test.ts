/**
 * Finds the mention under the pointer: the browser's caret hit-test gives a text node and
 * offset, the store's node index gives the candidate mentions, and the range's own boxes
 * confirm the hit (the caret snaps to the nearest text even when the pointer is in a margin).
 */
import type { Mention, MentionStore } from './mentions';

interface CaretDocument {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as unknown as CaretDocument;
  if (doc.caretPositionFromPoint) {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** How far outside a mention's box (in CSS px) still counts as on it. */
const SLOP = 1;

export function mentionAtPoint(store: MentionStore, isShown: (m: Mention) => boolean, x: number, y: number): Mention | null {
  const caret = caretAt(x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
  for (const m of store.at(caret.node as Text)) {
    if (!isShown(m)) continue;
    for (const r of m.range.getClientRects()) {
      if (x >= r.left - SLOP && x <= r.right + SLOP && y >= r.top - SLOP && y <= r.bottom + SLOP) return m;
    }
  }
  return null;
}
