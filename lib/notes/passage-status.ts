/**
 * Whether the passage a note keeps is still the paper's: worked out when the notes are read (a
 * pure comparison of the note's snapshot with the stored corpus), so a corpus update needs no
 * pass over the notes, and the note's own snapshot is never touched.
 */
import type { Note } from './schema';

/** The note's passage is the paper's as saved, changed, gone, or the note has none. */
export type PassageStatus = 'current' | 'changed' | 'removed' | 'none';

/** Compares a note's passage snapshot with the passage now stored under its id (if any). */
export function passageStatus(note: Pick<Note, 'passageId' | 'passageText'>, stored: { text: string } | undefined): PassageStatus {
  if (!note.passageId) return 'none';
  if (!stored) return 'removed';
  return squash(stored.text) === squash(note.passageText) ? 'current' : 'changed';
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What the reader is told about a note's passage. */
export const PASSAGE_STATUS_TEXT: Record<PassageStatus, string> = {
  current: '',
  changed: 'The paper’s text for this passage has changed since you saved the note; your note keeps the text you saw.',
  removed: 'This passage is no longer in the paper’s corpus; your note keeps the text you saw.',
  none: '',
};
