/**
 * When to open and close the card, like the best hover cards: prefetch after a short dwell,
 * show after the reader's delay, stay open while the pointer is on the mention or the card,
 * close after a grace period once both are left, and never open for a pointer passing by.
 */

export interface HoverTimings {
  /** Dwell before the lookup starts (the card's data is local, so this can be short). */
  prefetchMs: number;
  /** Dwell before the card shows. */
  showMs: number;
  /** Grace period after leaving both mention and card. */
  hideMs: number;
}

export const DEFAULT_TIMINGS: HoverTimings = { prefetchMs: 120, showMs: 300, hideMs: 300 };

export interface HoverCallbacks<M> {
  prefetch(mention: M): void;
  /** `keyboard`: opened from the keyboard (focus goes into the card). */
  show(mention: M, keyboard: boolean): void;
  hide(): void;
}

/** What moved the pointer over (or off) a mention: the mouse, or the page scrolling under it. */
export type PointerCause = 'move' | 'scroll';

export class HoverIntent<M> {
  private shown: M | null = null;
  private overMention: M | null = null;
  private overCard = false;
  /** A card opened from the keyboard stays until the reader acts: Escape, a button, or the mouse. */
  private pinned = false;
  private prefetchTimer: ReturnType<typeof setTimeout> | undefined;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private timings: HoverTimings,
    private readonly callbacks: HoverCallbacks<M>,
  ) {}

  setTimings(timings: HoverTimings): void {
    this.timings = timings;
  }

  /** The mention now under the pointer (null: none). Call on every hit-test. */
  pointerAt(mention: M | null, cause: PointerCause = 'move'): void {
    if (this.pinned) {
      // Scrolling to a mention moves the page under a resting mouse: that is not the reader.
      if (cause === 'scroll') return;
      this.pinned = false;
    } else if (mention === this.overMention) {
      return;
    }
    this.overMention = mention;
    if (mention !== null && mention === this.shown) {
      this.cancelCandidate();
      this.cancelHide();
      return;
    }
    this.cancelCandidate();
    if (mention !== null) {
      this.prefetchTimer = setTimeout(() => this.callbacks.prefetch(mention), Math.min(this.timings.prefetchMs, this.timings.showMs));
      this.showTimer = setTimeout(() => this.showNow(mention, false), this.timings.showMs);
    }
    if (this.shown !== null && !this.overCard) this.scheduleHide();
  }

  /** Whether the pointer is over the card. */
  pointerOnCard(on: boolean): void {
    if (this.pinned && !on) return;
    this.pinned = false;
    this.overCard = on;
    if (on) this.cancelHide();
    else if (this.shown !== null && this.overMention !== this.shown) this.scheduleHide();
  }

  /** Opens at once, bypassing the dwell; from the keyboard, pinned until the reader acts. */
  showNow(mention: M, keyboard: boolean): void {
    this.cancelCandidate();
    this.cancelHide();
    this.shown = mention;
    this.pinned = keyboard;
    this.callbacks.show(mention, keyboard);
  }

  /** Closes at once (Escape, the page removed the mention, a setting changed). */
  hideNow(): void {
    this.cancelCandidate();
    this.cancelHide();
    this.pinned = false;
    if (this.shown === null) return;
    this.shown = null;
    this.callbacks.hide();
  }

  stop(): void {
    this.cancelCandidate();
    this.cancelHide();
    this.shown = null;
    this.pinned = false;
  }

  private scheduleHide(): void {
    if (this.hideTimer !== undefined) return;
    this.hideTimer = setTimeout(() => {
      this.hideTimer = undefined;
      if (this.overCard || (this.overMention !== null && this.overMention === this.shown)) return;
      this.shown = null;
      this.callbacks.hide();
    }, this.timings.hideMs);
  }

  private cancelHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
  }

  private cancelCandidate(): void {
    clearTimeout(this.prefetchTimer);
    clearTimeout(this.showTimer);
    this.prefetchTimer = this.showTimer = undefined;
  }
}
