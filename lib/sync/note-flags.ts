/**
 * The notes a corpus update left behind: their passage changed or disappeared. A sync never edits
 * a note; each keeps its snapshot, and the status comes from lib/notes/passage-status.ts (the
 * notes page shows the same status on each note).
 */
import type { ContextDatabase } from '../db';
import { passageStatus } from '../notes/passage-status';

export interface FlaggedNote {
  id: string;
  termLabel: string;
  passageId: string;
  /** The passage as the note kept it. */
  snapshot: string;
  status: 'changed' | 'removed';
}

/** The notes whose passage changed or disappeared, oldest first. */
export async function flaggedNotes(db: ContextDatabase): Promise<FlaggedNote[]> {
  return db.transaction('r', [db.notes, db.passages], async () => {
    const notes = await db.notes.orderBy('createdAt').toArray();
    const ids = [...new Set(notes.flatMap((n) => (n.passageId ? [n.passageId] : [])))];
    const passages = new Map((await db.passages.bulkGet(ids)).flatMap((p) => (p ? [[p.id, p] as const] : [])));
    return notes.flatMap((n) => {
      const status = passageStatus(n, n.passageId ? passages.get(n.passageId) : undefined);
      return (status === 'changed' || status === 'removed') && n.passageId ? [{ id: n.id, termLabel: n.termLabel, passageId: n.passageId, snapshot: n.passageText, status }] : [];
    });
  });
}
