/**
 * Registers with the browser only the shown mentions near the viewport. Chromium re-validates
 * every registered highlight range whenever any style on the page changes, so its work per frame
 * grows with the ranges registered: a page with one animated element and 3,000 registered
 * ranges dropped from 59 to 14 frames a second (measured in this repo; see scripts/bench/storm.ts).
 * Watching the mentions' elements with an IntersectionObserver keeps the registered ranges to
 * those within about a viewport of the reader, whatever the page holds.
 */
import type { TermKind } from '@/lib/corpus/schema';
import type { HighlightStyle } from '@/lib/settings';
import type { Mention } from './mentions';
import type { Painter } from './painter';

/** How far beyond the viewport mentions are registered ahead of scrolling (vertical margin). */
const MARGIN = '50% 0px';

export class ViewportWindow {
  private readonly byElement = new Map<Element, Set<Mention>>();
  private readonly near = new Set<Element>();
  /**
   * Observed elements the observer has not yet looked at (its first look comes with the next
   * frame): their mentions may be in view and still unregistered.
   */
  private readonly unseen = new Set<Element>();
  /** Callers of `settled()`, each with the elements it still waits for. */
  private waiting: { pending: Set<Element>; resolve: () => void }[] = [];
  private readonly observer: IntersectionObserver;

  constructor(
    private readonly painter: Painter,
    private readonly kindOf: (m: Mention) => TermKind,
    private readonly style: () => HighlightStyle,
    signal: AbortSignal,
  ) {
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: MARGIN });
    signal.addEventListener('abort', () => {
      this.observer.disconnect();
      // Nothing will be registered any more: no caller waits for it.
      for (const w of this.waiting) w.resolve();
      this.waiting = [];
    });
  }

  /**
   * Resolves once the mentions added so far that are near the viewport are registered: when the
   * observer has looked at each of their elements (the next frame in a shown tab). Mentions added
   * later are not waited for, so a page that keeps changing cannot hold it off.
   */
  settled(): Promise<void> {
    if (this.unseen.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ pending: new Set(this.unseen), resolve }));
  }

  /** These mentions are shown now: registered at once if near the viewport, else when they come near. */
  add(mentions: Iterable<Mention>): void {
    const now: Mention[] = [];
    for (const m of mentions) {
      const el = m.startNode.parentElement;
      if (!el) {
        now.push(m);
        continue;
      }
      let set = this.byElement.get(el);
      if (!set) {
        this.byElement.set(el, (set = new Set()));
        this.observer.observe(el);
        this.unseen.add(el);
      }
      set.add(m);
      if (this.near.has(el)) now.push(m);
    }
    if (now.length) this.painter.add!(now, this.kindOf, this.style());
  }

  remove(mentions: Iterable<Mention>): void {
    const list = [...mentions];
    for (const m of list) {
      const el = m.startNode.parentElement;
      const set = el && this.byElement.get(el);
      if (!el || !set) continue;
      set.delete(m);
      if (set.size === 0) {
        this.byElement.delete(el);
        this.near.delete(el);
        this.observer.unobserve(el);
        this.seen(el);
      }
    }
    this.painter.remove!(list);
    this.release();
  }

  /** Exactly these mentions are shown (a full recompute, or the style changed). */
  reset(mentions: Iterable<Mention>): void {
    this.painter.paint([], this.kindOf, this.style());
    this.observer.disconnect();
    this.byElement.clear();
    this.near.clear();
    this.unseen.clear();
    this.add(mentions);
    // A waiter still waits for its elements observed afresh; the others are no longer shown.
    for (const w of this.waiting) for (const el of w.pending) if (!this.unseen.has(el)) w.pending.delete(el);
    this.release();
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    const add: Mention[] = [];
    const remove: Mention[] = [];
    for (const entry of entries) {
      const el = entry.target;
      this.seen(el);
      const set = this.byElement.get(el);
      if (!set) continue;
      if (entry.isIntersecting) {
        this.near.add(el);
        add.push(...set);
      } else {
        this.near.delete(el);
        remove.push(...set);
      }
    }
    if (remove.length) this.painter.remove!(remove);
    if (add.length) this.painter.add!(add, this.kindOf, this.style());
    this.release();
  }

  /** `el` no longer waits for the observer's first look (it had it, or is no longer observed). */
  private seen(el: Element): void {
    if (!this.unseen.delete(el)) return;
    for (const w of this.waiting) w.pending.delete(el);
  }

  /** Resolves the waiters with nothing left to wait for. */
  private release(): void {
    if (!this.waiting.some((w) => w.pending.size === 0)) return;
    const done = this.waiting.filter((w) => w.pending.size === 0);
    this.waiting = this.waiting.filter((w) => w.pending.size > 0);
    for (const w of done) w.resolve();
  }
}
