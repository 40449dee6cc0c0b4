/**
 * Reaching the card in its CLOSED shadow root from a test. Neither the page nor Playwright's
 * locators can see inside it (that is the point), so the test looks in the way DevTools does:
 * over the Chrome DevTools Protocol, which describes closed roots too. Clicks and keys still go
 * through Playwright's real (trusted) input at the element's box, as a reader's would.
 * The object returned mirrors the few Locator methods the card tests use.
 */
import type { CDPSession, Frame, Page } from 'playwright-core';
import { cdpSession } from './cdp';

type Step = { css: string } | { nth: number } | { role: string; name?: string; pattern?: { source: string; flags: string } };

const session = (page: Page): Promise<CDPSession> => cdpSession(page, 'DOM');

/** The card host's shadow root, as a DevTools object id in the page's world; null when no card. */
async function shadowRootId(page: Page): Promise<string | null> {
  const cdp = await session(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: "document.querySelector('nkr-card-host')" });
  if (!result.objectId) return null;
  const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId, depth: 1, pierce: true });
  const root = node.shadowRoots?.[0];
  if (!root) return null;
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
  return object.objectId ?? null;
}

/** Runs in the page's world with `this` = the closed shadow root: finds the elements the steps name. */
const FIND = `function find(root, steps) {
  const ROLES = { button: 'button, [role=button]', dialog: '[role=dialog], dialog', link: 'a[href], [role=link]', textbox: 'input, textarea, [role=textbox]' };
  let els = [...root.querySelectorAll('.card')];
  for (const s of steps) {
    if ('css' in s) els = els.flatMap((e) => [...e.querySelectorAll(s.css)]);
    else if ('nth' in s) els = els.at(s.nth) ? [els.at(s.nth)] : [];
    else {
      const re = s.pattern ? new RegExp(s.pattern.source, s.pattern.flags) : null;
      els = els.flatMap((e) => [...e.querySelectorAll(ROLES[s.role] ?? '[role=' + s.role + ']')]).filter((e) => {
        const name = (e.getAttribute('aria-label') ?? e.textContent ?? '').trim();
        return re ? re.test(name) : s.name === undefined || name === s.name;
      });
    }
  }
  return els;
}`;

async function call<T>(page: Page, steps: Step[], body: string, arg: unknown = null): Promise<T | undefined> {
  const root = await shadowRootId(page);
  if (!root) return undefined;
  const cdp = await session(page);
  const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
    objectId: root,
    functionDeclaration: `function (steps, arg) { ${FIND}; const els = find(this, steps); ${body} }`,
    arguments: [{ value: steps }, { value: arg }],
    returnByValue: true,
    awaitPromise: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as T;
}

/** A Locator-like handle on elements inside the card. */
export class CardLocator {
  constructor(
    private readonly page: Page,
    private readonly steps: Step[] = [],
  ) {}

  locator(css: string): CardLocator {
    return new CardLocator(this.page, [...this.steps, { css }]);
  }
  first(): CardLocator {
    return this.nth(0);
  }
  nth(index: number): CardLocator {
    return new CardLocator(this.page, [...this.steps, { nth: index }]);
  }
  getByRole(role: string, options: { name?: string | RegExp } = {}): CardLocator {
    const name = options.name;
    return new CardLocator(this.page, [...this.steps, name instanceof RegExp ? { role, pattern: { source: name.source, flags: name.flags } } : { role, ...(name === undefined ? {} : { name }) }]);
  }

  async count(): Promise<number> {
    return (await call<number>(this.page, this.steps, 'return els.length;')) ?? 0;
  }
  async all(): Promise<CardLocator[]> {
    return Array.from({ length: await this.count() }, (_, i) => this.nth(i));
  }
  async isVisible(): Promise<boolean> {
    return (
      (await call<boolean>(
        this.page,
        this.steps,
        'const e = els[0]; if (!e) return false; const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && e.checkVisibility({ visibilityProperty: true, opacityProperty: false });',
      )) ?? false
    );
  }
  async textContent(): Promise<string | null> {
    await this.waitFor({ state: 'attached' });
    return (await call<string | null>(this.page, this.steps, 'return els[0] ? els[0].textContent : null;')) ?? null;
  }
  async getAttribute(name: string): Promise<string | null> {
    await this.waitFor({ state: 'attached' });
    return (await call<string | null>(this.page, this.steps, 'return els[0] ? els[0].getAttribute(arg) : null;', name)) ?? null;
  }
  async boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null> {
    return (
      (await call<{ x: number; y: number; width: number; height: number } | null>(
        this.page,
        this.steps,
        'const e = els[0]; if (!e) return null; const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height };',
      )) ?? null
    );
  }
  /** Runs `fn(element, arg)` in the page's world on the first element (as Locator.evaluate). */
  async evaluate<R, A = unknown>(fn: (el: HTMLElement, arg: A) => R, arg?: A): Promise<R> {
    await this.waitFor({ state: 'attached' });
    return (await call<R>(this.page, this.steps, `return (${fn.toString()})(els[0], arg);`, arg ?? null)) as R;
  }
  /** A picture of the element (the page's pixels where it is drawn). */
  async screenshot(options: { path?: string } = {}): Promise<Buffer> {
    await this.waitFor({ state: 'visible' });
    const box = (await this.boundingBox())!;
    return this.page.screenshot({ ...options, clip: box });
  }
  /** A real click at the element's centre (trusted input, as a reader's). */
  async click(): Promise<void> {
    await this.waitFor({ state: 'visible' });
    await call(this.page, this.steps, "els[0].scrollIntoView({ block: 'nearest' });");
    const box = (await this.boundingBox())!;
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }
  async waitFor(options: { state?: 'attached' | 'visible' | 'detached'; timeout?: number } = {}): Promise<void> {
    const state = options.state ?? 'visible';
    const until = Date.now() + (options.timeout ?? 5000);
    for (;;) {
      const n = await this.count();
      if (state === 'detached' ? n === 0 : state === 'attached' ? n > 0 : n > 0 && (await this.isVisible())) return;
      if (Date.now() > until) throw new Error(`card element ${JSON.stringify(this.steps)} not ${state} within ${options.timeout ?? 5000} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** The shown card (its `.card` element) inside the closed shadow root. */
export function card(page: Page): CardLocator {
  return new CardLocator(page);
}

/** What has focus inside the card (its accessible name, or class), or null when focus is outside. */
export async function focusedInCard(page: Page): Promise<string | null> {
  return (await call<string | null>(page, [], "const a = this.activeElement; return a ? (a.getAttribute('aria-label') ?? a.textContent ?? a.className) : null;")) ?? null;
}

/** The note form's frame (an extension page), once the card shows it. */
export async function noteFrame(page: Page, timeout = 5000): Promise<Frame> {
  const until = Date.now() + timeout;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('/note-form.html'));
    if (frame) return frame;
    if (Date.now() > until) throw new Error('the note form did not open');
    await new Promise((r) => setTimeout(r, 50));
  }
}
