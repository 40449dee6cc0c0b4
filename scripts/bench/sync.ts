/**
 * The corpus sync bench (called from scripts/bench.ts; `npm run bench -- --sync-only` runs it alone):
 * in real Chromium, a test build of the extension syncs a synthetic corpus of 10,000 passages and
 * 2,000 terms from a signed feed on 127.0.0.1, first replacing the bundled corpus ("fresh"), then
 * as diffs of 100 changed rows. The background times each step; an open popup measures how long
 * its main thread is kept waiting meanwhile. Prints a table and writes bench-results/sync.json.
 */
import { printTable } from '../support/table';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Corpus } from '../../lib/corpus/schema';
import { generateKeyPair, makeFeed } from '../../lib/sync/publish';
import type { SyncLogEntry, SyncTimings } from '../../lib/sync/state';
import { launchWithExtension, ROOT, startServer } from '../support/browser';
import { buildTestExtension } from '../feed/build-test';
import { serveFeed } from '../feed/server';
import { syntheticCorpus, withChanges } from '../feed/synthetic';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length ? (s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2) : NaN;
};

/** Publishes `corpus` signed by `key` into a fresh folder. */
async function publish(corpus: Corpus, key: { id: string; privateKey: string }): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'nkr-bench-feed-'));
  const feed = await makeFeed(new TextEncoder().encode(JSON.stringify(corpus)), { corpusVersion: corpus.version, published: new Date(), validDays: 30, keyId: key.id, privateKey: key.privateKey });
  for (const [name, data] of feed.files) writeFileSync(join(dir, name), data);
  return dir;
}

/**
 * Starts a probe in the popup: the longest wait of a 10 ms timer, long tasks (> 50 ms), and the
 * slowest answer to the popup's own corpus-status request, asked back to back meanwhile.
 */
const PROBE = `(() => {
  const probe = { maxLagMs: 0, longTasks: 0, longestTaskMs: 0, maxStatusMs: 0, statuses: 0, stop: false };
  (async () => { while (!probe.stop) { const t = performance.now(); await chrome.runtime.sendMessage({ type: 'corpus-status' }); probe.maxStatusMs = Math.max(probe.maxStatusMs, performance.now() - t); probe.statuses++; await new Promise((r) => setTimeout(r, 20)); } })();
  let last = performance.now();
  probe.timer = setInterval(() => { const now = performance.now(); probe.maxLagMs = Math.max(probe.maxLagMs, now - last - 10); last = now; }, 10);
  new PerformanceObserver((list) => { for (const e of list.getEntries()) { probe.longTasks++; probe.longestTaskMs = Math.max(probe.longestTaskMs, e.duration); } }).observe({ type: 'longtask' });
  globalThis.__probe = probe;
})()`;

interface Run {
  kind: 'fresh' | 'diff';
  rows: number;
  wallMs: number;
  timings: SyncTimings;
  popupMaxLagMs: number;
  popupLongTasks: number;
  popupLongestTaskMs: number;
  popupStatusMaxMs: number;
}

async function syncOnce(options: Page, popup: Page, kind: Run['kind']): Promise<Run> {
  await popup.evaluate(PROBE);
  const started = Date.now();
  const reply = (await options.evaluate(() => chrome.runtime.sendMessage({ type: 'sync-now' }))) as { ok: boolean; value: SyncLogEntry; error?: string };
  const wallMs = Date.now() - started;
  await popup.waitForTimeout(50);
  const probe = await popup.evaluate(() => {
    const p = (globalThis as any).__probe;
    clearInterval(p.timer);
    p.stop = true;
    return { maxLagMs: p.maxLagMs, longTasks: p.longTasks, longestTaskMs: p.longestTaskMs, maxStatusMs: p.maxStatusMs };
  });
  if (!reply.ok || reply.value.outcome !== 'updated' || !reply.value.timings) throw new Error(`sync did not update: ${JSON.stringify(reply)}`);
  return {
    kind,
    rows: reply.value.timings.rowsWritten,
    wallMs,
    timings: reply.value.timings,
    popupMaxLagMs: Math.round(probe.maxLagMs * 10) / 10,
    popupLongTasks: probe.longTasks,
    popupLongestTaskMs: Math.round(probe.longestTaskMs),
    popupStatusMaxMs: Math.round(probe.maxStatusMs),
  };
}

/** Runs the sync bench; `runs` fresh applies and `runs` diffs. */
export async function benchSync(runs = 3): Promise<void> {
  const bundled: Corpus = JSON.parse(readFileSync(join(ROOT, 'data/corpus.json'), 'utf8'));
  const pair = await generateKeyPair();
  const key = { id: 'bench-key', ...pair };
  process.stderr.write('sync bench: building the test extension (trusts a key made for this run)…\n');
  const extensionDir = buildTestExtension([{ id: key.id, publicKey: key.publicKey }]);
  const big = await syntheticCorpus(bundled.citation, bundled.version + 1, 10_000, 2_000);
  const dirs = [await publish(big, key)];
  let previous = big;
  for (let i = 0; i < runs; i++) {
    previous = await withChanges(previous, 100);
    dirs.push(await publish(previous, key));
  }

  const feed = await serveFeed(dirs[0]!);
  const pages = await startServer();
  const ext = await launchWithExtension(pages, { extensionDir });
  const results: Run[] = [];
  try {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await options.evaluate((url) => chrome.storage.local.set({ syncSettings: { feedUrl: url, intervalHours: 24 } }), `http://127.0.0.1:${feed.port}/manifest.json`);
    for (let i = 0; i < runs; i++) {
      // Fresh: the bundled corpus (79 terms) replaced by 10,000 passages and 2,000 terms.
      const reset = (await options.evaluate(() => chrome.runtime.sendMessage({ type: 'sync-reset' }))) as { ok: boolean };
      if (!reset.ok) throw new Error('reset failed');
      results.push(await syncOnce(options, popup, 'fresh'));
    }
    for (let i = 0; i < runs; i++) {
      feed.setDir(dirs[i + 1]!);
      results.push(await syncOnce(options, popup, 'diff'));
    }
  } finally {
    await ext.close();
    await feed.close();
    await pages.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }

  const header = ['sync', 'rows written', 'apply ms', 'read', 'diff', 'write', 'matcher ms', 'verify ms', 'download ms', 'wall ms', 'popup max lag ms', 'popup long tasks', 'popup status max ms'];
  const rows = results.map((r) =>
    [
      r.kind,
      r.rows,
      r.timings.applyMs,
      r.timings.phases?.readMs ?? '-',
      r.timings.phases?.diffMs ?? '-',
      r.timings.phases?.writeMs ?? '-',
      r.timings.matcherMs,
      r.timings.verifyMs,
      r.timings.downloadMs,
      r.wallMs,
      r.popupMaxLagMs,
      r.popupLongTasks,
      r.popupStatusMaxMs,
    ].map(String),
  );
  console.log('');
  console.log('Corpus sync: synthetic corpus of 10,000 passages and 2,000 terms, in Chromium (test build, feed on 127.0.0.1)');
  printTable(header, rows);
  const of = (kind: Run['kind'], pick: (r: Run) => number) => median(results.filter((r) => r.kind === kind).map(pick));
  const summary = {
    freshApplyMedianMs: of('fresh', (r) => r.timings.applyMs),
    freshTargetMs: 2000,
    diffApplyMedianMs: of('diff', (r) => r.timings.applyMs),
    diffTargetMs: 100,
    matcherRebuildMedianMs: of('fresh', (r) => r.timings.matcherMs),
    popupMaxLagMs: Math.max(...results.map((r) => r.popupMaxLagMs)),
    popupLongTasks: results.reduce((n, r) => n + r.popupLongTasks, 0),
    popupStatusMaxMsFresh: of('fresh', (r) => r.popupStatusMaxMs),
    popupStatusMaxMsDiff: of('diff', (r) => r.popupStatusMaxMs),
  };
  console.log(
    `Medians: fresh apply ${summary.freshApplyMedianMs} ms (target < 2000), diff of 100 apply ${summary.diffApplyMedianMs} ms (target < 100), matcher rebuild ${summary.matcherRebuildMedianMs} ms; popup: longest timer lag ${summary.popupMaxLagMs} ms, ${summary.popupLongTasks} long tasks, slowest corpus-status answer (median of runs) ${summary.popupStatusMaxMsFresh} ms during a fresh apply, ${summary.popupStatusMaxMsDiff} ms during a diff`,
  );
  console.log(
    `Load average while measuring: ${(await import('node:os'))
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(', ')} (shared machine; compare within one run)`,
  );
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-results/sync.json'), `${JSON.stringify({ date: new Date().toISOString(), summary, results }, null, 2)}\n`);
  console.log(JSON.stringify(summary));
}
