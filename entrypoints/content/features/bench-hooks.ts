/** Feature, bench build only (BENCH_BUILD, `wxt build --mode bench`): `rescan`, full scans back to back for timing. */
import type { ScanStats } from '@/lib/tab-messages';
import type { PageRun } from '../page-run';
import type { TabRouter } from '../tab-router';

export function init(page: PageRun, router: TabRouter): void {
  router.on('rescan', async ({ repeat = 1 }) => {
    const runs: ScanStats[] = [];
    for (let i = 0; i < repeat; i++) {
      await page.rescanAll();
      const stats = page.active?.stats;
      if (!stats) throw new Error('Not running on this page.');
      runs.push(stats);
    }
    return { runs };
  });
}
