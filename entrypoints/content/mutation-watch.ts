/**
 * Follows a page that changes after load: batches mutation records and reports which subtrees
 * hold new or changed text, at most once per animation frame (uBlock Origin's pattern: queue in
 * the observer callback, work later).
 */
import { blockOf, INLINE_TAGS } from './dom-rules';

export interface MutationBatch {
  /** Subtrees to scan again. */
  roots: Element[];
  /** Nodes the page removed: mentions in them must go. */
  removed: Node[];
  /** Elements whose attributes that can hide or show text changed. */
  restyled: Element[];
}

export interface MutationWatch {
  /** Runs `edit` (our own DOM changes: the fallback painter's marks) without observing it. */
  unobserved(edit: () => void): void;
}

const OBSERVED: MutationObserverInit = {
  subtree: true,
  childList: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['class', 'style', 'hidden', 'open'],
};

/**
 * Watches <body>. The card's host sits on <html>, outside it, so the extension's own UI never
 * shows up here.
 */
export function watchMutations(onBatch: (batch: MutationBatch) => void, signal: AbortSignal): MutationWatch {
  const root = document.body ?? document.documentElement;
  let roots = new Set<Element>();
  let removed: Node[] = [];
  let restyled = new Set<Element>();
  let frame = 0;

  const flush = () => {
    frame = 0;
    if (signal.aborted) return;
    const batch = { roots: [...roots], removed, restyled: [...restyled] };
    roots = new Set();
    removed = [];
    restyled = new Set();
    onBatch(batch);
  };

  const deliver = (records: MutationRecord[]) => {
    for (const record of records) {
      const target = record.target;
      if (record.type === 'characterData') {
        roots.add(blockOf(target, root));
      } else if (record.type === 'childList') {
        for (const node of record.removedNodes) removed.push(node);
        for (const node of record.addedNodes) {
          // A new block is scanned on its own; new inline content means its block changed.
          if (node.nodeType === Node.ELEMENT_NODE && !INLINE_TAGS.has((node as Element).localName)) roots.add(node as Element);
          else if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE) roots.add(blockOf(target, root));
        }
      } else {
        restyled.add(target as Element);
      }
    }
    if (!frame && (roots.size || removed.length || restyled.size)) frame = requestAnimationFrame(flush);
  };
  const observer = new MutationObserver(deliver);
  observer.observe(root, OBSERVED);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (frame) cancelAnimationFrame(frame);
  });
  return {
    unobserved(edit) {
      // Deliver what the page did so far, then edit unseen, then watch again.
      const pending = observer.takeRecords();
      observer.disconnect();
      try {
        edit();
      } finally {
        if (!signal.aborted) observer.observe(root, OBSERVED);
      }
      if (pending.length) queueMicrotask(() => deliver(pending));
    },
  };
}
