/**
 * One activation of highlighting on a page (while the settings allow it): scans and follows
 * the page, decides what shows, paints it, and hands hovers to the card. Its AbortController
 * ends every listener, observer and timer it started.
 */
import type { Automaton } from '@/lib/matcher';
import type { MatcherDataTerm } from '@/lib/matcher-data';
import type { Settings } from '@/lib/settings';
import type { ScanStats } from '@/lib/tab-messages';
import { CardController } from './card-controller';
import { inDocumentOrder, type Mention } from './mentions';
import { watchMutations, type MutationWatch } from './mutation-watch';
import { PageScan } from './page-scan';
import { createPainter, type Painter } from './painter';
import { watchPointer } from './pointer-watch';
import { ShownMentions, type ShownSink } from './shown';
import { ViewportWindow } from './viewport-window';

/** Of each frame, the time re-checking restyled text may take, in ms. */
const RESTYLE_BUDGET_MS = 4;

export interface ActivationDeps {
  automaton: Automaton;
  terms: readonly MatcherDataTerm[];
  settings(): Settings;
  setupMs(): number;
  /** Called first on every batch of the page's changes (a single-page app may have navigated). */
  onPageChanged(): void;
}

export class Activation {
  readonly controller = new AbortController();
  readonly scan: PageScan;
  readonly painter: Painter;
  readonly shown: ShownMentions;
  readonly card: CardController;
  stats: ScanStats | null = null;
  focused: Mention | null = null;
  private readonly mutations: MutationWatch;
  private recheckFrame = 0;
  /** Highlight API: registers the shown mentions near the viewport (null with the fallback painter). */
  private view: ViewportWindow | null = null;
  /** Bumped by each full scan: only the newest one reports its stats. */
  private scans = 0;

  constructor(private readonly deps: ActivationDeps) {
    const signal = this.controller.signal;
    const { terms } = deps;
    this.scan = new PageScan(deps.automaton, () => this.repaint());
    this.painter = createPainter((mention, text) => this.scan.store.reindex(mention, text, text));
    this.shown = new ShownMentions(this.scan.store, terms, deps.settings, this.sink());
    this.card = new CardController({
      termOf: (m) => terms[this.shown.termOf(m)]!,
      settings: deps.settings,
      onClosed: () => this.painter.mark('active', null),
      onOpened: (m) => this.painter.mark('active', m),
      signal,
    });
    this.mutations = watchMutations(async (batch) => {
      deps.onPageChanged();
      if (batch.restyled.length) {
        this.shown.restyled(batch.restyled);
        this.scheduleRecheck();
      }
      if (batch.roots.length || batch.removed.length) await this.scan.rescan(batch.roots, signal, batch.removed);
      this.repaint();
      this.card.closeIfDetached();
    }, signal);
    watchPointer({ store: this.scan.store, isShown: (m) => this.shown.shown.has(m), card: this.card, signal });
    signal.addEventListener('abort', () => {
      if (this.recheckFrame) cancelAnimationFrame(this.recheckFrame);
    });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /**
   * Scans the whole page afresh; resolves when done and the mentions in view are registered (or
   * superseded by a newer full scan). Only then does `stats` (the status's "scanned") change: a
   * popup or a test reading the status right after sees the highlights it reports.
   */
  async rescanAll(): Promise<void> {
    const scan = ++this.scans;
    const stats = await this.scan.scanAll(this.signal);
    this.repaint();
    // null: a newer full scan took over, and it will report.
    if (!stats) return;
    // The viewport window registers what is near the viewport when its observer first looks (a frame later).
    await this.view?.settled();
    if (this.signal.aborted || scan !== this.scans) return;
    this.stats = { ...stats, setupMs: this.deps.setupMs() };
  }

  /** Brings the highlights up to date; `force` after a settings change looks at every mention again. */
  repaint(force = false): void {
    if (this.signal.aborted) return;
    this.shown.update(force);
    if (this.focused && !this.shown.shown.has(this.focused)) this.focus(null);
  }

  /** Marks the mention reached from the keyboard (null: none). */
  focus(mention: Mention | null): void {
    this.focused = mention;
    this.painter.mark('focus', mention);
  }

  stop(): void {
    this.controller.abort();
    this.card.destroy();
    this.painter.clear();
    this.scan.store.clear();
  }

  private scheduleRecheck(): void {
    if (this.recheckFrame) return;
    this.recheckFrame = requestAnimationFrame(() => {
      this.recheckFrame = 0;
      if (this.signal.aborted) return;
      if (this.shown.recheck(performance.now() + RESTYLE_BUDGET_MS)) this.scheduleRecheck();
    });
  }

  /** Highlight API: ranges near the viewport, one at a time (viewport-window.ts). Fallback painter: it edits the page, so whole and unobserved. */
  private sink(): ShownSink {
    const kindOf = (m: Mention) => this.deps.terms[this.shown.termOf(m)]!.kind;
    const style = () => this.deps.settings().style;
    const whole = () => {
      const paint = () => this.painter.paint(inDocumentOrder(this.shown.shown), kindOf, style());
      if (this.mutations) this.mutations.unobserved(paint);
      else paint();
    };
    if (this.painter.mode === 'wrap') return { added: whole, removed: whole, reset: whole };
    const view = (this.view = new ViewportWindow(this.painter, kindOf, style, this.controller.signal));
    return { added: (ms) => view.add(ms), removed: (ms) => view.remove(ms), reset: (ms) => view.reset(ms) };
  }
}
