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
  show(mention: M): void;
  hide(): void;
}

export class HoverIntent<M> {
  private shown: M | null = null;
  private overMention: M | null = null;
  private overCard = false;
  private prefetchTimer: ReturnType<typeof setTimeout> | undefined;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private timings: HoverTimings, private readonly callbacks: HoverCallbacks<M>) {}

  setTimings(timings: HoverTimings): void {
    this.timings = timings;
  }

  get open(): M | null {
    return this.shown;
  }

  /** The mention now under the pointer (null: none). Call on every hit-test. */
  pointerAt(mention: M | null): void {
    if (mention === this.overMention) return;
    this.overMention = mention;
    if (mention !== null && mention === this.shown) {
      this.cancelCandidate();
      this.cancelHide();
      return;
    }
    this.cancelCandidate();
    if (mention !== null) {
      this.prefetchTimer = setTimeout(() => this.callbacks.prefetch(mention), Math.min(this.timings.prefetchMs, this.timings.showMs));
      this.showTimer = setTimeout(() => this.showNow(mention), this.timings.showMs);
    }
    if (this.shown !== null && !this.overCard) this.scheduleHide();
  }

  /** Whether the pointer is over the card. */
  pointerOnCard(on: boolean): void {
    this.overCard = on;
    if (on) this.cancelHide();
    else if (this.shown !== null && this.overMention !== this.shown) this.scheduleHide();
  }

  /** Opens at once (keyboard), bypassing the dwell. */
  showNow(mention: M): void {
    this.cancelCandidate();
    this.cancelHide();
    this.shown = mention;
    this.callbacks.show(mention);
  }

  /** Closes at once (Escape, the page removed the mention, a setting changed). */
  hideNow(): void {
    this.cancelCandidate();
    this.cancelHide();
    if (this.shown === null) return;
    this.shown = null;
    this.callbacks.hide();
  }

  stop(): void {
    this.cancelCandidate();
    this.cancelHide();
    this.shown = null;
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
