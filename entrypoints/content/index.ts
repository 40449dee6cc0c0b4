import './highlights.css';
import { CURATED_MATCHES } from '@/lib/sites';
import { startPageRun } from './lifecycle';
import { PageSession } from './page-session';

/** Set in the isolated world, so a second injection (curated + reader-enabled) does nothing. */
const RUNNING = Symbol.for('nk-russia-context.running');

export default defineContentScript({
  matches: [...CURATED_MATCHES],
  runAt: 'document_idle',
  // Belt and braces: wxt.config.ts also swaps WXT's page-visible start-up handshake out entirely.
  noScriptStartedPostMessage: true,
  main() {
    const scope = globalThis as Record<symbol, AbortController | undefined>;
    if (scope[RUNNING] && !scope[RUNNING].signal.aborted) return;
    const run = startPageRun();
    scope[RUNNING] = run;
    run.signal.addEventListener('abort', () => { if (scope[RUNNING] === run) delete scope[RUNNING]; });
    void new PageSession(run.signal).start();
  },
});
