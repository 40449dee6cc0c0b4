/**
 * npm run sweep: every page of ../shared/bench-pages, served from 127.0.0.1 (every other host
 * blocked), loaded in real Chromium with and without the extension. Per page it reports:
 *  - page errors the extension caused (errors with it that do not occur without it): target 0;
 *  - whether the DOM outside the extension's own host is identical (a page that differs between
 *    two loads of its own is reported as "varies");
 *  - whether the boxes of headings, paragraphs and images moved (by more than half a pixel);
 *  - time to idle (load to the first fully idle 50 ms, requestIdleCallback) with/without: median of
 *    `--runs` loads each, both in the extension's browser (without: the reader turned the site off,
 *    so the script only reads its settings), so that two browsers' differences do not count; the
 *    median of the per-page ratios is the headline (target < 1.05);
 *  - highlights: mentions shown, terms, whether the page is on the topic, and generic terms shown
 *    on a page off the topic (target 0).
 * Prints a table and writes bench-results/sweep.json. Options: --pages a.html,b.html  --runs N
 */
import { printTable } from './support/table';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Corpus } from '../lib/corpus/schema';
import { BENCH_PAGES_DIR, changeSettings, CHROMIUM, launchWithExtension, NEWS_HOST, pageStatus, ROOT, startServer, type ExtensionBrowser } from './support/browser';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const RUNS = Number(option('--runs', '3'));
const pages = option('--pages', '')
  ? option('--pages', '').split(',')
  : readdirSync(BENCH_PAGES_DIR)
      .filter((f) => f.endsWith('.html'))
      .sort();
const corpus: Corpus = JSON.parse(readFileSync(join(ROOT, 'data/corpus.json'), 'utf8'));
const specificity = new Map(corpus.terms.map((t) => [t.id, t.specificity]));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** In the page's own world, before its scripts: when it first stays idle after load. */
const IDLE_PROBE = `window.__idleAt = new Promise((resolve) => {
  addEventListener('load', () => {
    const check = (deadline) => { if (deadline.timeRemaining() >= 49) resolve(performance.now()); else requestIdleCallback(check); };
    requestIdleCallback(check);
  });
});`;

/** The page as the reader's DOM has it, minus the extension's own host (a card, if any). */
const SNAPSHOT = `(() => {
  const clone = document.documentElement.cloneNode(true);
  for (const el of clone.querySelectorAll('nkr-card-host')) el.remove();
  const boxes = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, p, img')].slice(0, 2000).map((el) => {
    const r = el.getBoundingClientRect();
    return [Math.round(r.x * 2) / 2, Math.round(r.y * 2) / 2, Math.round(r.width * 2) / 2, Math.round(r.height * 2) / 2];
  });
  return { html: clone.outerHTML, boxes };
})()`;

interface Load {
  errors: string[];
  idleMs: number;
  html: string;
  boxes: number[][];
}

async function load(context: BrowserContext, url: string, ext: ExtensionBrowser | null): Promise<Load & { page: Page }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // Chromium's own notices (a blocked resource, the app manifest a profile fetches) are not page errors.
    if (m.type() === 'error' && !/Failed to load resource|net::ERR_|^Manifest fetch from/.test(m.text())) errors.push(m.text());
  });
  await page.addInitScript(IDLE_PROBE);
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const idleMs = (await Promise.race([page.evaluate('window.__idleAt'), new Promise((r) => setTimeout(() => r(NaN), 30_000))])) as number;
  if (ext) await pageStatus(ext, page);
  await page.waitForTimeout(300);
  const snap = (await page.evaluate(SNAPSHOT)) as { html: string; boxes: number[][] };
  return { page, errors, idleMs, ...snap };
}

interface Row {
  page: string;
  errorsCaused: number;
  /** The messages of those errors (for the reader of the report). */
  causedErrors: string[];
  dom: 'identical' | 'differs' | 'varies';
  boxesMoved: number;
  boxes: number;
  idleWithoutMs: number;
  idleWithMs: number;
  idleRatio: number;
  mentions: number;
  terms: number;
  onTopic: boolean;
  genericOffTopic: number;
}

async function sweepPage(ext: ExtensionBrowser, plain: BrowserContext, file: string): Promise<Row> {
  const url = ext.url(`/bench/${file}`);
  const withLoads: Load[] = [];
  const withoutLoads: Load[] = [];
  const offIdle: number[] = [];
  let status: Awaited<ReturnType<typeof pageStatus>> | null = null;
  for (let i = 0; i < RUNS; i++) {
    const without = await load(plain, url, null);
    withoutLoads.push(without);
    await without.page.close();
    await changeSettings(ext, { disabledSites: [] });
    const withExt = await load(ext.context, url, ext);
    withLoads.push(withExt);
    if (i === 0) status = await pageStatus(ext, withExt.page);
    await withExt.page.close();
    await changeSettings(ext, { disabledSites: ['reuters.com'] });
    const off = await load(ext.context, url, null);
    offIdle.push(off.idleMs);
    await off.page.close();
  }
  await changeSettings(ext, { disabledSites: [] });
  const a = withoutLoads[0]!;
  const b = withLoads[0]!;
  const ownErrors = new Set(withoutLoads.flatMap((l) => l.errors));
  const caused = [...new Set(withLoads.flatMap((l) => l.errors))].filter((e) => !ownErrors.has(e));
  const varies = withoutLoads.some((l) => l.html !== a.html);
  const dom = b.html === a.html ? 'identical' : varies ? 'varies' : 'differs';
  let moved = 0;
  for (let i = 0; i < Math.min(a.boxes.length, b.boxes.length); i++) if (a.boxes[i]!.some((v, k) => Math.abs(v - b.boxes[i]![k]!) > 0.5)) moved++;
  moved += Math.abs(a.boxes.length - b.boxes.length);
  const idleWithout = median(offIdle);
  const idleWith = median(withLoads.map((l) => l.idleMs));
  const terms = status?.terms ?? [];
  return {
    page: file,
    errorsCaused: caused.length,
    causedErrors: caused.map((e) => e.slice(0, 200)),
    dom,
    boxesMoved: moved,
    boxes: a.boxes.length,
    idleWithoutMs: round(idleWithout, 0),
    idleWithMs: round(idleWith, 0),
    idleRatio: round(idleWith / idleWithout, 3),
    mentions: status?.mentions ?? 0,
    terms: terms.length,
    onTopic: status?.onTopic ?? false,
    genericOffTopic: status?.onTopic ? 0 : terms.filter((t) => specificity.get(t.id) === 'generic').reduce((n, t) => n + t.count, 0),
  };
}

async function main() {
  const server = await startServer();
  const ext = await launchWithExtension(server);
  const plainBrowser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--host-resolver-rules=MAP ${NEWS_HOST}:80 127.0.0.1:${server.port}`],
  });
  const plain = await plainBrowser.newContext({ viewport: { width: 1280, height: 900 } });
  await plain.route(/^https?:\/\//, (route) => (new URL(route.request().url()).hostname === NEWS_HOST ? route.continue() : route.abort()));
  const rows: Row[] = [];
  for (const file of pages) {
    try {
      const row = await sweepPage(ext, plain, file);
      rows.push(row);
      process.stderr.write(`  ${file}: errors ${row.errorsCaused}, DOM ${row.dom}, moved ${row.boxesMoved}, idle ×${row.idleRatio}\n`);
    } catch (error) {
      process.stderr.write(`  ${file}: failed: ${(error as Error).message.split('\n')[0]}\n`);
    }
  }
  await plainBrowser.close();
  await ext.close();
  await server.close();

  const header = ['page', 'errors caused', 'DOM', 'boxes moved', 'idle ms without', 'idle ms with', 'idle ratio', 'mentions', 'terms', 'on topic', 'generic off-topic'];
  const cells = rows.map((r) => [r.page, r.errorsCaused, r.dom, `${r.boxesMoved}/${r.boxes}`, r.idleWithoutMs, r.idleWithMs, r.idleRatio, r.mentions, r.terms, r.onTopic ? 'yes' : 'no', r.genericOffTopic].map(String));
  printTable(header, cells);
  const summary = {
    pages: rows.length,
    errorsCaused: rows.reduce((n, r) => n + r.errorsCaused, 0),
    domIdentical: rows.filter((r) => r.dom === 'identical').length,
    domDiffers: rows.filter((r) => r.dom === 'differs').map((r) => r.page),
    domVaries: rows.filter((r) => r.dom === 'varies').map((r) => r.page),
    boxesMoved: rows.reduce((n, r) => n + r.boxesMoved, 0),
    medianIdleRatio: round(median(rows.filter((r) => Number.isFinite(r.idleRatio)).map((r) => r.idleRatio)), 3),
    genericOffTopic: rows.reduce((n, r) => n + r.genericOffTopic, 0),
  };
  for (const r of rows) for (const e of r.causedErrors) console.log(`  error with the extension on ${r.page}: ${e}`);
  console.log('');
  console.log(
    `${summary.pages} pages, ${RUNS} loads each way: errors caused ${summary.errorsCaused}; DOM identical on ${summary.domIdentical} (differs: ${summary.domDiffers.join(', ') || 'none'}; varies by itself: ${summary.domVaries.join(', ') || 'none'}); boxes moved ${summary.boxesMoved}; time-to-idle ratio median ${summary.medianIdleRatio}; generic terms on off-topic pages ${summary.genericOffTopic}`,
  );
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-results/sweep.json'), `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, summary, rows }, null, 2)}\n`);
}

await main();
