/**
 * Answers requests from content scripts and extension pages. A plain function of its
 * dependencies, so unit tests call it directly with a real (fake-indexeddb) database. One handler
 * per request type, each typed by the contract (lib/message-schema.ts for requests, lib/messages.ts
 * for replies): a handler that answers the wrong shape, or a request without one, does not compile.
 */
import * as v from 'valibot';
import type { Runtime } from 'webextension-polyfill';
import { BENCH_BUILD } from '@/lib/build-flags';
import { describeIssues } from '@/lib/corpus/issues';
import type { ContextDatabase } from '@/lib/db';
import { lookup, type CorpusCache } from '@/lib/lookup';
import { pagePassages } from '@/lib/page-passages';
import { BackgroundRequestSchema, type BackgroundRequest } from '@/lib/message-schema';
import { isFromThisExtension, type BackgroundResponses, type Envelope, type TabRequest } from '@/lib/messages';
import { getDraft, putDraft, removeDraft, takeDraft, type DraftStore } from '@/lib/notes/drafts';
import { NewNoteSchema, type Note } from '@/lib/notes/schema';
import { answerBenchRequest, recordLookup } from './bench-hooks';

export interface BackgroundDeps {
  ownId: string;
  db: () => ContextDatabase;
  corpus: () => Promise<CorpusCache | null>;
  injectCardUi: (tabId: number, frameId: number) => Promise<void>;
  /** Finishes the corpus setup if it has not, then writes the matcher data if it is missing or stale. */
  ensureMatcherData: () => Promise<boolean>;
  /** Session storage for notes being written. */
  drafts: DraftStore;
  /** Tells a page's content script something (the note form it opened is done). */
  notifyTab: (tabId: number, frameId: number, message: TabRequest) => Promise<void>;
  now?: () => number;
  newId?: () => string;
  /** Corpus sync (entrypoints/background/corpus-sync.ts). */
  sync?: { now(): Promise<BackgroundResponses['sync-now']>; reset(): Promise<BackgroundResponses['sync-reset']> };
}

/** A page (content script) or one of the extension's own pages (popup, options, the note form). */
const fromPage = (sender: Runtime.MessageSender) => sender.tab?.id !== undefined && /^https?:/.test(sender.url ?? '');
const fromExtensionPage = (sender: Runtime.MessageSender) => /^(chrome|moz)-extension:\/\//.test(sender.url ?? '');

type Handler<K extends BackgroundRequest['type']> = (request: Extract<BackgroundRequest, { type: K }>, sender: Runtime.MessageSender, deps: BackgroundDeps) => Promise<BackgroundResponses[K]>;

/** Drafts being saved right now: a token saves at most once, even when sent twice at once. */
const savingDrafts = new Set<string>();

const newId = (deps: BackgroundDeps) => (deps.newId ?? (() => crypto.randomUUID()))();
const now = (deps: BackgroundDeps) => (deps.now ?? Date.now)();

const handlers: { [K in BackgroundRequest['type']]: Handler<K> } = {
  async lookup(request, _sender, deps) {
    const corpus = await deps.corpus();
    if (!corpus) throw new Error('The paper is still being set up. Try again in a moment.');
    const started = performance.now();
    const result = lookup(corpus, request.termId, request.context);
    if (BENCH_BUILD) recordLookup(performance.now() - started);
    return result;
  },

  async 'corpus-status'(_request, _sender, deps) {
    const db = deps.db();
    const meta = await db.meta.get('corpus');
    if (!meta) return null;
    const [passages, terms, events, notes] = await Promise.all([db.passages.count(), db.terms.count(), db.events.count(), db.notes.count()]);
    return { version: meta.version, hash: meta.hash, source: meta.source, loadedAt: meta.loadedAt, passages, terms, events, notes, citation: meta.citation };
  },

  async 'ensure-matcher-data'(_request, _sender, deps) {
    return { published: await deps.ensureMatcherData() };
  },

  async 'load-card-ui'(_request, sender, deps) {
    if (sender.tab?.id === undefined) throw new Error('Only a page can ask for the card.');
    await deps.injectCardUi(sender.tab.id, sender.frameId ?? 0);
    return { loaded: true };
  },

  async 'prepare-note'(request, sender, deps) {
    if (!fromPage(sender)) throw new Error('Only a page can open a note.');
    const corpus = await deps.corpus();
    const term = corpus?.terms.get(request.termId);
    if (!corpus || !term) throw new Error('The paper has no such term.');
    const token = newId(deps);
    await putDraft(deps.drafts, {
      token,
      createdAt: now(deps),
      tabId: sender.tab!.id!,
      frameId: sender.frameId ?? 0,
      // From the browser, not from the page's message: a page cannot file a note under another address.
      pageUrl: sender.url!.slice(0, 4000),
      pageTitle: request.pageTitle,
      termId: term.id,
      quote: request.quote,
      passageIds: request.passageIds.filter((id) => corpus.passages.has(id)),
      ...(request.selectedPassageId ? { selectedPassageId: request.selectedPassageId } : {}),
    });
    return { token };
  },

  async 'note-draft'(request, sender, deps) {
    if (!fromExtensionPage(sender)) throw new Error('Only the note form can read a draft.');
    const [draft, corpus] = await Promise.all([getDraft(deps.drafts, request.token, now(deps)), deps.corpus()]);
    if (!draft || !corpus) throw new Error('This note form has expired. Close it and start again from the card.');
    return {
      termLabel: corpus.terms.get(draft.termId)?.label ?? draft.termId,
      quote: draft.quote,
      pageTitle: draft.pageTitle,
      passages: draft.passageIds.flatMap((id) => {
        const p = corpus.passages.get(id);
        return p ? [{ id, order: p.order, sectionHeading: corpus.sectionHeadings.get(p.section) ?? '' }] : [];
      }),
      ...(draft.selectedPassageId ? { selectedPassageId: draft.selectedPassageId } : {}),
    };
  },

  async 'save-draft'(request, sender, deps) {
    if (!fromExtensionPage(sender)) throw new Error('Only the note form can save a draft.');
    if (savingDrafts.has(request.token)) throw new Error('This note is already being saved.');
    savingDrafts.add(request.token);
    try {
      // The draft is removed only once its note is stored: a failed save keeps it for a retry.
      const corpus = await deps.corpus();
      const draft = await getDraft(deps.drafts, request.token, now(deps));
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
        passageSection: passage ? (corpus.sectionHeadings.get(passage.section) ?? '') : '',
        comment: request.comment.trim(),
        tags: request.tags,
      };
      const checked = v.safeParse(NewNoteSchema, candidate);
      if (!checked.success) throw new Error(`The note could not be saved (${describeIssues('note', checked.issues)[0]}).`);
      const at = now(deps);
      const note: Note = { ...checked.output, id: newId(deps), createdAt: at, updatedAt: at };
      try {
        await deps.db().notes.add(note);
      } catch (error) {
        throw new Error(`The note could not be stored (${error instanceof Error ? error.message : String(error)}). Your note is still here: try again.`);
      }
      await removeDraft(deps.drafts, draft.token);
      await deps.notifyTab(draft.tabId, draft.frameId, { type: 'note-finished', token: draft.token, saved: true }).catch((error) => {
        // The note is saved; only the page's card did not hear so (its tab closed, say).
        console.warn('[NK–RU Context] The page that opened the note form did not answer:', error);
      });
      return { id: note.id };
    } finally {
      savingDrafts.delete(request.token);
    }
  },

  async 'page-passages'(request, sender, deps) {
    if (!fromExtensionPage(sender)) throw new Error('Only the extension’s popup can ask for this.');
    const corpus = await deps.corpus();
    if (!corpus) throw new Error('The paper is still being set up. Try again in a moment.');
    return { passages: pagePassages(corpus, request.terms), citation: corpus.citation };
  },

  async 'close-draft'(request, sender, deps) {
    if (!fromExtensionPage(sender)) throw new Error('Only the note form can close a draft.');
    const draft = await takeDraft(deps.drafts, request.token, now(deps));
    if (draft) {
      await deps.notifyTab(draft.tabId, draft.frameId, { type: 'note-finished', token: draft.token, saved: false }).catch((error) => {
        console.warn('[NK–RU Context] The page that opened the note form did not answer:', error);
      });
    }
    return { closed: true };
  },

  /** Corpus sync (entrypoints/background/corpus-sync.ts): only the popup and options page may start one. */
  async 'sync-now'(_request, sender, deps) {
    if (!fromExtensionPage(sender)) throw new Error('Only the extension’s own pages can sync the corpus.');
    if (!deps.sync) throw new Error('Corpus sync is not available.');
    return deps.sync.now();
  },

  async 'sync-reset'(_request, sender, deps) {
    if (!fromExtensionPage(sender)) throw new Error('Only the extension’s own pages can reset the corpus.');
    if (!deps.sync) throw new Error('Corpus sync is not available.');
    return deps.sync.reset();
  },
};

export async function handleRequest(message: unknown, sender: Runtime.MessageSender, deps: BackgroundDeps): Promise<Envelope<unknown>> {
  if (!isFromThisExtension(sender, deps.ownId)) return { ok: false, error: 'Refused: the message did not come from this extension.' };
  if (BENCH_BUILD) {
    const bench = answerBenchRequest(message, fromExtensionPage(sender));
    if (bench) return bench;
  }
  const parsed = v.safeParse(BackgroundRequestSchema, message);
  if (!parsed.success) return { ok: false, error: `Refused a malformed request (${describeIssues('request', parsed.issues)[0]}).` };
  const request = parsed.output;
  try {
    const handler = handlers[request.type] as Handler<typeof request.type>;
    return { ok: true, value: await handler(request as never, sender, deps) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
