/**
 * The one contract for messages TO a tab's content script (from the popup and the background),
 * imported by both ends. The content script validates each message where it arrives with
 * `parseTabRequest`, a small hand-written guard (valibot would add its weight to every page).
 * Requests marked "bench build" are answered only by a build made with `wxt build --mode bench`.
 */
import type { Envelope } from './messages';

/** Requests from the background or the popup to a tab's content script. */
export type TabRequest =
  | { type: 'page-status' }
  /** Moves to the next (1) or previous (-1) mention and opens its card (the keyboard command). */
  | { type: 'step-mention'; direction: 1 | -1 }
  /** The note form opened by this page was saved or cancelled. */
  | { type: 'note-finished'; token: string; saved: boolean }
  /** Scrolls to the first shown mention of a term and opens its card. */
  | { type: 'reveal-term'; termId: string }
  /** Marks the page though it looks off the topic (the reader's call, for this visit). */
  | { type: 'mark-page' }
  /** Bench build: scans the page again from scratch, `repeat` times back to back. */
  | { type: 'rescan'; repeat?: number };

export interface ScanStats {
  /** Time this page took to build its matcher (decode the packed automaton), in ms; once a page. */
  setupMs: number;
  /** Wall time from the start of the scan to the last highlight, in ms. */
  totalMs: number;
  /** Time spent in the scanner's own slices, in ms. */
  busyMs: number;
  longestSliceMs: number;
  slices: number;
  /** Of busyMs, the time spent deciding what shows and painting it. */
  paintMs: number;
  textNodes: number;
  characters: number;
}

export interface PageStatus {
  /** The site as the reader's settings name it (host without "www."). */
  site: string | null;
  running: boolean;
  /** Why the page is not highlighted, when it is not. */
  reason?: 'disabled-everywhere' | 'disabled-on-site' | 'no-corpus';
  mode: 'highlight-api' | 'wrap';
  onTopic: boolean;
  /** Mentions highlighted. */
  mentions: number;
  /** Mentions found on the page, shown or not. */
  found: number;
  /** The most mentions one page highlights; `capped`: this page has more that qualify. */
  cap: number;
  capped: boolean;
  terms: { id: string; label?: string; count: number }[];
  /** The last full scan: null until the first is done and the highlights it put in view are registered. */
  scan: ScanStats | null;
  /** Bench build: recent times from the dwell timer firing to the card painted, in ms (newest last). */
  cardLatencies?: number[];
  /** Bench build: all the scanner's slices since the page run began (scans and rescans). */
  work?: { busyMs: number; slices: number; longestSliceMs: number };
}

export interface TabResponses {
  'page-status': PageStatus;
  'step-mention': { mentions: number };
  'note-finished': { received: true };
  'reveal-term': { found: boolean };
  'mark-page': { mentions: number };
  rescan: { runs: ScanStats[] };
}

const TERM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TYPES = new Set<string>(['page-status', 'step-mention', 'note-finished', 'reveal-term', 'mark-page', 'rescan']);

/** Checks a message that arrived at a content script; says what is wrong with it otherwise. */
export function parseTabRequest(value: unknown): { ok: true; request: TabRequest } | { ok: false; error: string } {
  if (typeof value !== 'object' || value === null) return { ok: false, error: 'A tab request must be an object.' };
  const m = value as Record<string, unknown>;
  if (typeof m.type !== 'string' || !TYPES.has(m.type)) return { ok: false, error: `Unknown tab request type: ${String(m.type).slice(0, 40)}.` };
  switch (m.type) {
    case 'page-status':
      return { ok: true, request: { type: 'page-status' } };
    case 'mark-page':
      return { ok: true, request: { type: 'mark-page' } };
    case 'step-mention':
      return m.direction === 1 || m.direction === -1 ? { ok: true, request: { type: 'step-mention', direction: m.direction } } : { ok: false, error: 'step-mention: direction must be 1 or -1.' };
    case 'note-finished':
      return typeof m.token === 'string' && m.token.length > 0 && m.token.length <= 200 && typeof m.saved === 'boolean'
        ? { ok: true, request: { type: 'note-finished', token: m.token, saved: m.saved } }
        : { ok: false, error: 'note-finished: needs a token (text) and saved (true or false).' };
    case 'reveal-term':
      return typeof m.termId === 'string' && m.termId.length <= 100 && TERM_ID.test(m.termId)
        ? { ok: true, request: { type: 'reveal-term', termId: m.termId } }
        : { ok: false, error: 'reveal-term: termId must be a term id like "kim-jong-un".' };
    default: {
      const repeat = m.repeat === undefined ? 1 : m.repeat;
      return Number.isInteger(repeat) && (repeat as number) >= 1 && (repeat as number) <= 20
        ? { ok: true, request: { type: 'rescan', repeat: repeat as number } }
        : { ok: false, error: 'rescan: repeat must be a whole number from 1 to 20.' };
    }
  }
}

/** Sends a request to a tab's content script (top frame) and unwraps the reply. */
export async function askTab<R extends TabRequest>(tabId: number, request: R): Promise<TabResponses[R['type']]> {
  const reply = (await browser.tabs.sendMessage(tabId, request, { frameId: 0 })) as Envelope<TabResponses[R['type']]> | undefined;
  if (!reply) throw new Error('The page did not answer.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
