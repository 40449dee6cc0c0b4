/** A reader's note, saved from a card. Validated wherever one enters: messages, import. */
import * as v from 'valibot';
import { ID_PATTERN } from '../kinds';

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`));
const Tag = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(40, 'a tag must be at most 40 characters'));
const TermId = v.pipe(v.string(), v.regex(ID_PATTERN));
const PageUrl = v.pipe(v.string(), v.maxLength(4000), v.url(), v.regex(/^https?:\/\//, 'must be an http(s) page'));

/** What the card sends: everything but the id and the times, which the background assigns. */
export const NewNoteSchema = v.strictObject({
  termId: TermId,
  termLabel: Text(200),
  /** The page's words around the mention, as the reader saw them. */
  quote: Text(2000),
  pageUrl: PageUrl,
  pageTitle: Text(500),
  /** A snapshot of the passage the card showed, so the note outlives a corpus update. */
  passageId: v.optional(TermId),
  passageText: Text(5000),
  passageSection: Text(300),
  comment: Text(10000),
  tags: v.pipe(v.array(Tag), v.maxLength(20, 'at most 20 tags')),
});
export type NewNote = v.InferOutput<typeof NewNoteSchema>;

export const NoteSchema = v.strictObject({
  ...NewNoteSchema.entries,
  id: v.pipe(v.string(), v.uuid()),
  createdAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  updatedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type Note = v.InferOutput<typeof NoteSchema>;

/** A note's own fields, in the order exports write them. */
export const NOTE_FIELDS = ['id', 'createdAt', 'updatedAt', 'termId', 'termLabel', 'quote', 'pageUrl', 'pageTitle', 'passageId', 'passageText', 'passageSection', 'comment', 'tags'] as const satisfies readonly (keyof Note)[];
