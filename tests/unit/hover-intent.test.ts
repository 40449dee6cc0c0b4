import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent } from '../../entrypoints/content/hover-intent';

const timings = { prefetchMs: 120, showMs: 300, hideMs: 300 };
let events: string[];
let intent: HoverIntent<string>;
beforeEach(() => {
  vi.useFakeTimers();
  events = [];
  intent = new HoverIntent<string>(timings, { prefetch: (m) => events.push(`prefetch ${m}`), show: (m) => events.push(`show ${m}`), hide: () => events.push('hide') });
});
afterEach(() => vi.useRealTimers());

describe('hover intent', () => {
  it('prefetches after a short dwell and shows after the delay', () => {
    intent.pointerAt('kim');
    vi.advanceTimersByTime(119);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['prefetch kim']);
    vi.advanceTimersByTime(180);
    expect(events).toEqual(['prefetch kim', 'show kim']);
  });

  it('shows nothing for a pointer passing over', () => {
    intent.pointerAt('kim');
    vi.advanceTimersByTime(100);
    intent.pointerAt(null);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
  });

  it('keeps the card while the pointer crosses a gap into it, then hides after the grace period', () => {
    intent.pointerAt('kim');
    vi.advanceTimersByTime(300);
    intent.pointerAt(null); // between the line and the card
    vi.advanceTimersByTime(100);
    intent.pointerOnCard(true);
    vi.advanceTimersByTime(1000);
    expect(events.at(-1)).toBe('show kim');
    intent.pointerOnCard(false);
    vi.advanceTimersByTime(299);
    expect(events.at(-1)).toBe('show kim');
    vi.advanceTimersByTime(1);
    expect(events.at(-1)).toBe('hide');
  });

  it('does not flicker when the pointer returns to the mention (a wrapped line) in time', () => {
    intent.pointerAt('kim');
    vi.advanceTimersByTime(300);
    intent.pointerAt(null);
    vi.advanceTimersByTime(200);
    intent.pointerAt('kim');
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['prefetch kim', 'show kim']);
  });

  it('moves to another mention after its own dwell, and honours a changed delay', () => {
    intent.pointerAt('kim');
    vi.advanceTimersByTime(300);
    intent.setTimings({ ...timings, showMs: 600 });
    intent.pointerAt('putin');
    vi.advanceTimersByTime(599);
    expect(events.at(-1)).not.toBe('show putin');
    vi.advanceTimersByTime(1);
    expect(events.at(-1)).toBe('show putin');
  });

  it('opens at once from the keyboard and closes at once on Escape', () => {
    intent.showNow('kim', true);
    expect(events).toEqual(['show kim']);
    intent.hideNow();
    expect(events).toEqual(['show kim', 'hide']);
    intent.hideNow();
    expect(events).toEqual(['show kim', 'hide']);
  });

  it('keeps a keyboard-opened card while the page scrolls under a resting mouse, until the mouse moves', () => {
    intent.showNow('kim', true);
    intent.pointerAt(null, 'scroll'); // the step scrolled the page: the mouse now rests on nothing
    intent.pointerAt('putin', 'scroll');
    vi.advanceTimersByTime(2000);
    expect(events).toEqual(['show kim']);
    intent.pointerAt(null, 'move'); // the reader moves the mouse away: hover rules again
    vi.advanceTimersByTime(300);
    expect(events).toEqual(['show kim', 'hide']);
  });
});
