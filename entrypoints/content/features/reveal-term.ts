/** Feature: `reveal-term` (from the popup): scrolls to the first shown mention of a term and opens its card. */
import { inDocumentOrder } from '../mentions';
import type { PageRun } from '../page-run';
import type { TabRouter } from '../tab-router';

export function init(page: PageRun, router: TabRouter): void {
  router.on('reveal-term', ({ termId }) => {
    const active = page.active;
    const index = page.data?.terms.findIndex((t) => t.id === termId) ?? -1;
    if (!active || index < 0) return { found: false };
    const mention = inDocumentOrder([...active.shown.shown].filter((m) => active.shown.termOf(m) === index))[0];
    if (!mention) return { found: false };
    active.focus(mention);
    mention.startNode.parentElement?.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth' });
    active.card.openFromKeyboard(mention);
    return { found: true };
  });
}
