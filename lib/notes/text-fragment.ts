/**
 * Links back to the exact sentence: a URL text fragment (`#:~:text=`), per the WICG spec
 * (https://wicg.github.io/scroll-to-text-fragment/). The directive's own syntax uses `-`, `&` and
 * `,`, so those are percent-encoded inside the text along with everything encodeURIComponent does.
 */

/** Quotes longer than this are linked by their first and last words (textStart,textEnd). */
export const LONG_QUOTE = 80;
/** How many words each end keeps for a long quote. */
const EDGE_WORDS = 4;

/** Percent-encodes text for a text directive. */
export function encodeFragmentText(text: string): string {
  return encodeURIComponent(text)
    .replace(/-/g, '%2D')
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The `text=` directive's value for a quote: the whole quote, or its two ends when long. */
export function textDirective(quote: string): string | null {
  const text = quote.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  const words = text.split(' ');
  if (text.length <= LONG_QUOTE || words.length <= EDGE_WORDS * 2) return encodeFragmentText(text);
  return `${encodeFragmentText(words.slice(0, EDGE_WORDS).join(' '))},${encodeFragmentText(words.slice(-EDGE_WORDS).join(' '))}`;
}

/**
 * The page's address with a text fragment for the quote; the plain address when there is no quote.
 * Null for anything but an http(s) page (a note's URL is validated, but an import could be hostile).
 */
export function textFragmentUrl(pageUrl: string, quote: string): string | null {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // Drop any directive already there; keep the page's own fragment in front of ours.
  const ownHash = url.hash.replace(/^#/, '').split(':~:')[0]!;
  url.hash = '';
  const directive = textDirective(quote);
  if (!directive) return ownHash ? `${url.href}#${ownHash}` : url.href;
  return `${url.href}#${ownHash}:~:text=${directive}`;
}
