/**
 * Storm cases (issue 11), the extension's cost beside the page's own, each on
 * tests/fixtures/pages/storm.html with and without the extension:
 *  - append: 3,000 and 6,000 paragraphs appended in one task to a page holding 5,000 mentions
 *    (target: the extension adds under 100 ms of main-thread work, no task over 50 ms);
 *  - huge: a page with 100,000 mentions (highlighted up to the cap, no error, no task over 50 ms);
 *  - animated: one element restyled every frame on a page with 20,000 mentions (frame rate within 10%).
 * Main-thread work is the renderer's TaskDuration (DevTools Performance metrics), which counts
 * the page, the extension's isolated world, style, layout and paint alike; long tasks come from
 * the page's own PerformanceObserver. Run alone with `npm run bench -- --only storm`.
 */
import { printTable } from '../support/table';
import type { BrowserContext, Page } from 'playwright-core';
import type { PageStatus } from '../../lib/tab-messages';
import { pageStatus, type ExtensionBrowser } from '../support/browser';
import { cdpSession } from '../support/cdp';

const BASE_MENTIONS = 5000;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

interface Side {
  /** Main-thread busy time over the case, in ms. */
  mainThreadMs: number;
  longTasks: number[];
  errors: string[];
}

export interface StormResult {
  case: string;
  pageOwnMs: number;
  without: Side;
  with: Side;
  /** with − without main-thread time. */
  extensionAddsMs: number;
  /** The extension's own slices in the case, and its longest slice so far (bench build counters). */
  extensionBusyMs: number;
  longestSliceMs: number;
  status: Pick<PageStatus, 'found' | 'mentions' | 'cap' | 'capped'> | null;
  fps?: { without: number; with: number; ratio: number };
}

/** Records long tasks in the page (`buffered`: also those since the page loaded). */
const LONG_TASKS = (buffered: boolean) =>
  `(() => { window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: ${buffered} }); })()`;

async function open(context: BrowserContext, url: string, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  return page;
}

/** The renderer's main-thread busy time so far, in s. */
async function taskSeconds(page: Page): Promise<number> {
  const cdp = await cdpSession(page, 'Performance');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
}

/**
 * Runs `act` in a page with and without the extension; with it, waits until `done` says the
 * extension has caught up, then lets both sides settle for the same second.
 */
async function measure(ext: ExtensionBrowser, plain: BrowserContext, query: string, act: (page: Page) => Promise<number>, done: (status: PageStatus) => boolean, options: { reload?: boolean } = {}) {
  const sides = {} as Record<'with' | 'without', Side & { pageOwnMs: number; status: PageStatus | null; before: PageStatus | null }>;
  for (const side of ['without', 'with'] as const) {
    const errors: string[] = [];
    const page = await open(side === 'with' ? ext.context : plain, ext.url(`/pages/storm.html?${query}`), errors);
    const before = side === 'with' && !options.reload ? await pageStatus(ext, page) : null;
    await page.waitForTimeout(300);
    if (!options.reload) await page.evaluate(LONG_TASKS(false));
    const t0 = await taskSeconds(page);
    const pageOwnMs = await act(page);
    let status: PageStatus | null = null;
    if (side === 'with') {
      for (let i = 0; i < 1200; i++) {
        status = await pageStatus(ext, page).catch(() => null);
        if (status && done(status)) break;
        await page.waitForTimeout(50);
      }
    } else {
      await page.waitForTimeout(1500);
    }
    await page.waitForTimeout(1000);
    const t1 = await taskSeconds(page);
    const longTasks = (await page.evaluate('window.__long')) as number[];
    sides[side] = { mainThreadMs: (t1 - t0) * 1000, longTasks, errors, pageOwnMs, status, before };
    await page.close();
  }
  return sides;
}

function result(name: string, sides: Awaited<ReturnType<typeof measure>>): StormResult {
  const w = sides.with;
  const wo = sides.without;
  return {
    case: name,
    pageOwnMs: round(wo.pageOwnMs),
    without: { mainThreadMs: round(wo.mainThreadMs), longTasks: wo.longTasks, errors: wo.errors },
    with: { mainThreadMs: round(w.mainThreadMs), longTasks: w.longTasks, errors: w.errors },
    extensionAddsMs: round(w.mainThreadMs - wo.mainThreadMs),
    extensionBusyMs: round((w.status?.work?.busyMs ?? 0) - (w.before?.work?.busyMs ?? 0)),
    longestSliceMs: round(w.status?.work?.longestSliceMs ?? NaN, 2),
    status: w.status ? { found: w.status.found, mentions: w.status.mentions, cap: w.status.cap, capped: w.status.capped } : null,
  };
}

async function appendCase(ext: ExtensionBrowser, plain: BrowserContext, n: number): Promise<StormResult> {
  const expected = BASE_MENTIONS + 5 * n;
  const sides = await measure(
    ext,
    plain,
    `mentions=${BASE_MENTIONS}`,
    (page) => page.evaluate(`appendParagraphs(${n})`) as Promise<number>,
    (status) => status.found === expected,
  );
  return result(`append ${n.toLocaleString('en')} paragraphs`, sides);
}

async function hugeCase(ext: ExtensionBrowser, plain: BrowserContext): Promise<StormResult> {
  // The page holds 100,000 mentions from the start: measured from load (the act is a reload).
  const sides = await measure(
    ext,
    plain,
    'mentions=100000',
    async (page) => {
      await page.reload();
      await page.evaluate(LONG_TASKS(true));
      return 0;
    },
    (status) => status.found === 100_000 && status.scan !== null,
    { reload: true },
  );
  return result('100,000 mentions (reload)', sides);
}

/** Frames per second the page gets over 3 s (a string: the bundler's helpers do not exist in the page). */
async function fps(page: Page): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    let frames = 0;
    const start = performance.now();
    const tick = () => { frames++; if (performance.now() - start < 3000) requestAnimationFrame(tick); else resolve(frames / ((performance.now() - start) / 1000)); };
    requestAnimationFrame(tick);
  })`) as Promise<number>;
}

async function animatedCase(ext: ExtensionBrowser, plain: BrowserContext): Promise<StormResult> {
  let withFps = 0;
  let withoutFps = 0;
  const sides = await measure(
    ext,
    plain,
    'mentions=20000&animate=1',
    async (page) => {
      const rate = await fps(page);
      if (page.context() === plain) withoutFps = rate;
      else withFps = rate;
      return 0;
    },
    () => true,
  );
  return { ...result('animated, 20,000 mentions', sides), fps: { without: round(withoutFps), with: round(withFps), ratio: round(withFps / withoutFps, 3) } };
}

/** Runs the storm cases and prints their table; returns the results for bench-results/latest.json. */
export async function benchStorm(ext: ExtensionBrowser, plain: BrowserContext): Promise<StormResult[]> {
  const results: StormResult[] = [];
  for (const run of [() => appendCase(ext, plain, 3000), () => appendCase(ext, plain, 6000), () => hugeCase(ext, plain), () => animatedCase(ext, plain)]) {
    const r = await run();
    results.push(r);
    process.stderr.write(`  storm ${r.case}: extension adds ${r.extensionAddsMs} ms\n`);
  }
  const header = ['storm case', 'page own ms', 'main ms without', 'main ms with', 'ext adds ms', 'ext slices ms', 'longest slice ms', 'long tasks without', 'long tasks with', 'found', 'shown (cap)', 'errors', 'fps without/with'];
  const rows = results.map((r) =>
    [
      r.case,
      r.pageOwnMs,
      r.without.mainThreadMs,
      r.with.mainThreadMs,
      r.extensionAddsMs,
      r.extensionBusyMs,
      r.longestSliceMs,
      r.without.longTasks.join(' ') || '-',
      r.with.longTasks.join(' ') || '-',
      r.status?.found ?? '-',
      r.status ? `${r.status.mentions}${r.status.capped ? ` (cap ${r.status.cap})` : ''}` : '-',
      r.with.errors.length,
      r.fps ? `${r.fps.without}/${r.fps.with} (${r.fps.ratio})` : '-',
    ].map(String),
  );
  printTable(header, rows);
  console.log('');
  return results;
}
