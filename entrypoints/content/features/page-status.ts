/** Feature: answers `page-status` (the popup's page panel, the tests, the bench). */
import { BENCH_BUILD } from '@/lib/build-flags';
import { siteKey } from '@/lib/settings';
import type { PageStatus } from '@/lib/tab-messages';
import type { PageRun } from '../page-run';
import { highlightApiAvailable } from '../painter';
import { MAX_SHOWN } from '../shown';
import type { TabRouter } from '../tab-router';

export function init(page: PageRun, router: TabRouter): void {
  // Answered once the page run knows its settings (a popup opened during injection gets the real state).
  router.on('page-status', async () => {
    await page.ready;
    return status(page);
  });
}

function status(page: PageRun): PageStatus {
  const active = page.active;
  const terms = page.data?.terms ?? [];
  const counts = new Map<number, number>();
  for (const m of active?.shown.shown ?? []) {
    const term = active!.shown.termOf(m);
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return {
    site: siteKey(location.href),
    running: active !== null,
    ...(page.reason ? { reason: page.reason } : {}),
    mode: active?.painter.mode ?? (highlightApiAvailable() ? 'highlight-api' : 'wrap'),
    onTopic: active?.shown.onTopic ?? false,
    mentions: active?.shown.shown.size ?? 0,
    found: active?.scan.store.size ?? 0,
    cap: MAX_SHOWN,
    capped: active?.shown.capped ?? false,
    terms: [...counts].map(([term, count]) => ({ id: terms[term]!.id, label: terms[term]!.label, count })).sort((a, b) => b.count - a.count),
    scan: active?.stats ?? null,
    // The bench build reports card latencies; a production build has no such field.
    ...(BENCH_BUILD && active ? { cardLatencies: active.card.latencies, work: { ...active.scan.totals } } : {}),
  };
}
