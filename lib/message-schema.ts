/**
 * The requests half of the background contract: the schema every request is validated against
 * where it arrives (the background), and the request type both ends use. The replies half is
 * `BackgroundResponses` in lib/messages.ts, keyed by the same `type`s (a type check there fails
 * when the two halves disagree). Kept apart from lib/messages.ts so that content scripts, which
 * only send, do not carry valibot.
 *
 * Notes are written only through the note form (prepare-note → save-draft): there is no request
 * that saves a note a page composed. Benchmark-only requests live in
 * entrypoints/background/bench-hooks.ts and exist only in a bench build.
 */
import * as v from 'valibot';
import { ID_MAX_LENGTH, ID_PATTERN } from './kinds';

const TermId = v.pipe(v.string(), v.maxLength(ID_MAX_LENGTH), v.regex(ID_PATTERN));
const Token = v.pipe(v.string(), v.uuid());
const Tag = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(40));

/** Requests to the background, from content scripts and extension pages. */
export const BackgroundRequestSchema = v.variant('type', [
  /** The card's contents for a term, passages ranked by the sentence around the mention. */
  v.strictObject({ type: v.literal('lookup'), termId: TermId, context: v.pipe(v.string(), v.maxLength(2000)) }),
  v.strictObject({ type: v.literal('corpus-status') }),
  /**
   * A page found no matcher data in storage: the background (re)publishes it from the database.
   * Sending it also wakes a background that was stopped before its setup finished.
   */
  v.strictObject({ type: v.literal('ensure-matcher-data') }),
  /** Injects the card's code into the sender's frame (it loads on first hover, not with the page). */
  v.strictObject({ type: v.literal('load-card-ui') }),
  /**
   * A page opens the note form: it hands over what the note keeps from the page, and gets a
   * token for the form, which runs in the extension's own frame so the page never sees the typing.
   */
  v.strictObject({
    type: v.literal('prepare-note'),
    termId: TermId,
    quote: v.pipe(v.string(), v.maxLength(2000)),
    pageTitle: v.pipe(v.string(), v.maxLength(500)),
    passageIds: v.pipe(v.array(TermId), v.maxLength(5)),
    selectedPassageId: v.optional(TermId),
  }),
  /** The note form (an extension page) asks what it is a note on. */
  v.strictObject({ type: v.literal('note-draft'), token: Token }),
  /** The note form saves… */
  v.strictObject({
    type: v.literal('save-draft'),
    token: Token,
    comment: v.pipe(v.string(), v.maxLength(10000)),
    tags: v.pipe(v.array(Tag), v.maxLength(20)),
    passageId: v.optional(TermId),
  }),
  /** …or is cancelled. */
  v.strictObject({ type: v.literal('close-draft'), token: Token }),
  /** The popup's "what the paper says about this article": the page's terms and how often each is named. */
  v.strictObject({
    type: v.literal('page-passages'),
    terms: v.pipe(v.array(v.strictObject({ id: TermId, count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000)) })), v.maxLength(500)),
  }),
  /** Corpus sync (lib/sync): fetch the configured feed now; from the popup or options page only. */
  v.strictObject({ type: v.literal('sync-now') }),
  /** Corpus sync: put the bundled corpus back in place of a synced one. */
  v.strictObject({ type: v.literal('sync-reset') }),
]);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequestSchema>;
