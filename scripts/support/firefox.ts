/**
 * Real Firefox (Debian's firefox-esr) with the built extension, driven by puppeteer-core over
 * WebDriver BiDi: shared by the Firefox end-to-end tests and the store screenshots. Firefox has
 * no host-resolver switch, so a recording HTTP proxy on 127.0.0.1 (recording-proxy.ts) stands in
 * for the whole network.
 */
import { centreOfText, registeredHighlights } from './page-side';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import type { PageStatus, TabRequest } from '../../lib/messages';
import { NEWS_HOST, startProxy, type NewsProxy } from './recording-proxy';

export { NEWS_HOST, OTHER_NEWS_HOST, startProxy, type NewsProxy, type SeenRequest } from './recording-proxy';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIREFOX_DIR = join(ROOT, '.output/firefox-mv3');
export const ARTIFACTS = join(ROOT, 'test-results');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The Gecko id the build declares (read from the built manifest, so the tests follow wxt.config.ts). */
export function geckoId(dir = FIREFOX_DIR): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  return manifest.browser_specific_settings.gecko.id;
}

export interface FirefoxWithExtension {
  browser: Browser;
  proxy: NewsProxy;
  addonId: string;
  /** The pinned moz-extension:// UUID, so extension pages have a known address. */
  uuid: string;
  /** moz-extension://<uuid>/<path> */
  extensionUrl(path: string): string;
  /** http://www.reuters.com<path> (or another host) */
  url(path: string, host?: string): string;
  /** Opens a news page in a new tab and waits for it to load. */
  open(path: string, host?: string): Promise<Page>;
  /** Opens an extension page in a new tab (its load event never reaches the driver: waits for `selector`). */
  openExtensionPage(path: string, selector?: string): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxOptions {
  /** The unpacked build to install (default: the production build, FIREFOX_DIR). */
  extensionDir?: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  routes?: Parameters<typeof startProxy>[0];
  /** More Firefox prefs (a shorter event-page idle timeout, say). */
  prefs?: Record<string, unknown>;
}

/** Starts the proxy and Firefox, installs the built extension (a temporary add-on) and returns both. */
export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxWithExtension> {
  const extensionDir = options.extensionDir ?? FIREFOX_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No Firefox build at ${extensionDir}: run "npm run build" first.`);
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: install firefox-esr (scripts/setup.sh does) or set FIREFOX_PATH.`);
  const proxy = await startProxy(options.routes);
  const uuid = randomUUID();
  const profile = mkdtempSync(join(tmpdir(), 'nkr-ff-'));
  const viewport = options.viewport ?? { width: 1280, height: 900 };
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    defaultViewport: viewport,
    // Firefox 153 refuses a driver's navigation to moz-extension:// pages without it.
    args: ['--remote-allow-system-access'],
    // Release builds honour services.settings.server (below) only with this set.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      // Every request goes to our proxy, HTTPS included (as CONNECT), loopback too.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // Firefox's own background traffic (remote settings, captive portal and connectivity checks)
      // is switched off, so whatever still reaches the proxy came from a page or the extension.
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId(extensionDir)]: uuid }),
      ...options.prefs,
      'ui.systemUsesDarkTheme': options.colorScheme === 'dark' ? 1 : 0,
      'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
    },
  });
  const addonId = await browser.installExtension(extensionDir);
  const extensionUrl = (path: string) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`;
  const url = (path: string, host = NEWS_HOST) => `http://${host}${path}`;
  return {
    browser,
    proxy,
    addonId,
    uuid,
    extensionUrl,
    url,
    async open(path: string, host?: string) {
      const page = await browser.newPage();
      await page.goto(url(path, host), { waitUntil: 'load', timeout: 20_000 });
      return page;
    },
    async openExtensionPage(path: string, selector = 'body *') {
      const page = await browser.newPage();
      void page.goto(extensionUrl(path)).catch(() => {});
      // While the page swaps from about:blank to the extension page, a wait can die with a
      // protocol error from the old document: wait again until the deadline.
      const deadline = Date.now() + 15_000;
      for (;;) {
        try {
          await page.waitForSelector(selector, { timeout: Math.max(1, deadline - Date.now()) });
          return page;
        } catch (error) {
          if (Date.now() >= deadline || (error as Error).name === 'TimeoutError') throw error;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    },
    async close() {
      await browser.close().catch(() => {});
      await proxy.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Runs `fn` in an extension page, where `browser.*` and the extension's storage live. */
export async function inExtension<T, A = undefined>(control: Page, fn: (arg: A) => Promise<T>, arg?: A): Promise<T> {
  return control.evaluate(fn as (a: unknown) => Promise<T>, arg as unknown);
}

/**
 * Sends a tab request to the content script of the tab showing `url` (as the popup and the
 * keyboard command do), retrying until `ready` accepts the answer. The retries and `ready` run
 * here, in Node: the extension page's CSP (enforced on WebDriver BiDi calls since Firefox 140.12)
 * forbids building a function from its source there.
 */
export async function askTabAt<T>(control: Page, url: string, request: TabRequest, ready: (value: T) => boolean = () => true): Promise<T> {
  let last: unknown;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const reply = await control.evaluate(
      async (url, request) => {
        const api = (globalThis as unknown as { browser: typeof chrome }).browser;
        try {
          // The extension may read the URLs of tabs on its listed sites, so it can find the tab
          // (the newest one, if a failed test left an older one open).
          const tabs = (await api.tabs.query({})).filter((t) => t.url === url).sort((a, b) => b.id! - a.id!);
          if (tabs.length === 0) return { error: `no tab at ${url}` };
          // A content script still starting may never answer this one: ask again after a second.
          const answer = (await Promise.race([api.tabs.sendMessage(tabs[0]!.id!, request, { frameId: 0 }), new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 1 s')), 1000))])) as
            { ok?: boolean; value?: unknown } | undefined;
          return { answer };
        } catch (error) {
          return { error: String(error) };
        }
      },
      url,
      request,
    );
    last = 'answer' in reply ? reply.answer : reply.error;
    if ('answer' in reply && reply.answer?.ok && ready(reply.answer.value as T)) return reply.answer.value as T;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the content script never answered as expected: ${JSON.stringify(last)}`);
}

/** Waits for the content script's first scan of `page` (the highlights in view registered) and returns its status. */
export function pageStatus(control: Page, page: Page): Promise<PageStatus> {
  return askTabAt(control, page.url(), { type: 'page-status' }, (s: PageStatus) => Boolean(s.running && s.scan));
}

/** Each highlighted range on the page: its text, highlight name and nearest id (read from the page's CSS.highlights). */
export function highlightsIn(page: Page): Promise<{ name: string; text: string; id: string | null }[]> {
  return page.evaluate(registeredHighlights);
}

/** The centre of the first box of `text` inside #id. */
export async function pointAt(page: Page, id: string, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(centreOfText, { id, text });
  if (!point) throw new Error(`"${text}" not found in #${id}`);
  return point;
}

/**
 * Reaching the card in its CLOSED shadow root. Neither the page nor puppeteer's selectors can see
 * inside it (that is the point), so the tests look in the way a WebDriver BiDi client may: asked
 * to serialize the host with `includeShadowTree: 'all'`, Firefox describes its closed root too,
 * with a shared reference that later script calls can take as `this`. The calls run in
 * puppeteer's isolated realm (not the page's world), so a page's own scripts cannot bend what the
 * test reads. Clicks and keys still go through puppeteer's real (trusted) input at the element's
 * box, as a reader's would: the card ignores anything else.
 */
type BidiRealm = {
  evaluate(expression: string, awaitPromise: boolean, options?: object): Promise<BidiResult>;
  callFunction(functionDeclaration: string, awaitPromise: boolean, options?: object): Promise<BidiResult>;
};
type BidiRemote = { type: string; value?: unknown; sharedId?: string; handle?: string };
type BidiResult = { type: 'success'; result: BidiRemote } | { type: 'exception'; exceptionDetails: { text: string } };
type IsolatedRealm = { realm: BidiRealm; createHandle(result: BidiRemote): unknown };

/** puppeteer's isolated realm in the page's top frame (internal API: puppeteer-core's BiDi frame). */
function isolatedRealm(page: Page): IsolatedRealm {
  return (page.mainFrame() as unknown as { isolatedRealm(): IsolatedRealm }).isolatedRealm();
}

function orThrow(response: BidiResult): BidiRemote {
  if (response.type === 'exception') throw new Error(`in the card's shadow root: ${response.exceptionDetails.text}`);
  return response.result;
}

/** The card host's closed shadow root as a BiDi shared reference, or null when no card host is in the page. */
async function cardRootRef(page: Page): Promise<string | null> {
  const result = orThrow(
    await isolatedRealm(page).realm.evaluate("document.querySelector('nkr-card-host')", true, {
      resultOwnership: 'none',
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0, maxObjectDepth: 0 },
    }),
  );
  const root = (result.value as { shadowRoot?: BidiRemote | null } | undefined)?.shadowRoot;
  return root?.sharedId ?? null;
}

/**
 * Runs `fn(root, arg)` with `root` the card host's closed shadow root, in the page (not in Node:
 * `fn` is sent as source, so it may use only its arguments), and returns its result (JSON-able),
 * or null when no card host is in the page.
 */
export async function inCard<R, A = null>(page: Page, fn: (root: ShadowRoot, arg: A) => R | Promise<R>, arg?: A): Promise<R | null> {
  const root = await cardRootRef(page);
  if (!root) return null;
  const result = orThrow(
    await isolatedRealm(page).realm.callFunction(`async function (arg) { const value = await (${fn.toString()})(this, JSON.parse(arg)); return JSON.stringify(value === undefined ? null : value); }`, true, {
      this: { sharedId: root },
      arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }],
      resultOwnership: 'none',
    }),
  );
  return JSON.parse(result.value as string) as R;
}

/** The card (inside the card host's closed shadow root), or null when none is shown. */
export async function cardHandle(page: Page): Promise<ElementHandle<Element> | null> {
  const root = await cardRootRef(page);
  if (!root) return null;
  const realm = isolatedRealm(page);
  const result = orThrow(
    await realm.realm.callFunction("function () { return this.querySelector('.card'); }", true, {
      this: { sharedId: root },
      resultOwnership: 'root',
      serializationOptions: { maxDomDepth: 0, maxObjectDepth: 0 },
    }),
  );
  return result.type === 'node' ? (realm.createHandle(result) as ElementHandle<Element>) : null;
}

/** Waits until the card is shown (or, with `gone`, until it is not). Generous: a background Firefox
 * has unloaded reloads the corpus before its first answer, and the machine may be busy. */
export async function waitForCard(page: Page, gone = false, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const shown = await inCard(page, (root) => {
      const el = root.querySelector('.card');
      return !!el && el.getBoundingClientRect().height > 0;
    });
    if (gone ? !shown : shown) return;
    if (Date.now() > deadline) throw new Error(`the card was ${gone ? 'still shown' : 'not shown'} after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Text of the first element matching `selector` inside the card, or null. */
export function cardText(page: Page, selector: string): Promise<string | null> {
  return inCard(page, (root, selector) => root.querySelector(`.card ${selector}`)?.textContent ?? null, selector);
}

/** What has focus inside the card (its label, text or class), or null when focus is outside it. */
export function focusedInCard(page: Page): Promise<string | null> {
  return inCard(page, (root) => {
    const active = root.activeElement;
    return active ? (active.getAttribute('aria-label') ?? active.textContent ?? active.className) : null;
  });
}

/** Rests the pointer on `text` in #id until its card shows; with `enter`, then moves into the card. */
export async function openCard(page: Page, id: string, text: string, enter = false): Promise<{ x: number; y: number }> {
  const at = await pointAt(page, id, text);
  await page.mouse.move(at.x - 40, at.y);
  await page.mouse.move(at.x, at.y, { steps: 3 });
  await waitForCard(page);
  if (enter) {
    const box = (await (await cardHandle(page))!.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + 40, { steps: 3 });
  }
  return at;
}

/**
 * A real click on the first element in the card matching `selector` (and, when given, whose text
 * or aria-label is `name`); returns that element's text.
 */
export async function clickInCard(page: Page, selector: string, name?: string): Promise<string> {
  const target = await inCard(
    page,
    (root, { selector, name }) => {
      const el = [...root.querySelectorAll(`.card ${selector}`)].find((e) => name === null || (e.getAttribute('aria-label') ?? e.textContent ?? '').trim() === name);
      if (!el) return null;
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, text: el.textContent ?? '' };
    },
    { selector, name: name ?? null },
  );
  if (!target) throw new Error(`nothing matches "${selector}"${name === undefined ? '' : ` named "${name}"`} in the card`);
  await page.mouse.click(target.x, target.y);
  return target.text;
}

/** Clicks the card's button named `name` (its text or aria-label). */
export async function clickCardButton(page: Page, name: string): Promise<void> {
  await clickInCard(page, 'button', name);
}

/** The id of the one tab showing `url` (readable while the extension has access to that site). */
export async function tabIdOf(control: Page, url: string): Promise<number> {
  return control.evaluate(async (url) => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    for (let i = 0; i < 100; i++) {
      const tabs = (await api.tabs.query({})).filter((t) => t.url === url).sort((a, b) => b.id! - a.id!);
      if (tabs.length > 0) return tabs[0]!.id!;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no single tab at ${url}`);
  }, url);
}

/** The toolbar popup, opened as a background tab (a driver cannot click the toolbar button), read through the extension. */
export interface PopupView {
  /** Text of the first element matching `selector` in the popup, or null. */
  text(selector: string): Promise<string | null>;
  /** Clicks the first element matching `selector` whose text includes `label` (when given). */
  click(selector: string, label?: string): Promise<void>;
  /** Whether `selector` matches an element that is checked. */
  checked(selector: string, label?: string): Promise<boolean | null>;
  close(): Promise<void>;
}

/**
 * Opens the popup about `page`: `page` is brought to the front, and the popup opens in a tab that
 * does not take focus, so the popup's "active tab of the last focused window" is `page`'s tab.
 * The driver does not list tabs the extension opens, so the popup is read from `control`
 * (an extension page, same origin) through extension.getViews().
 */
export async function openPopupFor(control: Page, page: Page, popupUrl: string): Promise<PopupView> {
  await page.bringToFront();
  const tabId = await control.evaluate(async (url) => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    return (await api.tabs.create({ url, active: false })).id!;
  }, popupUrl);
  const inPopup = <T>(fn: string, selector: string, label?: string) =>
    control.evaluate(
      (tabId, fn, selector, label) => {
        const api = (globalThis as unknown as { browser: { extension: { getViews(o: object): Window[] } } }).browser;
        const view = api.extension.getViews({ type: 'tab', tabId })[0];
        if (!view) return undefined;
        const el = [...view.document.querySelectorAll(selector)].find((e) => !label || (e.closest('label') ?? e).textContent?.includes(label)) as HTMLInputElement | undefined;
        if (fn === 'text') return el?.textContent ?? null;
        if (fn === 'checked') return el ? el.checked : null;
        if (!el) throw new Error(`nothing matches ${selector} ${label ?? ''} in the popup`);
        el.click();
        return true;
      },
      tabId,
      fn,
      selector,
      label,
    ) as Promise<T>;
  const view: PopupView = {
    text: (selector) => inPopup<string | null>('text', selector).then((t) => t ?? null),
    click: async (selector, label) => {
      await inPopup('click', selector, label);
    },
    checked: (selector, label) => inPopup<boolean | null>('checked', selector, label).then((c) => c ?? null),
    close: async () => {
      await control.evaluate((id) => (globalThis as unknown as { browser: typeof chrome }).browser.tabs.remove(id), tabId);
    },
  };
  return view;
}

/**
 * Types a note into the card's note frame once it has focus, as a reader would (the driver does
 * not list extension frames inside a page, so keys go to whatever has focus), and submits it
 * from the tags field.
 */
export async function typeNote(page: Page, comment: string, tags: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await inCard(page, (root) => root.activeElement?.localName ?? null)) !== 'iframe') {
    if (Date.now() > deadline) throw new Error('the note frame never took focus');
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 1500)); // the form renders once the background hands over the draft
  await page.keyboard.type(comment);
  await page.keyboard.press('Tab');
  await page.keyboard.type(tags);
  await page.keyboard.press('Enter');
}
