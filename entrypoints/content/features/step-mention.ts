/** Feature: `step-mention` (Alt+Shift+J / K): moves to the next or previous shown mention and opens its card. */
import type { Activation } from '../activation';
import { inDocumentOrder } from '../mentions';
import type { PageRun } from '../page-run';
import type { TabRouter } from '../tab-router';

export function init(page: PageRun, router: TabRouter): void {
  router.on('step-mention', ({ direction }) => ({ mentions: page.active ? step(page.active, direction) : 0 }));
}

/** Returns how many mentions can be stepped through (0: none, nothing happens). */
function step(active: Activation, direction: 1 | -1): number {
  const list = inDocumentOrder(active.shown.shown);
  if (!list.length) return 0;
  let index: number;
  const current = active.focused ? list.indexOf(active.focused) : -1;
  if (current >= 0) index = (current + direction + list.length) % list.length;
  else {
    // Start from the reader's place: the first mention below the top of the viewport.
    const below = list.findIndex((m) => m.range.getBoundingClientRect().bottom > 0);
    index = direction === 1 ? Math.max(below, 0) : below > 0 ? below - 1 : list.length - 1;
  }
  const mention = list[index]!;
  active.focus(mention);
  mention.startNode.parentElement?.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth' });
  active.card.openFromKeyboard(mention);
  return list.length;
}
