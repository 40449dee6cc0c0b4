/**
 * The extension on one page: reads the reader's settings and the matcher data, and keeps an
 * `Activation` (highlighting, the card) running exactly while they allow it. Features (features/)
 * read its state and answer tab messages. Everything stops with the page run's signal.
 */
import type { Automaton } from '@/lib/matcher';
import { askBackground } from '@/lib/messages';
import { automatonOf, MATCHER_DATA_KEY, parseMatcherData, type MatcherData } from '@/lib/matcher-data';
import { pageVerdict, parseSettings, SETTINGS_KEY, type Settings } from '@/lib/settings';
import type { PageStatus } from '@/lib/tab-messages';
import { Activation } from './activation';

export class PageRun {
  settings: Settings = parseSettings(undefined);
  data: MatcherData | null = null;
  active: Activation | null = null;
  reason: PageStatus['reason'];
  private automaton: Automaton | null = null;
  private setupMs = 0;
  private askedForMatcherData = false;
  /** Storage keys a change event has already delivered (newer than the first read). */
  private readonly seen = new Set<string>();
  /** The page's address at the last scan: a single-page app's navigation shows as a change. */
  private href = location.href;

  /** Settles once the settings and data were first read: a status before that would say nothing true. */
  readonly ready: Promise<void>;
  private markReady!: () => void;

  /** `signal`: the page run's one AbortController (lifecycle.ts); aborting it stops everything. */
  constructor(readonly signal: AbortSignal) {
    this.ready = new Promise((resolve) => {
      this.markReady = resolve;
    });
  }

  async start(): Promise<void> {
    browser.storage.onChanged.addListener(this.onStorageChanged);
    this.signal.addEventListener('abort', () => {
      // An orphaned script's browser APIs may throw: what matters now is the page.
      try {
        browser.storage.onChanged.removeListener(this.onStorageChanged);
      } catch {
        /* gone with the extension */
      }
      this.deactivate();
      this.markReady();
    });
    // Trusted back/forward navigations; pushState shows in the next batch of page changes.
    window.addEventListener(
      'popstate',
      (e) => {
        if (e.isTrusted) this.checkLocation();
      },
      { signal: this.signal },
    );
    const stored = await browser.storage.local.get([SETTINGS_KEY, MATCHER_DATA_KEY]);
    // The extension may have been updated or removed while we waited, and a change may have
    // arrived through storage.onChanged already: that one is newer than what we read.
    if (this.signal.aborted) return;
    if (!this.seen.has(SETTINGS_KEY)) this.settings = parseSettings(stored[SETTINGS_KEY]);
    if (!this.seen.has(MATCHER_DATA_KEY)) this.setData(parseMatcherData(stored[MATCHER_DATA_KEY]));
    this.reconcile();
    this.markReady();
  }

  /**
   * No matcher data in storage, though the corpus may well be in the database: a background
   * stopped before it published the data (Firefox suspends an idle event page, even mid-setup)
   * leaves this state until something wakes it. Asking wakes it; the data then arrives through
   * storage.onChanged like any update. Once per page run (the first time the page would run but has
   * no data: at start, or when the reader turns it on later), so a page cannot make it repeat.
   */
  private askForMatcherData(): void {
    if (this.askedForMatcherData || this.signal.aborted) return;
    this.askedForMatcherData = true;
    askBackground({ type: 'ensure-matcher-data' }).catch(() => {
      // The extension is updating or gone: its next start publishes the data, and this run hears it.
    });
  }

  /** Scans the whole page afresh (single-page app navigations, the bench). */
  rescanAll(): Promise<void> {
    return this.active?.rescanAll() ?? Promise.resolve();
  }

  private checkLocation(): void {
    if (location.href === this.href) return;
    this.href = location.href;
    // The reader's "Mark them anyway" was for the article they saw, not the next one.
    this.active?.shown.markPage(false);
    void this.rescanAll();
  }

  /** Starts or stops to match the settings and the data. */
  private reconcile(): void {
    const verdict = pageVerdict(this.settings, location.href);
    const reason = !verdict.run ? verdict.reason : !this.data ? 'no-corpus' : undefined;
    this.reason = reason;
    if (reason === 'no-corpus') this.askForMatcherData();
    if (reason) this.deactivate();
    else if (!this.active && !this.signal.aborted) this.activate();
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
    // The background's precompiled automaton; compiling here is the slow fallback (and says so).
    this.automaton = automatonOf(data);
    this.setupMs = performance.now() - started;
    return this.automaton;
  }

  private activate(): void {
    this.active = new Activation({
      automaton: this.matcher(),
      terms: this.data!.terms,
      settings: () => this.settings,
      setupMs: () => this.setupMs,
      onPageChanged: () => this.checkLocation(),
    });
    void this.active.rescanAll();
  }

  private deactivate(): void {
    const active = this.active;
    if (!active) return;
    this.active = null;
    active.stop();
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
    this.active?.repaint(true);
  };
}
