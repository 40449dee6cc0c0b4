/**
 * Feature: `mark-page` (from the popup): the reader marks a page the gate judged off the topic. The
 * gate misreads some pages (a short caption on a North Korean missile that hit Kyiv names no
 * Russia); the reader, who can see the story, decides. For this visit only: nothing is stored.
 */
import type { PageRun } from '../page-run';
import type { TabRouter } from '../tab-router';

export function init(page: PageRun, router: TabRouter): void {
  router.on('mark-page', () => {
    const active = page.active;
    if (!active) return { mentions: 0 };
    active.shown.markPage();
    active.repaint(true);
    return { mentions: active.shown.shown.size };
  });
}
