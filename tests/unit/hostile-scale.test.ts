/**
 * Work on a page's change grows with the change, not with the page (issue 11): a page that
 * appends paragraphs to a page already full of mentions must not pay for every mention it had.
 * Counted in DOM calls (no timings): an all-pairs comparison shows as calls that grow with the page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PageScan } from '../../entrypoints/content/page-scan';
import { compileAutomaton } from '../../lib/matcher';

const automaton = compileAutomaton([
  { id: 'kim-jong-un', aliases: [{ text: 'Kim Jong Un' }] },
  { id: 'russia', aliases: [{ text: 'Russia' }] },
]);

function paragraphs(n: number, from = 0): HTMLElement[] {
  return Array.from({ length: n }, (_, i) => {
    const p = document.createElement('p');
    p.textContent = `Item ${from + i}: Kim Jong Un and Russia, again.`;
    return p;
  });
}

/** DOM calls made while `work` runs: contains() and compareDocumentPosition(). */
async function countCalls(work: () => Promise<void>): Promise<number> {
  const proto = Node.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const originals = { contains: proto.contains!, compareDocumentPosition: proto.compareDocumentPosition! };
  let calls = 0;
  for (const [name, fn] of Object.entries(originals))
    proto[name] = function (this: Node, ...a: unknown[]) {
      calls++;
      return fn.apply(this, a);
    };
  try {
    await work();
  } finally {
    Object.assign(proto, originals);
  }
  return calls;
}

async function appendCost(pageSize: number, added: number): Promise<{ calls: number; found: number }> {
  document.body.replaceChildren(...paragraphs(pageSize));
  const scan = new PageScan(automaton, () => {});
  const signal = new AbortController().signal;
  await scan.scanAll(signal);
  const fresh = paragraphs(added, pageSize);
  document.body.append(...fresh);
  const calls = await countCalls(() => scan.rescan(fresh, signal));
  return { calls, found: scan.store.size };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('an incremental rescan', () => {
  it('finds the new mentions, with DOM calls that do not grow with the page', async () => {
    const small = await appendCost(200, 100);
    const large = await appendCost(1600, 100);
    expect(small.found).toBe(2 * 300);
    expect(large.found).toBe(2 * 1700);
    // Linear in the change: the 1,600-paragraph page costs what the 200-paragraph one does.
    expect(large.calls).toBeLessThanOrEqual(small.calls + 10);
    expect(large.calls).toBeLessThan(10 * 100);
  });

  it('drops the mentions of removed paragraphs and keeps the rest', async () => {
    document.body.replaceChildren(...paragraphs(50));
    const scan = new PageScan(automaton, () => {});
    const signal = new AbortController().signal;
    await scan.scanAll(signal);
    const gone = [...document.body.children].slice(10, 20);
    for (const p of gone) p.remove();
    await scan.rescan([], signal, gone);
    expect(scan.store.size).toBe(2 * 40);
  });
});
