/**
 * Opens and closes the card for mentions: hover intent decides when, the background supplies
 * the contents, and the card's own code (loaded on first use) draws it. Implements the actions
 * the card offers, which need the page (its URL, its words) or the reader's settings.
 */
import { registeredCardUi, type CardActions, type CardUiApi, type NoteSession } from '@/lib/card-contract';
import { BENCH_BUILD } from '@/lib/build-flags';
import type { MatcherDataTerm } from '@/lib/matcher-data';
import { askBackground, type LookupResult } from '@/lib/messages';
import { changeSettingsFromPage, siteKey, type Settings } from '@/lib/settings';
import { DEFAULT_TIMINGS, HoverIntent } from './hover-intent';
import type { Mention } from './mentions';
import { sentenceAround } from './page-text';

interface Deps {
  termOf(mention: Mention): MatcherDataTerm;
  settings(): Settings;
  onOpened(mention: Mention): void;
  onClosed(): void;
  signal: AbortSignal;
}

export class CardController {
  private readonly intent: HoverIntent<Mention>;
  private ui: CardUiApi | null = null;
  private uiLoading: Promise<CardUiApi> | null = null;
  private readonly lookups = new Map<string, Promise<LookupResult>>();
  private current: { mention: Mention; termId: string; keyboard: boolean; returnFocus: Element | null } | null = null;
  /** Where focus was when the keyboard opened a card, to return it there on close. */
  private returnFocus: Element | null = null;
  /** Bench build: recent times from the dwell timer firing to the card painted, in ms. */
  readonly latencies: number[] = [];
  /** The sentence around each mention, read once: prefetch, show and a note all need it. */
  private readonly contexts = new WeakMap<Mention, string>();
  /** Note forms this page opened, by token, waiting to hear how they ended. */
  private readonly notes = new Map<string, (outcome: 'saved' | 'cancelled') => void>();

  constructor(private readonly deps: Deps) {
    this.intent = new HoverIntent<Mention>(
      { ...DEFAULT_TIMINGS, showMs: deps.settings().hoverDelayMs },
      {
        prefetch: (m) => {
          void this.loadUi().catch(() => {});
          void this.lookup(this.deps.termOf(m).id, m).catch(() => {});
        },
        show: (m, keyboard) =>
          void this.display(m, this.deps.termOf(m).id, keyboard, keyboard ? this.returnFocus : null).catch((error: unknown) => {
            // A page run that has stopped (the extension went away) says nothing; otherwise say why.
            if (!this.deps.signal.aborted) console.warn('[NK–RU Context] The card could not open:', error instanceof Error ? error.message : error);
          }),
        hide: () => this.close(),
      },
    );
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.isTrusted && event.key === 'Escape' && this.current && !this.current.keyboard) this.intent.hideNow();
      },
      { capture: true, signal: deps.signal },
    );
  }

  pointerAt(mention: Mention | null, cause: 'move' | 'scroll'): void {
    this.intent.pointerAt(mention, cause);
  }

  pointerOnCard(on: boolean): void {
    this.intent.pointerOnCard(on);
  }

  contains(target: EventTarget | null): boolean {
    return this.ui?.contains(target) ?? false;
  }

  setDelay(ms: number): void {
    this.intent.setTimings({ ...DEFAULT_TIMINGS, showMs: ms });
  }

  openFromKeyboard(mention: Mention): void {
    // Stepping from card to card keeps the place the reader started from.
    this.returnFocus = this.current?.keyboard ? this.current.returnFocus : document.activeElement instanceof Element ? document.activeElement : null;
    this.intent.showNow(mention, true);
  }

  /** The page removed the text a card points into: close it rather than float over nothing. */
  closeIfDetached(): void {
    const m = this.current?.mention;
    if (m && (!m.startNode.isConnected || !m.endNode.isConnected)) this.intent.hideNow();
  }

  /** The background says a note form this page opened was saved or cancelled. */
  noteFinished(token: string, saved: boolean): void {
    this.notes.get(token)?.(saved ? 'saved' : 'cancelled');
    this.notes.delete(token);
  }

  destroy(): void {
    for (const finish of this.notes.values()) finish('cancelled');
    this.notes.clear();
    this.intent.stop();
    this.ui?.hide();
    this.current = null;
  }

  private async display(mention: Mention, termId: string, keyboard: boolean, returnFocus: Element | null = null): Promise<void> {
    const started = performance.now();
    this.current = { mention, termId, keyboard, returnFocus };
    let result: LookupResult | null = null;
    let error: string | undefined;
    const [ui] = await Promise.all([
      this.loadUi(),
      this.lookup(termId, mention).then(
        (r) => {
          result = r;
        },
        (e: Error) => {
          error = e.message;
        },
      ),
    ]);
    if (this.deps.signal.aborted || this.current?.mention !== mention || this.current.termId !== termId) return;
    ui.show({ anchor: anchorOf(mention), result, error, keyboard, actions: this.actions(mention) });
    this.deps.onOpened(mention);
    // Bench build only: painted is the frame after the render has been produced.
    if (BENCH_BUILD) {
      requestAnimationFrame(() =>
        setTimeout(() => {
          this.latencies.push(performance.now() - started);
          if (this.latencies.length > 200) this.latencies.shift();
        }, 0),
      );
    }
  }

  private close(): void {
    const current = this.current;
    this.current = null;
    this.ui?.hide();
    this.deps.onClosed();
    if (current?.keyboard && current.returnFocus instanceof HTMLElement && current.returnFocus.isConnected) current.returnFocus.focus({ preventScroll: true });
  }

  private contextOf(mention: Mention): string {
    let context = this.contexts.get(mention);
    if (context === undefined) {
      context = sentenceAround(mention);
      this.contexts.set(mention, context);
    }
    return context;
  }

  private lookup(termId: string, mention: Mention): Promise<LookupResult> {
    const context = this.contextOf(mention);
    const key = `${termId}\u0000${context}`;
    let pending = this.lookups.get(key);
    if (!pending) {
      pending = askBackground({ type: 'lookup', termId, context });
      pending.catch(() => this.lookups.delete(key));
      if (this.lookups.size > 50) this.lookups.clear();
      this.lookups.set(key, pending);
    }
    return pending;
  }

  private loadUi(): Promise<CardUiApi> {
    this.uiLoading ??= (async () => {
      if (!registeredCardUi()) await askBackground({ type: 'load-card-ui' });
      const api = registeredCardUi();
      if (!api) throw new Error('The card could not be loaded.');
      this.ui = api;
      return api;
    })();
    this.uiLoading.catch(() => {
      this.uiLoading = null;
    });
    return this.uiLoading;
  }

  private actions(mention: Mention): CardActions {
    return {
      startNote: (passageId) => this.startNote(mention, passageId),
      hideTerm: () => {
        // The card may show a related term by now: hide the one it shows.
        const termId = this.current?.termId ?? this.deps.termOf(mention).id;
        this.intent.hideNow();
        void changeSettingsFromPage('stop highlighting this term', (s) => ({ hiddenTerms: [...new Set([...s.hiddenTerms, termId])] }));
      },
      disableSite: () => {
        this.intent.hideNow();
        const site = siteKey(location.href);
        if (site) void changeSettingsFromPage('turn highlighting off on this site', (s) => ({ disabledSites: [...new Set([...s.disabledSites, site])] }));
      },
      openRelated: (termId: string) => {
        const current = this.current;
        if (current) void this.display(current.mention, termId, current.keyboard, current.returnFocus);
      },
      close: () => this.intent.hideNow(),
    };
  }

  /**
   * Hands the note's page-side facts to the background and gets the note form's address. The
   * reader types into that form (an extension page in a frame), out of the page's reach.
   */
  private async startNote(mention: Mention, passageId: string | undefined): Promise<NoteSession> {
    const termId = this.current?.termId ?? this.deps.termOf(mention).id;
    const result = await this.lookup(termId, mention);
    const { token } = await askBackground({
      type: 'prepare-note',
      termId,
      quote: this.contextOf(mention).slice(0, 2000),
      pageTitle: document.title.slice(0, 500),
      passageIds: result.passages.map((p) => p.id),
      ...(passageId ? { selectedPassageId: passageId } : {}),
    });
    const finished = new Promise<'saved' | 'cancelled'>((resolve) => this.notes.set(token, resolve));
    return { url: `${browser.runtime.getURL('/note-form.html' as '/popup.html')}#${token}`, finished };
  }
}

/** Floating UI's virtual element for a mention: its live range's boxes. */
function anchorOf(mention: Mention) {
  const range = mention.range;
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement: mention.startNode.parentElement ?? undefined,
  };
}
