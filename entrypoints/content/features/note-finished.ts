/** Feature: `note-finished`: the background says a note form this page opened was saved or cancelled. */
import type { PageRun } from '../page-run';
import type { TabRouter } from '../tab-router';

export function init(page: PageRun, router: TabRouter): void {
  router.on('note-finished', ({ token, saved }) => {
    page.active?.card.noteFinished(token, saved);
    return { received: true };
  });
}
