/**
 * The background contract: what each request to the background answers (`BackgroundResponses`),
 * and `askBackground`, the one way to send one. The requests themselves, and their validation
 * where they arrive, are in lib/message-schema.ts. Every reply is an envelope, so an error crosses
 * contexts as a readable message instead of a rejected promise.
 */
import type { Citation, TermKind, TimelineEvent } from './corpus/schema';
import type { BackgroundRequest } from './message-schema';
import type { SyncLogEntry } from './sync/state';

export type { BackgroundRequest };

export interface TermSummary {
  id: string;
  label: string;
  kind: TermKind;
}

export interface RankedPassage {
  id: string;
  sectionHeading: string;
  order: number;
  text: string;
  score: number;
  /** Where the term is named inside `text`, as [start, end) offsets, for marking it in the quote. */
  marks: [number, number][];
}

/** What a card says about a term beyond its name: the summary and where it comes from (catalogue, issue 13). */
export interface TermGrounding {
  summary: string;
  /** paper (the excerpt, closely paraphrased) or background (the public record); absent means paper. */
  grounding?: 'paper' | 'background';
  /** Source line for a background summary. */
  source?: string;
  /** The public record where it differs from the paper's wording, shown as background. */
  record?: { text: string; source: string };
}

export interface LookupResult {
  term: TermSummary & TermGrounding;
  /** Best first; at most three. */
  passages: RankedPassage[];
  /** The whole timeline, each event flagged when it concerns this term. */
  timeline: (TimelineEvent & { mine: boolean })[];
  related: TermSummary[];
  citation: Citation;
}

export interface CorpusStatus {
  version: number;
  hash: string;
  source: 'bundled' | 'sync';
  loadedAt: number;
  passages: number;
  terms: number;
  events: number;
  notes: number;
  /** The paper the corpus quotes: pages cite it from here, never from a copy of their own. */
  citation: Citation;
}

/** What the note form shows: the note's term, the page's words, the passages it may keep. */
export interface NoteDraftView {
  termLabel: string;
  quote: string;
  pageTitle: string;
  passages: { id: string; order: number; sectionHeading: string }[];
  selectedPassageId?: string;
}

/** What each background request answers. */
export interface BackgroundResponses {
  lookup: LookupResult;
  'corpus-status': CorpusStatus | null;
  /** Whether matcher data is now in storage (false: no corpus is in the database yet). */
  'ensure-matcher-data': { published: boolean };
  'load-card-ui': { loaded: true };
  'prepare-note': { token: string };
  'note-draft': NoteDraftView;
  'save-draft': { id: string };
  'close-draft': { closed: true };
  /** The passages that best fit a page's mentions together (lib/page-passages.ts), with the citation. */
  'page-passages': { passages: import('./page-passages').PagePassage[]; citation: Citation };
  /** The sync's log entry; null when no feed is set. */
  'sync-now': SyncLogEntry | null;
  'sync-reset': SyncLogEntry;
}

/** Fails to compile when a request has no reply type or a reply type no request. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const CONTRACT_COMPLETE: Same<keyof BackgroundResponses, BackgroundRequest['type']> = true;

// The tab-message contract lives in lib/tab-messages.ts; re-exported here for existing imports.
export type { PageStatus, ScanStats, TabRequest, TabResponses } from './tab-messages';
export { askTab } from './tab-messages';

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

/** Sends a request to the background and unwraps the reply; throws with the background's message. */
export async function askBackground<R extends BackgroundRequest>(request: R): Promise<BackgroundResponses[R['type']]> {
  const reply = (await browser.runtime.sendMessage(request)) as Envelope<BackgroundResponses[R['type']]> | undefined;
  if (!reply) throw new Error('The extension’s background did not answer.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Whether a message came from this extension (its pages or its content scripts). */
export function isFromThisExtension(sender: { id?: string }, ownId: string): boolean {
  return sender.id === ownId;
}
