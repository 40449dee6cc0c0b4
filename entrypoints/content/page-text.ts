/** Reads the words around a mention: the sentence for ranking passages and for a note's quote. */
import { blockOf } from './dom-rules';
import type { Mention } from './mentions';

const MAX_CONTEXT = 600;

/** The sentence (or, in a long run-on block, the 600 characters) around a mention. */
export function sentenceAround(mention: Mention): string {
  const root = document.body ?? document.documentElement;
  const block = blockOf(mention.startNode, root);
  const before = document.createRange();
  before.setStart(block, 0);
  before.setEnd(mention.range.startContainer, mention.range.startOffset);
  const after = document.createRange();
  after.setStart(mention.range.endContainer, mention.range.endOffset);
  after.setEnd(block, block.childNodes.length);
  const head = before.toString().slice(-MAX_CONTEXT);
  const tail = after.toString().slice(0, MAX_CONTEXT);
  const start = lastSentenceEnd(head);
  const endMatch = /[.!?。](?=\s|$)/.exec(tail);
  const text = head.slice(start) + mention.range.toString() + tail.slice(0, endMatch ? endMatch.index + 1 : tail.length);
  return text.replace(/\s+/g, ' ').trim().slice(0, 2 * MAX_CONTEXT);
}

function lastSentenceEnd(text: string): number {
  let end = 0;
  for (const m of text.matchAll(/[.!?。]\s+/g)) end = m.index + m[0].length;
  return end;
}
