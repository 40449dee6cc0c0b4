/**
 * Answers requests from content scripts and extension pages. A plain function of its
 * dependencies, so unit tests call it directly with a real (fake-indexeddb) database.
 */
import * as v from 'valibot';
import type { Runtime } from 'webextension-polyfill';
import { describeIssues } from '@/lib/corpus/issues';
import type { ContextDatabase } from '@/lib/db';
import { lookup, type CorpusCache } from '@/lib/lookup';
import { BackgroundRequestSchema } from '@/lib/message-schema';
import { isFromThisExtension, type BackgroundResponses, type Envelope } from '@/lib/messages';
import type { Note } from '@/lib/notes/schema';

export interface BackgroundDeps {
  ownId: string;
  db: () => ContextDatabase;
  corpus: () => Promise<CorpusCache | null>;
  injectCardUi: (tabId: number, frameId: number) => Promise<void>;
  now?: () => number;
  newId?: () => string;
}

/** The last lookups' durations (in the service worker's memory only; gone when it sleeps). */
const lookupTimings: number[] = [];
const TIMINGS_KEPT = 500;

/** Appends to a bounded list of recent timings. */
export function remember(list: number[], ms: number): void {
  list.push(ms);
  if (list.length > TIMINGS_KEPT) list.splice(0, list.length - TIMINGS_KEPT);
}

export async function handleRequest(message: unknown, sender: Runtime.MessageSender, deps: BackgroundDeps): Promise<Envelope<unknown>> {
  if (!isFromThisExtension(sender, deps.ownId)) return { ok: false, error: 'Refused: the message did not come from this extension.' };
  const parsed = v.safeParse(BackgroundRequestSchema, message);
  if (!parsed.success) return { ok: false, error: `Refused a malformed request (${describeIssues('request', parsed.issues)[0]}).` };
  const request = parsed.output;
  try {
    switch (request.type) {
      case 'lookup': {
        const corpus = await deps.corpus();
        if (!corpus) throw new Error('The paper is still being set up. Try again in a moment.');
        const started = performance.now();
        const result = lookup(corpus, request.termId, request.context);
        remember(lookupTimings, performance.now() - started);
        return reply<'lookup'>(result);
      }
      case 'save-note': {
        const now = (deps.now ?? Date.now)();
        // From a page, trust the browser's word for where the note was taken, not the message's.
        const pageUrl = sender.tab && sender.url && /^https?:/.test(sender.url) ? sender.url.slice(0, 4000) : request.note.pageUrl;
        const note: Note = { ...request.note, pageUrl, id: (deps.newId ?? (() => crypto.randomUUID()))(), createdAt: now, updatedAt: now };
        await deps.db().notes.add(note);
        return reply<'save-note'>({ id: note.id });
      }
      case 'corpus-status': {
        const db = deps.db();
        const meta = await db.meta.get('corpus');
        if (!meta) return reply<'corpus-status'>(null);
        const [passages, terms, events, notes] = await Promise.all([db.passages.count(), db.terms.count(), db.events.count(), db.notes.count()]);
        return reply<'corpus-status'>({ version: meta.version, hash: meta.hash, source: meta.source, loadedAt: meta.loadedAt, passages, terms, events, notes });
      }
      case 'diagnostics':
        return reply<'diagnostics'>({ lookupMs: [...lookupTimings] });
      case 'load-card-ui': {
        if (sender.tab?.id === undefined) throw new Error('Only a page can ask for the card.');
        await deps.injectCardUi(sender.tab.id, sender.frameId ?? 0);
        return reply<'load-card-ui'>({ loaded: true });
      }
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function reply<K extends keyof BackgroundResponses>(value: BackgroundResponses[K]): Envelope<BackgroundResponses[K]> {
  return { ok: true, value };
}
