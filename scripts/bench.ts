/**
 * npm run bench: the content script on real news pages, in real Chromium, against mark.js and
 * against the floor (a bare TreeWalker pass that reads every character of every text node).
 * Pages come from ../shared/bench-pages, served on 127.0.0.1; every other host is blocked.
 * Prints a table and writes bench-results/latest.json.
 *
 *   --pages a.html,b.html   only these pages       --runs N     repeats per page (default 9)
 *   --no-markjs             skip mark.js (slow)      --hovers N   card hovers (default 100)
 *   --only storm            only the storm cases (scripts/bench/storm.ts)   --no-storm   skip them
 *   --no-notes              skip the notes view (10,000 notes; scripts/bench/notes.ts)
 *   --sync-only / --no-sync only / without the corpus sync bench (scripts/bench/sync.ts)
 */
import { printTable } from './support/table';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import type { Corpus } from '../lib/corpus/schema';
import type { ScanStats } from '../lib/messages';
import { benchStorm } from './bench/storm';
import { benchNotes, describeNotesBench, type NotesBench } from './bench/notes';
import { askPage, BENCH_EXTENSION_DIR, BENCH_PAGES_DIR, CHROMIUM, EXTENSION_DIR, launchWithExtension, pageStatus, ROOT, startServer, type ExtensionBrowser } from './support/browser';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const RUNS = Number(option('--runs', '9'));
/** Each measurement repeats the work this many times back to back and keeps runs 2..n. */
const REPEAT = 5;
const HOVERS = Number(option('--hovers', '100'));
const pages = option('--pages', '')
  ? option('--pages', '').split(',')
  : readdirSync(BENCH_PAGES_DIR)
      .filter((f) => f.endsWith('.html'))
      .sort();

const corpus: Corpus = JSON.parse(readFileSync(join(ROOT, 'data/corpus.json'), 'utf8'));
/** mark.js gets the catalogue's aliases as written (it knows nothing of inflections). */
const markJsTerms = [...new Set(corpus.terms.flatMap((t) => t.aliases.map((a) => a.text)))];
const markJsSource = readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length ? (s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2) : NaN;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * The floor: every text node under <body> visited with a TreeWalker, every character read. Both
 * floors are defined once and warmed up, so they run as optimised code, as the scanner does.
 */
const DEFINE_FLOORS = `
globalThis.__benchFloor = function () {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node, sum = 0;
  while ((node = walker.nextNode())) { const s = node.data; for (let i = 0; i < s.length; i++) sum += s.charCodeAt(i); }
  return { ms: performance.now() - t0, sum };
};
/* The node-only floor, for reference: visits text nodes, reads no characters. */
globalThis.__benchNodeFloor = function () {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node, n = 0;
  while ((node = walker.nextNode())) n += node.data.length;
  return { ms: performance.now() - t0, n };
};
for (let i = 0; i < 3; i++) { __benchFloor(); __benchNodeFloor(); }
true`;
/** Back to back, like the scanner's rescans: the times of runs 2..n. */
const FLOOR = `Array.from({ length: ${REPEAT} }, () => __benchFloor().ms).slice(1)`;
const NODE_FLOOR = `Array.from({ length: ${REPEAT} }, () => __benchNodeFloor().ms).slice(1)`;
/** The floor's very first run in a fresh isolated world (cold, like a page's first scan). */
const COLD_FLOOR = `(() => {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node, sum = 0;
  while ((node = walker.nextNode())) { const s = node.data; for (let i = 0; i < s.length; i++) sum += s.charCodeAt(i); }
  return performance.now() - t0;
})()`;

/** The content script's isolated world, so the floor runs where the extension runs. */
async function isolatedContext(cdp: CDPSession, extensionId: string): Promise<number> {
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  await new Promise((r) => setTimeout(r, 50));
  const ctx = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId));
  if (!ctx) throw new Error('the extension’s isolated world was not found');
  return ctx.id;
}

async function evaluateIn(cdp: CDPSession, contextId: number, expression: string): Promise<any> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId, returnByValue: true });
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value;
}

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

interface PageResult {
  page: string;
  textNodes: number;
  characters: number;
  mentions: number;
  /** Warm: medians of back-to-back runs, ours and the floor alike. */
  oursMs: number;
  floorMs: number;
  nodeFloorMs: number;
  ratioToFloor: number;
  /** Cold: the page's first scan, and the floor's first run in a fresh world. */
  oursFirstMs: number;
  /** The first scan's own work: its slices, without the page's tasks that ran between them. */
  oursFirstBusyMs: number;
  floorFirstMs: number;
  ratioFirst: number;
  setupMs: number;
  longestTaskMs: number;
  markJsMs: number | null;
  markJsMarks: number | null;
  /** mark.js threw (it builds one regular expression per term, which can overflow the stack). */
  markJsError?: string;
  ratioMarkJs: number | null;
  memoryKb: number;
  /** Whether timings had 5 µs steps (cross-origin isolated) rather than 100 µs. */
  fineTimer: boolean;
}

async function benchPage(ext: ExtensionBrowser, plain: import('playwright-core').BrowserContext, file: string): Promise<PageResult> {
  const page = await ext.open(`/bench/${file}`);
  const first = await pageStatus(ext, page);
  const cold = first.scan!;
  const cdp = await page.context().newCDPSession(page);
  const contextId = await isolatedContext(cdp, ext.extensionId);
  await evaluateIn(cdp, contextId, DEFINE_FLOORS);
  const isolated = (await evaluateIn(cdp, contextId, 'crossOriginIsolated')) === true;
  const ours: number[] = [];
  const floor: number[] = [];
  const nodeFloor: number[] = [];
  const slices: number[] = [];
  // Interleaved, so both see the same machine noise; each is repeated back to back.
  for (let i = 0; i < RUNS; i++) {
    const { runs } = await askPage<{ runs: ScanStats[] }>(ext, page, { type: 'rescan', repeat: REPEAT });
    ours.push(median(runs.slice(1).map((r) => r.totalMs)));
    slices.push(...runs.map((r) => r.longestSliceMs));
    floor.push(median(await evaluateIn(cdp, contextId, FLOOR)));
    nodeFloor.push(median(await evaluateIn(cdp, contextId, NODE_FLOOR)));
  }
  const status = await pageStatus(ext, page);
  const withExtension = await heapUsed(page);
  await cdp.detach();
  await page.close();

  // The floor cold: the page again with the extension switched off for the site, so the
  // isolated world exists but has walked nothing yet.
  await ext.worker.evaluate(async () => {
    await chrome.storage.local.set({ settings: { disabledSites: ['reuters.com'] } });
  });
  const coldPage = await ext.open(`/bench/${file}`);
  await pageStatus(ext, coldPage, 'stopped');
  const coldCdp = await coldPage.context().newCDPSession(coldPage);
  const floorFirst = (await evaluateIn(coldCdp, await isolatedContext(coldCdp, ext.extensionId), COLD_FLOOR)) as number;
  await coldCdp.detach();
  await coldPage.close();
  await ext.worker.evaluate(async () => {
    await chrome.storage.local.remove('settings');
  });

  // Baseline memory and mark.js: the same page in a browser without the extension.
  const bare = await plain.newPage();
  await bare.goto(ext.url(`/bench/${file}`));
  await bare.waitForTimeout(300);
  const without = await heapUsed(bare);
  let markJsMs: number | null = null;
  let markJsMarks: number | null = null;
  let markJsError: string | undefined;
  if (!flag('--no-markjs')) {
    await bare.addScriptTag({ content: markJsSource });
    // A string, not a function: tsx's helpers would not exist in the page.
    const r = (await bare.evaluate(`(() => { try {
      const t0 = performance.now();
      let count = 0;
      new Mark(document.body).mark(${JSON.stringify(markJsTerms)}, { separateWordSearch: false, acrossElements: true, caseSensitive: false, diacritics: false, accuracy: 'exactly', exclude: ['script', 'style', 'noscript', 'textarea', 'code', 'pre'], each: () => { count++; } });
      return { ms: performance.now() - t0, count };
    } catch (error) { return { error: String(error) }; } })()`)) as { ms: number; count: number } | { error: string };
    if ('error' in r) markJsError = r.error.slice(0, 120);
    else {
      markJsMs = r.ms;
      markJsMarks = r.count;
    }
  }
  await bare.close();

  const oursMs = median(ours);
  const floorMs = median(floor);
  return {
    page: file,
    textNodes: cold.textNodes,
    characters: cold.characters,
    mentions: status.mentions,
    oursMs: round(oursMs, 3),
    floorMs: round(floorMs, 3),
    nodeFloorMs: round(median(nodeFloor), 3),
    // Without isolation performance.now() ticks in 0.1 ms: a floor under one tick counts as one.
    ratioToFloor: round(median(ours.map((o, i) => o / Math.max(floor[i]!, isolated ? 0.005 : 0.1)))),
    oursFirstMs: round(cold.totalMs),
    oursFirstBusyMs: round(cold.busyMs),
    floorFirstMs: round(floorFirst),
    ratioFirst: round(cold.totalMs / Math.max(floorFirst, isolated ? 0.005 : 0.1)),
    setupMs: round(cold.setupMs),
    longestTaskMs: round(Math.max(cold.setupMs, cold.longestSliceMs, ...slices)),
    markJsMs: markJsMs === null ? null : round(markJsMs, 0),
    markJsMarks,
    ...(markJsError ? { markJsError } : {}),
    ratioMarkJs: markJsMs === null ? null : round(markJsMs / Math.max(oursMs, 0.1), 0),
    memoryKb: round((withExtension - without) / 1024, 0),
    fineTimer: isolated,
  };
}

/** Hovers mentions on a page many times; returns dwell-to-paint latencies and lookup times. */
async function benchHovers(ext: ExtensionBrowser, path: string) {
  const page = await ext.open(path);
  await pageStatus(ext, page);
  const points = await page.evaluate(() => {
    const out: { x: number; y: number }[] = [];
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('nkr-quiet')) continue;
      for (const r of h) {
        const rect = (r as Range).getClientRects()[0];
        if (rect && rect.top > 0 && rect.bottom < innerHeight && rect.width > 4) out.push({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
      }
    }
    return out;
  });
  if (!points.length) throw new Error(`no visible mention to hover on ${path}`);
  // Hover until HOVERS cards have painted (a hover can land where the page moved under it).
  let painted = 0;
  for (let attempt = 0; attempt < HOVERS * 2 && painted < HOVERS; attempt++) {
    const p = points[attempt % points.length]!;
    await page.mouse.move(5, 5);
    await page.waitForTimeout(450); // let the previous card close
    await page.mouse.move(p.x, p.y);
    await page.waitForTimeout(420);
    if (attempt % 10 === 9) painted = ((await pageStatus(ext, page)).cardLatencies ?? []).length;
  }
  await page.waitForTimeout(300);
  const status = await pageStatus(ext, page);
  await page.close();
  return { page: path, cardLatencies: (status.cardLatencies ?? []).slice(-HOVERS) };
}

/** The background's lookup time, from an extension page: every term, against sentences from a page. */
async function benchLookups(ext: ExtensionBrowser, count: number) {
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  const sentences = corpus.passages.flatMap((p) => p.text.split(/(?<=[.!?])\s+/)).slice(0, 60);
  const termIds = corpus.terms.map((t) => t.id);
  const result = await popup.evaluate(
    async ({ sentences, termIds, count }) => {
      const roundTrips: number[] = [];
      for (let i = 0; i < count; i++) {
        const t0 = performance.now();
        const reply = await chrome.runtime.sendMessage({ type: 'lookup', termId: termIds[i % termIds.length], context: sentences[(i * 7) % sentences.length] });
        if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
        roundTrips.push(performance.now() - t0);
      }
      const diagnostics = await chrome.runtime.sendMessage({ type: 'diagnostics' });
      return { roundTrips, lookupMs: diagnostics.value.lookupMs as number[] };
    },
    { sentences, termIds, count },
  );
  await popup.close();
  return { lookupMs: result.lookupMs.slice(-count), roundTrips: result.roundTrips };
}

/**
 * Pages are served cross-origin isolated (COOP + COEP, on an origin Chromium is told to treat as
 * secure), which gives performance.now() 5 µs steps instead of 100 µs, in the content script's
 * world too: a median page's floor is under a millisecond, and 100 µs steps would blur it.
 */
const ISOLATION_HEADERS = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

async function main() {
  const server = await startServer(Object.fromEntries(readdirSync(BENCH_PAGES_DIR).map((f) => [`/bench/${f}`, ISOLATION_HEADERS])));
  // The bench build (wxt build --mode bench): the production code plus the hooks it reads timings from.
  const ext = await launchWithExtension(server, { extensionDir: BENCH_EXTENSION_DIR, args: ['--unsafely-treat-insecure-origin-as-secure=http://www.reuters.com'] });
  const only = option('--only', '');
  const plainBrowser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--host-resolver-rules=MAP www.reuters.com:80 127.0.0.1:${server.port}`],
  });
  const plain = await plainBrowser.newContext({ viewport: { width: 1280, height: 900 } });
  await plain.route(/^https?:\/\//, (route) => (new URL(route.request().url()).hostname === 'www.reuters.com' ? route.continue() : route.abort()));

  const results: PageResult[] = [];
  for (const file of only ? [] : pages) {
    try {
      const r = await benchPage(ext, plain, file);
      results.push(r);
      process.stderr.write(`  ${file}: ours ${r.oursMs} ms, floor ${r.floorMs} ms, mark.js ${r.markJsMs ?? '-'} ms\n`);
    } catch (error) {
      process.stderr.write(`  ${file}: failed: ${(error as Error).message}\n`);
    }
  }

  let hover: Awaited<ReturnType<typeof benchHovers>> | null = null;
  let lookups: Awaited<ReturnType<typeof benchLookups>> | null = null;
  // The bench pages are off the topic (the gate now keeps them quiet, as it should), so the cards are
  // timed on the bundled on-topic sample page; --hover-page names another (a bench page by file name).
  const hoverPage = option('--hover-page', '');
  const hoverPath = hoverPage ? `/bench/${hoverPage}` : '/pages/demo.html';
  const storm = (!only || only === 'storm') && !flag('--no-storm') ? await benchStorm(ext, plain) : null;
  if (HOVERS > 0 && !only && (!hoverPage || existsIn(hoverPage))) {
    hover = await benchHovers(ext, hoverPath);
    lookups = await benchLookups(ext, 200);
  }
  await plainBrowser.close();
  await ext.close();
  // Readers' notes: 10,000 in the database, popup first paint and search keystrokes (scripts/bench/notes.ts).
  const notesBench: NotesBench | null =
    flag('--no-notes') || (only && only !== 'notes')
      ? null
      : await benchNotes(server).catch((e: Error) => {
          process.stderr.write(`  notes: failed: ${e.message}\n`);
          return null;
        });
  await server.close();

  const contentJs = readFileSync(join(EXTENSION_DIR, 'content-scripts/content.js'));
  const contentCss = readFileSync(join(EXTENSION_DIR, 'content-scripts/content.css'));
  const cardJs = readFileSync(join(EXTENSION_DIR, 'card-ui.js'));
  const summary = {
    pages: results.length,
    medianOursMs: round(median(results.map((r) => r.oursMs)), 3),
    medianFloorMs: round(median(results.map((r) => r.floorMs)), 3),
    medianRatioToFloor: round(median(results.map((r) => r.ratioToFloor))),
    medianFirstMs: round(median(results.map((r) => r.oursFirstMs)), 2),
    medianFirstBusyMs: round(median(results.map((r) => r.oursFirstBusyMs)), 2),
    medianRatioFirstBusy: round(median(results.map((r) => r.oursFirstBusyMs / Math.max(r.floorFirstMs, 0.005)))),
    medianFloorFirstMs: round(median(results.map((r) => r.floorFirstMs)), 2),
    medianRatioFirst: round(median(results.map((r) => r.ratioFirst))),
    medianMarkJsMs: results.some((r) => r.markJsMs !== null) ? round(median(results.flatMap((r) => (r.markJsMs === null ? [] : [r.markJsMs]))), 0) : null,
    medianRatioMarkJs: results.some((r) => r.ratioMarkJs !== null) ? round(median(results.flatMap((r) => (r.ratioMarkJs === null ? [] : [r.ratioMarkJs]))), 0) : null,
    longestTaskMs: round(Math.max(...results.map((r) => r.longestTaskMs))),
    medianMemoryKb: round(median(results.map((r) => r.memoryKb)), 0),
    timerStepMs: results.every((r) => r.fineTimer) ? 0.005 : 0.1,
    contentScriptGzipBytes: gzipSync(contentJs, { level: 9 }).length + gzipSync(contentCss, { level: 9 }).length,
    cardUiGzipBytes: gzipSync(cardJs, { level: 9 }).length,
    cardPaint: hover ? { page: hover.page, hovers: hover.cardLatencies.length, p50Ms: round(percentile(hover.cardLatencies, 50)), p95Ms: round(percentile(hover.cardLatencies, 95)) } : null,
    lookup: lookups ? { lookups: lookups.lookupMs.length, p50Ms: round(percentile(lookups.lookupMs, 50), 3), p95Ms: round(percentile(lookups.lookupMs, 95), 3), roundTripP95Ms: round(percentile(lookups.roundTrips, 95), 2) } : null,
  };

  const header = ['page', 'text nodes', 'chars', 'mentions', 'ours ms', 'floor ms', 'ours/floor', 'first ms', 'first busy', 'floor first', 'first/floor', 'setup ms', 'mark.js ms', 'mark.js/ours', 'longest task ms', 'memory KB'];
  const rows = results.map((r) =>
    [
      r.page,
      r.textNodes,
      r.characters,
      r.mentions,
      r.oursMs,
      r.floorMs,
      r.ratioToFloor,
      r.oursFirstMs,
      r.oursFirstBusyMs,
      r.floorFirstMs,
      r.ratioFirst,
      r.setupMs,
      r.markJsMs ?? (r.markJsError ? 'threw' : '-'),
      r.ratioMarkJs ?? '-',
      r.longestTaskMs,
      r.memoryKb,
    ].map(String),
  );
  printTable(header, rows);
  console.log('');
  console.log(`Medians over ${summary.pages} pages (one run, ${RUNS} repeats a page):`);
  console.log(`  scan+highlight, warm: ${summary.medianOursMs} ms; floor ${summary.medianFloorMs} ms; ours/floor ${summary.medianRatioToFloor}× (median of per-page ratios)`);
  console.log(
    `  scan+highlight, first scan: ${summary.medianFirstMs} ms (its own slices: ${summary.medianFirstBusyMs} ms); floor's first run ${summary.medianFloorFirstMs} ms; first/floor ${summary.medianRatioFirst}× (slices only: ${summary.medianRatioFirstBusy}×)`,
  );
  console.log(`  mark.js ${summary.medianMarkJsMs ?? '-'} ms; mark.js/ours ${summary.medianRatioMarkJs ?? '-'}×`);
  console.log(`  longest extension task ${summary.longestTaskMs} ms; memory ${summary.medianMemoryKb} KB; content script ${summary.contentScriptGzipBytes} B gzipped (card UI ${summary.cardUiGzipBytes} B, loaded on first hover)`);
  if (summary.cardPaint) console.log(`  card: dwell timer to painted p50 ${summary.cardPaint.p50Ms} ms, p95 ${summary.cardPaint.p95Ms} ms over ${summary.cardPaint.hovers} hovers on ${summary.cardPaint.page}`);
  if (notesBench) console.log(describeNotesBench(notesBench));
  if (summary.lookup) console.log(`  background lookup p50 ${summary.lookup.p50Ms} ms, p95 ${summary.lookup.p95Ms} ms over ${summary.lookup.lookups} lookups (message round trip p95 ${summary.lookup.roundTripP95Ms} ms)`);
  const json = {
    date: new Date().toISOString(),
    chromium: CHROMIUM,
    runs: RUNS,
    repeat: REPEAT,
    floor: 'TreeWalker(SHOW_TEXT) over <body>, reading every character of every text node, in the content script’s isolated world',
    method:
      'warm: each of `runs` measurements repeats the work `repeat` times back to back and keeps the median of runs 2..n, ours and the floor alike; first: the page’s first scan (wall time, and its slices alone), and the floor’s first run in a fresh isolated world; timers step in 5 µs (pages cross-origin isolated)',
    summary,
    results,
    storm,
    notes: notesBench,
  };
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-results/latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  console.log('');
  console.log(JSON.stringify(json.summary));
}

function existsIn(file: string): boolean {
  try {
    return statSync(join(BENCH_PAGES_DIR, file)).isFile();
  } catch {
    return false;
  }
}

// Corpus sync (scripts/bench/sync.ts): its own test build and browser; --sync-only skips the pages, --no-sync skips it.
const { benchSync } = await import('./bench/sync');
if (!flag('--sync-only')) await main();
if (!flag('--no-sync')) await benchSync();
