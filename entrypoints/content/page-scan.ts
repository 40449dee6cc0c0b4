/**
 * Scans a page in time slices that yield to it, the part in view first, and rescans only what
 * the page changes afterwards. Owns the walker and the mention store; says when to repaint.
 */
import type { Automaton } from '@/lib/matcher';
import { FORM_KEEPS_TERM, FORM_PLACES_ITSELF, NAMING_ALIAS, TOPICAL_ALIAS } from '@/lib/matcher/automaton';
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

type SliceOutcome = 'done' | 'lost-place' | 'superseded' | 'aborted';

/** How often a full scan starts over when the page pulls the node it was to resume at. */
const FULL_SCAN_ATTEMPTS = 3;

export class PageScan {
  readonly store = new MentionStore();
  private readonly walker: TextWalker;
  private sliceStats = { busyMs: 0, longestSliceMs: 0, slices: 0, paintMs: 0 };
  /** Every slice since the page run began, full scans and rescans alike (the bench reads it). */
  readonly totals = { busyMs: 0, slices: 0, longestSliceMs: 0 };
  /** When the current slice began (performance.now()), or -1 between slices. */
  private sliceStart = -1;
  /** Scans run one at a time, in order: two walks over one store would find mentions twice. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Bumped by every full scan; older work still queued or running stops at its next slice. */
  private generation = 0;
  /** window.scrollY as last read, and whether the page has scrolled since (see scrollTop). */
  private scrollY = 0;
  private scrolledSince = true;
  private scrollWatched = false;

  constructor(
    automaton: Automaton,
    private readonly onSlice: () => void,
  ) {
    const { formTerm, formStandalone, formFlags } = automaton;
    this.walker = new TextWalker(automaton, (found) => {
      const standing = formStandalone[found.form];
      const flags = formFlags[found.form]!;
      this.store.add(found, formTerm[found.form]!, standing === NAMING_ALIAS, standing === TOPICAL_ALIAS, (flags & FORM_KEEPS_TERM) !== 0, (flags & FORM_PLACES_ITSELF) !== 0);
    });
  }

  /** Scans the whole page afresh; resolves with timings, or null when superseded or aborted. */
  scanAll(signal: AbortSignal): Promise<Omit<ScanStats, 'setupMs'> | null> {
    const generation = ++this.generation;
    return this.enqueue(() => this.fullScan(generation, signal));
  }

  /**
   * Rescans the given subtrees (new or changed content), whose mentions are found afresh, after
   * dropping the mentions in `removed` (nodes the page took out). Costs what the change holds.
   */
  rescan(roots: readonly Element[], signal: AbortSignal, removed: readonly Node[] = []): Promise<void> {
    const generation = this.generation;
    return this.enqueue(() => (generation === this.generation ? this.partialScan(roots, removed, generation, signal) : Promise.resolve()));
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => {});
    return run;
  }

  private async fullScan(generation: number, signal: AbortSignal): Promise<Omit<ScanStats, 'setupMs'> | null> {
    // Start in a task of our own, not on the tail of whoever called (storage callback, compile).
    await yieldToPage();
    const started = performance.now();
    this.sliceStats = { busyMs: 0, longestSliceMs: 0, slices: 0, paintMs: 0 };
    for (let attempt = 0; attempt < FULL_SCAN_ATTEMPTS; attempt++) {
      this.walker.counters.textNodes = 0;
      this.walker.counters.characters = 0;
      this.store.clear();
      const root = document.body ?? document.documentElement;
      const inView = firstBlockInView(root, this.scrollTop(signal));
      // In view first: from the block at the top of the viewport to the end, then the part above it.
      let outcome = await this.runSliced(root, inView ?? root.firstChild, null, generation, signal);
      if (outcome === 'done' && inView) {
        outcome = inView.isConnected && root.contains(inView) ? await this.runSliced(root, root.firstChild, inView, generation, signal) : 'lost-place';
      }
      this.walker.release();
      this.endSlice();
      if (outcome === 'superseded' || outcome === 'aborted') return null;
      if (outcome === 'done') break;
      // The page removed the node the walk was to resume at: start over rather than miss the rest.
    }
    return {
      totalMs: performance.now() - started,
      ...this.sliceStats,
      textNodes: this.walker.counters.textNodes,
      characters: this.walker.counters.characters,
    };
  }

  /**
   * The page's scroll position, read again only after it scrolled: reading scrollY makes the
   * browser bring the page's layout up to date, which costs more than scanning a small page, so
   * a rescan of a page that has not scrolled reuses the last answer. A scroll event arrives by
   * the next frame; a scan in between may start from a stale place, which changes only the order
   * the page is read in, never what is found.
   */
  private scrollTop(signal: AbortSignal): number {
    if (!this.scrollWatched) {
      this.scrollWatched = true;
      window.addEventListener('scroll', () => (this.scrolledSince = true), { passive: true, signal });
    }
    if (this.scrolledSince) {
      this.scrolledSince = false;
      this.scrollY = window.scrollY;
    }
    return this.scrollY;
  }

  private async partialScan(roots: readonly Element[], removed: readonly Node[], generation: number, signal: AbortSignal): Promise<void> {
    this.store.removeUnder(removed);
    const top = outermost(roots.filter((r) => r.isConnected && !isInsideSkipped(r, document.documentElement)));
    const scope = document.body ?? document.documentElement;
    for (const root of top) {
      if (signal.aborted || generation !== this.generation) break;
      if (this.sliceStart < 0) this.sliceStart = performance.now();
      // Whatever was found in it before is found again now.
      this.store.removeUnder([root]);
      // One walker over the page for every root (each walk stops where the root ends): making a
      // TreeWalker per root costs more than walking a small one. A subtree the page pulled mid-way
      // is gone with its mentions; the next batch has its replacement.
      const outcome = await this.runSliced(scope, root.firstChild, afterSubtree(root, scope), generation, signal);
      if (outcome === 'superseded' || outcome === 'aborted') break;
      if (this.sliceStart >= 0 && performance.now() >= this.sliceStart + SLICE_MS) {
        this.endSlice();
        await yieldToPage();
      }
    }
    this.walker.release();
    this.endSlice();
  }

  /**
   * Walks `root` from `from` in slices. The slice clock is shared by consecutive calls (the many
   * small roots of one rescan share slices): a slice ends when its time is up, not per root.
   */
  private async runSliced(root: Node, from: Node | null, stopAt: Node | null, generation: number, signal: AbortSignal): Promise<SliceOutcome> {
    let next = from;
    while (next !== null) {
      if (signal.aborted) return 'aborted';
      if (generation !== this.generation) return 'superseded';
      if (this.sliceStart < 0) this.sliceStart = performance.now();
      next = this.walker.walk(root, next, this.sliceStart + SLICE_MS, stopAt);
      if (next !== null || performance.now() >= this.sliceStart + SLICE_MS) {
        this.endSlice();
        await yieldToPage();
        if (next !== null && (!next.isConnected || !root.contains(next))) return 'lost-place';
      }
    }
    return 'done';
  }

  /** Closes the current slice: lets the owner paint what it found, and counts the slice. */
  private endSlice(): void {
    if (this.sliceStart < 0) return;
    const paintStart = performance.now();
    this.onSlice();
    const end = performance.now();
    const spent = end - this.sliceStart;
    this.sliceStats.paintMs += end - paintStart;
    this.sliceStats.busyMs += spent;
    this.sliceStats.slices++;
    if (spent > this.sliceStats.longestSliceMs) this.sliceStats.longestSliceMs = spent;
    this.totals.busyMs += spent;
    this.totals.slices++;
    if (spent > this.totals.longestSliceMs) this.totals.longestSliceMs = spent;
    this.sliceStart = -1;
  }
}

/** The block at the top of the viewport, when the page is scrolled (`scrollY`); null at the top of the page. */
function firstBlockInView(root: Element, scrollY: number): Element | null {
  if (scrollY < 50) return null;
  const hit = document.elementFromPoint(Math.min(window.innerWidth / 2, 400), 10);
  if (!hit || !root.contains(hit) || hit === root || isInsideSkipped(hit, root)) return null;
  const block = blockOf(hit, root);
  return block === root || INLINE_TAGS.has(block.localName) ? null : block;
}

/** The first node after `root` and its subtree, within `scope` (null: nothing follows). */
function afterSubtree(root: Node, scope: Node): Node | null {
  for (let n: Node | null = root; n && n !== scope; n = n.parentNode) if (n.nextSibling) return n.nextSibling;
  return null;
}

/** Drops roots inside another root: one walk up from each (its depth), never all pairs. */
function outermost(roots: Element[]): Element[] {
  const set = new Set(roots);
  const out: Element[] = [];
  for (const root of set) {
    let inside = false;
    for (let el = root.parentElement; el && !inside; el = el.parentElement) inside = set.has(el);
    if (!inside) out.push(root);
  }
  return out;
}
