import { useEffect, useState } from 'preact/hooks';
import { NoteForm, type NoteInput } from '@/components/card/NoteForm';
import { askBackground, type NoteDraftView } from '@/lib/messages';

/**
 * The note form, shown in a frame inside the card. It is an extension page, so the news page
 * around it can neither read the comment nor listen to the keys that type it.
 */
export function App() {
  const token = location.hash.slice(1);
  const [draft, setDraft] = useState<NoteDraftView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    askBackground({ type: 'note-draft', token }).then(setDraft, (e: Error) => setError(e.message));
  }, [token]);

  const save = async (input: NoteInput) => {
    await askBackground({ type: 'save-draft', token, comment: input.comment, tags: input.tags, ...(input.passageId ? { passageId: input.passageId } : {}) });
  };
  const cancel = () => void askBackground({ type: 'close-draft', token }).catch(() => {});

  if (error) {
    return (
      <main class="note-page">
        <p class="error" role="alert">
          {error}
        </p>
        <button type="button" onClick={cancel}>
          Close
        </button>
      </main>
    );
  }
  if (!draft)
    return (
      <main class="note-page">
        <p class="muted">Opening the note…</p>
      </main>
    );
  return (
    <main class="note-page">
      <p class="note-about">
        Note on <strong>{draft.termLabel}</strong>: “{draft.quote.length > 110 ? `${draft.quote.slice(0, 110)}…` : draft.quote}”
      </p>
      <NoteForm passages={draft.passages} initialPassageId={draft.selectedPassageId} onSave={save} onCancel={cancel} />
    </main>
  );
}
