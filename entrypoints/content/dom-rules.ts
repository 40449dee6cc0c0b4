/**
 * Which parts of a page are text a reader reads, and where one block of text ends. Tag names
 * are compared as `localName` (lower case for HTML and SVG alike).
 */

/** Never scanned: code, form fields, scripts, media, and anything the reader edits. */
export const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'nkr-card-host',
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
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'nobr',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  // Our own fallback marks (only where the Highlight API is missing) keep their text in its block.
  'nkr-mark',
]);

/** What an element is to the scanner: a block (its text never joins text outside), inline, or skipped with its subtree. */
export const BLOCK = 0;
export const INLINE = 1;
export const SKIPPED = 2;
const TAG_KIND = new Map<string, number>([...[...INLINE_TAGS].map((t) => [t, INLINE] as const), ...[...SKIPPED_TAGS].map((t) => [t, SKIPPED] as const)]);

/**
 * An element's kind by its tag, learnt per interface from the first element of each: reading
 * `constructor` is plain JavaScript, while `localName` is a call into the DOM that returns a
 * string, and the scanner asks this of every element on the page. Interfaces shared by tags of
 * different kinds (HTMLElement: b, section, code…) are never cached and always asked their tag
 * name. Page scripts cannot reach these objects: the isolated world has its own prototypes.
 * Editable regions are not a tag; see EDITABLE_SELECTOR.
 */
const kindByInterface = new Map<unknown, number>();
const sharedInterfaces = new Set<unknown>(['HTMLElement', 'HTMLUnknownElement', 'HTMLQuoteElement', 'HTMLPreElement', 'MathMLElement'].map((name) => (globalThis as Record<string, unknown>)[name]).filter(Boolean));

export function elementKind(el: Element, type: unknown = el.constructor): number {
  let kind = kindByInterface.get(type);
  if (kind !== undefined) return kind;
  kind = TAG_KIND.get(el.localName) ?? BLOCK;
  if (!sharedInterfaces.has(type)) kindByInterface.set(type, kind);
  return kind;
}

/** Whether the scanner skips this element (and everything inside it). */
export function isSkipped(el: Element): boolean {
  return elementKind(el) === SKIPPED || el.matches(EDITABLE_SELECTOR);
}

/** Whether `node` is inside something the scanner skips (checked once per mutated block). */
export function isInsideSkipped(node: Node, root: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el && el !== root; el = el.parentElement) {
    if (isSkipped(el)) return true;
  }
  return false;
}

/** Whether a text node is in a region the reader edits (one native ancestor query). */
export function isEditable(node: Text): boolean {
  const parent = node.parentElement;
  return parent !== null && parent.closest(EDITABLE_SELECTOR) !== null;
}

/** The nearest ancestor (or self) that is not inline: the block whose text a node belongs to. */
export function blockOf(node: Node, root: Element | Node): Element {
  let el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && el !== root && elementKind(el) === INLINE) el = el.parentElement;
  return el ?? (root as Element);
}
