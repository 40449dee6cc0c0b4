/** Notes in the real (fake-indexeddb) database: the version 1 → 2 upgrade, merging a backup, undo. */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ContextDatabase, SCHEMA_V1 } from '../../lib/db';
import { mergeNotes, parseBackup } from '../../lib/notes/backup';
import { toJsonBackup } from '../../lib/notes/export';
import { deleteNotes, editNote, restoreNotes } from '../../lib/notes/store';
import { makeNote } from '../support/note-factory';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});
let counter = 0;
const freshName = () => `notes-db-${Date.now()}-${++counter}`;
const v2 = (name = freshName()) => {
  const db = new ContextDatabase(name);
  opened.push(db);
  return db;
};

describe('the version 1 → 2 upgrade', () => {
  it('keeps every note written by version 1, and adds the site and search text the notes view uses', async () => {
    const name = freshName();
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    const notes = [makeNote({ comment: 'Artillery ÉCHELON', pageUrl: 'https://www.bbc.co.uk/news/1' }), makeNote({ tags: ['oil', 'sanctions'] })];
    await old.table('notes').bulkAdd(notes);
    await old.table('meta').put({ key: 'corpus', version: 1 });
    old.close();

    const db = v2(name);
    await db.open();
    expect(db.verno).toBe(2);
    const stored = await db.notes.orderBy('createdAt').toArray();
    expect(stored.map(({ search: _s, site: _t, ...rest }) => rest)).toEqual(notes);
    expect(stored[0]).toMatchObject({ site: 'bbc.co.uk', search: expect.stringContaining('artillery echelon') });
    expect(await db.notes.where('site').equals('reuters.com').count()).toBe(1);
    expect(await db.meta.get('corpus')).toMatchObject({ version: 1 });
  });
});

describe('notes in the database', () => {
  it('merges a backup by id in one transaction, the newer updatedAt winning', async () => {
    const db = v2();
    const mine = makeNote({ comment: 'mine, newer', updatedAt: 2_000_000_000_000 });
    const stale = makeNote({ comment: 'old here' });
    await db.notes.bulkAdd([mine, stale]);
    const incoming = [{ ...mine, comment: 'theirs, older', updatedAt: 1_900_000_000_000 }, { ...stale, comment: 'edited there', updatedAt: stale.updatedAt + 10 }, makeNote({ comment: 'brand new' })];
    const parsed = parseBackup(toJsonBackup(incoming, 0));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await mergeNotes(db, parsed.notes)).toEqual({ added: 1, replaced: 1, kept: 1 });
    const byId = new Map((await db.notes.toArray()).map((n) => [n.id, n]));
    expect(byId.get(mine.id)?.comment).toBe('mine, newer');
    expect(byId.get(stale.id)?.comment).toBe('edited there');
    expect(byId.get(stale.id)?.search).toContain('edited there');
    expect(byId.size).toBe(3);
  });

  it('edits in place (same id and creation time, later updatedAt) and restores a deleted note exactly', async () => {
    const db = v2();
    const note = makeNote();
    await db.notes.add(note);
    await editNote(db, note.id, { comment: '  rethought  ', tags: ['later'] }, note.updatedAt + 500);
    const edited = (await db.notes.get(note.id))!;
    expect(edited).toMatchObject({ id: note.id, createdAt: note.createdAt, updatedAt: note.updatedAt + 500, comment: 'rethought', tags: ['later'] });
    expect(edited.search).toContain('#later');
    await expect(editNote(db, note.id, { comment: 'x', tags: ['a'.repeat(41)] })).rejects.toThrow(/40 characters/);
    const removed = await deleteNotes(db, [note.id]);
    expect(await db.notes.count()).toBe(0);
    await restoreNotes(db, removed);
    const back = await db.notes.get(note.id);
    expect(back).toEqual(edited);
  });
});
