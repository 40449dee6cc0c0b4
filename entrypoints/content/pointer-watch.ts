/**
 * Tracks the pointer and tells the card which mention is under it, hit-testing at most once per
 * animation frame and only while the page has mentions.
 */
import { mentionAtPoint } from './hit-test';
import type { Mention, MentionStore } from './mentions';

interface PointerTarget {
  pointerAt(mention: Mention | null, cause: 'move' | 'scroll'): void;
  pointerOnCard(on: boolean): void;
  contains(target: EventTarget | null): boolean;
}

export function watchPointer(options: { store: MentionStore; isShown: (m: Mention) => boolean; card: PointerTarget; signal: AbortSignal }): void {
  const { store, isShown, card, signal } = options;
  let x = -1;
  let y = -1;
  let frame = 0;
  let cause: 'move' | 'scroll' = 'move';
  const test = () => {
    frame = 0;
    if (x < 0 || signal.aborted) return;
    card.pointerAt(store.size ? mentionAtPoint(store, isShown, x, y) : null, cause);
  };
  const schedule = (why: 'move' | 'scroll') => {
    // A real move in the same frame wins over a scroll.
    cause = frame && cause === 'move' ? 'move' : why;
    if (!frame) frame = requestAnimationFrame(test);
  };
  const listen = { capture: true, passive: true, signal };

  // Only the reader's own input counts: a page's synthetic events (isTrusted false) open nothing.
  document.addEventListener(
    'pointermove',
    (event) => {
      if (!event.isTrusted || event.pointerType === 'touch') return;
      const onCard = card.contains(event.target);
      card.pointerOnCard(onCard);
      if (onCard) {
        card.pointerAt(null, 'move');
        x = -1;
        return;
      }
      x = event.clientX;
      y = event.clientY;
      schedule('move');
    },
    listen,
  );
  // The page scrolling under a resting pointer moves mentions under it too.
  window.addEventListener(
    'scroll',
    (event) => {
      if (event.isTrusted) schedule('scroll');
    },
    listen,
  );
  document.addEventListener(
    'mouseout',
    (event) => {
      if (event.isTrusted && event.relatedTarget === null) {
        x = -1;
        card.pointerAt(null, 'move');
        card.pointerOnCard(false);
      }
    },
    listen,
  );
  signal.addEventListener('abort', () => {
    if (frame) cancelAnimationFrame(frame);
  });
}
