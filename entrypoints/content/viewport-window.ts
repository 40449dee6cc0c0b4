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
  private readonly observer: IntersectionObserver;

  constructor(
    private readonly painter: Painter,
    private readonly kindOf: (m: Mention) => TermKind,
    private readonly style: () => HighlightStyle,
    signal: AbortSignal,
  ) {
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: MARGIN });
    signal.addEventListener('abort', () => this.observer.disconnect());
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
      }
    }
    this.painter.remove!(list);
  }

  /** Exactly these mentions are shown (a full recompute, or the style changed). */
  reset(mentions: Iterable<Mention>): void {
    this.painter.paint([], this.kindOf, this.style());
    this.observer.disconnect();
    this.byElement.clear();
    this.near.clear();
    this.add(mentions);
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    const add: Mention[] = [];
    const remove: Mention[] = [];
    for (const entry of entries) {
      const el = entry.target;
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
  }
}
