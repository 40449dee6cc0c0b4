/**
 * Draws highlights. With the CSS Custom Highlight API the page's DOM is never touched: ranges
 * go into the document's highlight registry and the manifest's stylesheet styles them. Where
 * the API is missing, mentions are wrapped in <nkr-mark> elements instead, and unwrapped on stop.
 */
import type { TermKind } from '@/lib/kinds';
import type { HighlightStyle } from '@/lib/settings';
import type { Mention } from './mentions';

export interface Painter {
  readonly mode: 'highlight-api' | 'wrap';
  /** Shows exactly these mentions, each coloured by its term's kind. */
  paint(mentions: readonly Mention[], kindOf: (m: Mention) => TermKind, style: HighlightStyle): void;
  /** Highlight API only: shows these mentions too, one range at a time (no work for the others). */
  add?(mentions: Iterable<Mention>, kindOf: (m: Mention) => TermKind, style: HighlightStyle): void;
  /** Highlight API only: stops showing these mentions. */
  remove?(mentions: Iterable<Mention>): void;
  /** Marks one mention as reached by keyboard or as the one whose card is open. */
  mark(state: 'focus' | 'active', mention: Mention | null): void;
  clear(): void;
}

/** The keyboard-focus and open-card marks, kept across repaints. */
const MARKS = ['nkr-focus', 'nkr-active'];

/** Whether this browser has the CSS Custom Highlight API (Chrome 105+, Firefox 140+, Safari 17.2+). */
export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export function createPainter(onWrap?: (mention: Mention, text: Text) => void): Painter {
  return highlightApiAvailable() ? new HighlightApiPainter() : new WrapPainter(onWrap);
}

class HighlightApiPainter implements Painter {
  readonly mode = 'highlight-api';
  /** The highlights this painter registered, by name: it removes only its own (see `drop`). */
  private owned = new Map<string, Highlight>();

  /** Which highlight shows each mention, to take it out again without touching the others. */
  private where = new Map<Mention, Highlight>();

  paint(mentions: readonly Mention[], kindOf: (m: Mention) => TermKind, style: HighlightStyle): void {
    for (const name of [...this.owned.keys()]) if (!MARKS.includes(name)) this.drop(name);
    this.where.clear();
    this.add(mentions, kindOf, style);
  }

  add(mentions: Iterable<Mention>, kindOf: (m: Mention) => TermKind, style: HighlightStyle): void {
    for (const m of mentions) {
      if (this.where.has(m)) continue;
      const name = `nkr-${style}-${kindOf(m)}`;
      let highlight = this.owned.get(name);
      if (!highlight) {
        highlight = new Highlight();
        CSS.highlights.set(name, highlight);
        this.owned.set(name, highlight);
      }
      // One range at a time: never spread an unbounded array into a call.
      highlight.add(m.range);
      this.where.set(m, highlight);
    }
  }

  remove(mentions: Iterable<Mention>): void {
    for (const m of mentions) {
      const highlight = this.where.get(m);
      if (!highlight) continue;
      highlight.delete(m.range);
      this.where.delete(m);
    }
  }

  mark(state: 'focus' | 'active', mention: Mention | null): void {
    const name = `nkr-${state}`;
    this.drop(name);
    if (!mention) return;
    const highlight = new Highlight(mention.range);
    highlight.priority = state === 'focus' ? 2 : 1;
    CSS.highlights.set(name, highlight);
    this.owned.set(name, highlight);
  }

  clear(): void {
    this.dropAll();
    this.where.clear();
  }

  private dropAll(): void {
    for (const name of [...this.owned.keys()]) this.drop(name);
  }

  /**
   * Removes a highlight only if it is still the one this painter set: after an extension update
   * the new script may already have painted under the same name while the old one stops.
   */
  private drop(name: string): void {
    const mine = this.owned.get(name);
    if (mine && CSS.highlights.get(name) === mine) CSS.highlights.delete(name);
    this.owned.delete(name);
  }
}

/** The fallback: wraps single-node mentions; a mention split across elements stays unmarked. */
class WrapPainter implements Painter {
  readonly mode = 'wrap';
  private marks = new Map<Mention, HTMLElement>();

  constructor(private readonly onWrap?: (mention: Mention, text: Text) => void) {}

  paint(mentions: readonly Mention[], kindOf: (m: Mention) => TermKind, style: HighlightStyle): void {
    const keep = new Set(mentions);
    for (const [m, el] of this.marks)
      if (!keep.has(m)) {
        unwrap(el, false);
        this.marks.delete(m);
      }
    // Last first: wrapping splits text nodes, and a later split never moves an earlier mention.
    for (let i = mentions.length - 1; i >= 0; i--) {
      const m = mentions[i]!;
      let el = this.marks.get(m);
      if (!el) {
        if (m.startNode !== m.endNode || m.startNode.parentElement?.localName === 'nkr-mark') continue;
        el = document.createElement('nkr-mark');
        m.range.surroundContents(el);
        m.range.selectNodeContents(el);
        this.marks.set(m, el);
        const text = el.firstChild;
        if (text instanceof Text) this.onWrap?.(m, text);
      }
      el.dataset.kind = kindOf(m);
      el.dataset.style = style;
    }
  }

  mark(state: 'focus' | 'active', mention: Mention | null): void {
    for (const el of this.marks.values()) if (el.dataset.state === state) delete el.dataset.state;
    const el = mention && this.marks.get(mention);
    if (el) el.dataset.state = state;
  }

  clear(): void {
    for (const el of this.marks.values()) unwrap(el, true);
    this.marks.clear();
  }
}

/** Puts the text back; `merge` rejoins the split text nodes (only when stopping: it invalidates mentions). */
function unwrap(el: HTMLElement, merge: boolean): void {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
  if (merge) parent.normalize();
}
