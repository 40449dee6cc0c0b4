import { useEffect, useRef, useState } from 'preact/hooks';
import { parseTags } from '@/components/card/NoteForm';
import { formatCitation, safeLink } from '@/lib/citation';
import type { Citation } from '@/lib/corpus/schema';
import { PASSAGE_STATUS_TEXT, type PassageStatus } from '@/lib/notes/passage-status';
import type { IndexedNote } from '@/lib/notes/search';
import { textFragmentUrl } from '@/lib/notes/text-fragment';

interface Props {
  note: IndexedNote;
  status: PassageStatus;
  citation: Citation | null;
  onSave(change: { comment: string; tags: string[] }): Promise<void>;
  onDelete(): void;
  onBack(): void;
}

/**
 * One note in full: the page's words with a link back to that sentence, the comment and tags
 * (edited in place), and the paper's passage with its citation, flagged if the paper changed.
 */
export function NoteDetail({ note, status, citation, onSave, onDelete, onBack }: Props) {
  const [comment, setComment] = useState(note.comment);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    setComment(note.comment);
    setTags(note.tags.join(', '));
  }, [note.id, note.updatedAt]);
  useEffect(() => box.current?.focus(), [note.id]);
  // Escape goes back from anywhere on the page (focus may sit on the body after a save).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        onBack();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack]);
  const link = textFragmentUrl(note.pageUrl, note.quote);
  const paper = citation ? safeLink(citation.url) : null;
  const dirty = comment.trim() !== note.comment || parseTags(tags).join(',') !== note.tags.join(',');

  const save = async (event: Event) => {
    event.preventDefault();
    try {
      await onSave({ comment, tags: parseTags(tags) });
      setMessage({ error: false, text: 'Saved.' });
    } catch (error) {
      setMessage({ error: true, text: (error as Error).message });
    }
  };

  return (
    <article class="note-detail" aria-label={`Note on ${note.termLabel}`}>
      <div class="row spread">
        <button type="button" onClick={onBack} aria-label="Back to the list">
          ← Notes
        </button>
        <button type="button" class="danger" onClick={onDelete}>
          Delete note
        </button>
      </div>
      <h2>{note.termLabel}</h2>
      {note.quote && (
        <blockquote class="note-quote" data-testid="note-quote">
          {note.quote}
        </blockquote>
      )}
      <p class="muted small" data-testid="note-page">
        {link ? (
          <a href={link} target="_blank" rel="noopener noreferrer">
            {note.pageTitle || note.pageUrl}
          </a>
        ) : (
          note.pageTitle || note.pageUrl
        )}
        {link && ' (opens at the quoted sentence)'}
      </p>
      <form class="note-edit" onSubmit={save}>
        <label>
          Your note
          <textarea ref={box} rows={3} maxLength={10000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
        </label>
        <label>
          Tags <span class="hint">(separate with commas)</span>
          <input type="text" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
        </label>
        <div class="row">
          <button type="submit" class="primary" disabled={!dirty}>
            Save changes
          </button>
          {message && (
            <span role="status" class={message.error ? 'error' : 'muted'}>
              {message.text}
            </span>
          )}
        </div>
      </form>
      {note.passageText && (
        <section class="note-passage" aria-label="The paper’s passage">
          <h3>From the paper{note.passageSection ? `: ${note.passageSection}` : ''}</h3>
          {PASSAGE_STATUS_TEXT[status] && (
            <p class="warning" role="note" data-testid="passage-status">
              {PASSAGE_STATUS_TEXT[status]}
            </p>
          )}
          <blockquote>{note.passageText}</blockquote>
          {citation && (
            <p class="muted small">
              {formatCitation(citation)}
              {paper && (
                <>
                  {' '}
                  ·{' '}
                  <a href={paper} target="_blank" rel="noopener noreferrer">
                    Read the paper
                  </a>
                </>
              )}
            </p>
          )}
        </section>
      )}
    </article>
  );
}
