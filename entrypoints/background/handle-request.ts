/**
 * Answers requests from content scripts and extension pages. A plain function of its
 * dependencies, so unit tests call it directly with a real (fake-indexeddb) database.
 */
import * as v from 'valibot';
import type { Runtime } from 'webextension-polyfill';
import { describeIssues } from '@/lib/corpus/issues';
import type { ContextDatabase } from '@/lib/db';
import { lookup, type CorpusCache } from '@/lib/lookup';
import { pagePassages } from '@/lib/page-passages';
import { BackgroundRequestSchema } from '@/lib/message-schema';
import { isFromThisExtension, type BackgroundResponses, type Envelope } from '@/lib/messages';
import { getDraft, putDraft, removeDraft, takeDraft, type DraftStore } from '@/lib/notes/drafts';
import { NewNoteSchema, type Note } from '@/lib/notes/schema';
import type { TabRequest } from '@/lib/messages';

export interface BackgroundDeps {
  ownId: string;
  db: () => ContextDatabase;
  corpus: () => Promise<CorpusCache | null>;
  injectCardUi: (tabId: number, frameId: number) => Promise<void>;
  /** Session storage for notes being written. */
  drafts: DraftStore;
  /** Tells a page's content script something (the note form it opened is done). */
  notifyTab: (tabId: number, frameId: number, message: TabRequest) => Promise<void>;
  now?: () => number;
  newId?: () => string;
}

/** A page (content script) or one of the extension's own pages (popup, options, the note form). */
const fromPage = (sender: Runtime.MessageSender) => sender.tab?.id !== undefined && /^https?:/.test(sender.url ?? '');
const fromExtensionPage = (sender: Runtime.MessageSender) => /^(chrome|moz)-extension:\/\//.test(sender.url ?? '');

/** Drafts being saved right now: a token saves at most once, even when sent twice at once. */
const savingDrafts = new Set<string>();

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
  const now = deps.now ?? Date.now;
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
        const at = now();
        // From a page, trust the browser's word for where the note was taken, not the message's.
        const pageUrl = sender.tab && sender.url && /^https?:/.test(sender.url) ? sender.url.slice(0, 4000) : request.note.pageUrl;
        const note: Note = { ...request.note, pageUrl, id: (deps.newId ?? (() => crypto.randomUUID()))(), createdAt: at, updatedAt: at };
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
      case 'prepare-note': {
        if (!fromPage(sender)) throw new Error('Only a page can open a note.');
        const corpus = await deps.corpus();
        const term = corpus?.terms.get(request.termId);
        if (!corpus || !term) throw new Error('The paper has no such term.');
        const token = (deps.newId ?? (() => crypto.randomUUID()))();
        await putDraft(deps.drafts, {
          token,
          createdAt: now(),
          tabId: sender.tab!.id!,
          frameId: sender.frameId ?? 0,
          pageUrl: sender.url!.slice(0, 4000),
          pageTitle: request.pageTitle,
          termId: term.id,
          quote: request.quote,
          passageIds: request.passageIds.filter((id) => corpus.passages.has(id)),
          ...(request.selectedPassageId ? { selectedPassageId: request.selectedPassageId } : {}),
        });
        return reply<'prepare-note'>({ token });
      }
      case 'note-draft': {
        if (!fromExtensionPage(sender)) throw new Error('Only the note form can read a draft.');
        const [draft, corpus] = await Promise.all([getDraft(deps.drafts, request.token, now()), deps.corpus()]);
        if (!draft || !corpus) throw new Error('This note form has expired. Close it and start again from the card.');
        return reply<'note-draft'>({
          termLabel: corpus.terms.get(draft.termId)?.label ?? draft.termId,
          quote: draft.quote,
          pageTitle: draft.pageTitle,
          passages: draft.passageIds.flatMap((id) => {
            const p = corpus.passages.get(id);
            return p ? [{ id, order: p.order, sectionHeading: corpus.sectionHeadings.get(p.section) ?? '' }] : [];
          }),
          ...(draft.selectedPassageId ? { selectedPassageId: draft.selectedPassageId } : {}),
        });
      }
      case 'save-draft': {
        if (!fromExtensionPage(sender)) throw new Error('Only the note form can save a draft.');
        if (savingDrafts.has(request.token)) throw new Error('This note is already being saved.');
        savingDrafts.add(request.token);
        try {
          // The draft is removed only once its note is stored: a failed save keeps it for a retry.
          const corpus = await deps.corpus();
          const draft = await getDraft(deps.drafts, request.token, now());
          if (!draft || !corpus) throw new Error('This note form has expired. Close it and start again from the card.');
          const passageId = request.passageId && draft.passageIds.includes(request.passageId) ? request.passageId : draft.passageIds[0];
          const passage = passageId ? corpus.passages.get(passageId) : undefined;
          const candidate = {
            termId: draft.termId,
            termLabel: corpus.terms.get(draft.termId)?.label ?? draft.termId,
            quote: draft.quote,
            pageUrl: draft.pageUrl,
            pageTitle: draft.pageTitle,
            ...(passage ? { passageId: passage.id } : {}),
            passageText: passage?.text ?? '',
            passageSection: passage ? corpus.sectionHeadings.get(passage.section) ?? '' : '',
            comment: request.comment.trim(),
            tags: request.tags,
          };
          const checked = v.safeParse(NewNoteSchema, candidate);
          if (!checked.success) throw new Error(`The note could not be saved (${describeIssues('note', checked.issues)[0]}).`);
          const at = now();
          const note: Note = { ...checked.output, id: (deps.newId ?? (() => crypto.randomUUID()))(), createdAt: at, updatedAt: at };
          try {
            await deps.db().notes.add(note);
          } catch (error) {
            throw new Error(`The note could not be stored (${error instanceof Error ? error.message : String(error)}). Your note is still here: try again.`);
          }
          await removeDraft(deps.drafts, draft.token);
          await deps.notifyTab(draft.tabId, draft.frameId, { type: 'note-finished', token: draft.token, saved: true }).catch(() => {});
          return reply<'save-draft'>({ id: note.id });
        } finally {
          savingDrafts.delete(request.token);
        }
      }
      case 'close-draft': {
        if (!fromExtensionPage(sender)) throw new Error('Only the note form can close a draft.');
        const draft = await takeDraft(deps.drafts, request.token, now());
        if (draft) await deps.notifyTab(draft.tabId, draft.frameId, { type: 'note-finished', token: draft.token, saved: false }).catch(() => {});
        return reply<'close-draft'>({ closed: true });
      }
      case 'page-passages': {
        if (!fromExtensionPage(sender)) throw new Error('Only the extension’s popup can ask for this.');
        const corpus = await deps.corpus();
        if (!corpus) throw new Error('The paper is still being set up. Try again in a moment.');
        return reply<'page-passages'>({ passages: pagePassages(corpus, request.terms), citation: corpus.citation });
      }
      case 'load-card-ui': {
        if (sender.tab?.id === undefined) throw new Error('Only a page can ask for the card.');
        await deps.injectCardUi(sender.tab.id, sender.frameId ?? 0);
        return reply<'load-card-ui'>({ loaded: true });
      }
    }
    return { ok: false, error: 'Unknown request.' };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function reply<K extends keyof BackgroundResponses>(value: BackgroundResponses[K]): Envelope<BackgroundResponses[K]> {
  return { ok: true, value };
}
