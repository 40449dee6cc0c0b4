/** Reads the words around a mention: the sentence for ranking passages and for a note's quote. */
import { blockOf, isSkipped } from './dom-rules';
import type { Mention } from './mentions';

const MAX_CONTEXT = 600;

/** The text a reader sees in `block` before and after the mention: no script, style or code. */
function visibleTextAround(block: Element, mention: Mention): [string, string] {
  let head = '';
  let tail = '';
  let past = false;
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.nodeType === Node.ELEMENT_NODE && isSkipped(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType !== Node.TEXT_NODE) continue;
    const text = n as Text;
    if (text === mention.startNode) head += text.data.slice(0, mention.range.startOffset);
    if (text === mention.endNode) {
      tail += text.data.slice(mention.range.endOffset);
      past = true;
      continue;
    }
    if (past) tail += text.data;
    else if (text !== mention.startNode && !mention.range.intersectsNode(text)) head = (head + text.data).slice(-2 * MAX_CONTEXT);
    if (tail.length > MAX_CONTEXT) break;
  }
  return [head, tail];
}

/** The sentence (or, in a long run-on block, the 600 characters) around a mention. */
export function sentenceAround(mention: Mention): string {
  const root = document.body ?? document.documentElement;
  const block = blockOf(mention.startNode, root);
  const [fullHead, fullTail] = visibleTextAround(block, mention);
  const head = fullHead.slice(-MAX_CONTEXT);
  const tail = fullTail.slice(0, MAX_CONTEXT);
  const start = lastSentenceEnd(head);
  const endMatch = /[.!?。](?=\s|$)/.exec(tail);
  const text = head.slice(start) + mention.range.toString() + tail.slice(0, endMatch ? endMatch.index + 1 : tail.length);
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 2 * MAX_CONTEXT);
}

function lastSentenceEnd(text: string): number {
  let end = 0;
  for (const m of text.matchAll(/[.!?。]\s+/g)) end = m.index + m[0].length;
  return end;
}
