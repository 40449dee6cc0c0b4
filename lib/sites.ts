/** The curated sites the content script runs on by default, as manifest match patterns. */
import sites from '../data/sites.json';

/** Every curated host, bare ("reuters.com"). */
export const CURATED_HOSTS: readonly string[] = Object.values(sites.categories).flat();

/** `*://*.host/*` covers the host itself and all its subdomains. */
export const CURATED_MATCHES: readonly string[] = CURATED_HOSTS.map((host) => `*://*.${host}/*`);
