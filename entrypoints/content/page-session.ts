/**
 * One run of the extension on one page: reads the reader's settings and the matcher data,
 * scans and highlights, follows changes, answers the popup and the keyboard command, and hands
 * hovers to the card. Everything it starts hangs off one AbortController per activation, so
 * turning it off (or the extension updating) leaves nothing behind.
 */
import { compileAutomaton, type Automaton } from '@/lib/matcher';
import { unpackAutomaton } from '@/lib/matcher/pack';
import { MATCHER_DATA_KEY, parseMatcherData, type MatcherData } from '@/lib/matcher-data';
import type { Envelope, PageStatus, ScanStats, TabRequest, TabResponses } from '@/lib/messages';
import { decideVisibility } from '@/lib/relevance';
import { pageVerdict, parseSettings, SETTINGS_KEY, siteKey, type Settings } from '@/lib/settings';
import { CardController } from './card-controller';
import type { Mention } from './mentions';
import { watchMutations, type MutationWatch } from './mutation-watch';
import { PageScan } from './page-scan';
import { createPainter, highlightApiAvailable, type Painter } from './painter';
import { watchPointer } from './pointer-watch';

interface Active {
  controller: AbortController;
  scan: PageScan;
  painter: Painter;
  card: CardController;
  shown: Set<Mention>;
  /**
   * Whether the page shows the element around a mention (CSS can hide collapsed sections and
   * menus). Asked once per element, not on every repaint or rescan: the answer can force a
   * style pass. Cleared when the page changes classes, styles or its tree.
   */
  cssVisible: WeakMap<Element, boolean>;
  stats: ScanStats | null;
  onTopic: boolean;
  paintedRevision: number;
  focused: Mention | null;
  mutations: MutationWatch | null;
}

export class PageSession {
  private settings: Settings = parseSettings(undefined);
  private data: MatcherData | null = null;
  private automaton: Automaton | null = null;
  private active: Active | null = null;
  private reason: PageStatus['reason'];
  private setupMs = 0;
  /** Storage keys a change event has already delivered (newer than the first read). */
  private readonly seen = new Set<string>();

  /** The page's address at the last scan: a single-page app's navigation shows as a change. */
  private href = location.href;

  /** `signal`: the page run's one AbortController (lifecycle.ts); aborting it stops everything. */
  constructor(private readonly signal: AbortSignal) {}

  async start(): Promise<void> {
    browser.storage.onChanged.addListener(this.onStorageChanged);
    browser.runtime.onMessage.addListener(this.onMessage);
    this.signal.addEventListener('abort', () => {
      // An orphaned script's browser APIs may throw: what matters here is the page.
      try {
        browser.storage.onChanged.removeListener(this.onStorageChanged);
        browser.runtime.onMessage.removeListener(this.onMessage);
      } catch { /* the extension is gone, and its listeners with it */ }
      this.deactivate();
    });
    // Trusted back/forward navigations only; pushState shows up in the next mutation batch.
    window.addEventListener('popstate', (e) => { if (e.isTrusted) this.checkLocation(); }, { signal: this.signal });
    const stored = await browser.storage.local.get([SETTINGS_KEY, MATCHER_DATA_KEY]);
    // The extension may have been updated or removed while we waited, and a change may have
    // arrived through storage.onChanged already: that one is newer than what we read.
    if (this.signal.aborted) return;
    if (!this.seen.has(SETTINGS_KEY)) this.settings = parseSettings(stored[SETTINGS_KEY]);
    if (!this.seen.has(MATCHER_DATA_KEY)) this.setData(parseMatcherData(stored[MATCHER_DATA_KEY]));
    this.reconcile();
  }

  /** A single-page app moved to another address: scan afresh. */
  private checkLocation(): void {
    if (location.href === this.href) return;
    this.href = location.href;
    if (this.active) void this.rescanAll();
  }

  /** Starts or stops to match the settings and the data. */
  private reconcile(): void {
    const verdict = pageVerdict(this.settings, location.href);
    const reason = !verdict.run ? verdict.reason : !this.data ? 'no-corpus' : undefined;
    this.reason = reason;
    if (reason) this.deactivate();
    else if (!this.active) this.activate();
  }

  private setData(data: MatcherData | null): void {
    if (data?.hash === this.data?.hash) return;
    this.data = data;
    this.automaton = null;
  }

  /** The matcher, built when first needed: a site the reader turned off never pays for it. */
  private matcher(): Automaton {
    if (this.automaton) return this.automaton;
    const data = this.data!;
    const started = performance.now();
    // The background's precompiled automaton; compiling here is the slow fallback.
    this.automaton = (data.packed && unpackAutomaton(data.packed, data.terms.map((t) => t.id))) || compileAutomaton(data.terms);
    this.setupMs = performance.now() - started;
    return this.automaton;
  }

  private activate(): void {
    if (this.signal.aborted) return;
    const automaton = this.matcher();
    const controller = new AbortController();
    const signal = controller.signal;
    const active: Active = {
      controller,
      scan: new PageScan(automaton, () => this.repaint()),
      painter: createPainter((mention, text) => active.scan.store.reindex(mention, text, text)),
      card: null as unknown as CardController,
      shown: new Set(),
      cssVisible: new WeakMap(),
      stats: null,
      onTopic: false,
      paintedRevision: -1,
      focused: null,
      mutations: null,
    };
    this.active = active;
    active.card = new CardController({
      termOf: (m) => this.data!.terms[m.term]!,
      settings: () => this.settings,
      onClosed: () => active.painter.mark('active', null),
      onOpened: (m) => active.painter.mark('active', m),
      signal,
    });
    active.mutations = watchMutations(async (batch) => {
      this.checkLocation();
      if (batch.restyled) this.recheckHidden();
      if (batch.roots.length || batch.removed) {
        // Moved or new elements may sit in a hidden part of the page now.
        active.cssVisible = new WeakMap();
        await active.scan.rescan(batch.roots, signal);
      }
      this.repaint();
      active.card.closeIfDetached();
    }, signal);
    void this.rescanAll();
    watchPointer({
      store: active.scan.store,
      isShown: (m) => active.shown.has(m),
      card: active.card,
      signal,
    });
  }

  private deactivate(): void {
    const active = this.active;
    if (!active) return;
    this.active = null;
    active.controller.abort();
    active.card.destroy();
    active.painter.clear();
    active.scan.store.clear();
  }

  private async rescanAll(): Promise<void> {
    const active = this.active;
    if (!active) return;
    const stats = await active.scan.scanAll(active.controller.signal);
    // null: a newer full scan took over, and it will report.
    if (stats) active.stats = { ...stats, setupMs: this.setupMs };
    this.repaint();
  }

  private async rescanTimes(times: number): Promise<Envelope<TabResponses['rescan']>> {
    const runs: ScanStats[] = [];
    for (let i = 0; i < times; i++) {
      await this.rescanAll();
      if (!this.active?.stats) return { ok: false, error: 'Not running on this page.' };
      runs.push(this.active.stats);
    }
    return { ok: true, value: { runs } };
  }

  /** Recomputes which mentions show and repaints if anything changed. */
  private repaint(force = false): void {
    const active = this.active;
    if (!active || !this.data) return;
    const store = active.scan.store;
    if (!force && store.revision === active.paintedRevision) return;
    active.paintedRevision = store.revision;
    const ordered = store.ordered().filter((m) => {
      const el = m.startNode.parentElement;
      if (!el || typeof el.checkVisibility !== 'function') return true;
      let visible = active.cssVisible.get(el);
      if (visible === undefined) {
        visible = el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
        active.cssVisible.set(el, visible);
      }
      return visible;
    });
    const verdict = decideVisibility(ordered, this.data.terms, this.settings);
    active.onTopic = verdict.onTopic;
    const shown = ordered.filter((_, i) => verdict.visible[i]);
    active.shown = new Set(shown);
    const terms = this.data.terms;
    const paint = () => active.painter.paint(shown, (m) => terms[m.term]!.kind, this.settings.style);
    // The fallback painter edits the DOM: those edits are ours, not the page's, so unobserved.
    if (active.painter.mode === 'wrap' && active.mutations) active.mutations.unobserved(paint);
    else paint();
    if (active.focused && !active.shown.has(active.focused)) this.focus(null);
  }

  private recheckHidden(): void {
    const active = this.active;
    if (!active) return;
    active.cssVisible = new WeakMap();
    this.repaint(true);
  }

  private focus(mention: Mention | null): void {
    const active = this.active;
    if (!active) return;
    active.focused = mention;
    active.painter.mark('focus', mention);
  }

  /** Moves to the next (or previous) shown mention after the current one, and opens its card. */
  private step(direction: 1 | -1): number {
    const active = this.active;
    if (!active) return 0;
    const list = active.scan.store.ordered().filter((m) => active.shown.has(m));
    if (!list.length) return 0;
    let index: number;
    const current = active.focused ? list.indexOf(active.focused) : -1;
    if (current >= 0) index = (current + direction + list.length) % list.length;
    else {
      // Start from the reader's place: the first mention below the top of the viewport.
      const below = list.findIndex((m) => m.range.getBoundingClientRect().bottom > 0);
      index = direction === 1 ? Math.max(below, 0) : (below > 0 ? below - 1 : list.length - 1);
    }
    const mention = list[index]!;
    this.focus(mention);
    mention.startNode.parentElement?.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth' });
    void active.card.openFromKeyboard(mention);
    return list.length;
  }

  private status(): PageStatus {
    const active = this.active;
    const counts = new Map<number, number>();
    for (const m of active?.shown ?? []) counts.set(m.term, (counts.get(m.term) ?? 0) + 1);
    return {
      site: siteKey(location.href),
      running: active !== null,
      ...(this.reason ? { reason: this.reason } : {}),
      mode: active?.painter.mode ?? (highlightApiAvailable() ? 'highlight-api' : 'wrap'),
      onTopic: active?.onTopic ?? false,
      mentions: active?.shown.size ?? 0,
      terms: [...counts].map(([term, count]) => ({ id: this.data!.terms[term]!.id, label: this.data!.terms[term]!.label, count })).sort((a, b) => b.count - a.count),
      scan: active?.stats ?? null,
      cardLatencies: active?.card.latencies ?? [],
    };
  }

  private readonly onStorageChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'local') return;
    for (const key of Object.keys(changes)) this.seen.add(key);
    if (MATCHER_DATA_KEY in changes) {
      this.deactivate();
      this.setData(parseMatcherData(changes[MATCHER_DATA_KEY]!.newValue));
    }
    if (SETTINGS_KEY in changes) {
      const before = this.settings;
      this.settings = parseSettings(changes[SETTINGS_KEY]!.newValue);
      if (before.hoverDelayMs !== this.settings.hoverDelayMs) this.active?.card.setDelay(this.settings.hoverDelayMs);
    }
    this.reconcile();
    this.repaint(true);
  };

  private readonly onMessage = (message: unknown, sender: { id?: string }): Promise<Envelope<unknown>> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const request = message as Partial<TabRequest> | null;
    if (!request || typeof request !== 'object') return undefined;
    const answer = <K extends keyof TabResponses>(value: TabResponses[K]): Envelope<TabResponses[K]> => ({ ok: true, value });
    switch (request?.type) {
      case 'page-status':
        return Promise.resolve(answer<'page-status'>(this.status()));
      case 'step-mention':
        return Promise.resolve(answer<'step-mention'>({ mentions: this.step((request as { direction?: unknown }).direction === -1 ? -1 : 1) }));
      case 'rescan':
        return this.rescanTimes(Math.min(Math.max(Math.floor(Number((request as { repeat?: unknown }).repeat) || 1), 1), 20));
      case 'note-finished': {
        const { token, saved } = request as { token?: unknown; saved?: unknown };
        if (typeof token === 'string') this.active?.card.noteFinished(token, saved === true);
        return Promise.resolve(answer<'note-finished'>({ received: true }));
      }
      default:
        return undefined;
    }
  };
}

