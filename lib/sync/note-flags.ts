/**
 * Whether a note's quoted passage still reads as the note's snapshot. A sync never edits a note;
 * the snapshot stays, and this tells the reader when the corpus moved on under it.
 */
import type { ContextDatabase } from '../db';

export type PassageStatus = 'current' | 'changed' | 'removed';

export interface FlaggedNote {
  id: string;
  termLabel: string;
  passageId: string;
  /** The passage as the note kept it. */
  snapshot: string;
  status: Exclude<PassageStatus, 'current'>;
}

/** Compares a note's snapshot with the stored passage. */
export function passageStatus(note: { passageId?: string; passageText: string }, current: { text: string } | undefined): PassageStatus {
  if (!note.passageId) return 'current';
  if (!current) return 'removed';
  return current.text === note.passageText ? 'current' : 'changed';
}

/** The notes whose passage changed or disappeared, oldest first. */
export async function flaggedNotes(db: ContextDatabase): Promise<FlaggedNote[]> {
  return db.transaction('r', [db.notes, db.passages], async () => {
    const notes = await db.notes.orderBy('createdAt').toArray();
    const ids = [...new Set(notes.flatMap((n) => (n.passageId ? [n.passageId] : [])))];
    const passages = new Map((await db.passages.bulkGet(ids)).flatMap((p) => (p ? [[p.id, p] as const] : [])));
    return notes.flatMap((n) => {
      const status = passageStatus(n, n.passageId ? passages.get(n.passageId) : undefined);
      return status === 'current' || !n.passageId ? [] : [{ id: n.id, termLabel: n.termLabel, passageId: n.passageId, snapshot: n.passageText, status }];
    });
  });
}
