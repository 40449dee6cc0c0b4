/** Changes the notes view makes to notes, in the extension's own pages (same origin as the database). */
import * as v from 'valibot';
import type { ContextDatabase } from '../db';
import { describeIssues } from '../corpus/issues';
import { NewNoteSchema, NoteSchema, type NewNote, type Note } from './schema';

/** Edits a note's comment and tags in place; its id and creation time stay, `updatedAt` moves on. */
export async function editNote(db: ContextDatabase, id: string, change: { comment: string; tags: string[] }, now = Date.now()): Promise<void> {
  const current = await db.notes.get(id);
  if (!current) throw new Error('This note no longer exists.');
  const next = { ...current, comment: change.comment.trim(), tags: change.tags, updatedAt: Math.max(now, current.updatedAt + 1) };
  const checked = v.safeParse(NoteSchema, stripDerived(next));
  if (!checked.success) throw new Error(`Not saved: ${describeIssues('note', checked.issues)[0]}.`);
  await db.notes.update(id, { comment: checked.output.comment, tags: checked.output.tags, updatedAt: checked.output.updatedAt });
}

/** Deletes notes and hands them back whole, so an undo can restore them exactly. */
export async function deleteNotes(db: ContextDatabase, ids: readonly string[]): Promise<Note[]> {
  return db.transaction('rw', db.notes, async () => {
    const found = (await db.notes.bulkGet([...ids])).filter((n): n is Note => !!n);
    await db.notes.bulkDelete(found.map((n) => n.id));
    return found;
  });
}

/** Puts deleted notes back as they were: same ids, same times. */
export async function restoreNotes(db: ContextDatabase, notes: readonly Note[]): Promise<void> {
  await db.notes.bulkPut(notes.map(stripDerived));
}

/** Saves a note made in an extension page (the popup's "save as note"); validated like any other. */
export async function addNote(db: ContextDatabase, input: NewNote, now = Date.now(), id = crypto.randomUUID()): Promise<string> {
  const checked = v.safeParse(NewNoteSchema, input);
  if (!checked.success) throw new Error(`Not saved: ${describeIssues('note', checked.issues)[0]}.`);
  await db.notes.add({ ...checked.output, id, createdAt: now, updatedAt: now });
  return id;
}

/** A stored note without the fields the database derives (search text, site). */
function stripDerived<T extends Note>(note: T): Note {
  const { search: _s, site: _t, ...rest } = note as T & { search?: string; site?: string };
  return rest as Note;
}
