import './highlights.css';
import { BENCH_BUILD } from '@/lib/build-flags';
import { CURATED_MATCHES } from '@/lib/sites';
import * as benchHooks from './features/bench-hooks';
import * as noteFinished from './features/note-finished';
import * as pageStatus from './features/page-status';
import * as markPage from './features/mark-page';
import * as revealTerm from './features/reveal-term';
import * as stepMention from './features/step-mention';
import { startPageRun } from './lifecycle';
import { PageRun } from './page-run';
import { TabRouter } from './tab-router';

/** Set in the isolated world, so a second injection (curated + reader-enabled) does nothing. */
const RUNNING = Symbol.for('nk-russia-context.running');

/** The page's features, each answering its tab messages (Refined GitHub's shape). */
const FEATURES = [pageStatus, stepMention, noteFinished, revealTerm, markPage, ...(BENCH_BUILD ? [benchHooks] : [])];

export default defineContentScript({
  matches: [...CURATED_MATCHES],
  runAt: 'document_idle',
  // Belt and braces: wxt.config.ts also swaps WXT's page-visible start-up handshake out entirely.
  noScriptStartedPostMessage: true,
  main() {
    const scope = globalThis as Record<symbol, AbortController | undefined>;
    if (scope[RUNNING] && !scope[RUNNING].signal.aborted) return;
    // The one AbortController of this page run: only the extension going away ends it.
    const run = startPageRun();
    scope[RUNNING] = run;
    run.signal.addEventListener('abort', () => {
      if (scope[RUNNING] === run) delete scope[RUNNING];
    });
    const page = new PageRun(run.signal);
    const router = new TabRouter();
    for (const feature of FEATURES) feature.init(page, router);
    router.listen(run.signal);
    void page.start();
  },
});
