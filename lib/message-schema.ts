/**
 * The schema every request to the background is validated against. Kept apart from
 * lib/messages.ts so that content scripts, which only send, do not carry valibot.
 */
import * as v from 'valibot';
import { NewNoteSchema } from './notes/schema';

const TermId = v.pipe(v.string(), v.maxLength(100), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

/** Requests to the background, from content scripts and extension pages. */
export const BackgroundRequestSchema = v.variant('type', [
  /** The card's contents for a term, passages ranked by the sentence around the mention. */
  v.strictObject({ type: v.literal('lookup'), termId: TermId, context: v.pipe(v.string(), v.maxLength(2000)) }),
  v.strictObject({ type: v.literal('save-note'), note: NewNoteSchema }),
  v.strictObject({ type: v.literal('corpus-status') }),
  /** Injects the card's code into the sender's frame (it loads on first hover, not with the page). */
  v.strictObject({ type: v.literal('load-card-ui') }),
  /** Recent lookup timings, for the benchmark. */
  v.strictObject({ type: v.literal('diagnostics') }),
]);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequestSchema>;
