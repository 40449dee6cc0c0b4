/**
 * Scans a page in time slices that yield to it, the part in view first, and rescans only what
 * the page changes afterwards. Owns the walker and the mention store; says when to repaint.
 */
import type { Automaton } from '@/lib/matcher';
import type { ScanStats } from '@/lib/messages';
import { blockOf, INLINE_TAGS, isInsideSkipped } from './dom-rules';
import { MentionStore } from './mentions';
import { TextWalker } from './scanner';

/** A slice's budget: well under the 50 ms that makes a long task. */
export const SLICE_MS = 8;

/** Yields to the page (input, rendering, its own tasks) between slices. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class PageScan {
  readonly store = new MentionStore();
  private readonly walker: TextWalker;
  private sliceStats = { busyMs: 0, longestSliceMs: 0, slices: 0, paintMs: 0 };

  constructor(automaton: Automaton, private readonly onSlice: () => void) {
    const { formTerm, formStandalone } = automaton;
    this.walker = new TextWalker(automaton, (found) => {
      this.store.add(found, formTerm[found.form]!, formStandalone[found.form] === 1);
    });
  }

  /** Scans the whole page; resolves with timings, or early (partial) when aborted. */
  async scanAll(signal: AbortSignal): Promise<Omit<ScanStats, 'setupMs'>> {
    // Start in a task of our own, not on the tail of whoever called (storage callback, compile).
    await yieldToPage();
    const started = performance.now();
    this.sliceStats = { busyMs: 0, longestSliceMs: 0, slices: 0, paintMs: 0 };
    this.walker.counters.textNodes = 0;
    this.walker.counters.characters = 0;
    this.store.clear();
    const root = document.body ?? document.documentElement;
    const inView = firstBlockInView(root);
    // In view first: from the block at the top of the viewport to the end, then the part above it.
    await this.runSliced(root, inView ?? root.firstChild, null, signal);
    if (inView) await this.runSliced(root, root.firstChild, inView, signal);
    this.walker.release();
    return {
      totalMs: performance.now() - started,
      ...this.sliceStats,
      textNodes: this.walker.counters.textNodes,
      characters: this.walker.counters.characters,
    };
  }

  /** Rescans the given subtrees (new or changed content); mentions inside them are found afresh. */
  async rescan(roots: readonly Element[], signal: AbortSignal): Promise<void> {
    const top = outermost(roots.filter((r) => r.isConnected && !isInsideSkipped(r, document.documentElement)));
    this.store.removeWhere((m) => !m.startNode.isConnected || !m.endNode.isConnected || top.some((r) => r.contains(m.startNode)));
    for (const root of top) {
      if (signal.aborted) return;
      await this.runSliced(root, root.firstChild, null, signal);
    }
    this.walker.release();
  }

  private async runSliced(root: Node, from: Node | null, stopAt: Node | null, signal: AbortSignal): Promise<void> {
    let next = from;
    while (next !== null && !signal.aborted) {
      const start = performance.now();
      next = this.walker.walk(root, next, start + SLICE_MS, stopAt);
      const walked = performance.now();
      this.onSlice();
      const spent = performance.now() - start;
      this.sliceStats.paintMs += spent - (walked - start);
      this.sliceStats.busyMs += spent;
      this.sliceStats.slices++;
      if (spent > this.sliceStats.longestSliceMs) this.sliceStats.longestSliceMs = spent;
      if (next !== null) {
        await yieldToPage();
        // The page may have moved on while we yielded; mutation handling covers what we skip.
        if (!next.isConnected || !root.contains(next)) return;
      }
    }
  }
}

/** The block at the top of the viewport, when the page is scrolled; null at the top of the page. */
function firstBlockInView(root: Element): Element | null {
  if (window.scrollY < 50) return null;
  const hit = document.elementFromPoint(Math.min(window.innerWidth / 2, 400), 10);
  if (!hit || !root.contains(hit) || hit === root || isInsideSkipped(hit, root)) return null;
  const block = blockOf(hit, root);
  return block === root || INLINE_TAGS.has(block.localName) ? null : block;
}

/** Drops roots contained in another root. */
function outermost(roots: Element[]): Element[] {
  const unique = [...new Set(roots)];
  return unique.filter((r) => !unique.some((other) => other !== r && other.contains(r)));
}
