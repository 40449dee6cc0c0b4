/**
 * One Chrome DevTools Protocol session per page, each domain enabled once: the closed-card reader
 * (DOM) and the storm bench (Performance) share it rather than each keeping its own cache.
 */
import type { CDPSession, Page } from 'playwright-core';

const sessions = new WeakMap<Page, { session: Promise<CDPSession>; enabled: Map<string, Promise<unknown>> }>();

/** The page's DevTools session, with `domain` enabled. */
export async function cdpSession(page: Page, domain: 'DOM' | 'Performance'): Promise<CDPSession> {
  let entry = sessions.get(page);
  if (!entry) {
    entry = { session: page.context().newCDPSession(page), enabled: new Map() };
    sessions.set(page, entry);
  }
  const session = await entry.session;
  let enabling = entry.enabled.get(domain);
  if (!enabling) {
    enabling = session.send(`${domain}.enable`);
    entry.enabled.set(domain, enabling);
  }
  await enabling;
  return session;
}
