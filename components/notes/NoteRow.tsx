import type { IndexedNote } from '@/lib/notes/search';

interface Props {
  note: IndexedNote;
}

const day = (ms: number) => new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** One line of the list: term, the comment (or the quote), where and when. Text only. */
export function NoteRow({ note }: Props) {
  const body = note.comment || `“${note.quote}”`;
  return (
    <div class="note-row">
      <div class="note-row-top">
        <strong class="note-term">{note.termLabel}</strong>
        <span class="note-when muted">{day(note.createdAt)}</span>
      </div>
      <div class="note-body">{body}</div>
      <div class="note-meta muted">
        {note.site}
        {note.tags.length > 0 && <span class="note-tags"> · {note.tags.map((t) => `#${t}`).join(' ')}</span>}
      </div>
    </div>
  );
}
