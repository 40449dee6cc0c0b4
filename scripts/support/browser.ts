/**
 * Real Chromium with the built extension, and a static server on 127.0.0.1 for test pages. Shared
 * by the end-to-end tests (tests/e2e/harness.ts re-exports it), the benchmark and the demo, so the
 * scripts do not depend on the tests.
 * Pages are opened as http://www.reuters.com/... (a curated news host) through Chromium's host
 * resolver, so the production build is what runs; every other host is blocked.
 */
import { centreOfText, registeredHighlights } from './page-side';
import { createServer, type Server } from 'node:http';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { PageStatus, TabRequest } from '../../lib/messages';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
/** `wxt build --mode bench`: the production build plus the benchmark's hooks (lib/build-flags.ts). */
export const BENCH_EXTENSION_DIR = join(ROOT, '.output/chrome-mv3-bench');
export const PAGES_DIR = join(ROOT, 'tests/fixtures/pages');
export const BENCH_PAGES_DIR = resolve(ROOT, '../shared/bench-pages');
export const NEWS_HOST = 'www.reuters.com';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

export interface StaticServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves `/pages/<file>` from tests/fixtures/pages and `/bench/<file>` from ../shared/bench-pages.
 * `headers` adds response headers per path (a CSP, say).
 */
export async function startServer(headers: Record<string, Record<string, string>> = {}): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [, area, ...rest] = path.split('/');
    const base = area === 'pages' ? PAGES_DIR : area === 'bench' ? BENCH_PAGES_DIR : null;
    const file = base && join(base, ...rest);
    if (!file || !file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...(headers[path] ?? {}) });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server did not start');
  return { port: address.port, close: () => new Promise((done) => server.close(() => done())) };
}

/**
 * A copy of the built extension in a temporary folder, its manifest changed by `edit` and `files`
 * added: for a profile the production build cannot give (a permission already granted, a browser
 * without an API). The caller removes the folder.
 */
export function extensionVariant(edit: (manifest: Record<string, any>) => void, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'nkr-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  edit(manifest);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** URL of a page on the news host. */
  url(path: string): string;
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir?: string;
  colorScheme?: 'light' | 'dark';
  userDataDir?: string;
  /** null: the window's own size (a headed demo). */
  viewport?: { width: number; height: number } | null;
  headless?: boolean;
  /** More Chromium switches (the benchmark's secure-origin switch). */
  args?: string[];
}

export async function launchWithExtension(server: StaticServer, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension at ${extensionDir}: run "npm run build" first.`);
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'nkr-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=MAP ${NEWS_HOST}:80 127.0.0.1:${server.port}, MAP example.org:80 127.0.0.1:${server.port}`,
      ...(options.args ?? []),
    ],
  });
  // Nothing leaves the machine: only our two hosts (and the extension itself) are reachable.
  await context.route(/^https?:\/\//, (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === NEWS_HOST || host === 'example.org' || host === '127.0.0.1' ? route.continue() : route.abort();
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const url = (path: string) => `http://${NEWS_HOST}${path}`;
  return {
    context,
    worker,
    extensionId,
    url,
    async open(path: string) {
      const page = await context.newPage();
      await page.goto(url(path));
      return page;
    },
    async close() {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits for the content script to finish its first scan and returns the page status. */
export async function pageStatus(browser: ExtensionBrowser, page: Page, expect: 'scanned' | 'stopped' = 'scanned'): Promise<PageStatus> {
  // Right after install the page may start before the background has published the corpus:
  // wait for the scan (or, when asked, for a deliberate stop), not for "no corpus yet".
  return expect === 'scanned'
    ? askPage(browser, page, { type: 'page-status' }, (s: PageStatus) => Boolean(s.running && s.scan))
    : askPage(browser, page, { type: 'page-status' }, (s: PageStatus) => Boolean(!s.running && s.reason && s.reason !== 'no-corpus'));
}

/**
 * Sends a tab request to the page's content script from the service worker (as the popup and
 * the keyboard command do), retrying until it answers and `ready` accepts the answer.
 */
export async function askPage<T>(browser: ExtensionBrowser, page: Page, request: TabRequest, ready: (value: T) => boolean = () => true): Promise<T> {
  // The extension has no "tabs" permission, so it cannot look tabs up by URL: use the active one.
  await page.bringToFront();
  return browser.worker.evaluate(
    async ({ request, ready }) => {
      const accept = new Function('value', `return (${ready})(value)`) as (v: unknown) => boolean;
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined) throw new Error('no active tab');
      let last: unknown;
      for (let i = 0; i < 200; i++) {
        try {
          const reply = await chrome.tabs.sendMessage(tab.id, request, { frameId: 0 });
          last = reply;
          if (reply?.ok && accept(reply.value)) return reply.value;
        } catch (error) {
          last = String(error);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`the content script never answered as expected: ${JSON.stringify(last)}`);
    },
    { request, ready: ready.toString() },
  ) as Promise<T>;
}

/** The highlighted text on a page, by highlight name, read from the page's CSS.highlights. */
export async function highlightedText(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      out[name] = [...highlight].map((r) => (r instanceof Range ? r.toString() : new Range().toString()));
    }
    return out;
  });
}

/** All highlighted strings, any style or kind (focus and active marks excluded). */
export async function allHighlighted(page: Page): Promise<string[]> {
  const byName = await highlightedText(page);
  return Object.entries(byName)
    .filter(([name]) => !['nkr-focus', 'nkr-active'].includes(name))
    .flatMap(([, list]) => list);
}

/** Each highlighted range: its text, its highlight name, and the id of its nearest ancestor with one. */
export function highlightsIn(page: Page): Promise<{ name: string; text: string; id: string | null }[]> {
  return page.evaluate(registeredHighlights);
}

/** Runs `fn` in an extension page (the popup), where chrome.* APIs and the extension's storage live. */
export async function inExtensionPage<T, A>(browser: ExtensionBrowser, fn: (arg: A) => Promise<T>, arg: A): Promise<T> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    return await page.evaluate(fn as (a: unknown) => Promise<T>, arg as unknown);
  } finally {
    await page.close();
  }
}

/** The background's corpus status once it has one (right after install it may still be loading), or null. */
export async function corpusStatus(browser: ExtensionBrowser): Promise<Record<string, unknown> | null> {
  return inExtensionPage(
    browser,
    async () => {
      for (let i = 0; i < 100; i++) {
        const reply = await chrome.runtime.sendMessage({ type: 'corpus-status' });
        if (reply?.ok && reply.value) return reply.value;
        await new Promise((r) => setTimeout(r, 50));
      }
      return null;
    },
    undefined,
  );
}

/** Merges a change into the stored settings, as the popup and options page do. */
export async function changeSettings(browser: ExtensionBrowser, patch: Record<string, unknown>): Promise<void> {
  await browser.worker.evaluate(async (p) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...((settings as object | undefined) ?? {}), ...p } });
  }, patch);
}

/** Puts the reader's settings back to the defaults (tests sharing one browser restore what they changed). */
export async function resetSettings(browser: ExtensionBrowser): Promise<void> {
  await browser.worker.evaluate(async () => {
    await chrome.storage.local.remove('settings');
  });
}

/**
 * Saves a note the only way notes are saved: the page (the content script's world) opens a draft,
 * and the extension's note form saves it.
 */
export async function saveNoteThroughForm(browser: ExtensionBrowser, page: Page, note: { termId: string; quote: string; comment: string; tags: string[] }): Promise<{ ok: boolean; value?: { id: string }; error?: string }> {
  const opened = await inContentScript(browser, page, (n) => chrome.runtime.sendMessage({ type: 'prepare-note', termId: n.termId, quote: n.quote, pageTitle: document.title, passageIds: [] }), note);
  if (!opened?.ok) return opened;
  return inExtensionPage(browser, (a) => chrome.runtime.sendMessage({ type: 'save-draft', token: a.token, comment: a.comment, tags: a.tags }), { token: opened.value.token as string, comment: note.comment, tags: note.tags });
}

/** The centre of the first box of `text` inside the element with `id` (for hovering it). */
export async function pointAt(page: Page, id: string, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(centreOfText, { id, text });
  if (!point) throw new Error(`"${text}" not found in #${id}`);
  return point;
}

// The card lives in a closed shadow root: tests and the demo reach it over DevTools (closed-card.ts).
export { card, focusedInCard, noteFrame } from './closed-card';
import { card } from './closed-card';

/** Rests the pointer on `text` in #id until its card shows; with `enter`, then moves into the card. */
export async function openCard(page: Page, id: string, text: string, enter = false) {
  const at = await pointAt(page, id, text);
  await page.mouse.move(at.x, at.y, { steps: 3 });
  await card(page).waitFor({ state: 'visible', timeout: 3000 });
  if (enter) {
    const box = (await card(page).boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + 40, { steps: 3 });
  }
  return at;
}

/** The id of the tab showing `page` (brought to the front: the extension has no "tabs" permission to look it up by URL). */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  return browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

/**
 * Runs `fn` in the extension's isolated world on `page`, the world the content script runs in:
 * what it sends the background arrives exactly as a content script's message would.
 */
export async function inContentScript<T, A>(browser: ExtensionBrowser, page: Page, fn: (arg: A) => Promise<T>, arg: A): Promise<T> {
  const tabId = await tabIdOf(browser, page);
  return browser.worker.evaluate(
    async ({ tabId, source, arg }) => {
      // The isolated world allows no eval, so the function is built here and injected as source.
      const func = new Function('arg', `return (${source})(arg);`) as (arg: unknown) => unknown;
      const [result] = await chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, world: 'ISOLATED', func, args: [arg] });
      return result?.result as T;
    },
    { tabId, source: fn.toString(), arg: arg as unknown },
  ) as Promise<T>;
}

/**
 * The toolbar popup for `page`, as the reader gets it: the popup asks the browser for the active
 * tab of the last focused window, so it opens in a window of its own that does not take focus.
 */
export async function openPopupFor(browser: ExtensionBrowser, page: Page): Promise<Page> {
  await page.bringToFront();
  const opened = browser.context.waitForEvent('page', (p) => p.url().includes('/popup.html'));
  await browser.worker.evaluate(async (url) => {
    await chrome.windows.create({ url, focused: false, type: 'popup', width: 380, height: 600 });
  }, `chrome-extension://${browser.extensionId}/popup.html`);
  const popup = await opened;
  await popup.waitForLoadState('domcontentloaded');
  return popup;
}
