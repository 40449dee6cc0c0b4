/**
 * Site access the reader took back. Firefox (and Chrome's "site access" menu) let the reader
 * withdraw the extension's access to a listed site at any time; the extension then cannot run
 * there. Pure: the popup feeds it the manifest's host patterns and what the browser grants now.
 */

/** The bare host of a match pattern: "*://*.reuters.com/*" -> "reuters.com"; null for "*://*\/*" or a malformed one. */
export function patternHost(pattern: string): string | null {
  const m = /^(?:\*|https?):\/\/(?:\*\.)?([^/*]+)\/.*$/.exec(pattern);
  return m ? m[1]!.toLowerCase() : null;
}

/** The declared host patterns the browser no longer grants, sorted by host. */
export function withdrawnPatterns(declared: readonly string[], granted: readonly string[]): string[] {
  const now = new Set(granted);
  // Access to every site covers each listed one, whatever else was withdrawn.
  if (now.has('*://*/*') || now.has('<all_urls>')) return [];
  return declared.filter((p) => patternHost(p) && !now.has(p)).sort((a, b) => patternHost(a)!.localeCompare(patternHost(b)!));
}

/** The withdrawn host that covers `url`'s host (itself or a parent domain), or null. */
export function withdrawnHostFor(url: string | undefined, withdrawn: readonly string[]): string | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  for (const pattern of withdrawn) {
    const h = patternHost(pattern);
    if (h && (host === h || host.endsWith(`.${h}`))) return h;
  }
  return null;
}
