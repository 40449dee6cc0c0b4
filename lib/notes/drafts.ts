/**
 * Notes being written. A page opens the note form through the background, which keeps what the
 * note takes from the page under a random token; the form (an extension page in its own frame)
 * reads it by token and saves. Kept in session storage, so a service worker that sleeps while
 * the reader types loses nothing, and nothing outlives the browser session.
 */

/** Where drafts live: browser.storage.session in the extension, a fake in tests. */
export interface DraftStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string | string[]): Promise<void>;
}

/** What a note keeps from the page, held under a token while the form is open. */
export interface NoteDraft {
  token: string;
  createdAt: number;
  /** Where the form was opened, to tell that page when it is done. */
  tabId: number;
  frameId: number;
  /** From the browser (the sender's URL), not from the page's message. */
  pageUrl: string;
  pageTitle: string;
  termId: string;
  quote: string;
  passageIds: string[];
  selectedPassageId?: string;
}

/** A draft left open longer than this is gone. */
export const DRAFT_LIFETIME_MS = 60 * 60 * 1000;
const PREFIX = 'draft:';

/** Keeps a draft under its token (and drops drafts older than an hour). */
export async function putDraft(store: DraftStore, draft: NoteDraft): Promise<void> {
  await dropExpired(store, draft.createdAt);
  await store.set({ [PREFIX + draft.token]: draft });
}

/** The draft for a token, or null if there is none (or it is too old). */
export async function getDraft(store: DraftStore, token: string, now: number): Promise<NoteDraft | null> {
  const draft = (await store.get(PREFIX + token))[PREFIX + token] as NoteDraft | undefined;
  if (!draft || now - draft.createdAt > DRAFT_LIFETIME_MS) return null;
  return draft;
}

/** Forgets a draft: called once its note is stored, so a failed save keeps it for a retry. */
export async function removeDraft(store: DraftStore, token: string): Promise<void> {
  await store.remove(PREFIX + token);
}

/** Removes and returns a draft (a cancelled form). */
export async function takeDraft(store: DraftStore, token: string, now: number): Promise<NoteDraft | null> {
  const draft = await getDraft(store, token, now);
  await store.remove(PREFIX + token);
  return draft;
}

async function dropExpired(store: DraftStore, now: number): Promise<void> {
  const all = await store.get(null as unknown as string);
  const old = Object.entries(all)
    .filter(([key, value]) => key.startsWith(PREFIX) && now - ((value as NoteDraft).createdAt ?? 0) > DRAFT_LIFETIME_MS)
    .map(([key]) => key);
  if (old.length) await store.remove(old);
}
