/**
 * Which parts of a page are text a reader reads, and where one block of text ends. Tag names
 * are compared as `localName` (lower case for HTML and SVG alike).
 */

/** Never scanned: code, form fields, scripts, media, and anything the reader edits. */
export const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button',
  'code', 'pre', 'kbd', 'samp', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'head', 'title', 'nkr-card-host',
]);

/**
 * Skipped by attribute: editable regions (every rich-text editor, from ProseMirror to Google
 * Docs' comment boxes, is contenteditable or a textbox). The scanner asks it per match, not per
 * element. Hidden text (`hidden`, CSS) is filtered later, per mention: checking every element's
 * style here would cost more than the whole scan. Code editors that draw text in plain divs
 * (Monaco, Ace) are not recognised.
 */
export const EDITABLE_SELECTOR = '[contenteditable]:not([contenteditable="false"]),[role="textbox"]';

/** Inline elements: text on either side of them belongs to the same block. Everything else splits. */
export const INLINE_TAGS = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins',
  'label', 'mark', 'nobr', 'q', 'rp', 'rt', 'ruby', 's', 'small', 'span', 'strike', 'strong', 'sub', 'sup',
  'time', 'tt', 'u', 'var', 'wbr',
  // Our own fallback marks (only where the Highlight API is missing) keep their text in its block.
  'nkr-mark',
]);

/** Whether the scanner skips this element (and everything inside it). */
export function isSkipped(el: Element): boolean {
  return SKIPPED_TAGS.has(el.localName) || el.matches(EDITABLE_SELECTOR);
}

/** Whether `node` is inside something the scanner skips (checked once per mutated block). */
export function isInsideSkipped(node: Node, root: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el && el !== root; el = el.parentElement) {
    if (isSkipped(el)) return true;
  }
  return false;
}

/** The nearest ancestor (or self) that is not inline: the block whose text a node belongs to. */
export function blockOf(node: Node, root: Element): Element {
  let el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && el !== root && INLINE_TAGS.has(el.localName)) el = el.parentElement;
  return el ?? root;
}
