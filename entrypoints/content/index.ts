import './highlights.css';
import { CURATED_MATCHES } from '@/lib/sites';
import { PageSession } from './page-session';

/** Set in the isolated world, so a second injection (curated + reader-enabled) does nothing. */
const RUNNING = Symbol.for('nk-russia-context.running');

export default defineContentScript({
  matches: [...CURATED_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const scope = globalThis as Record<symbol, unknown>;
    if (scope[RUNNING]) return;
    scope[RUNNING] = true;
    ctx.onInvalidated(() => { delete scope[RUNNING]; });
    void new PageSession(ctx).start();
  },
});
