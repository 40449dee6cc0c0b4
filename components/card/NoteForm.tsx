import { useEffect, useRef, useState } from 'preact/hooks';
import type { NoteDraftView } from '@/lib/messages';

/** What the reader adds to a note. */
export interface NoteInput {
  comment: string;
  tags: string[];
  passageId?: string;
}

interface Props {
  passages: NoteDraftView['passages'];
  initialPassageId?: string;
  onSave(input: NoteInput): Promise<void>;
  onCancel(): void;
}

/** Parses "a, b  c" into tags: commas or spaces separate them; duplicates and empties go. */
export function parseTags(input: string): string[] {
  return [
    ...new Set(
      input
        .split(/[,\s]+/)
        .map((t) => t.trim().replace(/^#/, ''))
        .filter(Boolean),
    ),
  ]
    .slice(0, 20)
    .map((t) => t.slice(0, 40));
}

/** The note form: a comment, tags, and which passage to keep with it. */
export function NoteForm({ passages, initialPassageId, onSave, onCancel }: Props) {
  const [comment, setComment] = useState('');
  const [tags, setTags] = useState('');
  const [passageId, setPassageId] = useState(initialPassageId ?? passages[0]?.id);
  const [state, setState] = useState<{ kind: 'idle' | 'saving' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const commentBox = useRef<HTMLTextAreaElement>(null);
  // Browsers ignore `autofocus` in a cross-origin frame: focus once the frame has focus.
  useEffect(() => commentBox.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setState({ kind: 'saving' });
    try {
      await onSave({ comment: comment.trim(), tags: parseTags(tags), ...(passageId ? { passageId } : {}) });
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form class="note-form" onSubmit={submit} aria-label="Save a note">
      <label>
        Your note
        <textarea ref={commentBox} value={comment} maxLength={10000} rows={3} onInput={(e) => setComment(e.currentTarget.value)} placeholder="What struck you here?" />
      </label>
      <label>
        Tags <span class="hint">(separate with commas)</span>
        <input type="text" value={tags} onInput={(e) => setTags(e.currentTarget.value)} placeholder="artillery, UN" />
      </label>
      {passages.length > 1 && (
        <label>
          Keep with the passage
          <select value={passageId} onChange={(e) => setPassageId(e.currentTarget.value)}>
            {passages.map((p) => (
              <option key={p.id} value={p.id}>
                ¶{p.order} · {p.sectionHeading}
              </option>
            ))}
          </select>
        </label>
      )}
      {state.kind === 'error' && (
        <p class="error" role="alert">
          Not saved: {state.message}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={state.kind === 'saving'}>
          {state.kind === 'saving' ? 'Saving…' : 'Save note'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
