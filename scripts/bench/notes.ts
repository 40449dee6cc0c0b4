/**
 * The notes view with 10,000 notes, in real Chromium: the popup's first paint of the notes list,
 * and each search keystroke (input to the list redrawn and the next frame), medians and p95 over
 * 20 tries. The notes go in through the real import (All notes page), so the database holds what
 * the extension itself writes. Called by scripts/bench.ts; also runs alone:
 *
 *   npm run build --silent && npx tsx scripts/bench/notes.ts [--notes 10000] [--tries 20]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Note } from '../../lib/notes/schema';
import { toJsonBackup } from '../../lib/notes/export';
import { launchWithExtension, startServer, type StaticServer } from '../support/browser';

export interface NotesBench {
  notes: number;
  tries: number;
  importMs: number;
  firstPaint: { p50Ms: number; p95Ms: number; samples: number[] };
  /** Of the first paint, the notes list's own part: from asking the database to the rows painted. */
  listOwn: { p50Ms: number; p95Ms: number; samples: number[] };
  /** The same popup with no notes at all (its empty state): what the page costs before any note. */
  emptyPaint: { p50Ms: number; p95Ms: number };
  keystroke: { p50Ms: number; p95Ms: number; samples: number[] };
}

const TERMS = [
  ['kim-jong-un', 'Kim Jong Un'],
  ['vladimir-putin', 'Vladimir Putin'],
  ['artillery-152mm', '152-mm artillery'],
  ['vostochny-cosmodrome', 'Vostochny Cosmodrome'],
  ['sanctions', 'Sanctions'],
] as const;
const SITES = ['www.reuters.com', 'www.bbc.co.uk', 'www.nytimes.com', 'apnews.com', 'www.theguardian.com', 'www.nknews.org'];
const WORDS = 'shells border summit treaty missile satellite oil rice labour troops Kursk drones veto panel experts cosmodrome Pyongyang Moscow Vladivostok railway port sanctions evasion partnership alliance'.split(' ');

/** Realistic notes: a sentence quoted, a paragraph of the paper kept, a comment and tags. */
export function syntheticNotes(count: number): Note[] {
  const word = (i: number) => WORDS[i % WORDS.length]!;
  const passage =
    'Throughout 2023 and 2024, the upgrade in relations between North Korea and Russia was symbolized by a notable increase in the frequency of high-level ministerial visits – across a range of sectors – between representatives of the two states. '.repeat(
      3,
    );
  return Array.from({ length: count }, (_, i) => {
    const [termId, termLabel] = TERMS[i % TERMS.length]!;
    const at = 1_700_000_000_000 + i * 60_000;
    return {
      id: `${(0x10000000 + i).toString(16)}-0000-4000-8000-${String(i).padStart(12, '0')}`,
      createdAt: at,
      updatedAt: at,
      termId,
      termLabel,
      quote: `${termLabel} and the ${word(i)} of ${word(i * 7 + 3)}: analysts said the ${word(i * 3 + 1)} showed how far the two had come (${i}).`,
      pageUrl: `https://${SITES[i % SITES.length]}/world/asia/story-${i}`,
      pageTitle: `${termLabel} ${word(i * 5)} ${word(i * 11)} — story ${i}`,
      passageId: 'p-summits',
      passageText: passage,
      passageSection: 'From friendship to formal partnership',
      comment: i % 3 ? `Follow up on the ${word(i * 13)} and the ${word(i * 17 + 2)}; compare with note ${i - 1}.` : '',
      tags: [word(i).toLowerCase(), ...(i % 4 ? [] : ['follow-up'])],
    };
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!;
};
const round = (x: number) => Math.round(x * 100) / 100;

/** Records when the first notes row is in the DOM and a frame has been drawn after it (from navigation start). */
const FIRST_ROWS_PROBE = `(() => {
  const seen = () => document.querySelector('#notes-list [role=option], [data-testid=notes-empty]');
  const mark = () => requestAnimationFrame(() => { window.__firstRowsMs = performance.now(); });
  if (seen()) { mark(); return; }
  const observer = new MutationObserver(() => { if (seen()) { observer.disconnect(); mark(); } });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** From navigation start to the first rows painted, and the list's own part (from the 'notes:read' mark). */
async function firstPaint(page: Page, url: string): Promise<{ total: number; own: number }> {
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as unknown as { __firstRowsMs?: number }).__firstRowsMs === 'number', undefined, { timeout: 10_000 });
  const times = await page.evaluate(() => {
    const total = (window as unknown as { __firstRowsMs: number }).__firstRowsMs;
    const read = performance.getEntriesByName('notes:read')[0]?.startTime ?? 0;
    return { total, own: total - read };
  });
  // Let the popup finish reading every note before the next try, as when a reader closes and
  // reopens it: otherwise this page's big read still occupies the database as the next one opens.
  await page.waitForFunction(() => !/\d\+ notes?/.test(document.querySelector('.notes-count')?.textContent ?? ''), undefined, { timeout: 30_000 });
  await page.waitForTimeout(100);
  return times;
}

export async function benchNotes(server: StaticServer, options: { notes?: number; tries?: number } = {}): Promise<NotesBench> {
  const count = options.notes ?? 10_000;
  const tries = options.tries ?? 20;
  const dir = mkdtempSync(join(tmpdir(), 'nkr-notes-bench-'));
  const file = join(dir, 'notes.json');
  writeFileSync(file, toJsonBackup(syntheticNotes(count), Date.now()));
  const ext = await launchWithExtension(server, { viewport: { width: 420, height: 600 } });
  try {
    const url = `chrome-extension://${ext.extensionId}/popup.html`;
    const popup = await ext.context.newPage();
    await popup.addInitScript(FIRST_ROWS_PROBE);
    await firstPaint(popup, url);
    const empties: number[] = [];
    for (let i = 0; i < tries; i++) empties.push((await firstPaint(popup, url)).total);

    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/notes.html`);
    await page.getByTestId('notes-empty').waitFor();
    const t0 = Date.now();
    await page.getByLabel('Import a JSON backup').setInputFiles(file);
    await page
      .getByTestId('import-message')
      .filter({ hasText: `${count} new` })
      .waitFor({ timeout: 120_000 });
    const importMs = Date.now() - t0;
    await page.close();

    await firstPaint(popup, url); // warm-up: the extension's code and the database's pages cached
    const paints: number[] = [];
    const owns: number[] = [];
    for (let i = 0; i < tries; i++) {
      const { total, own } = await firstPaint(popup, url);
      paints.push(total);
      owns.push(own);
      if (!(await popup.locator('#notes-list [role=option]').count())) throw new Error('the list did not show the notes');
    }

    // Keystrokes, once every note is loaded: each one types a character more of a query.
    await popup
      .getByText(`${count.toLocaleString('en')} notes`, { exact: false })
      .or(popup.getByText(`${count} notes`))
      .first()
      .waitFor({ timeout: 30_000 });
    const queries = 'artillery shells kim follow'
      .split('')
      .map((_, i, all) => all.slice(0, i + 1).join(''))
      .slice(0, tries + 1);
    const keys = await popup.evaluate(async (queries) => {
      const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
      const times: number[] = [];
      for (const q of queries) {
        const start = performance.now();
        input.value = q;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, data: q.slice(-1), inputType: 'insertText' }));
        // Preact renders on its next tick; the keystroke is done when the frame after it is drawn.
        await new Promise((r) => setTimeout(r, 0));
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        times.push(performance.now() - start);
      }
      return times;
    }, queries);
    const keystrokes = keys.slice(1); // the first character after load warms the filter code
    return {
      notes: count,
      tries,
      importMs,
      firstPaint: { p50Ms: round(median(paints)), p95Ms: round(p95(paints)), samples: paints.map(round) },
      listOwn: { p50Ms: round(median(owns)), p95Ms: round(p95(owns)), samples: owns.map(round) },
      emptyPaint: { p50Ms: round(median(empties)), p95Ms: round(p95(empties)) },
      keystroke: { p50Ms: round(median(keystrokes)), p95Ms: round(p95(keystrokes)), samples: keystrokes.map(round) },
    };
  } finally {
    await ext.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The lines npm run bench prints for this case. */
export function describeNotesBench(r: NotesBench): string {
  return [
    `  notes (${r.notes.toLocaleString('en')} in the database, imported in ${r.importMs} ms): popup first paint of the list p50 ${r.firstPaint.p50Ms} ms, p95 ${r.firstPaint.p95Ms} ms (target < 200 ms);`,
    `    of which the list's own part (database read to rows painted) p50 ${r.listOwn.p50Ms} ms, p95 ${r.listOwn.p95Ms} ms;`,
    `    the same popup with no notes paints at p50 ${r.emptyPaint.p50Ms} ms, p95 ${r.emptyPaint.p95Ms} ms (times from navigation start; the machine is shared);`,
    `    search keystroke p50 ${r.keystroke.p50Ms} ms, p95 ${r.keystroke.p95Ms} ms over ${r.keystroke.samples.length} keystrokes (target < 50 ms)`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, fallback: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
  const server = await startServer();
  try {
    const r = await benchNotes(server, { notes: arg('--notes', 10_000), tries: arg('--tries', 20) });
    console.log(describeNotesBench(r));
    console.log(JSON.stringify(r));
  } finally {
    await server.close();
  }
}
