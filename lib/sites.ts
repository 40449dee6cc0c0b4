/** The curated sites the content script runs on by default, as manifest match patterns. */
import sites from '../data/sites.json';

/** Every curated host, bare ("reuters.com"). */
export const CURATED_HOSTS: readonly string[] = Object.values(sites.categories).flat();

/** `*://*.host/*` covers the host itself and all its subdomains. */
export const CURATED_MATCHES: readonly string[] = CURATED_HOSTS.map((host) => `*://*.${host}/*`);

/** Whether a URL's host is on the curated list. */
export function isCuratedHost(hostname: string): boolean {
  return CURATED_HOSTS.some((h) => hostname === h || hostname.endsWith(`.${h}`));
}
